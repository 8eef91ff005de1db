"""TUI bench, through the pilot: first screen, search per keystroke, add-and-preview.

Prints:
- time to first screen with the bundled catalogue (screen drawn, catalogue tree shown);
- the same with a generated catalogue of 40,000 clauses, warm cache (target ≤ 1.5 s);
- search latency per keystroke on it: a key delivered as the terminal driver delivers it →
  the hit list holds the new results (target ≤ 50 ms median); the bare search + list build
  time is printed beside it. Keys come 80 ms apart (brisk typing), so each is measured from
  a painted screen; Textual paints the change on its next frame (≤ 1/60 s);
- adding an item (key a) → every pane redrawn from the new plan, preview included
  (target ≤ 100 ms).

Run: .venv/bin/python bench/tui.py [N]   (N clauses, default 40,000)
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from catalog import generate  # noqa: E402  (bench/catalog.py: the shared 40k generator)
from textual import events  # noqa: E402

from drafter.catalog.dump import write_catalogue  # noqa: E402
from drafter.catalog.load import load_catalogue  # noqa: E402
from drafter.tui.app import DrafterApp, make_app  # noqa: E402
from drafter.tui.screens.main import MainScreen  # noqa: E402
from drafter.tui.widgets.hit_list import HitList  # noqa: E402
from drafter.util.paths import bundled_catalog_dir  # noqa: E402

SIZE = (120, 40)
QUERIES = ["师德师风", "学前教育普及", "安全隐患排查", "课后服务", "帅德师风"]


async def _until(pilot, test, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    """Poll the app's state at a fine grain (the pilot's own waits sleep 20 ms at a time)."""
    end = time.perf_counter() + timeout
    while not test():
        if time.perf_counter() > end:
            raise TimeoutError("the app did not get there in time")
        await asyncio.sleep(0.0005)


def _key(app: DrafterApp, key: str) -> None:
    """Deliver one key press the way the terminal driver does (no pilot idle-waiting)."""
    char = key if len(key) == 1 else None
    app.post_message(events.Key(key, char))


def _main(app: DrafterApp) -> MainScreen | None:
    try:
        return app.main
    except LookupError:
        return None


async def first_screen(catalog_dir: Path) -> tuple[float, float]:
    """(seconds until the main screen is drawn, seconds until the catalogue is shown)."""
    started = time.perf_counter()
    app = make_app(catalog_dir, None)
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: _main(app) is not None)
        drawn = time.perf_counter() - started
        await _until(pilot, lambda: app.main.session is not None)
        await pilot.pause()
        shown = time.perf_counter() - started
    return drawn, shown


async def search_and_add(catalog_dir: Path) -> tuple[list[float], list[float], list[float]]:
    """Per keystroke (press → hits shown) and bare search ms; add → preview updated ms."""
    app = make_app(catalog_dir, None)
    per_key: list[float] = []
    bare: list[float] = []
    add: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: _main(app) is not None and app.main.index is not None)
        await app.workers.wait_for_complete()  # warm: index built, rule table read
        screen = app.main
        hits = screen.query_one(HitList)
        for query in QUERIES:
            await pilot.press("slash", "ctrl+a", "ctrl+k")
            await pilot.pause(0.1)
            for k in range(1, len(query) + 1):
                t = time.perf_counter()
                _key(app, query[k - 1])
                await _until(pilot, lambda q=query[:k]: hits.query_text == q)
                per_key.append((time.perf_counter() - t) * 1000)
                bare.append(screen.last_search_ms or 0.0)
                await pilot.pause(0.08)  # typing speed: the previous frame is painted
            hits.focus()
            for _ in range(3):
                session = screen.session
                assert session is not None
                before = screen.preview.text
                t = time.perf_counter()
                _key(app, "a")
                await _until(pilot, lambda b=before: screen.preview.text != b)
                add.append((time.perf_counter() - t) * 1000)
                await pilot.press("down")
    return per_key, bare, add


def _stats(values: list[float]) -> str:
    return f"median {statistics.median(values):.0f} ms, max {max(values):.0f} ms ({len(values)})"


async def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40_000
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DRAFTER_HOME"] = str(Path(tmp) / "home")
        bundled = bundled_catalog_dir()
        if any(bundled.glob("*.yaml")):
            load_catalogue(bundled)  # warm the cache
            drawn, shown = await first_screen(bundled)
            print(f"first screen, bundled catalogue: drawn {drawn:.2f} s, "
                  f"catalogue shown {shown:.2f} s")
        else:
            print("first screen, bundled catalogue: skipped (catalog/ is empty)")
        folder = Path(tmp) / "catalog"
        write_catalogue(generate(n), folder)
        load_catalogue(folder)  # warm the cache
        drawn, shown = await first_screen(folder)
        print(f"first screen, {n} clauses (warm cache): drawn {drawn:.2f} s, "
              f"catalogue shown {shown:.2f} s (target ≤ 1.5 s)")
        per_key, bare, add = await search_and_add(folder)
        print(f"search per keystroke, press → results shown: {_stats(per_key)} "
              f"(target ≤ 50 ms median); bare search: {_stats(bare)}")
        print(f"add an item → preview updated: {_stats(add)} (target ≤ 100 ms)")


if __name__ == "__main__":
    asyncio.run(main())
