"""The concrete choice dialogs: new plan, open plan, pick a variant, move to a chapter.

Each is a small factory over `ChoiceDialog` / `TextInputDialog` that knows its wording and
its options; none of them changes the plan (the screen applies the answer).
"""

from __future__ import annotations

from difflib import SequenceMatcher
from pathlib import Path

from rich.text import Text

from drafter.model import CHAPTER_KEYS, DEFAULT_HEADINGS, Clause, Plan, Slot
from drafter.model.numbering import chapter_marker
from drafter.tui.controller.files import NEW_EMPTY, NEW_IMPORT, NEW_STARTER
from drafter.tui.controller.titles import bracket_slots
from drafter.tui.dialogs.choice import Choice, ChoiceDialog
from drafter.tui.dialogs.text_input import TextInputDialog
from drafter.tui.widgets.clause_detail import source_line

MAIN_WORDING = "@main"  # the answer for "the clause's own wording" (no variant)


def new_plan_dialog() -> ChoiceDialog:
    choices: list[Choice] = [
        (NEW_STARTER, "从模板开始：每章预先放入一两条常用条目，再增删修改"),
        (NEW_EMPTY, "空白计划：从零开始挑选条目"),
        (NEW_IMPORT, "从往年文件导入：Word、WPS、PDF、网页或文本，保留原文的章、条和数字"),
    ]
    return ChoiceDialog("新建计划", choices)


def _plan_file_problem(text: str) -> str | None:
    path = Path(text).expanduser()
    if not path.exists():
        return f"找不到文件：{path}"
    if path.is_dir():
        return f"这是一个文件夹，请给出计划文件（.yaml）：{path}"
    if path.suffix.lower() not in (".yaml", ".yml"):
        return "计划文件应为 .yaml 文件"
    return None


def open_plan_dialog(initial: str = "") -> TextInputDialog:
    return TextInputDialog("打开计划文件（YAML）路径：", initial,
                           hint="例如 examples/plans/示例.yaml", validate=_plan_file_problem)


def differences(base: str, other: str, style: str = "bold black on #e5c07b") -> Text:
    """`other` with what differs from `base` (inserted or replaced characters) highlighted."""
    text = Text()
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    for op, _, _, j1, j2 in matcher.get_opcodes():
        text.append(other[j1:j2], style="" if op == "equal" else style)
    return text


def _full(lead: str, body: str, slots: list[Slot]) -> str:
    lead = bracket_slots(lead, slots)
    body = bracket_slots(body, slots)
    return f"{lead}。{body}" if lead and body else lead or body


def variant_dialog(clause: Clause, current: str | None) -> ChoiceDialog:
    """Every wording in full, with its source; a variant's differences from the catalogue's
    own wording highlighted (issue 13: the first 40–60 characters hid what differed)."""
    main = _full(clause.lead, clause.body, clause.slots)
    choices: list[Choice] = [(MAIN_WORDING, Text.assemble(
        ("目录原文  ", "bold"), (source_line(clause.sources[0] if clause.sources else None),
                                 "dim"), "\n", main))]
    for n, variant in enumerate(clause.variants, start=1):
        label = Text.assemble((f"变体{n}  ", "bold"), (source_line(variant.source), "dim"), "\n")
        label.append_text(differences(main, _full(variant.lead, variant.body, variant.slots)))
        choices.append((variant.id, label))
    return ChoiceDialog(f"选择“{clause.lead or clause.id}”的措辞（黄色为与目录原文不同之处）",
                        choices, current=current or MAIN_WORDING)


def chapter_key_dialog() -> ChoiceDialog:
    """Which of the seven chapters a new item starts (the plan has none selected)."""
    choices: list[Choice] = [
        (key, Text.assemble((key, "bold"), "  ", (DEFAULT_HEADINGS[key], "dim")))
        for key in CHAPTER_KEYS
    ]
    return ChoiceDialog("放在哪一章？", choices)


def move_dialog(plan: Plan, current: int) -> ChoiceDialog:
    choices: list[Choice] = []
    for ci, chapter in enumerate(plan.chapters):
        heading = chapter.heading or DEFAULT_HEADINGS.get(chapter.key or "", "")
        choices.append((str(ci), f"{chapter_marker(ci + 1)}{heading}"))
    return ChoiceDialog("移到哪一章？", choices, current=str(current))
