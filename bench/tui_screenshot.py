"""Export the README's screenshot of the TUI (an SVG written by Textual) at 120×40.

Opens the example plan on the bundled catalogue (or the test fixture when catalog/ is not
built), searches 师德, and leaves the cursor on a plan item, so the picture shows the
catalogue, a highlighted hit, the clause detail and the outline of a plan in progress.

Run: .venv/bin/python bench/tui_screenshot.py [PLAN.yaml] [-o docs/images/tui.svg]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from drafter.tui.app import DrafterApp, make_app  # noqa: E402
from drafter.util.paths import bundled_catalog_dir  # noqa: E402

SIZE = (120, 40)


def _app(plan: Path | None) -> DrafterApp:
    if any(bundled_catalog_dir().glob("*.yaml")):
        return make_app(None, plan)
    from tests.tui_support import tui_catalogue  # catalog/ not built yet: the fixture

    return make_app(None, None, catalogue=tui_catalogue())


async def shoot(plan: Path | None, out: Path) -> None:
    app = _app(plan)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.main
        if screen.session is not None and not screen.session.plan.chapters:
            for query in ("学前", "安全"):  # the fixture: make a small plan first
                await pilot.press("slash", *query)
                await pilot.pause(0.1)
                await pilot.press("enter", "a")
        await pilot.press("slash", *"师德")
        await pilot.pause(0.1)
        await pilot.press("enter")
        screen.query_one("#outline").focus()
        await pilot.press("down", "down", "down")
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(app.export_screenshot(title="drafter"), encoding="utf-8")
    print(f"wrote {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("plan", nargs="?", type=Path, default=ROOT / "examples/city_plan.yaml")
    parser.add_argument("-o", "--out", type=Path, default=ROOT / "docs/images/tui.svg")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["DRAFTER_HOME"] = home  # no recovery prompt from a developer's autosave
        asyncio.run(shoot(args.plan if args.plan.is_file() else None, args.out))


if __name__ == "__main__":
    main()
