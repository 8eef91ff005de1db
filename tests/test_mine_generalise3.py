"""Issue 11, third round: layout families found by enlarging the dev part of the real-page set.

Each test is a family seen on real pages (texts made at test time, not the pages): pages
flattened onto one line with a site's blurb in them, banners and compilation blurbs between a
title and its text, titles after a blurb sentence, the standard part headings run into their
text, prose chapters with prose sections, 一是 points after a lead sentence, chapters whose
body is one paragraph, elisions inside an item, items before the first chapter.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.mine.clean import clean_lines
from drafter.mine.junk import strip_title_affixes
from drafter.mine.meta import tidy_title, title_from_dropped
from tests.mine_support import leads, mine_text


def everything(doc) -> str:  # type: ignore[no-untyped-def]
    texts = [doc.title, doc.preamble, doc.closing, *(c.heading for c in doc.chapters)]
    texts += [t for i in doc.items() for t in (i.lead, i.body)]
    return "\n".join(t for t in texts if t)


# ---------------------------------------------------------------- junk on flattened pages


def test_a_flattened_page_loses_only_the_blurb_sentence_a_line_rule_hits(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "某某文档网。下面是小编带来关于区教育督导室2024年工作计划的内容，希望能让大家有所收获。"
        "区教育督导室2024年工作计划一、指导思想以党的教育方针为指导，推进教育督导工作。"
        "二、基本方式1、责任督学挂牌督导。各责任督学每月深入各自挂牌学校开展督导。"
        "2、教育综合督导。每年对辖区内三分之一学校进行综合督导评估。\n"))
    assert doc.title == "区教育督导室2024年工作计划"
    assert [c.heading for c in doc.chapters] == ["指导思想", "基本方式"]
    assert leads(doc) == [("1、", "责任督学挂牌督导"), ("2、", "教育综合督导")]
    assert "小编" not in everything(doc)


def test_a_short_blurb_line_still_goes_whole() -> None:
    cleaned = clean_lines(["下面是小编整理的教育局工作计划，供大家参考。", "一、加强党的建设"])
    assert [p.text for p in cleaned.paras] == ["一、加强党的建设"]


def test_a_banner_and_a_compilation_blurb_between_the_title_and_the_text_go(
        tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "精选优质文档-倾情为你奉上小学学校2024年度工作计划【导语】小学是基础教育的重要组成部分。"
        "以下是为大家准备的小学学校2024年度工作计划，供您借鉴。【篇一】一、指导思想XX年是实施"
        "规划的重要一年，全县教育工作的总体要求是以提高质量为核心。二、主要任务1.加强德育工作。"
        "开展主题教育活动。2.提高教学质量。深化课堂教学改革。\n"))
    assert doc.title == "小学学校2024年度工作计划"
    assert [c.heading for c in doc.chapters] == ["指导思想", "主要任务"]
    assert leads(doc) == [("1.", "加强德育工作"), ("2.", "提高教学质量")]
    text = everything(doc)
    assert "倾情为你奉上" not in text and "导语" not in text and "篇一" not in text


@pytest.mark.parametrize("line", [
    "您好，欢迎来到爱学范文！",
    "欢迎访问第一范文网",
    "以下是网友为大家整理分享的2025年教育工作计划相关范例，供您参考！",
])
def test_site_greetings_and_blurbs_by_anyone_are_furniture(line: str) -> None:
    assert clean_lines([line, "一、加强党的建设"]).paras[0].text == "一、加强党的建设"


def test_a_blurb_sentence_run_onto_a_line_of_text_goes_alone() -> None:
    cleaned = clean_lines([
        "教育工作计划聚焦课程改革与信息化建设，力求全面提高学生综合素养与创新能力。"
        "以下是网友为大家整理分享的教育工作计划，供您参考！",
        "一、加强党的建设",
    ])
    assert [p.text for p in cleaned.paras] == [
        "教育工作计划聚焦课程改革与信息化建设，力求全面提高学生综合素养与创新能力。",
        "一、加强党的建设"]


def test_a_paywall_fragment_inside_a_sentence_does_not_make_the_sentence_junk() -> None:
    cleaned = clean_lines(["4.加强教研员队伍建设。完善教研人员选用机制,推广专兼职互补制度"
                           " 当前隐藏内容免费查看,鼓励一线优秀教师参与研训工作。强化教研指导。"])
    assert cleaned.paras[0].text == (
        "4.加强教研员队伍建设。完善教研人员选用机制，推广专兼职互补制度，"
        "鼓励一线优秀教师参与研训工作。强化教研指导。")


def test_a_line_of_page_labels_with_their_values_lost_is_furniture() -> None:
    assert clean_lines(["荣誉 分享 时间:", "一、加强党的建设"]).paras[0].text == "一、加强党的建设"


@pytest.mark.parametrize(("raw", "title"), [
    ("2025年教育工作总结及2025年工作计划", "2025年教育工作总结及2025年工作计划"),
    ("2023年度工作总结和2023年度工作打算", "2023年度工作总结和2023年度工作打算"),
    ("2023年教育局工作总结结尾教育局工作总结与计划", "教育局工作总结与计划"),  # a doubled title
])
def test_a_phrase_repeated_after_and_is_no_doubled_title(raw: str, title: str) -> None:
    assert tidy_title(raw) == title


def test_a_blurb_names_the_title_before_its_related_samples() -> None:
    assert title_from_dropped(["以下是网友为大家整理分享的2025年教育工作总结及2025年工作计划"
                               "相关范例，供您参考！"]) == "2025年教育工作总结及2025年工作计划"


@pytest.mark.parametrize(("raw", "title"), [
    ("学前教育发展提升行动计划（精选4篇）作文", "学前教育发展提升行动计划"),
    ("教育局工作计划(通用3篇)范文", "教育局工作计划"),
])
def test_compilation_affixes_with_a_column_word_after_them(raw: str, title: str) -> None:
    assert strip_title_affixes(raw) == title


# ---------------------------------------------------------------- titles


def test_a_title_glued_after_a_blurb_sentence_is_the_title(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "教育督导室工作计划以督政、督学为手段，扎扎实实地开展督导工作。教育督导室2024年工作计划（一）\n"
        "一、指导思想\n以提高教育教学质量为中心，推进教育现代化。\n"
        "二、基本方式\n1、责任督学挂牌督导。每月深入挂牌学校开展督导。\n"))
    assert doc.title == "教育督导室2024年工作计划"
    assert doc.year == 2024


# ---------------------------------------------------------------- part headings


@pytest.mark.parametrize(("line", "heading"), [
    ("一、目标任务始终坚持党对教育工作的全面领导，以深化教育综合改革为突破口。", "目标任务"),
    ("一、指导思想XX年是实施规划承上启下的重要一年，全县教育工作以质量为核心。", "指导思想"),
    ("一、基本思路坚持学校标准化建设与年度发展性评估相结合，统筹城乡促进均衡发展。", "基本思路"),
    ("一、总体目标继续以德育为灵魂，以教研为龙头，确保教育教学质量稳步提升。", "总体目标"),
])
def test_the_standard_part_headings_run_into_their_text(tmp_path: Path, line: str,
                                                         heading: str) -> None:
    doc = mine_text(tmp_path, f"县教育局2024年工作计划\n{line}\n二、主要任务\n"
                              "1.加强党的建设。落实全面从严治党责任。\n")
    assert doc.chapters[0].heading == heading
    assert doc.chapters[0].items == []  # a prose part: its text is not a clause
    assert leads(doc) == [("1.", "加强党的建设")]


def test_a_prose_chapter_whose_sections_are_prose_parts_holds_no_clauses(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "县学前教育发展提升行动计划\n一、总体要求\n（一）指导思想\n"
        "以新时代思想为指导，全面贯彻党的教育方针，促进学前教育高质量发展。\n"
        "（二）发展目标\n到2025年，全县学前三年毛入园率达到95%。\n"
        "二、主要任务\n（一）优化普惠性资源结构\n1、做好公办幼儿园规划。逐年做好入园需求测算。\n"))
    assert [c.heading for c in doc.chapters] == ["总体要求", "主要任务"]
    assert doc.chapters[0].items == []
    assert "全面贯彻党的教育方针" in (doc.chapters[0].intro or "")
    assert leads(doc) == [("1、", "做好公办幼儿园规划")]


def test_a_goal_chapter_opening_with_a_short_sentence_is_prose(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "2024年教育督导工作计划\n二、工作目标\n"
        "年工作目标为“围绕一个中心、抓好两个建设”。即：紧紧围绕义务教育均衡发展开展工作。\n"
        "三、工作任务\n1、加强督导室自身建设。认真学习教育法律法规。\n"))
    assert doc.chapters[0].heading == "工作目标" and doc.chapters[0].items == []
    assert leads(doc) == [("1、", "加强督导室自身建设")]


# ---------------------------------------------------------------- 一是 runs


def test_a_run_after_the_sentences_that_introduce_it_numbers_a_chapter_with_no_items(
        tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "县教育局2024年度工作计划\n一、提高政治站位，突出党建引领\n"
        "牢牢把握教育的政治属性，坚持为党育人、为国育才。一是全面加强党的领导。坚持党组织把方向。"
        "二是持续抓实意识形态工作。落实意识形态工作责任制。三是发挥思政课主渠道作用。将思政课纳入课程。\n"
        "二、深化教育改革\n1.推进评价改革。完善学校评价。\n"))
    assert leads(doc) == [("一是", "全面加强党的领导"), ("二是", "持续抓实意识形态工作"),
                          ("三是", "发挥思政课主渠道作用"), ("1.", "推进评价改革")]
    assert doc.chapters[0].intro == "牢牢把握教育的政治属性，坚持为党育人、为国育才。"


def test_a_run_inside_a_numbered_section_with_a_lead_sentence_stays_its_body(
        tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "县教育局2024年工作总结\n一、上半年工作总结\n"
        "（一）加强党的建设，把牢教育方向。一是强化政治引领。坚持把政治建设摆在首位。"
        "二是夯实基层党组织建设。深入实施校长负责制。\n（二）深化教育改革。推进评价改革。\n"))
    assert leads(doc) == [("（一）", "加强党的建设，把牢教育方向"), ("（二）", "深化教育改革")]
    assert doc.items()[0].body.startswith("一是强化政治引领")


# ---------------------------------------------------------------- elisions and previews


def test_an_elision_inside_an_item_ends_its_lead_there(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "2021年教科研工作计划\n一、主要目标任务\n"
        "1、深入开展有效教学年活动。力争教科研工作再上新台阶。\n"
        "2、继续完善以校为 ……此处隐藏6527个字……，尤其关注学困生群体，致力于提高教学质量。\n"))
    assert leads(doc) == [("1、", "深入开展有效教学年活动"), ("2、", "继续完善以校为")]
    item = doc.items()[1]
    assert item.incomplete and "此处隐藏" not in item.body


def test_a_lead_on_its_own_line_keeps_its_body_after_siblings_that_run_in(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "教研工作计划\n一、主要目标任务\n1、开展有效教学年活动。力争再上新台阶。\n"
        "2、推进素质教育。提高课堂教学效益。\n3、加强网络教研。开展网络教研活动。\n"
        "4.以多媒体网络为依托，开阔视野，创新提效。\n"
        "全区数学教师每天浏览教学网站和博客至少一小时，拓宽自己的视野，完善自\n"))
    last = doc.items()[-1]
    assert (last.marker, last.lead) == ("4.", "以多媒体网络为依托，开阔视野，创新提效")
    assert last.body.startswith("全区数学教师") and last.incomplete


def test_a_page_that_says_more_follows_ends_inside_its_last_item(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "2019年教育工作要点\n点击查看更多>>\n一、加强党的建设\n"
        "1.把握重点发展方向。加强党对学校意识形态工作的领导。\n"
        "2.全面加强学校党的建设。抓好主题教育。推动理论进课堂。\n"))
    assert [i.incomplete for i in doc.items()] == [False, True]


# ---------------------------------------------------------------- chapters and their bodies


def test_a_chapter_whose_body_is_one_paragraph_has_its_heading_as_the_lead(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "市教育局年度工作计划\n20xx年工作以教育质量年活动为契机。重点做好如下工作：\n"
        "一、巩固、提高义务教育成果\n组织教职工学习《义务教育法》，巩固提高义务教育成果。推动均衡发展。\n"
        "二、加强学前教育\n以乡镇中心幼儿园建设为重点，推进示范性幼儿园建设。提高保教质量。\n"))
    assert leads(doc) == [("", "巩固、提高义务教育成果"), ("", "加强学前教育")]
    assert doc.items()[0].body.startswith("组织教职工学习")


def test_several_plain_paragraphs_under_a_heading_stay_items_led_by_their_sentences(
        tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "市教育局年度工作计划\n一、巩固、提高义务教育成果\n"
        "巩固提高义务教育成果。推动义务教育均衡发展。\n加强农村留守儿童教育。建立关爱机制。\n"))
    assert leads(doc) == [("", "巩固提高义务教育成果"), ("", "加强农村留守儿童教育")]


def test_a_task_part_headings_own_text_with_nothing_under_it_introduces_the_part(
        tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "2019年县教育局工作计划\n一、主要指标\n1、学前三年幼儿入园率达73%以上。\n"
        "2、确保不出现重大安全责任事故。\n三、主要工作及措施2019年，进一步围绕教育重心，开拓创新，大胆实\n"))
    assert leads(doc) == [("1、", "学前三年幼儿入园率达73%以上"),
                          ("2、", "确保不出现重大安全责任事故")]
    assert doc.chapters[-1].heading == "主要工作及措施"
    assert "围绕教育重心" in (doc.chapters[-1].intro or "")


def test_a_numbered_list_before_the_first_chapter_is_items_of_no_chapter(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "教育局2025年工作计划范文 篇1\n1、x月15日，德育处将安全知识下发到各班主任手中。\n"
        "2、x月19日，对学生进行消防技能培训。\n3、在校内的橱窗里张贴交通安全图片。\n"
        "教育局2025年工作计划范文 篇2\n一、指导思想\n以党的精神为指导，推动民办教育均衡发展。\n"
        "二、工作目标\n（一）优化发展环境。积极协助政府改善民办教育发展环境。\n"))
    assert leads(doc) == [("1、", "x月15日，德育处将安全知识下发到各班主任手中"),
                          ("2、", "x月19日，对学生进行消防技能培训"),
                          ("3、", "在校内的橱窗里张贴交通安全图片"), ("（一）", "优化发展环境")]
    assert doc.title == "教育局2025年工作计划"


def test_a_contents_list_before_the_first_chapter_is_no_list_of_items(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "教育局2024年工作要点汇编(3篇)\n目录\n1.XX县教育局2024年工作要点2\n"
        "2.区教育局2024年工作要点15\n3.市教育局2024年工作要点23\nXX县教育局2024年工作要点\n"
        "一、加强党的领导\n1.强化思想理论武装。坚持第一议题制度。\n"))
    assert leads(doc) == [("1.", "强化思想理论武装")]


def test_a_chapter_whose_one_paragraph_is_narrative_is_chapter_text(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "2020年教育局重点工作推进情况总结\n一、特色亮点\n"
        "2020年上半年，尽管疫情防控形势严峻，全区教育仍然取得突破。在线教学成效显著。\n"
        "二、完成情况\n1.落实疫情防控，切实保障师生生命安全。坚决把师生安全作为前提。\n"))
    assert leads(doc) == [("1.", "落实疫情防控，切实保障师生生命安全")]
    assert (doc.chapters[0].intro or "").startswith("2020年上半年")


def test_sections_numbered_straight_through_the_chapters_are_cut_out_of_a_flat_line(
        tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "县教育局2024年工作要点一、加强党的建设（一）强化理论武装。坚持第一议题制度，组织专题学习。"
        "（二）夯实基层组织。推进党组织领导的校长负责制。二、推进教育公平（三）扩大学前资源。"
        "新建幼儿园三所，新增学位九百个。（四）促进义务教育均衡。推进集团化办学改革。\n"))
    assert [c.heading for c in doc.chapters] == ["加强党的建设", "推进教育公平"]
    assert leads(doc) == [("（一）", "强化理论武装"), ("（二）", "夯实基层组织"),
                          ("（三）", "扩大学前资源"), ("（四）", "促进义务教育均衡")]


def test_a_plan_with_no_numbers_starts_at_a_lead_alone_on_its_line(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "2024年教育工作计划\n加强党的建设\n坚持第一议题制度，组织专题学习，推进校长负责制。\n"
        "推进教育公平\n新建幼儿园三所，新增学位九百个。\n"))
    assert doc.preamble is None
    assert [(i.lead, i.body) for i in doc.items()] == [
        ("加强党的建设", "坚持第一议题制度，组织专题学习，推进校长负责制。"),
        ("推进教育公平", "新建幼儿园三所，新增学位九百个。")]
