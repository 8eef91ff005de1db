"""Plan + catalogue → blocks: numbering, every problem listed before rendering, the sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.model import (
    Catalogue,
    Clause,
    DrafterError,
    Plan,
    PlanChapter,
    PlanItem,
    PlanMeta,
    PlanOptions,
    PlanText,
    Slot,
    Variant,
)
from drafter.model.placeholders import scan
from drafter.render.blocks import preview_blocks, render_blocks
from drafter.render.build import build_document
from drafter.render.text import blocks_to_markdown, blocks_to_text


def _catalogue() -> Catalogue:
    cat = Catalogue()
    cat.add(Clause(id="zt-000001", chapter="总体要求", lead="", kind="preamble",
                   body="{{ 年份 }}年全{{ 地区 }}教育工作的总体要求是：稳中求进。"))
    cat.add(Clause(id="zt-000002", chapter="总体要求", lead="", kind="closing",
                   body="让我们凝心聚力，奋力开创{{ 地区 }}教育新局面。"))
    cat.add(Clause(id="dj-000001", chapter="党建", lead="加强党的建设", body="全面从严治党。",
                   owners=["组织科"]))
    cat.add(Clause(id="js-000001", chapter="教师队伍", lead="加强教师培训",
                   body="培训教师{{ 培训人数 }}人，覆盖率{{ 覆盖率 }}%。", owners=["人事科"],
                   slots=[Slot("培训人数", "培训教师人数", "integer", "人"),
                          Slot("覆盖率", "培训覆盖率", "percent", "%", 90)],
                   variants=[Variant(id="js-000001/2", lead="抓好教师研修",
                                     body="研修{{ 培训人数 }}人次。",
                                     slots=[Slot("培训人数", "研修人次", "integer")],
                                     owners=["教研室"])]))
    cat.add(Clause(id="bz-000001", chapter="保障", lead="保障经费投入",
                   body="投入{{ 经费 }}万元，{{ 年份 + 1 }}年前完成。",
                   slots=[Slot("经费", "教育经费", "decimal", "万元")]))
    cat.add(Clause(id="bz-000002", chapter="保障", lead="维护校园安全", body="开展安全教育。"))
    return cat


def _plan(numbering: str = "continuous", **options: object) -> Plan:
    return Plan(
        meta=PlanMeta(region="测试市", year=2025, organ="测试市教育局", date="2025-01-10",
                      options=PlanOptions(numbering=numbering, **options)),  # type: ignore[arg-type]
        preamble=PlanText(clause="zt-000001"),
        chapters=[
            PlanChapter(key="党建", items=[PlanItem(clause="dj-000001", line=10)], line=9),
            PlanChapter(key="教师队伍", items=[
                PlanItem(clause="js-000001", line=12),
                PlanItem(clause="js-000001", variant="js-000001/2", values={"培训人数": 40},
                         line=13),
            ], line=11),
            PlanChapter(key="保障", heading="{{ 地区 }}教育保障", items=[
                PlanItem(clause="bz-000001", line=15),
                PlanItem(clause="bz-000002", line=16),
            ], line=14),
        ],
        closing=PlanText(clause="zt-000002"),
        values={"培训人数": 120, "经费": "1,200.5"},
        path="plan.yaml",
    )


def _items(plan: Plan) -> list[tuple[str, str, str]]:
    return [(b.marker, b.lead, b.text) for b in render_blocks(plan, _catalogue())
            if b.role in ("item", "section")]


def test_blocks_in_document_order() -> None:
    blocks = render_blocks(_plan(), _catalogue())
    assert [b.role for b in blocks] == ["title", "preamble", "chapter", "item", "chapter", "item",
                                        "item", "chapter", "item", "item", "closing"]
    assert blocks[0].text == "测试市教育局2025年工作要点"
    assert blocks[1].text == "2025年全测试市教育工作的总体要求是：稳中求进。"
    assert [b.marker + b.text for b in blocks if b.role == "chapter"] == [
        "一、坚持党的全面领导，加强教育系统党的建设", "二、加强高素质专业化教师队伍建设",
        "三、测试市教育保障"]
    item = blocks[5]
    assert (item.lead, item.text) == ("加强教师培训。", "培训教师120人，覆盖率90%。")
    assert item.owners == ["人事科"]
    assert (item.location.chapter, item.location.item, item.location.clause,
            item.location.line) == (2, 2, "js-000001", 12)
    variant = blocks[6]
    assert (variant.lead, variant.text, variant.owners) == ("抓好教师研修。", "研修40人次。",
                                                            ["教研室"])
    assert blocks[8].text == "投入1200.5万元，2026年前完成。"


@pytest.mark.parametrize(
    ("numbering", "markers"),
    [
        ("continuous", ["1.", "2.", "3.", "4.", "5."]),  # straight through the chapters
        ("per_chapter", ["1.", "1.", "2.", "1.", "2."]),  # restart in every chapter
        ("sections", ["（一）", "（一）", "（二）", "（一）", "（二）"]),  # run-in （一） items
    ],
)
def test_numbering_styles(numbering: str, markers: list[str]) -> None:
    assert [m for m, _, _ in _items(_plan(numbering))] == markers


def test_sections_group_items_under_headings() -> None:
    plan = _plan("sections")
    teachers = plan.chapters[1].items
    teachers[0].section = teachers[1].section = "强化教师培训"
    plan.chapters[1].items.append(PlanItem(lead="自定义", body="正文。"))
    got = _items(plan)[1:5]
    assert got == [("（一）", "", "强化教师培训"),
                   ("1.", "加强教师培训。", "培训教师120人，覆盖率90%。"),
                   ("2.", "抓好教师研修。", "研修40人次。"),
                   ("（二）", "自定义。", "正文。")]


def test_caption_owners_signature_and_date() -> None:
    plan = _plan(caption="（{{ 年份 }}年1月10日局党组会议审议通过）", owners=True,
                 signature=True)
    blocks = render_blocks(plan, _catalogue())
    assert blocks[1].role == "caption" and blocks[1].text == "（2025年1月10日局党组会议审议通过）"
    assert blocks[4].text == "全面从严治党。（责任科室：组织科）"
    assert [(b.role, b.text) for b in blocks[-2:]] == [("signature", "测试市教育局"),
                                                      ("date", "2025年1月10日")]
    assert "责任科室" not in "".join(b.text for b in render_blocks(_plan(), _catalogue()))


def test_every_missing_value_is_listed_with_its_place() -> None:
    plan = _plan()
    plan.values = {}
    plan.meta.region = ""
    with pytest.raises(DrafterError) as info:
        render_blocks(plan, _catalogue())
    text = str(info.value)
    assert "plan.yaml:12 第二章 第2条 （js-000001）：缺少参数“培训教师人数”" in text
    assert "plan.yaml:15 第三章 第4条 （bz-000001）：缺少参数“教育经费”" in text
    assert "地区" in text  # used by the preamble and a heading
    assert "覆盖率" not in text  # has a default
    assert "研修人次" not in text  # given on the item


@pytest.mark.parametrize(
    ("values", "fragment"),
    [
        ({"培训人数": "十二", "经费": 1}, "“培训教师人数”（培训人数）的值有误"),
        ({"培训人数": 1, "经费": "很多"}, "不是数字"),
        ({"培训人数": 1, "经费": 1, "覆盖率": "120%"}, "0 到 100"),
        ({"培训人数": 1, "经费": 1, "年份": "明年"}, "不是年份"),
    ],
)
def test_values_of_the_wrong_type(values: dict[str, object], fragment: str) -> None:
    plan = _plan()
    plan.values = values
    with pytest.raises(DrafterError) as info:
        render_blocks(plan, _catalogue())
    assert fragment in str(info.value)


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda p: setattr(p.chapters[0].items[0], "clause", "dj-ffffff"),
         "plan.yaml:10 第一章 第1条 （dj-ffffff）：条目编号“dj-ffffff”不在目录中"),
        (lambda p: setattr(p.chapters[1].items[1], "variant", "js-000001/9"),
         "变体“js-000001/9”不存在"),
        (lambda p: setattr(p, "closing", PlanText(clause="zt-ffffff")), "结束语"),
    ],
)
def test_unknown_ids(change, fragment: str) -> None:  # type: ignore[no-untyped-def]
    plan = _plan()
    change(plan)
    with pytest.raises(DrafterError) as info:
        render_blocks(plan, _catalogue())
    assert fragment in str(info.value)


ATTACKS = ["{{ ''.__class__ }}", "{{ ''.__class__.__mro__[1].__subclasses__() }}",
           "{% for x in range(9) %}x{% endfor %}", "{{ 地区|upper }}"]


@pytest.mark.parametrize("attack", ATTACKS)
def test_unsafe_clause_text_is_refused_and_nothing_written(attack: str, tmp_path: Path) -> None:
    cat = _catalogue()
    cat.get("bz-000002").body = attack  # type: ignore[union-attr]
    out = tmp_path / "out.md"
    with pytest.raises(DrafterError) as info:
        build_document(_plan(), cat, out, fmt="md")
    assert "第三章 第5条" in str(info.value) and "占位符" in str(info.value)
    assert not out.exists()


@pytest.mark.parametrize("attack", ATTACKS)
def test_unsafe_custom_text_is_refused(attack: str) -> None:
    plan = _plan()
    plan.chapters[0].items.append(PlanItem(lead="自定义", body=attack, line=11))
    with pytest.raises(DrafterError) as info:
        render_blocks(plan, _catalogue())
    assert "plan.yaml:11 第一章 第2条" in str(info.value)


def test_arithmetic_on_text_is_a_chinese_error() -> None:
    plan = _plan()
    plan.chapters[0].items.append(PlanItem(lead="自定义", body="{{ 地区 + 1 }}", line=11))
    with pytest.raises(DrafterError) as info:
        render_blocks(plan, _catalogue())
    assert "只有数字可以加减" in str(info.value) and "plan.yaml:11" in str(info.value)


def test_special_characters_appear_literally() -> None:
    plan = _plan()
    plan.meta.region = "<测试&\"市'>"
    blocks = render_blocks(plan, _catalogue())
    assert blocks[0].text == "<测试&\"市'>教育局2025年工作要点"
    assert "<测试&\"市'>" in blocks_to_text(blocks)
    assert "\\<测试&\"市'\\>" in blocks_to_markdown(blocks)  # escaped for Markdown only


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("第一行，\n  第二行。", "第一行，第二行。"),  # Chinese: joined with nothing
        ("use the\nsmart board。", "use the smart board。"),  # Latin words keep a space
        ("末尾换行。\n", "末尾换行。"),
    ],
)
def test_multi_line_text_is_one_paragraph(body: str, text: str) -> None:
    plan = _plan()
    plan.chapters[0].items = [PlanItem(lead="自定义", body=body)]
    blocks = render_blocks(plan, _catalogue())
    assert next(b.text for b in blocks if b.role == "item") == text


def test_text_and_markdown_layout() -> None:
    blocks = render_blocks(_plan(), _catalogue())
    text = blocks_to_text(blocks).splitlines()
    assert text[0] == "测试市教育局2025年工作要点" and text[1] == ""
    assert text[3] == "\u3000\u3000一、坚持党的全面领导，加强教育系统党的建设"
    assert text[4] == "\u3000\u30001.加强党的建设。全面从严治党。"
    md = blocks_to_markdown(blocks)
    assert "# 测试市教育局2025年工作要点\n" in md
    assert "## 一、坚持党的全面领导" in md and "1.**加强党的建设。**全面从严治党。" in md


def test_user_template_folder(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "document.j2").write_text(
        '{{ block("title", text=title) }}\n此件公开发布\n'
        '{% for ch in chapters %}{% for it in ch.entries %}'
        '{{ block("item", marker=it.marker, lead=it.lead, text=it.body) }}'
        '{% endfor %}{% endfor %}\n', encoding="utf-8")
    plan = _plan()
    plan.path = str(tmp_path / "plan.yaml")
    plan.meta.template = "mine"  # a folder beside the plan file
    blocks = render_blocks(plan, _catalogue())
    assert [b.role for b in blocks] == ["title", "preamble"] + ["item"] * 5
    assert blocks[1].text == "此件公开发布"


def test_user_template_by_name_in_drafter_home(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    (home / "templates" / "县级").mkdir(parents=True)
    (home / "templates" / "县级" / "document.j2").write_text(
        '{{ block("title", text=title ~ "（征求意见稿）") }}\n', encoding="utf-8")
    monkeypatch.setenv("DRAFTER_HOME", str(home))
    plan = _plan()
    plan.meta.template = "县级"
    blocks = render_blocks(plan, _catalogue())
    assert [(b.role, b.text) for b in blocks] == [
        ("title", "测试市教育局2025年工作要点（征求意见稿）")]


@pytest.mark.parametrize(
    ("skeleton", "fragment"),
    [
        ("{{ block.__globals__ }}", "不安全"),  # sandbox refuses function internals
        ("{{ nothing_here }}", "没有对应的值"),  # StrictUndefined
        ("{% for %}", "语法错误"),
        ('{{ block("table", text="x") }}', "未知的块类型"),
    ],
)
def test_bad_user_templates(tmp_path: Path, skeleton: str, fragment: str) -> None:
    (tmp_path / "bad.j2").write_text(skeleton, encoding="utf-8")
    plan = _plan()
    plan.meta.template = str(tmp_path / "bad.j2")
    with pytest.raises(DrafterError) as info:
        render_blocks(plan, _catalogue())
    assert fragment in str(info.value)


def test_unknown_template_name() -> None:
    plan = _plan()
    plan.meta.template = "no_such_template"
    with pytest.raises(DrafterError) as info:
        render_blocks(plan, _catalogue())
    assert "gongzuo_yaodian" in str(info.value)


def test_preview_renders_what_it_can_and_lists_problems() -> None:
    plan = _plan()
    plan.values = {"经费": "很多"}
    plan.chapters[0].items.append(PlanItem(clause="dj-ffffff", line=11))
    plan.chapters[0].items.append(PlanItem(lead="坏", body="{{ ''.__class__ }}", line=12))
    blocks, problems = preview_blocks(plan, _catalogue())
    text = blocks_to_text(blocks)
    assert "培训教师【待填：培训教师人数】人" in text  # missing value marked with its label
    assert "投入【有误：教育经费】万元" in text  # invalid value marked
    assert "【目录中没有条目 dj-ffffff】" in text
    assert "{{ ''.__class__ }}" in text  # shown as written, never rendered
    messages = "\n".join(str(p) for p in problems)
    assert "dj-ffffff" in messages and "不允许“.”" in messages


# --------------------------------------------------------------------------- the name fast path

_JINJA_CASES = [
    "{{ 地区 }}教育局", "{{地区}}\n", "a\r\nb{{ 年份 }}\r\n", "{{ 比例 }}%{{ 真 }}{{ 空 }}",
    "x }} y {{ 多行 }}\n\n", "  前导 {{ 年份 }} 空格  ", "{{ 年份 }}\r", "{{ 年份 }}两行\n\n",
    "{{ 年份 + 1 }}年", "{{ '{' }}括号", "{{ 地区 }}{{ 年份 - 1 }}", "{{ 缺 }}",
]


@pytest.mark.parametrize("text", _JINJA_CASES)
def test_bare_names_render_exactly_as_jinja_does(text: str) -> None:
    """render_text substitutes bare `{{ 名称 }}` itself (compiling every clause text with
    Jinja dominated a build); what it prints must be Jinja's, byte for byte, and anything
    more than a bare name with a value still goes to Jinja (and its errors)."""
    from jinja2 import UndefinedError

    from drafter.model.placeholders import scan
    from drafter.render.env import _compiled, render_text, substitute

    ctx = {"地区": "安顺市", "年份": 2025, "比例": 12.5, "真": True, "空": None, "多行": "a\r\nb"}
    tags = scan(text).tags
    fast = substitute(text, tags, ctx)
    try:
        jinja: str | None = _compiled(text).render(ctx)
    except UndefinedError:  # the name without a value: Jinja says so, and so must we
        jinja = None
    if fast is not None:
        assert fast == jinja
    names_only = all(t.kind == "{{" and t.inner.strip() in ctx for t in tags)
    assert (fast is not None) == names_only  # taken exactly when every tag is a known name
    if jinja is None:
        with pytest.raises(DrafterError, match="占位符“缺”没有对应的值"):
            render_text(text, ctx)
    else:
        assert render_text(text, ctx) == jinja


@pytest.mark.parametrize("name", ["第①项", "x²", "①"])
def test_a_name_jinja_cannot_read_is_not_substituted(name: str) -> None:
    """Jinja reads only identifiers: `{{ 第①项 }}` was rendered by substitute though Jinja
    refuses it. substitute leaves it alone, and the placeholder scanner now refuses it before
    Jinja sees it (tests/test_placeholder_names_jinja.py), naming the character's kind."""
    from drafter.render.env import render_text, substitute

    text = "{{ " + name + " }}个"
    assert substitute(text, scan(text).tags, {name: 3}) is None
    with pytest.raises(DrafterError, match="不能用于名称的字符"):
        render_text(text, {name: 3})


def test_a_value_str_cannot_print_is_a_chinese_error() -> None:
    """str() of an int past Python's digit limit raises ValueError: Jinja's render did so
    inside render_text's try (a Chinese error); substitute must not let it out as a traceback."""
    from drafter.render.env import render_text

    with pytest.raises(DrafterError, match="渲染失败"):
        render_text("{{ 数量 }}所", {"数量": 10**5000})


def test_every_bundled_clause_renders_as_jinja_would() -> None:
    """The bundled catalogue's every lead and body, with a value for each name."""
    from drafter.catalog import open_catalogue
    from drafter.model.placeholders import scan
    from drafter.render.env import _compiled, substitute

    checked = 0
    for clause in open_catalogue():
        for text in [clause.lead, clause.body, *(v.body for v in clause.variants)]:
            found = scan(text)
            if "{" not in text or found.problems:
                continue
            ctx = {name: f"值{i}" if i % 2 else i * 7 for i, name in enumerate(found.names)}
            fast = substitute(text, found.tags, ctx)
            if fast is not None:
                assert fast == _compiled(text).render(ctx), clause.id
                checked += 1
    assert checked > 20
