"""Catalogue bench: load (cold and warm), search latency per keystroke, variant grouping.

Prints each target with its figure and ratio, for a generated catalogue of 40,000 clauses
built from sentences of the corpus: opening in a fresh process ≤ 1.5 s CPU cold (no cache)
and ≤ 0.8 s warm (the cache save_catalogue leaves); search ≤ 20 ms median per keystroke at
100,000 clauses; variant grouping growing no faster than n log n. Then build_catalogue times.
Run: .venv/bin/python bench/catalog.py [N]
"""

from __future__ import annotations

import math
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from drafter.catalog import SearchIndex, open_catalogue, save_catalogue  # noqa: E402
from drafter.mine.catalogue_build import build_catalogue  # noqa: E402
from drafter.mine.variants import Wording, assign_groups, normalise  # noqa: E402
from drafter.model import (  # noqa: E402
    CHAPTER_KEYS,
    ID_PREFIX,
    Catalogue,
    Clause,
    MinedChapter,
    MinedDocument,
    MinedItem,
    Slot,
    Source,
)

QUERIES = ["师德师风", "学前教育普及", "安全隐患排查", "双减", "课后服务", "js-", "教育",
           "帅德师风"]


def sentences() -> list[str]:
    files = sorted((ROOT / "examples/corpus").glob("*.txt"))
    text = "\n".join(p.read_text(encoding="utf-8") for p in files)
    parts = re.split(r"[。；;\n]", text)
    return [p.strip() for p in parts if 8 <= len(p.strip()) <= 120]


def generate(n: int, seed: int = 7) -> Catalogue:
    rng = random.Random(seed)
    pool = sentences()
    cat = Catalogue()
    for i in range(n):
        key = CHAPTER_KEYS[1 + i % (len(CHAPTER_KEYS) - 1)]
        lead = rng.choice(pool)[:24].replace("{", "").replace("}", "")
        body = "。".join(rng.choice(pool) for _ in range(rng.randint(1, 4))).replace("{", "")
        body = body.replace("}", "") + f"，新建{{{{ 数量{i % 3} }}}}所。"
        slot = Slot(f"数量{i % 3}", "新建学校", "integer", "所", rng.randint(1, 99))
        cat.add(Clause(id=f"{ID_PREFIX[key]}-{i:06x}", chapter=key, lead=lead, body=body,
                       tags=[rng.choice(["学前", "师德师风", "安全", "督导"])], slots=[slot],
                       sources=[Source(file=f"{i % 500}.txt", marker="1.", year=2024)]))
    return cat


OPEN_CHILD = """
import gc, sys, time
from pathlib import Path
from drafter.catalog import open_catalogue
if len(sys.argv) > 2:  # the earlier paths, as peers: without the layout reader (catalog.dumped)
    from drafter.catalog import load
    load.read_dumped = lambda *args: None
if len(sys.argv) > 2 and sys.argv[2] == "full":  # and without the quick YAML reader either
    from drafter.util import yamlio
    yamlio.quick_yaml = lambda *args: None
t = time.process_time()
cat = open_catalogue(Path(sys.argv[1]), freeze=True)
print(time.process_time() - t, len(cat))
"""


def report(label: str, figure: float, unit: str, peer_label: str, peer: float,
           target: float) -> None:
    ratio = figure / peer
    verdict = "达标" if ratio <= target else "未达标"
    print(f"{label}: {figure:.3g} {unit}; {peer_label}: {peer:.3g} {unit}; "
          f"ratio {ratio:.2f} (target ≤ {target:.2f}) {verdict}")


def _open_in_child(folder: Path, home: Path, *extra: str) -> float:
    env = dict(os.environ, DRAFTER_HOME=str(home))
    out = subprocess.run([sys.executable, "-c", OPEN_CHILD, str(folder), *extra], env=env,
                         check=True, capture_output=True, text=True, cwd=ROOT).stdout.split()
    return float(out[0])


def bench_load(cat: Catalogue) -> Catalogue:
    """Open in a fresh process, as the TUI does: cold (no cache) and warm (the cache that
    save_catalogue — drafter mine -o, catalog writes — leaves behind)."""
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        os.environ["DRAFTER_HOME"] = str(home)
        folder = Path(tmp) / "catalog"
        t = time.perf_counter()
        save_catalogue(cat, folder)
        print(f"save_catalogue of {len(cat)} clauses: {time.perf_counter() - t:.2f} s")
        warm = statistics.median(_open_in_child(folder, home) for _ in range(3))
        cold, quick, full = [], [], []
        for _ in range(2):  # paired: each peer right after the figure, same conditions
            for runs, mode in ((cold, ()), (quick, ("quick",)), (full, ("full",))):
                shutil.rmtree(home / "cache")
                runs.append(_open_in_child(folder, home, *mode))
        report(f"open {len(cat)} clauses cold (no cache)", min(cold), "s CPU", "target", 1.5,
               1.0)
        print(f"  (the same cold open through the quick YAML reader and the validator, as "
              f"before catalog.dumped: {min(quick):.3g} s CPU, ×{min(quick) / min(cold):.2f}; "
              f"through libyaml's node graph only: {min(full):.3g} s CPU, "
              f"×{min(full) / min(cold):.2f})")
        report(f"open {len(cat)} clauses warm (cache from save)", warm, "s CPU", "target", 0.8,
               1.0)
        loaded = open_catalogue(folder)
    return loaded


def bench_search(cat: Catalogue) -> None:
    t = time.perf_counter()
    index = SearchIndex(cat)
    print(f"search index build ({len(cat)} clauses): {(time.perf_counter() - t) * 1000:.0f} ms")
    times: list[float] = []
    for query in QUERIES:
        for k in range(1, len(query) + 1):
            t = time.process_time()
            index.search(query[:k])
            times.append((time.process_time() - t) * 1000)
    median = statistics.median(times)
    report(f"search per keystroke at {len(cat)} clauses (median of {len(times)}; "
           f"max {max(times):.1f} ms)", median, "ms", "target", 20.0, 1.0)


def _grouping_time(n: int) -> float:
    rng = random.Random(3)
    pool = sentences()
    base = [(rng.choice(pool)[:20], "。".join(rng.choice(pool) for _ in range(3)))
            for _ in range(n // 10)]
    items = []
    for i in range(n):
        lead, body = base[rng.randrange(len(base))]
        if rng.random() < 0.5:  # a different bureau's edit: drop or change a few characters
            cut = rng.randrange(len(body))
            body = body[:cut] + body[cut + 3 :]
            lead = lead + "工作" if rng.random() < 0.3 else lead
        items.append(Wording(normalise(lead), normalise(f"{lead}。{body}"), "plan", f"d{i // 35}"))
    t = time.process_time()
    assign_groups([], items)
    return time.process_time() - t


def bench_grouping(n: int) -> None:
    """Growth from n/4 to n wordings against n log n's growth over the same step."""
    small, big = _grouping_time(n // 4), _grouping_time(n)
    nlogn = (n * math.log(n)) / ((n // 4) * math.log(n // 4))
    print(f"grouping {n // 4} wordings: {small:.2f} s; {n}: {big:.2f} s")
    report(f"grouping growth ×4 wordings ({n // 4} → {n})", big / small, "×",
           "n log n growth", nlogn, 1.0)


def bench_build(n_docs: int) -> None:
    """build_catalogue on n_docs plans varied from 5 bases (shuffled, numbers/regions/years)."""
    rng = random.Random(5)
    pool = sentences()
    bases = [[(rng.choice(pool)[:20], "。".join(rng.choice(pool) for _ in range(3)))
              for _ in range(35)] for _ in range(5)]
    docs = []
    for d in range(n_docs):
        items = list(bases[d % 5])
        rng.shuffle(items)
        region = rng.choice(["甲市", "乙县", "丙区"])
        mined = [MinedItem(marker=f"{k + 1}.", lead=lead, category=CHAPTER_KEYS[1 + k % 6],
                           body=re.sub(r"\d+", lambda _: str(rng.randint(1, 99)), body) + region)
                 for k, (lead, body) in enumerate(items)]
        chapter = MinedChapter("一、", "章", "保障", mined)
        docs.append(MinedDocument(source=f"plan{d:04d}.txt", year=rng.randint(2020, 2025),
                                  region=region, chapters=[chapter]))
    t = time.perf_counter()
    cat = build_catalogue(docs)
    variants = sum(len(c.variants) for c in cat)
    print(f"build_catalogue of {n_docs} plans: {time.perf_counter() - t:.2f} s, "
          f"{len(cat)} entries, {variants} variants")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40_000
    t = time.perf_counter()
    cat = generate(n)
    print(f"generated {len(cat)} clauses in {time.perf_counter() - t:.2f} s")
    loaded = bench_load(cat)
    big = generate(100_000, seed=11) if n < 100_000 else loaded
    bench_search(big)
    bench_grouping(30_000)
    bench_build(100)
    bench_build(1000)


if __name__ == "__main__":
    main()
