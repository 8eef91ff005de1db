"""The check engine: mined documents, the year a draft is judged against, rule files a bureau
brings, catalogue flags, plans with baselines, and the order and shape of findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.check.engine import (
    check_blocks,
    check_document,
    check_plan,
    draft_from_document,
    stale_flags,
    summary_line,
)
from drafter.check.rules_numbers import baseline_pairs
from drafter.check.rules_years import opening_year, title_year
from drafter.check.table import default_table, load_table, parse_table
from drafter.model.blocks import Block, Location
from drafter.model.catalogue import Catalogue
from drafter.model.clause import Clause, Slot
from drafter.model.document import MinedChapter, MinedDocument, MinedItem
from drafter.model.errors import DrafterError
from drafter.model.plan import Plan, PlanChapter, PlanItem, PlanMeta
from drafter.model.resolve import resolve


def _doc(title: str | None = "某某县教育局2022年工作要点", preamble: str | None = None,
         items: list[MinedItem] | None = None, **kwargs: object) -> MinedDocument:
    chapters = [
        MinedChapter("一、", "加强党的建设", "党建", items or [
            MinedItem("1.", "加强基层党组织建设", "全面推进党支部标准化规范化建设", "党建", line=5),
        ], line=4),
        MinedChapter("二、", "强化教育保障", "保障", [
            MinedItem("2.", "维护校园安全稳定", "完善校园及周边治安防控体系", "保障", line=7),
        ], line=6),
    ]
    return MinedDocument(source="draft.txt", title=title, preamble=preamble,
                         chapters=chapters, **kwargs)  # type: ignore[arg-type]


def _rules(findings: list) -> list[str]:  # type: ignore[type-arg]
    return [f.rule for f in findings]


@pytest.mark.parametrize(("title", "doc_year", "given", "judged"), [
    ("城关区教育局2022年工作要点", 2020, None, 2022),  # the title's year wins over the miner's
    ("城关区教育局2022年工作要点", 2020, 2024, 2024),  # --year wins over both
    (None, 2020, None, 2020),  # no title: the miner's year
    ("城关区教育局工作要点", None, None, None),  # nothing known: time rules do not run
])
def test_year_a_document_is_judged_against(title: str | None, doc_year: int | None,
                                           given: int | None, judged: int | None) -> None:
    doc = _doc(title=title, year=doc_year)
    assert draft_from_document(doc, year=given).year == judged


@pytest.mark.parametrize(("title", "year"), [
    ("XX市教育局2024年工作要点", 2024),
    ("2022年度教育局工作要点(市级)", 2022),
    ("县教育局2024年工作总结和2025年工作计划", 2025),  # the plan's year, not the summary's
    ("城关区教育局工作要点", None),
])
def test_title_year(title: str, year: int | None) -> None:
    assert title_year(title) == year


@pytest.mark.parametrize(("preamble", "year"), [
    ("2020年,全市教育工作总体要求是：以新时代中国特色社会主义思想为指导", 2020),
    ("2025年，XX市教育工作坚持以习近平新时代中国特色社会主义思想为指导", 2025),
    ("2023年，全市教育系统取得新成绩。2024年全市教育工作的总体要求是：坚持立德树人", 2024),
    ("以习近平新时代中国特色社会主义思想为指导，办好人民满意的教育", None),
])
def test_opening_year(preamble: str, year: int | None) -> None:
    assert opening_year(preamble) == year


def test_summary_and_plan_titles_are_not_compared_with_the_summary_year() -> None:
    doc = _doc(title="县教育局2024年工作总结和2025年工作计划",
               preamble="2024年，全县教育工作取得新成绩。", genre="总结+计划")
    assert "years.title" not in _rules(check_document(doc))


def test_title_year_against_body_plan_year() -> None:
    doc = _doc(title="教育局2022年度工作要点",
               preamble="2020年，全市教育工作总体要求是：以……为指导")
    findings = check_document(doc)
    title = [f for f in findings if f.rule == "years.title"]
    assert len(title) == 1
    assert "2022" in title[0].message and "2020" in title[0].message
    assert title[0].severity == "错误"


def test_time_rules_judge_items_against_the_title_year() -> None:
    items = [MinedItem("2.", "全面落实特殊教育规划", "落实浙江省特殊教育“十三五”规划", "五育并举",
                       line=9)]
    findings = check_document(_doc(title="教育局2022年工作要点", items=items))
    stale = [f for f in findings if f.rule == "time.shisanwu"]
    assert stale and stale[0].location.line == 9 and stale[0].location.file == "draft.txt"
    assert "十三五" in stale[0].text


def test_summary_items_are_not_judged_as_plans() -> None:
    items = [MinedItem("1.", "脱贫攻坚成效明显", "打赢教育脱贫攻坚战", "保障", kind="summary"),
             MinedItem("2.", "巩固成果", "继续打好教育脱贫攻坚战", "保障", kind="plan")]
    findings = check_document(_doc(title="县教育局2024年工作总结和2025年工作计划", items=items),
                              year=2025)
    hits = [f for f in findings if f.rule == "time.tuopin-gongjian"]
    assert len(hits) == 1 and "继续" in hits[0].text


def test_dropped_junk_is_one_finding_with_count_and_lines() -> None:
    """Issue 13.17: one finding per document, not one per scrap (004 had 22 of them)."""
    dropped = ["下面是小编为大家整理的工作要点，供大家参考。", "推荐访问：工作要点", "分享到:",
               "分享到:"]
    raw = ["分享到:", "城关区教育局2022年工作要点", "下面是小编为大家整理的工作要点，供大家参考。",
           "一、加强党的建设", "推荐访问：工作要点", "分享到:"]
    doc = _doc(dropped=dropped)
    junk = [f for f in check_document(doc, year=2022, raw_lines=raw) if f.rule == "text.junk"]
    assert len(junk) == 1
    assert "3处" in junk[0].message and "第1、3、5、6行" in junk[0].message
    assert "小编" in junk[0].text and junk[0].location.line == 1


def test_identical_findings_are_listed_once() -> None:
    blocks = [Block("title", "城关区教育局2024年工作要点"),
              Block("chapter", "加强党的建设", marker="一、"),
              Block("item", "全面贯彻党的十九大精神。", marker="1.", lead="加强党建。")]
    once = check_blocks(blocks, year=2024)
    twice = check_blocks([*blocks, blocks[-1]], year=2024)  # the same block, same place
    assert [f.rule for f in once].count("time.shijiuda") == 1
    assert [f.rule for f in twice].count("time.shijiuda") == 1


def test_ambiguous_formulation_is_hinted_once_per_document() -> None:
    blocks = [Block("title", "城关区教育局2024年工作要点"),
              Block("preamble", "深入贯彻全国教育大会精神。"),
              Block("chapter", "加强党的建设", marker="一、"),
              Block("item", "落实全国教育大会部署。", marker="1.", lead="加强党建。")]
    hints = [f for f in check_blocks(blocks, year=2024) if f.rule == "time.quanguo-jiaoyu-dahui"]
    assert len(hints) == 1 and hints[0].severity == "提示"
    assert not [f for f in check_blocks(blocks, year=2025)
                if f.rule == "time.quanguo-jiaoyu-dahui"]


def test_half_width_punctuation_is_read_from_raw_lines() -> None:
    raw = ["城关区教育局2022年工作要点", "", "一、加强党的建设", "1.加强基层党组织建设,全面推进。",
           "时间:2022-04-28 来源:网友投稿"]
    doc = _doc(dropped=["时间:2022-04-28 来源:网友投稿"])
    found = [f for f in check_document(doc, raw_lines=raw) if f.rule == "punct.halfwidth"]
    assert [(f.location.file, f.location.line) for f in found] == [("draft.txt", 4)]
    assert "，" in (found[0].fix or "")


def test_findings_are_sorted_errors_first_and_summarised() -> None:
    blocks = [Block("title", "城关区教育局2024年工作要点"),
              Block("chapter", "党建", marker="一、"),
              Block("item", "全面贯彻党的十九大精神,落实xx项任务", marker="1.", lead="学习。")]
    findings = check_blocks(blocks, year=2024)
    severities = [f.severity for f in findings]
    assert severities == sorted(severities, key=["错误", "警告", "提示"].index)
    assert summary_line(findings).startswith(f"共 {len(findings)} 个问题：错误 ")
    data = findings[0].to_json()
    assert {"severity", "rule", "message", "text", "fix", "where", "chapter", "item",
            "clause", "file", "line"} <= set(data)


# --------------------------------------------------------------------------- rule files


BUREAU = """\
rules:
  - id: shisanwu          # same id: only the severity changes
    severity: 错误
  - id: local-campaign    # a new rule of our own
    label: 创文攻坚
    pattern: 创文攻坚
    valid_until: 2023
    severity: 警告
    message: 创文攻坚已于2023年结束。
    suggest: 巩固创文成果
disable: [punct]
profile:
  dash: "-"
"""


def test_bureau_file_overrides_adds_and_disables(tmp_path: Path) -> None:
    path = tmp_path / "本局规则.yaml"
    path.write_text(BUREAU, encoding="utf-8")
    table = load_table(path)
    by_id = {r.id: r for r in table.rules}
    assert by_id["shisanwu"].severity == "错误"
    assert by_id["shisanwu"].valid_until == 2020  # the rest stays as bundled
    blocks = [Block("title", "城关区教育局2024年工作要点"), Block("chapter", "党建", marker="一、"),
              Block("item", "推进创文攻坚,落实“十三五”规划（2024—2026年）", marker="1.",
                    lead="创文")]
    findings = check_blocks(blocks, year=2024, rules=table)
    rules = _rules(findings)
    assert "time.local-campaign" in rules
    assert [f.severity for f in findings if f.rule == "time.shisanwu"] == ["错误"]
    assert not any(r.startswith("punct.") for r in rules)  # the family is switched off
    assert "years.dash" in rules  # "—" where the bureau writes "-"


@pytest.mark.parametrize(("text", "line", "words"), [
    ("rules:\n  - id: x\n    pattern: a\n    message: m\n    colour: red\n", 5, "colour"),
    ("rules:\n  - id: y\n    pattern: '(unclosed'\n    message: m\n", 3, "正则"),
    ("rules:\n  - id: z\n    message: m\n", 2, "pattern"),
    ("rules:\n  - id: w\n    pattern: a\n    message: m\n    severity: 严重\n", 5, "severity"),
    ("rules:\n  - id: v\n    pattern: a\n    message: m\n    valid_from: 99\n", 5, "年份"),
    ("profile:\n  dash: '~'\n", 2, "dash"),
    ("rulez: []\n", 1, "rulez"),
])
def test_bad_rule_files_name_file_and_line(text: str, line: int, words: str) -> None:
    with pytest.raises(DrafterError) as err:
        parse_table(text, "本局规则.yaml", base=default_table())
    problem = err.value.problems[0]
    assert problem.file == "本局规则.yaml" and problem.line == line
    assert words in str(err.value)


def test_missing_rule_file_is_a_chinese_error(tmp_path: Path) -> None:
    with pytest.raises(DrafterError, match="找不到规则文件"):
        load_table(tmp_path / "none.yaml")


# --------------------------------------------------------------------------- flags, plans


@pytest.mark.parametrize(("text", "year", "flags"), [
    ("全面贯彻党的十九大精神", 2024, ["自2023年起过时：党的十九大"]),
    ("全面贯彻党的十九大精神", 2020, []),
    ("庆祝新中国成立70周年", None, ["仅适用于2019年：新中国成立70周年"]),
    ("落实《教育强国建设规划纲要（2024—2035年）》", 2024,
     ["2025年以前不能使用：教育强国建设规划纲要（2024—2035年）"]),
    ("加强基层党组织建设", 2024, []),
    ("深入贯彻全国教育大会精神", 2025, []),  # a wording hint, not a stale formulation
    ("深入贯彻全国教育大会精神", None, []),
])
def test_stale_flags_for_the_catalogue(text: str, year: int | None, flags: list[str]) -> None:
    assert stale_flags(text, year) == flags


def _catalogue() -> Catalogue:
    cat = Catalogue()
    cat.add(Clause(id="bz-000001", chapter="保障", lead="增加学位供给",
                   body="新增公办学位{{ 新增学位 }}个。",
                   slots=[Slot("新增学位", "新增公办学位", "integer", "个", 1500)]))
    cat.add(Clause(id="dj-000001", chapter="党建", lead="加强党的建设",
                   body="全面推进党支部标准化规范化建设。"))
    return cat


def _blocks_for(plan: Plan, value: int) -> list[Block]:
    return [Block("title", f"城关区教育局{plan.meta.year}年工作要点"),
            Block("chapter", "党建", marker="一、"),
            Block("item", "全面推进党支部标准化规范化建设。", marker="1.", lead="加强党的建设。",
                  location=Location(1, 1, "dj-000001")),
            Block("chapter", "保障", marker="二、"),
            Block("item", f"新增公办学位{value}个。", marker="2.", lead="增加学位供给。",
                  location=Location(2, 2, "bz-000001"))]


@pytest.mark.parametrize(("value", "fires"), [(4000, True), (1600, False)])
def test_plan_values_far_from_baseline(value: int, fires: bool) -> None:
    plan = Plan(meta=PlanMeta(region="城关区", year=2025),
                chapters=[PlanChapter("党建", items=[PlanItem("dj-000001")]),
                          PlanChapter("保障", items=[PlanItem("bz-000001",
                                                              values={"新增学位": value})])],
                baseline={"bz-000001.新增学位": 1500})
    cat = _catalogue()
    assert [(p.name, p.value, p.baseline) for p in baseline_pairs(resolve(plan, cat))] == [
        ("新增学位", value, 1500)]
    findings = check_plan(plan, _blocks_for(plan, value), cat)
    assert ("numbers.baseline" in _rules(findings)) is fires
    assert "structure.required-chapter" not in _rules(findings)


def test_half_width_throughout_a_text_is_one_finding() -> None:
    raw = [f"{n}.加强管理,提升质量。" for n in range(1, 9)]
    found = [f for f in check_document(_doc(), year=2022, raw_lines=raw)
             if f.rule == "punct.halfwidth"]
    assert len(found) == 1
    assert "8处段落" in found[0].message and "第1、2、3" in found[0].message


def test_a_republished_copy_is_judged_by_the_title_it_claims() -> None:
    raw = ["2022年度教育局工作要点(市级)", "",
           "下面是小编为大家整理的2022年度教育局工作要点(市级),供大家参考。", "",
           "教育局2020年工作要点(市级)", "2020年,全市教育工作总体要求是:以……为指导。",
           "一、加强党的建设"]
    doc = _doc(title="教育局2020年工作要点（市级）", year=2020,
               preamble="2020年，全市教育工作总体要求是：以……为指导。",
               dropped=["下面是小编为大家整理的2022年度教育局工作要点(市级),供大家参考。"])
    draft = draft_from_document(doc, raw_lines=raw)
    assert (draft.year, draft.title, draft.title_location.line) == (
        2022, "2022年度教育局工作要点(市级)", 1)
    title = [f for f in check_document(doc, raw_lines=raw) if f.rule == "years.title"]
    assert len(title) == 1 and "2022" in title[0].message and "2020" in title[0].message


def test_one_finding_where_two_time_rules_match_the_same_words() -> None:
    blocks = [Block("title", "城关区教育局2026年工作要点"), Block("chapter", "党建", marker="一、"),
              Block("item", "奋力打好“十四五”收官战。", marker="1.", lead="学习。")]
    rules = [f.rule for f in check_blocks(blocks, year=2026) if f.rule.startswith("time.")]
    assert rules == ["time.shisiwu-shouguan"]


# ------------------------------------------------- prose chapters and topics in items (issue 13)


def _prose_doc(intro: str | None, genre: str = "要点") -> MinedDocument:
    chapters = [
        MinedChapter("一、", "工作思路", "总体要求", [], line=3, intro=intro, intro_line=4),
        MinedChapter("二、", "重点任务", "教育改革", [
            MinedItem("1.", "加强基层党组织建设", "全面推进党支部标准化规范化建设。", "党建",
                      line=6),
            MinedItem("2.", "维护校园安全稳定", "完善校园及周边治安防控体系。", "保障", line=7),
        ], line=5),
    ]
    return MinedDocument(source="draft.txt", title="城关区教育局2024年工作要点",
                         chapters=chapters, genre=genre)


@pytest.mark.parametrize(("intro", "empty"), [
    ("全年工作坚持稳中求进，突出质量与公平。", False),  # a prose chapter has its text
    (None, True),  # a heading with nothing under it is empty
])
def test_a_prose_chapter_is_not_empty(intro: str | None, empty: bool) -> None:
    found = _rules(check_document(_prose_doc(intro)))
    assert ("structure.empty-chapter" in found) is empty


def test_a_prose_chapter_is_checked_like_an_item() -> None:
    found = check_document(_prose_doc("深入贯彻党的十九大精神，办好xx教育。"))
    assert {"time.shijiuda", "text.placeholder"} <= set(_rules(found))
    assert [(f.part, f.location.line) for f in found if f.rule == "time.shijiuda"] == [
        ("章首段", 4)]  # at the prose's own line


def test_a_summary_documents_prose_chapter_speaks_of_last_year() -> None:
    found = check_document(_prose_doc("深入贯彻党的十九大精神。", genre="总结+计划"))
    assert "time.shijiuda" not in _rules(found)  # the summary part: last year's wording


@pytest.mark.parametrize(("categories", "missing"), [
    (("党建", "保障"), set()),  # 党建 and 保障 are items of another chapter: not missing
    (("教育改革", "保障"), {"党建"}),  # no 党建 chapter and no 党建 item
])
def test_a_required_topic_may_be_an_item(categories: tuple[str, str], missing: set[str]) -> None:
    doc = _prose_doc("坚持稳中求进。")
    for item, category in zip(doc.chapters[1].items, categories, strict=True):
        item.category = category
    found = [f.message for f in check_document(doc) if f.rule == "structure.required-chapter"]
    assert {m[m.index("“") + 1:m.index("”")] for m in found} == missing
