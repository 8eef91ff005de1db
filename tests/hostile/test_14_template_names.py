"""Case 14: Jinja's own names never reach a document.

A slot named `self` rendered `<TemplateReference None>`; `{{ lipsum }}`, `{{ dict }}` and
`{{ cycler }}` in meta.organ or a heading printed Python reprs. Now the scanner refuses Jinja's
reserved names, and the sandbox has no globals, so any other unknown name is a missing value.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.model.errors import DrafterError
from drafter.render.env import render_text
from tests.hostile.helpers import city_plan, run_here


@pytest.mark.parametrize("name", ["self", "lipsum", "dict", "cycler", "joiner", "namespace",
                                  "range", "loop"])
@pytest.mark.parametrize("field", ["organ", "title"])
def test_reserved_names_in_plan_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       name: str, field: str) -> None:
    old = {"organ": "organ: 安顺市教育局", "title": 'title: "{{ 地区 }}{{ 年份 }}年教育工作要点"'}
    plan = city_plan(tmp_path, old[field], f'{field}: "{{{{ {name} }}}}"')
    out = tmp_path / "x.md"
    result = run_here(capsys, "build", str(plan), "-o", str(out)).refused(name)
    assert "<" not in result.err and "object at" not in result.err
    assert not out.exists()


def test_reserved_slot_name_in_a_catalogue_is_flagged(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from tests.hostile.helpers import small_catalogue

    cat = small_catalogue(tmp_path / "catalog")
    path = cat / "党建.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    开展主题教育", "    {{ self }}开展主题教育", 1),
                    encoding="utf-8")
    run_here(capsys, "catalog", "check", str(cat)).refused("党建.yaml:", "self")


def test_the_sandbox_has_no_globals() -> None:
    for name in ("lipsum", "dict", "cycler", "joiner", "namespace"):
        with pytest.raises(DrafterError):
            render_text(f"{{{{ {name} }}}}", {})
    # a heading that renders a section's own text never shows a repr
    assert render_text("{{ 地区 }}", {"地区": "西秀区"}) == "西秀区"
