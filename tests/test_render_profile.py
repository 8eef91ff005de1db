"""Style profiles (templates/profiles/*.yaml) and the title line breaker."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.model.errors import DrafterError
from drafter.render.docx_writer import signature_insets
from drafter.render.profile import find_profile, load_profile
from drafter.render.title_lines import break_title


def test_the_standard_profile_carries_every_gbt9704_number() -> None:
    p = load_profile()
    assert (p.page.width, p.page.height) == (11906, 16838)
    assert (p.page.margin_top, p.page.margin_bottom, p.page.margin_left,
            p.page.margin_right, p.page.footer) == (2098, 1984, 1587, 1474, 1417)
    assert p.page.text_width == 8845
    assert (p.grid.line_pitch, p.grid.lines_per_page, p.grid.chars_per_line) == (579, 22, 28)
    assert p.roles.body.char_spacing == -5 and p.roles.body.first_line == 640
    assert (p.roles.title.font, p.roles.title.size, p.roles.title.bold) == ("方正小标宋简体", 44,
                                                                           False)
    assert (p.roles.body.font, p.roles.chapter.font, p.roles.section.font) == (
        "仿宋_GB2312", "黑体", "楷体_GB2312")
    assert (p.roles.page_number.font, p.latin(p.roles.page_number), p.roles.page_number.size) \
        == ("宋体", "宋体", 28)
    assert p.latin(p.roles.body) == "Times New Roman"
    assert (p.page_number.format, p.page_number.inset) == ("— {n} —", 280)
    assert sum(p.tasks.widths) == p.tasks.page.width - p.tasks.page.margin_left \
        - p.tasks.page.margin_right


def test_a_user_profile_lists_only_what_it_changes(tmp_path: Path) -> None:
    path = tmp_path / "本单位.yaml"
    path.write_text("name: 本单位\nroles:\n  body:\n    font: 方正仿宋_GBK\n", encoding="utf-8")
    p = load_profile(str(path))
    assert p.name == "本单位" and p.roles.body.font == "方正仿宋_GBK"
    assert p.roles.body.size == 32 and p.grid.line_pitch == 579  # the rest from gbt9704


@pytest.mark.parametrize(("text", "message", "line"), [
    ("roles:\n  body:\n    colour: red\n", "未知设置项“colour”", 3),  # typo in a role
    ("page:\n  width: 二百\n", "“page.width”应是整数", 2),  # wrong type
    ("grid:\n  line_pitch: 0\n", "“grid.line_pitch”应大于 0", 2),  # parses but cannot work
    ("tasks:\n  widths: [1000, 2000]\n", "tasks.widths 应是 5 个正整数", 2),  # five columns
    ("roles:\n  title:\n    align: middle\n", "应是 left、center、right、both 之一", 3),
    ("page_number:\n  format: 第页\n", "页码格式应含 {n}", 2),
    ("fonts: !!python/object:os.system x\n", "不允许的 YAML 标签", 1),  # unsafe YAML
    ("roles:\n  title:\n    bold: 1\n", "“roles.title.bold”应是 true 或 false", 3),  # no coercion
    ("roles:\n  body:\n    size: 0\n", "字号 size 应大于 0", 3),
    ("font_alternates:\n  仿宋_GB2312: 3\n", "“font_alternates.仿宋_GB2312”应是文字", 2),
    ("title:\n  break_after: 年\n", "“title.break_after”应是列表", 2),  # a list, not a word
    ("roles: 3\n", "“roles”应是一个映射", 1),
    ("page_number:\n  inset: 2.5\n", "“page_number.inset”应是整数", 2),
])
def test_bad_profiles_name_file_and_line(tmp_path: Path, text: str, message: str,
                                          line: int) -> None:
    path = tmp_path / "坏.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DrafterError) as info:
        load_profile(str(path))
    problem = info.value.problems[0]
    assert message in str(info.value)
    assert problem.file and problem.file.endswith("坏.yaml") and problem.line == line


def test_every_problem_of_a_profile_at_once(tmp_path: Path) -> None:
    path = tmp_path / "坏.yaml"
    path.write_text("page:\n  width: 宽\ngrid:\n  line_pitch: 0\nroles:\n  body:\n"
                    "    colour: red\n", encoding="utf-8")
    with pytest.raises(DrafterError) as info:
        load_profile(str(path))
    assert [p.line for p in info.value.problems] == [2, 4, 7]


def test_the_profile_format_is_the_profile_dataclasses() -> None:
    """Declared once: the validating model has exactly the dataclasses' fields, nested."""
    import dataclasses

    from drafter.render.profile import Profile, RoleStyle, profile_model

    model = profile_model()
    assert set(model.model_fields) == {f.name for f in dataclasses.fields(Profile)}
    roles = model.model_fields["roles"].annotation
    body = roles.model_fields["body"].annotation  # type: ignore[union-attr]
    assert set(body.model_fields) == {f.name for f in dataclasses.fields(RoleStyle)}


def test_unknown_profile_name_lists_the_known_ones() -> None:
    with pytest.raises(DrafterError, match="gbt9704"):
        find_profile("不存在")


def test_user_profiles_folder_is_searched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    monkeypatch.setenv("DRAFTER_HOME", str(tmp_path))
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "县局.yaml").write_text("title:\n  max_chars: 18\n", "utf-8")
    assert load_profile("县局").title.max_chars == 18


@pytest.mark.parametrize(("fonts", "role", "font"), [
    ({"正文": "方正仿宋_GBK"}, "body", "方正仿宋_GBK"),  # Chinese role name
    ({"title": "华文中宋"}, "title", "华文中宋"),  # English role name
    ({"二级标题": "方正楷体_GBK"}, "section", "方正楷体_GBK"),
])
def test_font_overrides(fonts: dict[str, str], role: str, font: str) -> None:
    assert getattr(load_profile(overrides=fonts).roles, role).font == font


def test_latin_and_table_font_overrides() -> None:
    p = load_profile(overrides={"西文": "Arial", "表格": "仿宋"})
    assert p.latin(p.roles.body) == "Arial" and p.tasks.cell.font == "仿宋"


@pytest.mark.parametrize(("title", "lines"), [
    # short: one line
    ("某市教育局2025年工作要点", ["某市教育局2025年工作要点"]),
    # two organs: break between them, both lines balanced
    ("中共某某市委教育工作委员会某某市教育局2024年工作要点",
     ["中共某某市委教育工作委员会", "某某市教育局2024年工作要点"]),
    # break after 局, never inside 2025
    ("某某省某某市某某县教育局2025年教育工作要点",
     ["某某省某某市某某县教育局", "2025年教育工作要点"]),
    # a quoted title that fits a line stays whole (tests/test_title_lines.py has more)
    ("关于印发《某市教育局2025年工作要点》的通知",
     ["关于印发", "《某市教育局2025年工作要点》的通知"]),
])
def test_title_breaks(title: str, lines: list[str]) -> None:
    p = load_profile().title
    assert break_title(title, 20, p.break_after, p.break_before) == lines


@pytest.mark.parametrize("title", [
    "某某自治州某某县教育体育和科技局关于进一步加强中小学校园安全管理工作的实施方案",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ教育局",  # an unbreakable Latin run is cut hard
    "一" * 61,
])
def test_every_title_line_fits(title: str) -> None:
    lines = break_title(title, 20)
    assert "".join(lines) == title and all(0 < len(line) <= 20 for line in lines)


@pytest.mark.parametrize(("organ", "date", "insets"), [
    # organ 2 chars from the right; the date (7.75 wide: digits ½, CJK/Latin gaps ¼) starts
    # 2 further right → pushes the organ left
    ("某市教育局", "2025年1月10日", (7, 2)),
    # a long organ name: the date's right inset grows instead
    ("中共某某市委教育工作委员会", "2025年1月10日", (2, 5)),
    ("某市教育局", "", (2, 2)),  # no date
])
def testsignature_insets(organ: str, date: str, insets: tuple[int, int]) -> None:
    assert signature_insets(organ, date, load_profile()) == insets
