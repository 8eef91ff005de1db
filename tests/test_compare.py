"""drafter compare: 对标 pairs, last year's changes, the county matrix, and their outputs.

CLI tests run in-process with click's CliRunner; the .docx superior plan is made at test time.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from drafter.cli import cli
from drafter.compare.items import Entry
from drafter.compare.lastyear import diff_years, word_diff
from drafter.compare.match import align
from drafter.model.errors import DrafterError
from drafter.model.figures import expected_direction, extract_figures, figure_change

ROOT = Path(__file__).resolve().parents[1]
CITY = ROOT / "examples" / "city_plan.yaml"
BATCH = ROOT / "examples" / "batch.yaml"
SUPERIOR = next((ROOT / "examples" / "corpus").glob("002_*.txt"))


def _run(*args: str) -> tuple[int, str, BaseException | None]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output, result.exception


def _e(lead: str, body: str = "", clause: str | None = None) -> Entry:
    return Entry("1.", "", lead, body, clause)


# --------------------------------------------------------------------------- 对标


def test_city_plan_against_its_province_peer_finds_the_known_pairs() -> None:
    code, out, exc = _run("compare", str(CITY), "--against", str(SUPERIOR), "--format", "json")
    assert code == 0, exc
    data = json.loads(out)
    answers = {row["item"]["lead"]: [a["item"]["lead"] for a in row["answers"]]
               for row in data["superior"]}
    # Known pairs: the city plan took these clauses from the 2024 plan (002).
    assert "推进学前教育普惠发展" in answers["推进学前教育普惠发展"]
    assert "强化教育督导" in answers["强化教育督导"]
    assert "守牢安全底线" in answers["守牢安全底线"]
    assert "加强教师队伍建设" in answers["加强教师队伍建设"]
    # The 2025 plan dropped 主题教育 (it ended in 2024): an unmatched superior task.
    status = {row["item"]["lead"]: row["status"] for row in data["superior"]}
    assert status["巩固拓展主题教育成果"] == "未对应"
    # Its own initiatives are listed, not flagged.
    assert "办好教育民生实事" in [e["lead"] for e in data["local"]]


def test_terminal_report_shows_unmatched_first_and_highlights_words() -> None:
    code, out, _ = _run("compare", str(CITY), "--against", str(SUPERIOR))
    assert code == 0
    assert out.index("未对应的上级任务") < out.index("逐条对应")
    assert "【学前教育】" in out or "【普惠】" in out  # no terminal: words marked with 【】
    assert "本地工作" in out
    # an unmatched task shows the nearest plan item, marked as not counted
    block = out[out.index("✗ 上级 一、1. 巩固拓展主题教育成果"):out.index("✓ 上级 一、2.")]
    assert "· 最接近：" in block and "（未计入）" in block


def test_json_report_carries_the_near_candidates() -> None:
    code, out, exc = _run("compare", str(CITY), "--against", str(SUPERIOR), "--format", "json")
    assert code == 0, exc
    rows = {r["item"]["lead"]: r for r in json.loads(out)["superior"]}
    near = rows["巩固拓展主题教育成果"]["near"]
    scores = [n["score"] for n in near]
    assert near and scores == sorted(scores, reverse=True) and min(scores) >= 0.05
    assert {n["item"]["lead"] for n in near}.isdisjoint(
        a["item"]["lead"] for a in rows["巩固拓展主题教育成果"]["answers"])


def test_align_unit_answers_and_local_initiatives() -> None:
    superior = [_e("推进学前教育普惠发展", "扩大普惠性学前教育资源，新建公办幼儿园。"),
                _e("加强高校思政课建设", "开好讲好思想政治理论课，建设高校马克思主义学院。")]
    mine = [_e("扩大学前教育普惠资源", "新建公办幼儿园3所，普惠性幼儿园覆盖率达到90%。"),
            _e("办好县城第二中学", "完成校舍建设，秋季招生。")]
    al = align(superior, mine)
    assert [a.entry.lead for a in al.rows[0].answers] == ["扩大学前教育普惠资源"]
    assert "普惠" in al.rows[0].answers[0].words
    assert not al.rows[1].matched  # nothing in a county plan answers a university task
    assert [e.lead for e in al.local] == ["办好县城第二中学"]


def test_align_keeps_weaker_candidates_as_near_alternatives() -> None:
    superior = [_e("推进学前教育普惠发展",
                   "扩大普惠性学前教育资源，新建公办幼儿园，提高保教质量。")]
    mine = [_e("扩大学前教育普惠资源", "新建公办幼儿园3所，普惠性幼儿园覆盖率达到90%。"),
            _e("提高幼儿园保教质量", "开展幼儿园保教质量评估。"),
            _e("办好县城第二中学", "完成校舍建设，秋季招生。")]
    row = align(superior, mine, relative=0.95).rows[0]
    assert [a.entry.lead for a in row.answers] == ["扩大学前教育普惠资源"]
    assert [a.entry.lead for a in row.near] == ["提高幼儿园保教质量"]  # weaker, still shown
    assert row.near[0].score < row.answers[0].score


def test_against_a_docx_made_now_goes_through_the_reader(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "上级要点.docx"
    document = docx.Document()
    document.add_paragraph("某市教育局2025年工作要点")
    document.add_paragraph("一、推动各级各类教育高质量发展")
    document.add_paragraph("1.推进学前教育普惠发展。扩大普惠性学前教育资源，新建改扩建公办幼儿园。")
    document.add_paragraph("2.发展高等教育。支持高校建设一流学科，提升科研创新能力。")
    document.save(str(path))
    code, out, exc = _run("compare", str(CITY), "--against", str(path), "--format", "json")
    assert code == 0, exc
    rows = json.loads(out)["superior"]
    assert rows[0]["status"] == "已对应"
    assert rows[0]["answers"][0]["item"]["lead"] == "推进学前教育普惠发展"


def test_xlsx_duibiao_table_has_the_four_columns(tmp_path: Path) -> None:
    out = tmp_path / "对标表.xlsx"
    code, _, exc = _run("compare", str(CITY), "--against", str(SUPERIOR), "-o", str(out))
    assert code == 0, exc
    ws = openpyxl.load_workbook(out)["对标表"]
    assert [c.value for c in ws[1]] == ["上级任务", "本级条目", "匹配度", "状态"]
    statuses = {row[3] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert statuses == {"已对应", "未对应", "本地工作"}


def test_matching_bench_reads_every_labelled_item_and_scores_each_part() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from compare import load_cases, score  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(ROOT / "bench"))
    cases = load_cases()  # stops if a labelled item is not among the items read from its page
    lineage = [c for c in cases if c.part in ("tuning", "held-out")]
    assert lineage and {c.part for c in cases} <= {"tuning", "held-out", "peer"}
    held_out = [c for c in lineage if c.part == "held-out"]
    assert held_out and sum(len(c.pairs) for c in held_out) > 0  # the target part can be judged
    held, _ = score(held_out)
    assert held.recall >= 0.9 and held.precision >= 0.8
    total, per_case = score(lineage)
    assert total.recall >= 0.9 and total.precision >= 0.8
    peer, _ = score([c for c in cases if c.part == "peer"])
    assert peer.recall >= 0.9 and peer.precision >= 0.8
    assert per_case["安徽省→芜湖市 2025"].fp == 0  # two unrelated first items: no answer claimed


# --------------------------------------------------------------------------- last year


@pytest.mark.parametrize(("text", "label", "value", "unit"), [
    ("学前三年毛入园率达到95%以上", "学前三年毛入园率", 95.0, "%"),  # rate with 达到
    ("新增学位2500余个", "新增学位", 2500.0, "个"),  # 余 between number and unit is no figure
    ("全市教育系统招聘教师1200名", "教育系统招聘教师", 1200.0, "名"),  # leading 全市 dropped
])
def test_extract_figures(text: str, label: str, value: float, unit: str) -> None:
    figures = extract_figures(text)
    if "余" in text:
        assert figures == []
        return
    assert (figures[0].label, figures[0].value, figures[0].unit) == (label, value, unit)


def test_years_and_quoted_numbers_are_not_figures() -> None:
    assert extract_figures("到2025年底，落实《三年行动计划（2024—2026年）》“十四五”") == []


@pytest.mark.parametrize(("label", "before", "after", "flag"), [
    ("学前三年毛入园率", 95, 93, True),  # a rate that fell
    ("学前三年毛入园率", 93, 95, False),  # rose: fine
    ("学生近视率", 40, 42, True),  # should fall, rose
    ("学生近视率", 42, 40, False),
    ("举行赛事", 10, 10, False),  # unchanged is not against direction
])
def test_figure_change_direction(label: str, before: float, after: float, flag: bool) -> None:
    assert figure_change(label, before, after).against_direction is flag


def test_expected_direction() -> None:
    assert expected_direction("义务教育巩固率") == 1
    assert expected_direction("辍学率") == -1


def test_diff_years_added_dropped_reworded_figures_deadlines() -> None:
    old = [_e("推进学前教育普惠发展", "学前三年毛入园率达到95%，到2024年底完成园所改造。", "gj-1"),
           _e("巩固拓展主题教育成果", "巩固拓展学习贯彻主题教育成果。", "dj-1"),
           _e("强化教育督导", "开展责任督学挂牌督导。", "gg-1")]
    new = [_e("推进学前教育普惠发展", "学前三年毛入园率达到93%，到2024年底完成园所改造。", "gj-1"),
           _e("强化教育督导", "开展责任督学挂牌督导。", "gg-1"),
           _e("办好教育民生实事", "新增学位3000个。")]
    diff = diff_years(old, new, new_year=2025, old_year=2024)
    kinds = {c.kind: [] for c in diff.changes}
    for c in diff.changes:
        kinds[c.kind].append((c.old or c.new).lead)  # type: ignore[union-attr]
    assert kinds["added"] == ["办好教育民生实事"]
    assert kinds["dropped"] == ["巩固拓展主题教育成果"]
    assert kinds["reworded"] == ["推进学前教育普惠发展"]
    assert kinds["same"] == ["强化教育督导"]
    fell = [f for _, f in diff.figure_changes if f.against_direction]
    assert [(f.label, f.before, f.after) for f in fell] == [("学前三年毛入园率", 95, 93)]
    assert (diff.deadlines[0].text, diff.deadlines[0].which) == ("到2024年底", "本年")


def test_word_diff_marks_only_the_changed_words() -> None:
    diff = word_diff("学前三年毛入园率达到95%", "学前三年毛入园率达到93%")
    assert ("-", "95%") in diff and ("+", "93%") in diff
    assert diff[0][0] == "="


def test_last_year_cli_flags_a_falling_target(tmp_path: Path) -> None:
    code, _, exc = _run("roll", str(CITY), "--to", "2026", "-o", str(tmp_path / "p.yaml"))
    assert code == 0, exc
    text = (tmp_path / "p.yaml").read_text(encoding="utf-8")
    text = text.replace("学前三年毛入园率_百分比: 95", "学前三年毛入园率_百分比: 93")
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    code, out, exc = _run("compare", str(tmp_path / "p.yaml"), "--last-year", str(CITY))
    assert code == 0, exc
    assert "2025年 → 2026年" in out
    assert "学前三年毛入园率：95 → 93%  ⚠ 目标下降" in out


# --------------------------------------------------------------------------- counties


def test_batch_matrix_xlsx_opens_and_shows_dropped_and_added(tmp_path: Path) -> None:
    out = tmp_path / "对比.xlsx"
    code, _, exc = _run("compare", "--batch", str(BATCH), "--format", "xlsx", "-o", str(out))
    assert code == 0, exc
    wb = openpyxl.load_workbook(out)
    ws = wb["条目对比"]
    header = [c.value for c in ws[1]]
    assert header == ["章", "条目", "安顺市（基础）", "西秀区", "平坝区", "普定县"]
    rows = {r[1]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["增强职业教育适应性和高等教育发展"][4] == "缺"  # 平坝区 drops gj-fab492
    assert rows["创建学前教育普及普惠县"][5] == "增"  # 普定县 adds its own item
    # Only numbers (and place names: the base names 普定县、平坝区 in its text) differ.
    assert rows["推进学前教育普惠发展"][3:] == ("数", "数", "数")
    figures = {(r[1], r[2]): r[3:] for r in wb["数字指标"].iter_rows(min_row=2, values_only=True)}
    assert figures[("教育系统招聘教师", "名")] == (1000, 260, 150, 120)


def test_batch_terminal_table() -> None:
    code, out, exc = _run("compare", "--batch", str(BATCH))
    assert code == 0, exc
    assert "普定县" in out and "数字指标" in out


def test_several_plan_files_make_a_matrix(tmp_path: Path) -> None:
    code, out, exc = _run("compare", str(CITY), str(SUPERIOR), "--format", "json")
    assert code == 0, exc
    data = json.loads(out)
    assert len(data["plans"]) == 2


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(("args", "message"), [
    (["compare", str(CITY)], "请说明要比较什么"),  # no mode
    (["compare", str(CITY), "--against", "nope.docx"], "找不到该文件"),  # missing superior
    (["compare", "--batch", str(BATCH), "--format", "xlsx"], "请用 -o"),  # xlsx to a terminal
    (["compare", str(CITY), "--against", str(SUPERIOR), "--last-year", str(CITY)], "只能用一个"),
])
def test_errors_are_chinese_and_name_the_problem(args: list[str], message: str) -> None:
    code, _, exc = _run(*args)
    assert code != 0
    assert isinstance(exc, DrafterError) and message in str(exc)


def test_existing_output_needs_force(tmp_path: Path) -> None:
    out = tmp_path / "对比.md"
    out.write_text("mine", encoding="utf-8")
    code, _, exc = _run("compare", "--batch", str(BATCH), "-o", str(out))
    assert code != 0 and isinstance(exc, DrafterError)
    assert out.read_text(encoding="utf-8") == "mine"
    code, _, _ = _run("compare", "--batch", str(BATCH), "-o", str(out), "--force")
    assert code == 0 and "# 各地对比" in out.read_text(encoding="utf-8")


def test_two_superior_files_one_of_them_html(tmp_path: Path) -> None:
    """--against twice; an .html page goes through the same reader interface as mine/check."""
    page = tmp_path / "省厅要点.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>某省教育厅2025年工作要点</title></head><body>"
        "<h1>某省教育厅2025年工作要点</h1><p>一、推动各级各类教育高质量发展</p>"
        "<p>1.推进学前教育普惠发展。扩大普惠性学前教育资源，新建改扩建公办幼儿园。</p>"
        "<p>2.建设一流大学。支持高校建设一流学科，提升科研创新能力。</p></body></html>",
        encoding="utf-8")
    code, out, exc = _run("compare", str(CITY), "--against", str(page), "--against",
                          str(SUPERIOR), "--format", "json")
    assert code == 0, exc
    rows = json.loads(out)["superior"]
    refs = [r["item"]["ref"] for r in rows]
    assert refs[0].startswith("省厅要点：") and refs[-1].startswith("002_")  # named by file
    by_lead = {r["item"]["lead"]: r for r in rows if r["item"]["ref"].startswith("省厅要点")}
    assert by_lead["推进学前教育普惠发展"]["status"] == "已对应"
    assert by_lead["建设一流大学"]["status"] == "未对应"
