"""Issue 11, second round: layout families found by enlarging the dev part of the real-page set.

Each test is a family seen on several real pages (texts made at test time, not the pages):
site excerpts and menu bars, anonymised and spaced item numbers, glued and bare item numbers,
headings run onto text, titles glued or only in a blurb, contents lists, colon labels and leads
on their own line, leads to the first 。, and taxonomy rules as data.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.mine.classify import classify
from drafter.mine.clean import clean_lines
from drafter.mine.junk import strip_title_affixes
from tests.mine_support import leads, mine_text

# ---------------------------------------------------------------- site furniture


def test_a_site_excerpt_line_goes_whole_before_its_gaps_split_it(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "摘要: 教育局2024年工作谋划  一、重点工作  x.城区学校建设。县春晖路小学占地xx亩 ..."
        "(全文共:1831字)\n教育局2024年工作谋划\n一、重点工作\n"
        "x.城区学校建设。县春晖路小学占地xx亩，建筑面积xxxx平方米。\n"
        "x.农村学校建设。中心幼儿园综合楼竣工。\n"))
    assert doc.title == "教育局2024年工作谋划"
    assert [c.heading for c in doc.chapters] == ["重点工作"]  # not twice
    assert leads(doc) == [("x.", "城区学校建设"), ("x.", "农村学校建设")]
    assert not any("全文共" in (i.body or "") for i in doc.items())


def test_menu_bars_and_page_counters_are_furniture() -> None:
    cleaned = clean_lines([
        "写作指导 | 秘书基础 | 规章制度 | 企划文案 | 办公表格 | 面试技巧",
        "三、改善学校硬件建设，落实校安工程1/3",
        "1、年初落实征地合同。",
    ])
    assert [p.text for p in cleaned.paras] == ["三、改善学校硬件建设，落实校安工程",
                                               "1、年初落实征地合同。"]


@pytest.mark.parametrize(("raw", "title"), [
    ("2005—2007年xx县教育事业发展规划(2)", "2005—2007年xx县教育事业发展规划"),  # page 2
    ("2022年工作总结和2023年工作计划-42篇（第20/83页）", "2022年工作总结和2023年工作计划"),
    ("【Word文档】教育局2024年工作计划", "教育局2024年工作计划"),
    ("摘要：教育局2024年工作计划", "教育局2024年工作计划"),
    ("第一范文网2024年教育局工作计划", "2024年教育局工作计划"),  # a site name run in
    ("2024年教育局工作要点_百度文库", "2024年教育局工作要点"),
    ("教育局工作计划（通用6篇）", "教育局工作计划"),
    ("教育局工作计划(必备12篇)", "教育局工作计划"),
    ("2024年县教育局工作计划范文第1篇", "2024年县教育局工作计划"),
    ("XX县教育局2024年工作要点2024-03-28", "XX县教育局2024年工作要点"),  # a page's date
    ("XX县教育局2024年工作要点（全文）", "XX县教育局2024年工作要点"),
    ("2024年教育工作要点｜XX县教育局", "2024年教育工作要点"),  # a page title's site name
    ("XX县教育局2024年工作要点_XX县人民政府", "XX县教育局2024年工作要点"),
    ("凝心聚力开创新局——XX县教育局2024年工作要点", "凝心聚力开创新局——XX县教育局2024年工作要点"),
])
def test_title_affixes_of_copy_sites(raw: str, title: str) -> None:
    assert strip_title_affixes(raw) == title


# ---------------------------------------------------------------- item numbers


def test_an_item_number_with_a_space_before_its_mark_is_a_marker(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, "县教育局2024年工作计划\n二、工作目标"
                              "\n1 .全面加强党的领导。推动学习。\n"
                              "2 .深入落实立德树人。推进五育并举。\n")
    assert leads(doc) == [("1.", "全面加强党的领导"), ("2.", "深入落实立德树人")]


def test_glued_and_bare_item_numbers_continue_the_sequence(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "某县教育局2024年工作要点\n"
        "一、全面从严治党1加强理论学习。抓好中心组学习。2加强基层党建。推进支部标准化。"
        "3加强作风建设。整治形式主义。\n二、推进教育公平\n"
        "1.发展学前教育。新建幼儿园3所，力争2所通过验收。（责任科室：基教科）2 .办好义务教育。"
        "全县15所学校达标。（责任科室：基教科）3 .发展高中教育。推进多样化。\n"))
    assert leads(doc) == [
        ("1、", "加强理论学习"), ("2、", "加强基层党建"), ("3、", "加强作风建设"),
        ("1.", "发展学前教育"), ("2.", "办好义务教育"), ("3.", "发展高中教育")]
    assert doc.items()[3].body.startswith("新建幼儿园3所，力争2所")  # numbers before units stay
    assert doc.items()[3].owners == ["基教科"]


def test_an_item_number_glued_after_a_lost_sentence_end(tmp_path: Path) -> None:
    text = ("XX年乡镇教育工作计划\n一、巩固提高“两基”成"
            "果，力争顺利通过督导检查；1、普及程度完成指标："
            "小学适龄儿童入学率达99.5%以上，初中适龄少年入学率达95%以上，适龄残疾儿童入学率达75%以上，"
            "辍学率控制在1%以下，文盲率控制在0.5%以下2、扫盲程度完成指标：非文盲率达97%以上。\n")
    doc = mine_text(tmp_path, text)
    assert [lead for _, lead in leads(doc)] == ["普及程度完成指标", "扫盲程度完成指标"]


# ---------------------------------------------------------------- headings, titles, leads


def test_yishi_points_under_a_one_sentence_section_heading(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, "XX区教育局2021年工作总结\n一、2021年教育工作总结\n"
                              "（一）遵循党的引领为本，开展学习教育。\n一是打造党建品牌，树立榜样力量。"
                              "重点培育示范点。\n二是心系教师成长，加速发展党员。吸收预备党员26名。\n")
    assert leads(doc) == [("一是", "打造党建品牌，树立榜样力量"),
                          ("二是", "心系教师成长，加速发展党员")]


def test_a_title_glued_to_its_first_item_and_a_heading_glued_to_a_year(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, "XX市教育局2024年工作要点1.全面坚"
                              "持党的领导。加强理论学习，提升政治能力。"
                              "2.落实立德树人。推进五育并举。\n")
    assert doc.title == "XX市教育局2024年工作要点"
    assert [lead for _, lead in leads(doc)] == ["全面坚持党的领导", "落实立德树人"]
    doc = mine_text(tmp_path, (
        "区教育局2021年度工作总结范文及2022年度度工作计划区教育局2021年工作总结及2022年度工作思路"
        "一、xx区教育局xxxx年工作基本情况xxxx年，xx区教育局以科学发展观统领工作全局，各项工作取得较好"
        "成效。（一）以深化人事制度改革为动力，不断加强队伍建设。组织全区教师进行师德师风培训。\n"))
    assert doc.title == "区教育局2021年工作总结及2022年度工作思路"
    assert [c.heading for c in doc.chapters] == ["xx区教育局xxxx年工作基本情况"]


def test_titles_from_a_blurb_never_from_a_lead_in_line(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, "本站小编为你精心准备了教育局2014年工"
                              "作要点参考范文，愿这些范文能点燃您思维的"
                              "火花。\n一、继续促进教育惠民\n1.完善奖教助学机制。加大帮扶。\n")
    assert doc.title == "教育局2014年工作要点"
    doc = mine_text(tmp_path, "县教育局2022年工作总结及2023年工作安排\n"
                              "现将2022年教育工作进展情况及2023年工作安排汇报如下：\n"
                              "一、2022年主要工作总结\n1.基础教育工作全面保障。新建学校3所。\n")
    assert doc.title == "县教育局2022年工作总结及2023年工作安排"


def test_a_title_only_in_the_breadcrumb(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, "首页 > 政务公开 > 计划总结 > XX县教育局2024年工作要点\n"
                              "发布时间：2024-03-28 来源：县教育局\n"
                              "2024年全县教育工作的总体要求是：以习近平新时代中国特色社会主义思想为指导。\n"
                              "一、加强党的建设\n1.加强理论学习。抓好学习。\n")
    assert doc.title == "XX县教育局2024年工作要点"


def test_a_chapter_heading_run_onto_the_end_of_a_paragraph(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, "区教育局2021年工作总结及2022年工作计划\n"
                              "xxxx年，xx教育深入学习，全力推进教育高质量发展。一、成绩亮点\n"
                              "（一）彰显担当：政府履职评价再度夺冠。排名第一。\n"
                              "（二）幼有善育：学前教育工程全面达标。公办园增至xx所。\n")
    assert [c.heading for c in doc.chapters] == ["成绩亮点"]
    assert [lead for _, lead in leads(doc)] == ["彰显担当", "幼有善育"]


def test_a_lead_runs_to_the_first_full_stop(tmp_path: Path) -> None:
    long_lead = ("深入开展“中小学教师师德建设年”活动，加强教师"
                 "队伍思想建设；加强对校长、德育干部和教研人员等"
                 "培训，提高履职能力；继续实施骨干教师培养工程，培养156名学科领军人才")
    doc = mine_text(tmp_path, "教育局2014年工作要点\n一、大力提升师资水平\n"
                              "1.学前一年教育率达90%，学前三年入园率达73%以上；残疾适龄人口入学率达80%以上。"
                              "小学辍学率控制在0.2%以内。\n"
                              f"2.{long_lead}。扎实开展国培项目。\n3.改善教师队伍结构；补充紧缺学科教师。\n")
    assert [lead for _, lead in leads(doc)] == [
        "学前一年教育率达90%，学前三年入园率达73%以上；残疾适龄人口入学率达80%以上",
        long_lead, "改善教师队伍结构"]  # a ；/： ends a lead only when it is one clause


# ---------------------------------------------------------------- unnumbered items


def test_unnumbered_items_colon_labels_and_leads_on_their_own_line(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, "教育局上半年教育工作总结及下半年工作计划\n"
                              "加快教育布局专项规划调整和工程项目建设。结合我县常住人口规模，加快编制专项布局规划。"
                              "完成武阳幼儿园建设并投入使用。\n")
    assert [lead for _, lead in leads(doc)] == ["加快教育布局专项规划调整和工程项目建设"]
    doc = mine_text(tmp_path, "县教育局2023年工作要点\n学前教育：扩大普惠资源，新建幼儿园5所。\n"
                              "义务教育：推进优质均衡，化解大班额。\n")
    assert [(i.lead, i.body) for i in doc.items()] == [
        ("学前教育", "扩大普惠资源，新建幼儿园5所。"), ("义务教育", "推进优质均衡，化解大班额。")]
    doc = mine_text(tmp_path, "县教育局2023年工作要点\n一、加强党的建设\n加强理论学习\n"
                              "抓好中心组学习，每月一次。\n加强组织建设\n规范支部设置，落实三会一课。\n")
    assert [(i.lead, i.body) for i in doc.items()] == [
        ("加强理论学习", "抓好中心组学习，每月一次。"),
        ("加强组织建设", "规范支部设置，落实三会一课。")]


def test_a_fragment_the_page_end_left_with_an_open_bracket_goes(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, "教育局年度工作计划\n重点做好如下工作：\n"
                              "巩固提高义务教育成果。推动均衡发展。\n"
                              "推进示范性幼儿园建设。力争30%达标。\n\n大力宣传《职业教育\n")
    assert [lead for _, lead in leads(doc)] == ["巩固提高义务教育成果", "推进示范性幼儿园建设"]


# ---------------------------------------------------------------- contents lists


def test_a_contents_list_the_text_repeats_goes(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, "县教育局2023年工作要点\n目录\n一、加强党的建设1\n二、推进教育公平3\n"
                              "三、提升教育质量5\n县教育局2023年工作要点\n一、加强党的建设\n"
                              "1.加强理论学习。抓好中心组学习。\n二、推进教育公平\n2.发展学前教育。扩大资源。\n")
    assert [c.heading for c in doc.chapters] == ["加强党的建设", "推进教育公平"]
    assert [lead for _, lead in leads(doc)] == ["加强理论学习", "发展学前教育"]
    assert "目录" in doc.dropped


def test_an_outline_with_nothing_after_it_is_kept_lead_only_and_incomplete(
        tmp_path: Path) -> None:
    doc = mine_text(tmp_path, "县教育局2023年工作要点\n目录\n一、加强党的建设..........1\n"
                              "（一）加强理论学习..........1\n（二）加强组织建设..........2\n"
                              "二、推进教育公平..........3\n（三）发展学前教育..........3\n")
    assert [c.heading for c in doc.chapters] == ["加强党的建设", "推进教育公平"]
    assert [(i.lead, i.body, i.incomplete) for i in doc.items()] == [
        ("加强理论学习", "", True), ("加强组织建设", "", True), ("发展学前教育", "", True)]


def test_ocr_full_stop_read_as_o_before_a_marker(tmp_path: Path) -> None:
    body = ("坚持教育优先发展战略，大力实施人才兴区、科"
            "教兴区战略，努力办好人民满意的高质量教育。") * 4
    doc = mine_text(tmp_path, f"县教育局2022年工作总结\n一、2022"
                              f"年工作总结\n（一）优先发展得到有力保障。"
                              f"{body}义务教育巩固率99.9%o(二)各类教育得到协调发展。{body}\n")
    assert [lead for _, lead in leads(doc)] == ["优先发展得到有力保障", "各类教育得到协调发展"]


# ---------------------------------------------------------------- categories (data)


@pytest.mark.parametrize(("lead", "body", "heading_key", "key"), [
    # student aid is 保障, even when it names a stage
    ("认真做好义务教育阶段“三免一补”实施工作", "确保各项惠民政策落实到位。", "保障", "保障"),
    # school building works are 保障
    ("年初落实中学向东征地合同", "力争在暑期把运动场建设到位。", None, "保障"),
    # system reform is 教育改革
    ("管理体制改革有新举措", "全县中小学全面推行校长选聘制。", "各级各类教育", "教育改革"),
    # studying the spirit of a conference is 党建
    ("贯彻落实高校思想政治工作会议精神", "开展体系式学习。", "党建", "党建"),
    # a heading naming a lead-only key (工作思路 → 总体要求) gives its items no fallback
    ("抓教科研中心教研工作的开展与考核", "促进教研工作的全面开展。", "总体要求", "教育改革"),
])
def test_categories_follow_the_taxonomy(lead: str, body: str, heading_key: str | None,
                                        key: str) -> None:
    assert classify(lead, body, heading_key)[0] == key


# ---------------------------------------------------------------- numbering and wrapping


def test_a_flattened_line_whose_numbering_skips_an_item(tmp_path: Path) -> None:
    items = ["1.抓好中心组学习，坚持每月集中学习一次，全年不少于十二次。",
             "2.抓好党员学习，坚持每周学习一次，推动学习型党组织建设。",
             "4.抓好宣传阵地建设，加强意识形态工作，落实主体责任，守好校园阵地。",
             "5.加强作风建设，整治形式主义官僚主义，为基层减负。"]
    doc = mine_text(tmp_path, "县教育局2023年工作要点 一、加强党的建设。" + "".join(items) + "\n")
    assert [m for m, _ in leads(doc)] == ["1.", "2.", "4.", "5."]  # one lost, the rest found


def test_a_lead_broken_across_a_blank_line(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, "县教育局2023年工作要点\n一、加强党的建设\n1.加强理论\n\n学习。"
                              "抓好中心组学习，推进，\n\n学习型党组织建设。\n"
                              "2.加强组织建设。规范支部设置。\n")
    assert [(i.lead, i.body) for i in doc.items()] == [
        ("加强理论学习", "抓好中心组学习，推进，学习型党组织建设。"),
        ("加强组织建设", "规范支部设置。")]


def test_document_sharing_chunks_join_even_when_one_ends_at_a_full_stop(
        tmp_path: Path) -> None:
    part = ("扩大普惠性资源，新建和改扩建幼儿园，提升保教质量，"
            "加强幼儿园教师队伍建设，推进幼小衔接。")
    doc = mine_text(tmp_path, (
        "教育局工作计划.docx\n"
        f"1、教育局工作计划一、主要任务1.加强党的建设。抓好理论学习，推进支部标准化建设。{part}{part}\n"
        f"2、2.推进学前教育发展。{part}{part}3.推进义务教\n"
        f"3、育优质均衡。推进集团化办学，化解大班额。\n"))
    assert [lead for _, lead in leads(doc)] == [
        "加强党的建设", "推进学前教育发展", "推进义务教育优质均衡"]


def test_a_title_a_blank_line_and_a_paragraph_stay_apart(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, "市教育局年度工作总结及2024年工作计划\n\n"
                              "一年来，市教育领导班子在市委、市政府的正确领导下，各类教育协调发展。\n"
                              "一、工作思路\n二、主要做法及成效\n（一）实施党的全面领导。坚定方向。\n")
    assert doc.title == "市教育局年度工作总结及2024年工作计划"
    assert doc.preamble is not None and doc.preamble.startswith("一年来")


def test_part_headings_colon_headings_and_circled_items(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, "县教育局2023年工作总结和2024年工作计划\n第一部分 2023年工作总结\n"
                              "一、党建工作扎实推进。全年开展学习20次。\n第二部分 2024年工作计划\n"
                              "一、加强党的建设。抓好理论学习。\n")
    assert doc.title == "县教育局2023年工作总结和2024年工作计划"  # not the part heading
    assert [(i.lead, i.kind) for i in doc.items()] == [
        ("党建工作扎实推进", "summary"), ("加强党的建设", "plan")]
    doc = mine_text(tmp_path, "县教育局2024年工作要点\n"
                              "一、指导思想：以习近平新时代中国特色社会主义思想为指导，"
                              "全面贯彻党的教育方针。\n"
                              "二、重点工作\n（一）加强党的建设。抓好理论学习。\n")
    assert [c.heading for c in doc.chapters] == ["指导思想", "重点工作"]
    doc = mine_text(tmp_path, "县教育局2024年工作要点\n一、加强党的建设\n"
                              "（1）抓好理论学习。每月一次。\n二、提升教育质量\n"
                              "①深化课堂改革。推进新课标。\n②加强教研工作。开展视导。\n")
    assert leads(doc) == [("（1）", "抓好理论学习"), ("①", "深化课堂改革"), ("②", "加强教研工作")]


def test_ordinal_points_written_di_yi(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, "县教育局2024年工作要点\n一、加强党的建设\n"
                              "第一，抓好理论学习。每月一次。第二，加强组织建设。规范支部。"
                              "第三，强化作风建设。整治形式主义。\n")
    assert leads(doc) == [
        ("第一", "抓好理论学习"), ("第二", "加强组织建设"), ("第三", "强化作风建设")]
    doc = mine_text(tmp_path, "县教育局2024年工作要点\n全县教育工作重点如下。\n"
                              "第一，抓好理论学习。每月一次。\n第二，加强组织建设。规范支部。\n")
    assert leads(doc) == [("第一", "抓好理论学习"), ("第二", "加强组织建设")]
