"""Miner bench: mine and group a corpus of plans varied from examples/corpus.

Builds N plan texts from the five corpus files into a temp folder (items shuffled within each
run of numbered items, numbers rescaled, the region renamed, years shifted, one in ten saved as
GB18030), then times `mine_files` (read → clean → structure → classify → slots) and
`build_catalogue` (variant grouping). Each size runs in a fresh subprocess so peak memory is
its own. Targets (issue 2): 1,000 plans in ≤ 30 s, and 10× the plans in ≤ 12× the time.

Wall time is the target; CPU time (this process's) is printed beside it, since on a machine
shared with other work the wall time measures the load as much as the miner.

Run: .venv/bin/python bench/mine.py [N ...]        (default: 100 1000)
     .venv/bin/python bench/mine.py --profile 1000  (cProfile of the mining, top functions)
"""

from __future__ import annotations

import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CITIES = ["遵义市", "六盘水市", "毕节市", "铜仁市", "凯里市", "都匀市", "兴义市", "贵阳市",
          "曲靖市", "昭通市", "宜宾市", "泸州市", "南充市", "绵阳市", "赣州市", "吉安市"]
REGION = re.compile(r"安顺市|[xX×]{2}市|某市")
ITEM = re.compile(r"^(\s*(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十]{1,3}[）)]))(.*)$")
NUMBER = re.compile(r"(?<![\d.])(\d{1,4})(?=[所个名人项%万亿元家套间亩班节期场次支门本台户])")
YEAR = re.compile(r"(?<!\d)(20[12]\d)(?=\s*[年届—\-－])")


def vary(text: str, rng: random.Random) -> str:
    """One plausible other plan: same genre and layout, different order, numbers, place, year."""
    lines = text.splitlines()
    out: list[str] = []
    run: list[tuple[str, str]] = []
    for line in [*lines, ""]:
        m = ITEM.match(line)
        if m:
            run.append((m.group(1), m.group(2)))
            continue
        if run:  # shuffle the items' texts, keep their markers in place
            texts = [t for _, t in run]
            rng.shuffle(texts)
            out += [marker + t for (marker, _), t in zip(run, texts, strict=True)]
            run = []
        out.append(line)
    result = "\n".join(out[:-1])
    shift = rng.randint(-2, 3)
    result = YEAR.sub(lambda m: str(int(m.group(1)) + shift), result)
    result = NUMBER.sub(lambda m: str(max(1, round(int(m.group(1)) * rng.uniform(0.5, 1.6)))),
                        result)
    return REGION.sub(rng.choice(CITIES), result)


def build_corpus(n: int, folder: Path, seed: int = 11) -> list[Path]:
    rng = random.Random(seed)
    bases = [p.read_text("utf-8") for p in sorted((ROOT / "examples/corpus").glob("*.txt"))]
    paths = []
    for i in range(n):
        path = folder / f"plan{i:05d}.txt"
        text = vary(bases[i % len(bases)], rng)
        encoding = "gb18030" if i % 10 == 9 else "utf-8"
        path.write_bytes(text.encode(encoding, errors="replace"))
        paths.append(path)
    return paths


def run_one(n: int) -> dict[str, float]:
    """Mine and group n varied plans in this process; figures as a dict."""
    from drafter.mine.catalogue_build import build_catalogue
    from drafter.mine.pipeline import mine_files

    with tempfile.TemporaryDirectory() as tmp:
        paths = build_corpus(n, Path(tmp))
        t0, c0 = time.perf_counter(), time.process_time()
        docs = mine_files(paths)
        t1 = time.perf_counter()
        cat = build_catalogue(docs)
        t2, c2 = time.perf_counter(), time.process_time()
    clauses = sum(len(ch.items) for d in docs for ch in d.chapters)
    return {
        "docs": n, "clauses": clauses, "mine_s": t1 - t0, "group_s": t2 - t1,
        "cpu_s": c2 - c0,  # this process's CPU time: what the work costs on a busy machine
        "entries": len(cat), "variants": sum(len(c.variants) for c in cat),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def report(r: dict[str, float]) -> None:
    total = r["mine_s"] + r["group_s"]
    print(f"{int(r['docs']):>5} plans: {total:6.2f} s total "
          f"(mine {r['mine_s']:.2f} s, group {r['group_s']:.2f} s; CPU {r['cpu_s']:.2f} s) | "
          f"{r['docs'] / total:7.1f} docs/s | {r['clauses'] / total:8.0f} clauses/s "
          f"({int(r['clauses'])} clauses) | {int(r['entries'])} groups, "
          f"{int(r['variants'])} variants | peak {r['peak_mb']:.0f} MB")


def profile(n: int) -> None:
    import cProfile
    import pstats

    from drafter.mine.catalogue_build import build_catalogue
    from drafter.mine.pipeline import mine_files

    with tempfile.TemporaryDirectory() as tmp:
        paths = build_corpus(n, Path(tmp))
        prof = cProfile.Profile()
        prof.enable()
        build_catalogue(mine_files(paths))
        prof.disable()
    pstats.Stats(prof).sort_stats("tottime").print_stats(25)


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(run_one(int(argv[1]))))
        return
    if argv[:1] == ["--profile"]:
        profile(int(argv[1]) if len(argv) > 1 else 1000)
        return
    sizes = [int(a) for a in argv] or [100, 1000]
    results = []
    for n in sizes:
        child = subprocess.run([sys.executable, __file__, "--one", str(n)], check=True,
                               capture_output=True, text=True)
        results.append(json.loads(child.stdout.strip().splitlines()[-1]))
        report(results[-1])
    if len(results) >= 2:
        a, b = results[0], results[-1]
        ratio = (b["mine_s"] + b["group_s"]) / (a["mine_s"] + a["group_s"])
        print(f"time ratio {int(b['docs'])}/{int(a['docs'])}: {ratio:.1f}× "
              f"(CPU {b['cpu_s'] / a['cpu_s']:.1f}×) "
              f"for {b['docs'] / a['docs']:.0f}× the plans (target ≤ 12× for 10×; "
              f"1,000 plans ≤ 30 s)")


if __name__ == "__main__":
    main(sys.argv[1:])
