"""The main screen's "生成其他文档" action: the 印发通知, PDF, and the task table (.docx/.xlsx).

Ctrl+R stays the plain Word document; `g` asks which document to issue, then where, and
renders in a thread through the same `build_document` the CLI uses, posting the same
`Rendered` message FileActions already reports. Mixed into `MainScreen`.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from drafter.model import DrafterError, Plan
from drafter.tui.dialogs.choice import Choice, ChoiceDialog
from drafter.tui.dialogs.confirm import ConfirmDialog
from drafter.tui.dialogs.text_input import TextInputDialog
from drafter.tui.screens.file_actions import Rendered

if TYPE_CHECKING:
    from drafter.tui.screens.main import MainScreen

    _Base = MainScreen
else:
    _Base = object

# answer → (what the user sees, file-name suffix, the document kind build_document makes)
OUTPUTS: dict[str, tuple[str, str, str]] = {
    "notice-docx": ("印发通知（版头、附件1要点、附件2任务分解表、版记）.docx", "-印发通知.docx",
                    "notice"),
    "notice-pdf": ("印发通知 PDF（需要 LibreOffice）", "-印发通知.pdf", "notice"),
    "plan-pdf": ("要点正文 PDF（需要 LibreOffice）", ".pdf", "plan"),
    "tasks-xlsx": ("重点任务分解表 Excel（.xlsx）", "-任务分解表.xlsx", "tasks"),
    "tasks-docx": ("重点任务分解表 Word（横向 .docx）", "-任务分解表.docx", "tasks"),
}


class OutputActions(_Base):
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "render_as":
            session = self.session
            return session is not None and bool(session.plan.chapters)
        return super().check_action(action, parameters)

    def action_render_as(self) -> None:
        session = self.session
        if session is None or self.refuse_with_gaps():
            return
        choices: list[Choice] = [(key, label) for key, (label, _, _) in OUTPUTS.items()]
        self.app.push_screen(ChoiceDialog("生成哪种文档？", choices), self._output_chosen)

    def _output_chosen(self, answer: str | None) -> None:
        if answer is None:
            return
        _, suffix, kind = OUTPUTS[answer]
        base = self.default_output()
        default = base.with_name(base.stem + suffix)
        wanted = Path(suffix).suffix

        def valid(text: str) -> str | None:
            path = Path(text).expanduser()
            if path.suffix.lower() != wanted:
                return f"文件名应以 {wanted} 结尾"
            return "这是一个文件夹，请给出文件名" if path.is_dir() else None

        def confirm(text: str | None) -> None:
            if text is None:
                return
            out = Path(text).expanduser()
            if out.exists():
                self.app.push_screen(
                    ConfirmDialog(f"文件已存在：{out}\n要覆盖吗？", yes="覆盖", no="取消"),
                    lambda ok: self._start(out, kind) if ok else None)
            else:
                self._start(out, kind)

        self.app.push_screen(TextInputDialog("生成到：", str(default), validate=valid), confirm)

    def _start(self, out: Path, kind: str) -> None:
        session = self.session
        if session is None:
            return
        self.notify(f"正在生成：{out.name}……", timeout=2)
        self.render_as_worker(copy.deepcopy(session.plan), out, kind)

    @work(thread=True, exclusive=True, group="render", description="生成文档")
    def render_as_worker(self, plan: Plan, out: Path, kind: str) -> None:
        from drafter.render import build_document

        session = self.session
        assert session is not None
        try:
            path = build_document(plan, session.catalogue, out, fmt=None, force=True,
                                  tasks=kind == "tasks", notice=kind == "notice")
        except (DrafterError, OSError) as exc:
            self.post_message(Rendered(None, str(exc)))
            return
        self.post_message(Rendered(path))
