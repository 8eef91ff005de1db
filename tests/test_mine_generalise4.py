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

from drafter.mine import junk
from drafter.mine.clean import clean_lines
from drafter.mine.meta import tidy_title
from drafter.model.errors import DrafterError
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
    for furniture in ("怎么", "内容有哪些", "内容是什么", "一起来看", "↓", "👇", ".png",
                      "全文如下"):
        assert furniture not in text
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


@pytest.mark.parametrize("empty", ["-", "——", "/", "*"])
def test_an_empty_field_of_a_portal_metadata_block_is_not_text(tmp_path: Path,
                                                               empty: str) -> None:
    doc = mine_text(tmp_path, (
        "002961825/2025-170757\n部门文件\n县级政策\n2025-05-27\n县教育局\n主动公开\n"
        f"{empty}\n"
        "2025年是推进教育高质量发展的重要一年。县教育局机关党委以高质量党建引领教育发展。\n"
        "一、坚持政治统领\n1.强化政治机关建设。始终把党的政治建设摆在首位。\n"))
    assert doc.preamble is not None and doc.preamble.startswith("2025年是推进")
    assert leads(doc) == [("1.", "强化政治机关建设")]
    assert doc.items()[0].category == "党建"


# ---------------------------------------------------------------- levels by marker style


def test_paren_numbers_under_dot_numbers_are_sub_points(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "某市教育局2024年工作计划\n一、主要任务\n"
        "1.成人教育。\n1)抓好农村劳动力职业技能培训。\n2)加强乡镇成人文化技术学校建设。\n"
        "2.幼儿教育。\n1)建立乡镇中心幼儿园。\n2)规范幼儿园办园秩序。\n"))
    assert leads(doc) == [("1.", "成人教育"), ("2.", "幼儿教育")]
    assert doc.items()[0].body == (
        "（1）抓好农村劳动力职业技能培训。\n（2）加强乡镇成人文化技术学校建设。")


def test_paren_numbers_alone_stay_the_item_level(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "某市教育局2024年工作计划\n一、主要任务\n"
        "1)抓好农村劳动力职业技能培训。培训1000人次。\n"
        "2)加强乡镇成人文化技术学校建设。新建3所。\n"))
    assert leads(doc) == [("1)", "抓好农村劳动力职业技能培训"),
                          ("2)", "加强乡镇成人文化技术学校建设")]


# ---------------------------------------------------------------- titles in chapter 一


@pytest.mark.parametrize("heading", ["指导思想", "总体要求", "工作目标"])
def test_a_title_run_into_the_first_chapter_heading_is_the_title(tmp_path: Path,
                                                                 heading: str) -> None:
    doc = mine_text(tmp_path, (
        "2019“教育局计划”教育工作计划\n发布 2024-03-13 阅读 9881\n"
        f"一、2018年教育局工作计划{heading}：以提高教育质量为核心，推进教育均衡发展。\n"
        "二、主要任务\n1.幼儿教育。建立乡镇中心幼儿园。\n2.成人教育。抓好职业技能培训。\n"))
    assert doc.title == "2018年教育局工作计划" and doc.year == 2018
    assert [c.heading for c in doc.chapters] == [heading, "主要任务"]
    assert leads(doc) == [("1.", "幼儿教育"), ("2.", "成人教育")]


def test_a_chapter_number_cut_from_a_word_opens_no_chapter(tmp_path: Path) -> None:
    """"高一、高二年级……" lost its 高: a "一、" that ends like a clause is text, not chapter 一."""
    doc = mine_text(tmp_path, (
        "某市教育局2018年工作计划\n一、主要目标\n"
        "1.普通高中。会考合格率达到95%；\n"
        "一、高二年级的会考合格率达到94%，职高毕业生技能考核合格率达到94%；\n"
        "2.职业教育。不断改善职业学校办学条件。\n"
        "二、主要措施\n1.加强党的建设。落实第一议题制度。\n"))
    assert [c.heading for c in doc.chapters] == ["主要目标", "主要措施"]
    assert leads(doc) == [("1.", "普通高中"), ("2.", "职业教育"), ("1.", "加强党的建设")]
    assert "高二年级" in doc.items()[0].body


def test_a_page_cut_inside_a_lead_drops_that_item_whatever_other_styles_precede(
        tmp_path: Path) -> None:
    """Only siblings of the same numbering style say whether a lead would have run on."""
    doc = mine_text(tmp_path, (
        "某市教育局2018年工作计划\n一、主要任务\n（1）提高会考合格率\n（2）扩大优质资源\n"
        "1.成人教育。抓好职业技能培训。\n2.幼儿教育。建立乡镇中心幼儿园。\n3.改善办学条"))
    assert [i.lead for i in doc.items()][-1] == "幼儿教育"


# ---------------------------------------------------------------- contents on one line


def test_a_compilations_contents_flattened_onto_one_line_goes(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "(3篇)教育局2024年工作总结汇编.docx\n"
        "1、教育局2024年工作总结汇编(3篇)目录1.教育局2024年工作总结和2025年工作思路2"
        "2 .县教育局2024年控辍保学工作总结133 .县教育局助学办2024年工作总结18"
        "教育局2024年工作总结和2025年工作思路2024年，在区委、区政府的正确领导下，区教育局"
        "坚持以创建教育现代化区为目标，对标比拼、攻坚克难，主动作为，推进教育教学改革，持续"
        "优化教师队伍建\n"
        "2、设，成功创建省教育基本现代化区、省学习型城市，成为首批省人工智能教育实验区，家校共育"
        "获全国民生示范工程。一年来，全区多名教师获国家级、省级综合荣誉，多所学校获省级以上荣誉，"
        "群众的满意度进一步提升，获得感进一步增强，教育事业呈现出蓬勃发展的良好态势，为全区经济"
        "社会高质量发展提供了有力的人才支撑和智力保障。一、抓党建引领，组织建设亮点纷呈一是试点改革"
        "走前列。全域推进党组织领导的校长负责制。二是两新组织“双覆盖”。做好民办学校发展党员"
        "工作。\n"))
    assert doc.title == "教育局2024年工作总结和2025年工作思路" and doc.year == 2025
    assert doc.preamble is not None and doc.preamble.startswith("2024年，在区委")
    assert leads(doc) == [("一是", "试点改革走前列"), ("二是", "两新组织“双覆盖”")]
    text = everything(doc)
    assert "控辍保学工作总结" not in text and "助学办" not in text and "目录" not in text


def test_numbered_lines_that_are_no_contents_list_stay(tmp_path: Path) -> None:
    """"目录" with entries whose page numbers fall is no contents list: nothing is dropped."""
    cleaned = clean_lines([
        "目录1.加强党的建设20 2.提高教育质量13 3.建设教师队伍5",
        "一、加强党的建设"])
    assert "加强党的建设20" in cleaned.paras[0].text.replace(" ", "")


@pytest.mark.parametrize(("title", "tidy"), [
    ("2023年文教局2023年教育工作要点", "2023年文教局2023年教育工作要点"),  # a year said twice
    ("2024年度xx县2024年度教育工作计划", "2024年度xx县2024年度教育工作计划"),
    ("县教育局工作计划县教育局工作计划", "县教育局工作计划"),  # a title doubled by a site
])
def test_a_year_said_twice_in_a_title_is_no_doubled_title(title: str, tidy: str) -> None:
    assert tidy_title(title) == tidy


# ---------------------------------------------------------------- 一是 after a chapter's text


def test_a_chapter_heading_run_into_sentences_then_a_yishi_run(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "县教育局2024年工作总结和2025年工作计划\n"
        "一、2024年主要成绩2024年以来，全县教育系统围绕提质量的目标，各项工作取得新成效。"
        "一是党的建设成效显著。推进党的工作全覆盖。二是教育质量稳步提升。高考再创新高。\n"
        "二、2025年工作计划\n1.加强党的建设。落实第一议题制度。\n"))
    first = doc.chapters[0]
    assert [(i.marker, i.lead) for i in first.items] == [
        ("一是", "党的建设成效显著"), ("二是", "教育质量稳步提升")]
    assert first.intro is not None and first.intro.startswith("2024年以来")


def test_a_page_cut_inside_the_first_point_of_a_run_keeps_that_point(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "县教育局2024年工作总结和2025年工作计划\n"
        "一、2024年主要成绩2024年以来，全县教育系统围绕提质量的目标，各项工作取得新成效。"
        "一是党的建设成效显著。全县教育系统推进中小学校党组织和党的工作全覆盖，以提升组织力为"))
    assert leads(doc) == [("一是", "党的建设成效显著")]
    assert doc.items()[0].incomplete


def test_a_lone_yishi_in_a_whole_text_is_a_turn_of_phrase(tmp_path: Path) -> None:
    """Only a page's end makes one point a run: in a text that ends whole it stays text."""
    doc = mine_text(tmp_path, (
        "县教育局2025年工作要点\n"
        "一、加强党的建设坚持以党建为引领，全面推进从严治党。一是要提高认识，切实抓好落实。\n"))
    assert [i.marker for i in doc.items()] == [""]


def test_a_page_cut_in_the_first_point_under_a_section_heading(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "教育局上半年工作总结\n上半年工作完成情况\n（一）顺利实施了两项改革工作。\n"
        "一是中小学人事制度改革。根据全省中小学人事制度改革的总体精神，我们先后制定了改革实施方案"))
    assert leads(doc) == [("一是", "中小学人事制度改革")]
    assert doc.items()[0].incomplete


def test_a_page_cut_inside_a_points_lead_keeps_no_fragment(tmp_path: Path) -> None:
    """Labelled rule: an item cut inside its lead is no clause (a 一是 lead runs to its 。)."""
    doc = mine_text(tmp_path, (
        "某区2023年教育工作要点\n二、2023年工作思路及要点\n"
        "（一）推动党的二十大精神学习贯彻走深走实，全面加强党对教育工作的领导\n"
        "一是做好党的二十大"))
    assert doc.items() == []


@pytest.mark.parametrize("year", ["2021年", "xxxx年", "XXXX年"])
def test_a_doubled_template_title_run_into_the_text_is_split_off(tmp_path: Path,
                                                                 year: str) -> None:
    doc = mine_text(tmp_path, (
        "教育局2021年度上半年工作总结及下半年工作计划范文.doc\n"
        "教育局2021年度上半年工作总结及下半年工作计划范文教育局2021年度上半年工作总结及下半年"
        f"工作计划范文{year}上半年，xx市教育局在市委市政府的正确领导下，以立德树人为根本，以办好"
        "人民满意的教育为目标，推动教育继续创新、协调、优质、高效发展。\n"
        "一、上半年的主要工作成效\n1.加快推进普通高中基础能力建设。建设学生宿舍楼2幢。\n"))
    assert doc.title == "教育局2021年度上半年工作总结及下半年工作计划"
    assert doc.preamble is not None and doc.preamble.startswith(f"{year}上半年")
    assert doc.items()[0].category == "保障"


# ---------------------------------------------------------------- title shapes

_BODY = ("一、加强党的建设\n1.强化理论武装。落实第一议题制度。\n"
         "2.加强基层党建。推进支部标准化建设。\n")


@pytest.mark.parametrize(("head", "title", "year"), [
    ("__年县教育局工作要点", "__年县教育局工作要点", None),  # a year placeholder, no separator
    ("20__年县教育局工作计划", "20__年县教育局工作计划", None),
    ("教育局2024年工作要点 - 道客巴巴", "教育局2024年工作要点", 2024),  # a site after a dash
    ("小编为您整理了“2024年县教育局工作要点”，方便广大网友查阅！", "2024年县教育局工作要点", 2024),
    ("**2024年县教育局工作要点**", "2024年县教育局工作要点", 2024),  # Markdown bold
    ("“2024年县教育局工作要点”", "2024年县教育局工作要点", 2024),  # quoted whole
    ("《2024年县教育局工作要点》", "2024年县教育局工作要点", 2024),
    ("县教育局2023年工作总结-2024年计划", "县教育局2023年工作总结-2024年计划", 2024),  # no site
])
def test_title_shapes_of_copied_pages(tmp_path: Path, head: str, title: str,
                                      year: int | None) -> None:
    doc = mine_text(tmp_path, f"{head}\n{_BODY}")
    assert (doc.title, doc.year) == (title, year)
    assert leads(doc) == [("1.", "强化理论武装"), ("2.", "加强基层党建")]


# ---------------------------------------------------------------- document-farm boilerplate


@pytest.mark.parametrize("line", [
    "文档来源为:从网络收集整理.word版本可编辑.欢迎下载支持.",
    "本文格式为Word版，下载可任意编辑",
    "页眉页脚可一键删除，仅供参考。欢迎阅读本文。",
    "学习-----好资料",
    "名师归纳总结",
    "感谢阅读",
    "THANKS",
    "尊敬的读者朋友们：这里是精品文档编辑中心，本文档内容是由我和我的同事精心编辑整理后发布的。",
    "【本文档内容可以自由复制内容或自由编辑修改内容期待你的好评和关注，我们将会做得更好】",
    "本文档共5页，当前为第1页",
    "上一页 下一页",
    "展开阅读全文",
    "相关专题：教育局工作要点",
    "（本文来自网络，仅供参考）",
    "本页是最新发布的《2024年教育局工作要点》的详细范文参考文章",
    "这篇文章共3562字",
    "剩余内容已隐藏，请支付后下载全文",
])
def test_document_farm_boilerplate_is_furniture(line: str) -> None:
    assert [p.text for p in clean_lines([line, "一、加强党的建设"]).paras] == ["一、加强党的建设"]


def test_a_page_that_hides_the_rest_ends_inside_its_last_item(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "县教育局2024年工作要点\n一、加强党的建设\n1.强化理论武装。落实第一议题制度。\n"
        "2.加强基层党建。推进支部标准化建设。\n剩余内容已隐藏，请支付后下载全文\n"))
    assert [i.incomplete for i in doc.items()] == [False, True]


def test_a_junk_rule_with_a_global_flag_is_refused_with_its_line(tmp_path: Path) -> None:
    """Each rule compiles alone, but the rules are joined: (?i) inside the join would crash."""
    bad = tmp_path / "junk.yaml"
    bad.write_text("lines:\n  - '^ok$'\n  - '(?i)word可编辑'\n", encoding="utf-8")
    with pytest.raises(DrafterError) as info:
        junk.load_rules(bad)
    assert any(":3" in str(p) and "全局标志" in str(p) for p in info.value.problems)


# ---------------------------------------------------------------- bare numbers at line starts


def test_item_numbers_that_lost_their_mark_at_a_line_start(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "县教育局2024年工作要点\n一、主要任务\n"
        "1.全面坚持党的领导。加快推动党的组织全覆盖。\n"
        "2 .全面落实立德树人。扎实推进五育并举。\n"
        "3 不断加强师资队伍建设。完善教师待遇保障机制。\n"
        "4 持续改善办学条件。新建学校3所。\n"))
    assert leads(doc) == [("1.", "全面坚持党的领导"), ("2.", "全面落实立德树人"),
                          ("3.", "不断加强师资队伍建设"), ("4.", "持续改善办学条件")]


def test_a_wrapped_line_opening_with_a_figure_is_no_item(tmp_path: Path) -> None:
    doc = mine_text(tmp_path, (
        "县教育局2024年工作要点\n一、主要任务\n"
        "1.持续改善办学条件。今年新建和改扩建中小学校、幼儿园，共计新增学位\n"
        "2所中学和3所小学投入使用。\n"
        "2.加强教师队伍建设。招聘教师120名。\n"))
    assert leads(doc) == [("1.", "持续改善办学条件"), ("2.", "加强教师队伍建设")]
