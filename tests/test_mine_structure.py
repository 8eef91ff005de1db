"""Structure: title, year, region, genre, chapters, sections, items, leads, owners, wrappers."""

from __future__ import annotations

from pathlib import Path

import docx
import opencc
import pytest

from drafter.mine.clause_text import extract_owners, split_lead
from drafter.mine.markers import cn_to_int, parse_marker
from drafter.mine.pipeline import mine_file
from drafter.model import MinedDocument
from tests.conftest import DATA, corpus_file

MINE = DATA / "mine"


def shape(doc: MinedDocument) -> list[tuple[str, str, list[tuple[str, str | None, str, str]]]]:
    return [(c.marker, c.heading, [(i.marker, i.section, i.lead, i.body) for i in c.items])
            for c in doc.chapters]


def leads(doc: MinedDocument) -> list[str]:
    return [i.lead for i in doc.items()]


# ---------------------------------------------------------------- the corpus


def test_000_straight_numbering_and_junk_excerpt() -> None:
    doc = mine_file(corpus_file("000"))
    assert (doc.title, doc.year, doc.genre) == ("XX市教育局2024年工作要点", 2024, "要点")
    assert len(doc.chapters) == 6 and len(doc.items()) == 34
    assert [i.marker for i in doc.items()] == [f"{n}." for n in range(1, 35)]
    assert leads(doc)[0] == "开展党的理论学习宣传和教育培训系列活动"
    assert leads(doc)[33] == "加强服务型机关建设"
    assert doc.chapters[0].heading == "推进党的建设，加强党对教育工作的全面领导"
    assert doc.preamble is not None and doc.preamble.startswith("2024年全市教育工作的总体要求是")
    assert len(doc.dropped) == 1 and doc.dropped[0].endswith("...")  # the excerpt line


def test_001_inner_title_restarting_numbers_no_junk() -> None:
    doc = mine_file(corpus_file("001"))
    assert doc.title == "教育局2020年工作要点（市级）" and doc.year == 2020
    assert len(doc.chapters) == 9 and len(doc.items()) == 41
    assert [len(c.items) for c in doc.chapters] == [5, 4, 6, 6, 5, 4, 4, 4, 3]
    assert all(c.items[0].marker == "1." for c in doc.chapters)
    item = doc.chapters[3].items[3]  # 四.4 had "当前隐藏内容免费查看" inside its paragraph
    assert item.lead == "推进产教融合校企协同育人"
    teacher = doc.chapters[4].items[3]
    assert teacher.lead == "加强教研员队伍建设"
    assert "推广专兼职互补制度，鼓励教育一线优秀教师参与研训工作" in teacher.body
    every = "\n".join([doc.title or "", doc.preamble or ""]
                      + [f"{i.lead}{i.body}" for i in doc.items()])
    for junk in ("当前隐藏内容", "小编", "推荐访问", "来源", "免费查看"):
        assert junk not in every
    assert "一是青少年近视防控项目" in doc.chapters[8].items[0].body  # 一是 stays in its clause


def test_002_no_title() -> None:
    doc = mine_file(corpus_file("002"))
    assert doc.title is None and doc.year == 2024 and doc.region == "安顺市"
    assert len(doc.chapters) == 5 and len(doc.items()) == 25
    assert doc.preamble is not None and doc.preamble.startswith("2024年全市教育工作的总体要求是")


def test_003_summary_and_plan_told_apart() -> None:
    doc = mine_file(corpus_file("003"))
    assert doc.genre == "总结+计划" and doc.year == 2024
    done = doc.chapters[1]
    assert done.heading == "主要做法及成效"
    assert [i.marker for i in done.items] == [*(f"（{n}）" for n in "一二三四五六"), ""]
    assert {i.kind for i in done.items} == {"summary"}
    wrap_up = done.items[-1]  # "一年来，……" closes the chapter; it is not part of （六）
    assert wrap_up.body.startswith("一年来，广大教育工作者") and wrap_up.line == 27
    assert "一年来" not in done.items[-2].body
    plan = [i for i in doc.chapters[2].items if i.marker]
    assert [i.marker for i in plan] == [f"（{n}）" for n in "一二三四五"]
    assert {i.kind for i in plan} == {"plan"}
    assert plan[0].lead == "着力在基层党组织建设上下功夫，构建党建新格局"
    assert plan[0].body.startswith("一是以习近平新时代中国特色社会主义思想")
    assert all("以下几个方面" not in i.body for i in doc.items())  # lead-in sentence skipped


def test_004_standalone_section_headings_and_closing() -> None:
    doc = mine_file(corpus_file("004"))
    assert doc.title == "某市2025年教育工作要点" and doc.year == 2025
    assert len(doc.chapters) == 6 and len(doc.items()) == 24
    first = doc.chapters[0].items[0]
    assert (first.marker, first.lead, first.section) == ("（一）", "科学谋划教育布局蓝图", None)
    assert first.body.startswith("依据XX市经济社会发展态势")
    assert all("\n" not in i.lead and i.body for i in doc.items())
    assert doc.closing is not None and doc.closing.startswith("XX市教育系统将以高度的责任感")
    assert doc.closing_line == 121
    assert doc.closing not in doc.chapters[-1].items[-1].body
    assert not any("付费" in i.body or "验证码" in i.body for i in doc.items())


# ---------------------------------------------------------------- other layouts


def test_three_levels_owners_and_half_width_brackets() -> None:
    doc = mine_file(MINE / "three_level.txt")
    assert (doc.title, doc.year, doc.region, doc.genre) == (
        "XX县教育局2025年工作计划", 2025, "XX县", "计划")
    assert shape(doc)[0] == ("一、", "加强党的建设", [
        ("1.", "夯实基层党组织", "推进党支部标准化建设",
         "年内建成标准化党支部12个，组织党员培训2次。"),
        ("2.", "夯实基层党组织", "深化清廉学校建设",
         "一是健全制度；二是加强监督；三是开展警示教育。"),
        ("3.", "加强意识形态工作", "落实意识形态工作责任制",
         "定期研判意识形态形势，加强阵地管理。"),
    ])
    items = doc.items()
    assert items[0].owners == ["组织人事科", "机关党委"]
    assert items[1].owners == ["纪检组", "各中小学"]
    assert items[3].owners == ["基教股"] and "责任" not in items[3].body
    assert items[4].body == "确保学生每天校园体育活动不少于2小时，时间为8:30-9:00和15:30-16:10。"
    assert items[6].section is None  # 三、 has items but no sections
    assert doc.closing is not None and doc.closing.startswith("全县教育系统要以更加饱满的热情")
    assert [i.line for i in items] == [7, 8, 10, 13, 15, 16, 18, 19]


def test_notice_wrapper_is_neither_title_nor_clause() -> None:
    doc = mine_file(MINE / "notice.txt")
    assert doc.title == "XX市2024年教育工作要点" and doc.year == 2024
    assert doc.preamble == ("2024年全市教育工作的总体要求是：坚持以习近平新时代中国特色社会主义"
                            "思想为指导，全面贯彻党的二十大精神。")
    assert leads(doc) == ["深化主题教育成果", "加强基层党组织建设",
                          "深化教育评价改革", "推进教育数字化"]
    text = "".join(f"{i.lead}{i.body}" for i in doc.items())
    assert "印发" not in text and "抄送" not in text and "主动公开" not in text


def test_notice_name_is_the_title_when_the_plan_has_none(tmp_path: Path) -> None:
    lines = (MINE / "notice.txt").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "n.txt"
    path.write_text("\n".join(x for x in lines if x != "XX市2024年教育工作要点"), encoding="utf-8")
    assert mine_file(path).title == "XX市2024年教育工作要点"


def test_table_of_contents_and_unnumbered_items() -> None:
    doc = mine_file(MINE / "toc.txt")
    assert doc.title == "XX区2024年教育工作计划"
    assert [c.heading for c in doc.chapters] == ["指导思想", "工作目标", "主要任务", "保障措施"]
    # 一、指导思想 is the preamble; 二、工作目标 is a prose chapter: chapter text, not a clause
    assert [len(c.items) for c in doc.chapters] == [0, 0, 3, 2]
    assert doc.chapters[1].intro is not None and doc.chapters[1].intro.startswith("全区学前三年")
    assert doc.preamble == (
        "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，办好人民满意的教育。")
    unnumbered = doc.chapters[3].items
    assert [i.marker for i in unnumbered] == ["", ""]
    # nothing numbers the chapter: each paragraph is an item led by its first sentence (issue 11)
    assert (unnumbered[0].lead, unnumbered[0].body) == ("强化经费保障，落实生均公用经费标准", "")
    assert doc.chapters[2].items[1].lead == "推进优质均衡"


def test_traditional_characters_mine_like_simplified(tmp_path: Path) -> None:
    source = (MINE / "three_level.txt").read_text(encoding="utf-8")
    path = tmp_path / "trad.txt"
    path.write_text(opencc.OpenCC("s2t").convert(source), encoding="utf-8")
    assert shape(mine_file(path)) == shape(mine_file(MINE / "three_level.txt"))


def test_same_plan_as_txt_and_docx_gives_same_clauses(tmp_path: Path) -> None:
    txt = MINE / "three_level.txt"
    document = docx.Document()
    for line in txt.read_text(encoding="utf-8").splitlines():
        if line:
            document.add_paragraph(line)
    path = tmp_path / "three_level.docx"
    document.save(str(path))
    from_txt, from_docx = mine_file(txt), mine_file(path)
    assert shape(from_docx) == shape(from_txt)
    assert [i.owners for i in from_docx.items()] == [i.owners for i in from_txt.items()]
    assert (from_docx.title, from_docx.preamble, from_docx.closing) == (
        from_txt.title, from_txt.preamble, from_txt.closing)


def test_corpus_plan_as_docx_gives_same_clauses(tmp_path: Path) -> None:
    txt = corpus_file("004")
    document = docx.Document()
    for line in txt.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "004.docx"
    document.save(str(path))
    assert shape(mine_file(path)) == shape(mine_file(txt))


@pytest.mark.parametrize(
    "transform",
    [
        pytest.param(lambda t: t.encode("gbk"), id="gbk"),
        pytest.param(lambda t: t.encode("utf-16"), id="utf-16"),
        pytest.param(lambda t: t.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
        pytest.param(lambda t: "\n".join(_wrap(t, 22)).encode("utf-8"), id="hard-wrapped"),
        pytest.param(lambda t: t.replace("\n", "").encode("utf-8"), id="line-breaks-lost"),
    ],
)
def test_same_plan_in_other_shapes(tmp_path: Path, transform: object) -> None:
    source = (MINE / "three_level.txt").read_text(encoding="utf-8")
    path = tmp_path / "plan.txt"
    path.write_bytes(transform(source))  # type: ignore[operator]
    doc, base = mine_file(path), mine_file(MINE / "three_level.txt")
    assert shape(doc) == shape(base)
    assert (doc.title, doc.preamble, doc.closing) == (base.title, base.preamble, base.closing)


def _wrap(text: str, width: int) -> list[str]:
    out: list[str] = []
    for para in text.split("\n"):
        while len(para) > width:
            out.append(para[:width])
            para = para[width:]
        if para:
            out.append(para)
    return out


# ---------------------------------------------------------------- small parts


@pytest.mark.parametrize(
    ("text", "kind", "number", "marker", "rest"),
    [
        ("一、加强党建", "chapter", 1, "一、", "加强党建"),
        ("十二、其他", "chapter", 12, "十二、", "其他"),
        ("（三）强化保障", "section", 3, "（三）", "强化保障"),
        ("(一)科学谋划", "section", 1, "（一）", "科学谋划"),  # half-width brackets
        ("12.深化改革", "item", 12, "12.", "深化改革"),
        ("3、加强管理", "item", 3, "3、", "加强管理"),
        ("4．提升质量", "item", 4, "4.", "提升质量"),  # full-width full stop
        ("（2）细化措施", "sub", 2, "（2）", "细化措施"),
        ("第二部分 下步打算", "part", 2, "第二部分", "下步打算"),
    ],
)
def test_markers(text: str, kind: str, number: int, marker: str, rest: str) -> None:
    m = parse_marker(text)
    assert m is not None and (m.kind, m.number, m.text, m.rest) == (kind, number, marker, rest)


@pytest.mark.parametrize(
    "text", ["一是加强领导", "1.5万人持证", "2024年全市", "十四五规划", "（2024年修订）"]
)
def test_not_markers(text: str) -> None:
    assert parse_marker(text) is None


def test_cn_numerals() -> None:
    numerals = ("一", "九", "十", "十一", "二十", "二十三")
    assert [cn_to_int(n) for n in numerals] == [1, 9, 10, 11, 20, 23]
    assert cn_to_int("是") is None


@pytest.mark.parametrize(
    ("text", "lead", "body"),
    [
        ("加强基层党组织建设。推进党支部建设。", "加强基层党组织建设", "推进党支部建设。"),
        ("加强师德建设：完善考核制度。", "加强师德建设", "完善考核制度。"),  # early colon
        ("总体要求是：坚持立德树人。", "总体要求是：坚持立德树人", ""),  # "是：" does not
        ("开展“学雷锋。”活动。继续推进。", "开展“学雷锋。”活动", "继续推进。"),  # 。 inside quotes
        ("完成上级交办的其他任务", "完成上级交办的其他任务", ""),  # one short sentence, no 。
    ],
)
def test_split_lead(text: str, lead: str, body: str) -> None:
    assert split_lead(text) == (lead, body)


@pytest.mark.parametrize(
    ("text", "cleaned", "owners"),
    [
        ("落实到位。（责任科室：基教科、德体卫科）", "落实到位。", ["基教科", "德体卫科"]),
        ("落实到位（牵头单位：市教育局；配合单位：市财政局，市人社局）。", "落实到位。",
         ["市教育局", "市财政局", "市人社局"]),
        ("落实到位。(责任单位:各县区教育局等)", "落实到位。", ["各县区教育局"]),
        ("新建学校（含幼儿园）3所。", "新建学校（含幼儿园）3所。", []),  # ordinary brackets stay
    ],
)
def test_owners(text: str, cleaned: str, owners: list[str]) -> None:
    assert extract_owners(text) == (cleaned, owners)


def test_summary_then_problems_then_plan() -> None:
    doc = mine_file(MINE / "summary_plan.txt")
    assert doc.genre == "总结+计划" and doc.year == 2024  # the plan's year, not the summary's
    assert doc.title == "XX县教育局2023年工作总结和2024年工作计划"  # org line joined
    assert [[i.kind for i in c.items] for c in doc.chapters] == [
        ["summary", "summary"], ["summary", "summary"], ["plan", "plan"]]
    # "一是…；二是…" with nothing else numbering the chapter: each point is an item (issue 11)
    assert [(i.marker, i.lead, i.body) for i in doc.chapters[1].items] == [
        ("一是", "教师结构性缺编问题依然突出", ""), ("二是", "城区学位供给紧张", "")]
    assert doc.chapters[2].items[-1].body == "计划新建学校2所，新增学位1800个。"  # signature gone


def test_parts_sections_items_and_sub_items() -> None:
    doc = mine_file(MINE / "parts.txt")
    assert [(c.marker, c.heading) for c in doc.chapters] == [
        ("第一部分", "总体要求"), ("第二部分", "重点任务"), ("第三部分", "保障措施")]
    assert doc.preamble == "2024年全市教育工作的总体要求是：坚持立德树人，办好人民满意的教育。"
    tasks = doc.chapters[1].items
    assert [(i.marker, i.section, i.lead) for i in tasks] == [
        ("1、", "加强党的建设", "深化理论武装"), ("2、", "加强党的建设", "加强组织建设"),
        ("3、", "推进教育改革", "深化评价改革"), ("4、", "推进教育改革", "推进数字化")]
    assert tasks[0].body == "开展专题学习。\n（1）组织读书班3期。\n（2）开展宣讲20场。"
    assert tasks[3].body == "建设智慧校园30所，培训教师1000人次。"  # heading-only item, body below
    assert doc.closing == "让我们奋力谱写教育高质量发展新篇章！"


def test_chapter_headings_without_numbers() -> None:
    doc = mine_file(MINE / "bare_headings.txt")
    assert doc.title == "XX镇中心学校2024年工作计划"
    assert [(c.marker, c.heading, len(c.items)) for c in doc.chapters] == [
        ("", "加强党的建设", 2), ("", "提升教育质量", 2)]
    assert doc.chapters[0].items[1].body == "推进支部标准化建设。"  # no heading glued on


@pytest.mark.parametrize(
    ("title", "preamble", "year"),
    [
        ("XX市教育局2024年工作要点", None, 2024),
        ("XX县2023年工作总结和2024年工作计划", None, 2024),  # the plan's year
        ("XX市教育局二〇二五年工作要点", None, 2025),  # Chinese numerals
        (None, "2024年全市教育工作的总体要求是：", 2024),  # no title: the preamble's year
        ("市教育局年度工作总结", None, None),
    ],
)
def test_plan_year(title: str | None, preamble: str | None, year: int | None) -> None:
    from drafter.mine import meta

    assert meta.plan_year(title, preamble, "") == year


@pytest.mark.parametrize(
    ("title", "headings", "genre"),
    [
        ("XX市2024年教育工作要点", ["加强党的建设", "取得新成效"], "要点"),
        ("XX区2024年教育工作计划", ["指导思想", "主要任务"], "计划"),
        (None, ["主要做法及成效", "下步工作打算"], "总结+计划"),
        ("XX县2023年教育工作总结", ["主要成绩", "存在问题"], "总结+计划"),  # all summary
        ("XX市2024年教育工作实施方案", [], "计划"),
    ],
)
def test_genre(title: str | None, headings: list[str], genre: str) -> None:
    from drafter.mine import meta

    assert meta.genre(title, headings) == genre


def test_paren_numbers_are_items_where_a_chapter_has_no_dot_numbers() -> None:
    doc = mine_file(MINE / "mixed_item_styles.txt")
    first, second = doc.chapters
    assert [i.marker for i in first.items] == ["1.", "2."]  # （1）（2） are sub-points of 1.
    assert first.items[0].body == "开展专题学习。\n（1）组织读书班3期。\n（2）开展宣讲20场。"
    assert [(i.marker, i.lead) for i in second.items] == [
        ("（1）", "加大经费投入"), ("（2）", "维护校园安全")]
