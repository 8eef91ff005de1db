"""Issue 11, fourth round: layout families found by enlarging the dev part of the real-page set.

Each test is a family seen on real pages (texts made at test time, not the pages): item numbers
typed with small-form punctuation (1﹒), Markdown heading marks left by a page export, a news
teaser and a page image's file name before a reprinted plan, a title doubled and run into the
narrative that opens the text, a chapter of statistics with no task in it, a spam brand
inserted into a sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.mine.clean import clean_lines
from tests.mine_support import leads, mine_text


def everything(doc) -> str:  # type: ignore[no-untyped-def]
    texts = [doc.title, doc.preamble, doc.closing, *(c.heading for c in doc.chapters)]
    texts += [t for i in doc.items() for t in (i.lead, i.body)]
    return "\n".join(t for t in texts if t)


# ---------------------------------------------------------------- markers


@pytest.mark.parametrize("dot", ["﹒", "﹑"])
def test_item_numbers_typed_with_small_form_punctuation_are_markers(tmp_path: Path,
                                                                     dot: str) -> None:
    doc = mine_text(tmp_path, (
        "某县教育局2025年工作要点\n"
        "一、守牢校园安全底线\n"
        f"1{dot}健全安全责任体系﹐落实校长第一责任人责任。开展隐患排查。\n"
        f"2{dot}加强食品安全管理。推行明厨亮灶﹔落实陪餐制度。\n"
        "二、加强党的建设\n"
        f"3{dot}强化理论武装。落实第一议题制度。\n"))
    assert leads(doc) == [("1.", "健全安全责任体系，落实校长第一责任人责任") if dot == "﹒"
                          else ("1、", "健全安全责任体系，落实校长第一责任人责任"),
                          ("2." if dot == "﹒" else "2、", "加强食品安全管理"),
                          ("3." if dot == "﹒" else "3、", "强化理论武装")]
    assert [c.heading for c in doc.chapters] == ["守牢校园安全底线", "加强党的建设"]


def test_small_form_commas_and_semicolons_read_as_punctuation() -> None:
    cleaned = clean_lines(["推行明厨亮灶﹐落实陪餐制度﹔开展检查﹕每月一次﹗"])
    assert cleaned.paras[0].text == "推行明厨亮灶，落实陪餐制度；开展检查：每月一次！"


# ---------------------------------------------------------------- furniture


@pytest.mark.parametrize("marks", ["#", "## ", "###", "#### "])
def test_markdown_heading_marks_are_not_part_of_the_title(tmp_path: Path, marks: str) -> None:
    doc = mine_text(tmp_path, (
        f"{marks}某区教育局2024年工作要点\n"
        "2024年全区教育工作的总体要求是：以提高质量为核心，办好人民满意的教育。\n"
        "一、加强党的建设\n1.强化理论武装。落实第一议题制度。\n"))
    assert doc.title == "某区教育局2024年工作要点"
    assert "#" not in everything(doc)


@pytest.mark.parametrize("teaser", [
    "2023年，全市教育怎么干？市教育局《2023年工作要点》日前印发。具体内容有哪些？一起来看↓↓↓",
    "新学年教育工作怎么抓？一起来看👇👇",
    "具体内容是什么？请看全文。",
])
def test_a_news_teaser_before_a_reprinted_plan_goes(tmp_path: Path, teaser: str) -> None:
    doc = mine_text(tmp_path, (
        "看全文！市教育局2023年工作要点\n"
        f"{teaser}\n"
        "微信图片_20230311084545.png\n"
        "全文如下\n"
        "市教育局2023年工作要点\n"
        "2023年全市教育工作的总体要求是：坚持立德树人，推进教育高质量发展。\n"
        "一、加强党的建设\n1.强化理论武装。落实第一议题制度。\n"))
    text = everything(doc)
    for junk in ("怎么", "内容有哪些", "内容是什么", "一起来看", "↓", "👇", ".png", "全文如下"):
        assert junk not in text
    assert doc.preamble is not None and doc.preamble.startswith("2023年全市教育工作的总体要求")
    assert leads(doc) == [("1.", "强化理论武装")]


def test_a_spam_brand_inserted_into_a_sentence_is_cut(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "2020年全市教育工作的总体要求是：按照市委市政府开云(中国)教育工作的部署安排，"
        "坚持稳中求进。\n一、加强党的建设\n1.强化理论武装。开云体育落实第一议题制度。\n"))
    assert "开云" not in everything(doc)
    assert doc.preamble is not None and "市委市政府教育工作的部署安排" in doc.preamble


# ---------------------------------------------------------------- titles


@pytest.mark.parametrize("opening", ["一年来，", "为深入贯彻全国教育大会精神，", "根据县委部署，"])
def test_a_doubled_title_run_into_the_opening_narrative_is_split_off(tmp_path: Path,
                                                                     opening: str) -> None:
    doc = mine_text(tmp_path, (
        "1、2024县教育局年度工作总结和2025年工作计划县教育局年度工作总结和2025年工作计划"
        f"{opening}县教育局坚持教育优先发展战略，以提升教育质量为核心，积极推动教育工作整体"
        "协调发展，现将全年工作情况总结如下：一、主要成绩全县教育系统紧紧围绕提质量的目标，"
        "推动全县教育从增量发展向提质发展转变，中高考成绩在全市排名稳中有升，各项工作取得"
        "\n2、新成效。二、2025年工作计划1.加强党的建设。推进党组织全覆盖。\n"))
    assert doc.title == "县教育局年度工作总结和2025年工作计划"
    assert doc.preamble is not None and doc.preamble.startswith(opening)
    assert "工作计划" not in doc.preamble.split("。")[0]


# ---------------------------------------------------------------- narrative


@pytest.mark.parametrize("report", [
    "全县有幼儿园17所，在园幼儿8267人；小学208所，在校小学生34776人，小学入学率99.70%，"
    "初级中学14所，在校初中生17440人，初中阶段毛入学率99.09%。",
    "一年来，全县教育系统紧紧围绕县委县政府的决策部署，各项工作取得明显成效，教育事业"
    "保持持续健康发展的良好势头，人民群众满意度不断提高。",
])
def test_a_chapter_of_narrative_with_no_task_holds_no_clause(tmp_path: Path,
                                                             report: str) -> None:
    doc = mine_text(tmp_path, (
        "县教育局2024年工作总结和2025年工作要点\n"
        "2024年，全县教育工作稳步推进，现将有关情况报告如下。\n"
        f"一、基本情况\n{report}\n"
        "二、主要工作\n（一）校舍安全工程建设。全年开工校舍1.5万平方米。\n"
        "（二）教师队伍建设。全年招聘教师120名。\n"))
    assert leads(doc) == [("（一）", "校舍安全工程建设"), ("（二）", "教师队伍建设")]
    basic = doc.chapters[0]
    assert basic.heading == "基本情况" and basic.items == []
    assert basic.intro == report


def test_a_plain_chapter_of_tasks_keeps_its_clauses(tmp_path: Path) -> None:
    """The narrative rule takes only leadless paragraphs: task paragraphs stay clauses."""
    doc = mine_text(tmp_path, (
        "县教育局2025年工作要点\n"
        "一、加强教师队伍建设\n"
        "强化师德师风建设。开展师德专题教育，落实师德考核。\n"
        "深化县管校聘改革。推进教师交流轮岗，优化教师配置。\n"))
    assert [i.lead for i in doc.items()] == ["强化师德师风建设", "深化县管校聘改革"]
