"""A format declared once: the validating model generated from a model dataclass."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

import pytest
from pydantic import Field

from drafter.model import DrafterError
from drafter.util.dataclass_models import build, model_for
from drafter.util.validation import Strict, validate
from drafter.util.yamlio import load_yaml


@dataclass(frozen=True)
class Inner:
    size: int
    words: tuple[str, ...] = ()


@dataclass
class Outer:
    name: str
    inner: Inner
    kind: Literal["a", "b"] = "a"
    extra: Inner | None = None
    tags: dict[str, str] = field(default_factory=dict)
    line: int | None = field(default=None, compare=False)  # bookkeeping: not in the file


MODEL = model_for(Outer, Strict, {Inner: {"size": Annotated[int, Field(gt=0)]}})


def _load(text: str) -> Outer:
    data, lines = load_yaml(text, "f.yaml")
    return build(Outer, validate(MODEL, data, lines, "f.yaml").model_dump())


def test_a_valid_file_builds_the_dataclasses() -> None:
    outer = _load("name: x\ninner:\n  size: 2\n  words: [年, 局]\nextra:\n  size: 1\n")
    assert outer == Outer("x", Inner(2, ("年", "局")), extra=Inner(1))
    assert isinstance(outer.inner.words, tuple)  # a YAML list back into the tuple field


@pytest.mark.parametrize(("text", "line", "fragment"), [
    ("name: x\ninner:\n  size: 0\n", 3, "“inner.size”应大于 0"),  # the rule
    ("name: x\ninner:\n  size: 1\nkind: c\n", 4, "应是 a、b 之一"),  # the Literal
    ("name: x\ninner:\n  size: 1\nline: 3\n", 4, "未知字段“line”"),  # bookkeeping is not data
    ("name: x\ninner:\n  size: '1'\n", 3, "应是整数"),  # strict: no coercion
    ("name: x\n", None, "缺少 inner"),
])
def test_problems_come_from_the_dataclass_types(text: str, line: int | None,
                                                fragment: str) -> None:
    with pytest.raises(DrafterError) as err:
        _load(text)
    problem = next(p for p in err.value.problems if fragment in p.message)
    assert line is None or problem.line == line


def test_a_rule_for_a_field_the_dataclass_lacks_is_refused() -> None:
    with pytest.raises(TypeError, match="colour"):
        model_for(Inner, Strict, {Inner: {"colour": str}})


def test_the_plan_meta_format_is_the_meta_dataclasses() -> None:
    """Plan meta, options and notice are declared once: as the model dataclasses."""
    import dataclasses

    from drafter.model import PlanMeta, PlanOptions
    from drafter.model.notice import PlanNotice
    from drafter.plans import plan_from_yaml
    from drafter.plans.schema import MetaModel, NoticeModel

    assert set(MetaModel.model_fields) == {f.name for f in dataclasses.fields(PlanMeta)}
    assert set(NoticeModel.model_fields) == {f.name for f in dataclasses.fields(PlanNotice)}
    options = MetaModel.model_fields["options"].annotation
    assert set(options.model_fields) == {  # type: ignore[union-attr]
        f.name for f in dataclasses.fields(PlanOptions)}
    plan = plan_from_yaml("meta:\n  year: 2026\n  options:\n    dash: '-'\n  notice:\n"
                          "    organs: 甲局、乙局\n", "p.yaml")
    assert type(plan.meta) is PlanMeta and type(plan.meta.options) is PlanOptions
    assert plan.meta.options.dash == "-" and plan.meta.notice.organs == ["甲局", "乙局"]
    assert plan.meta.notice == PlanNotice(organs=["甲局", "乙局"])


def test_dataclasses_inside_a_rule_are_validated_by_their_own_models() -> None:
    """A rule's type (here a list of Inner) still gets Inner's generated model and rules."""
    from pydantic import BeforeValidator

    @dataclass
    class Holder:
        inners: list[Inner] = field(default_factory=list)

    model = model_for(Holder, Strict, {
        Holder: {"inners": Annotated[list[Inner], BeforeValidator(lambda v: v or [])]},
        Inner: {"size": Annotated[int, Field(gt=0)]}})
    data, lines = load_yaml("inners:\n- size: 0\n- size: 1\n  colour: red\n", "f.yaml")
    with pytest.raises(DrafterError) as err:
        validate(model, data, lines, "f.yaml")
    assert [p.line for p in err.value.problems] == [2, 4]
    assert build(Holder, model.model_validate({"inners": [{"size": 2}]})) == Holder([Inner(2)])
