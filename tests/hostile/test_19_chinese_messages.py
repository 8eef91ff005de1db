"""Case 19: English and internal fragments never reach users.

Seen before: `Range too big…`, `String should have at least 1 character`, `'x' is undefined`,
`Encountered unknown tag`, `[Errno 13]`, 内部错误（PermissionError）, and a read-only folder error
naming the temp file rather than the target. `Outcome.refused` fails on any of them (and on any
`…Error`/`…Exception` name). The readers' part (UTF-16 without a BOM) is issue 15's.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from drafter.model.errors import display_path
from drafter.util import fs
from tests.hostile.helpers import EXAMPLES, city_plan, run_here

BUNDLED = Path(__file__).resolve().parents[2] / "drafter/data/templates/gongzuo_yaodian"


def _template_plan(tmp_path: Path, first_line: str) -> Path:
    folder = tmp_path / "模板甲"
    folder.mkdir()
    skeleton = (BUNDLED / "document.j2").read_text(encoding="utf-8")
    (folder / "document.j2").write_text(first_line + "\n" + skeleton, encoding="utf-8")
    return city_plan(tmp_path, "template: gongzuo_yaodian", "template: 模板甲")


@pytest.mark.parametrize(("line", "fragment"), [
    ("{% for i in range(10**7) %}{% endfor %}", "range"),  # was "Range too big"
    ("{{ 未定义的名字 }}", "未定义的名字"),  # was "'x' is undefined"
    ("{% 未知标签 %}", "未知的模板标签"),  # was "Encountered unknown tag"
    ("{{ options.nothing.deeper }}", "没有对应的值"),
])
def test_template_errors_are_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     line: str, fragment: str) -> None:
    plan = _template_plan(tmp_path, line)
    run_here(capsys, "build", str(plan), "-o", str(tmp_path / "x.md")).refused("模板甲",
                                                                              fragment)


def test_an_empty_variant_name_is_chinese(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "city_plan.yaml").write_bytes((EXAMPLES / "city_plan.yaml").read_bytes())
    batch = tmp_path / "batch.yaml"
    batch.write_text('base: city_plan.yaml\nvariants:\n  - name: ""\n    region: 甲县\n',
                     encoding="utf-8")
    run_here(capsys, "batch", str(batch), "-o", str(tmp_path / "out")).refused(
        "batch.yaml:3", "不能为空")  # was "String should have at least 1 character"


def test_a_read_only_folder_names_the_target(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    plan = city_plan(tmp_path)
    target = tmp_path / "只读" / "x.md"

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(target.parent / ".x.tmp"))

    monkeypatch.setattr(fs.tempfile, "mkstemp", denied)
    result = run_here(capsys, "build", str(plan), "-o", str(target))
    result.refused("没有权限", display_path(target))
    assert ".tmp" not in result.err


def test_a_permission_error_in_batch_is_not_internal(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "city_plan.yaml").write_bytes((EXAMPLES / "city_plan.yaml").read_bytes())
    (tmp_path / "batch.yaml").write_bytes((EXAMPLES / "batch.yaml").read_bytes())
    real = os.replace

    def denied(src: object, dst: object) -> None:
        if str(dst).endswith(".docx"):
            raise PermissionError(errno.EACCES, "Permission denied", str(dst))
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(fs.os, "replace", denied)
    monkeypatch.setattr(fs, "_rename_no_replace", lambda tmp, path: denied(tmp, path))
    result = run_here(capsys, "batch", str(tmp_path / "batch.yaml"), "-o", str(tmp_path / "out"),
                      "-j", "1").refused("没有权限")
    assert "PermissionError" not in result.err


async def test_a_10000_character_paste_into_a_tui_field(tmp_path: Path) -> None:
    """It took ~30 s (the preview balanced the title's lines quadratically)."""
    import time

    from textual import events
    from textual.widgets import Input

    from drafter.tui.app import make_app
    from tests.tui_support import started, write_tui_catalogue

    app = make_app(write_tui_catalogue(tmp_path / "catalog"), None)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        field = app.screen.query_one("#meta-title", Input)
        field.focus()
        start = time.monotonic()
        field.post_message(events.Paste("安顺市教育局" * 1700))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.main.session.plan.meta.title) == 10200
        assert time.monotonic() - start < 10
        app.exit()
