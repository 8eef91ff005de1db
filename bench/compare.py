"""Precision and recall of the 对标 matcher on hand-matched superior/subordinate pairs.

    python bench/compare.py            # the shipped thresholds, per case and overall
    python bench/compare.py --grid     # also a small grid around them (how they were tuned)

The pairs (bench/data/compare_pairs.yaml) were matched by a person reading both plans. A pair
the matcher reports that is neither a true pair nor marked unsure is a false alarm.
Target: recall ≥ 0.9 at precision ≥ 0.8.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from drafter.compare.items import Entry, entries_from_document  # noqa: E402
from drafter.compare.match import RELATIVE, RELATIVE_LOCAL, THRESHOLD, align, pairs_of  # noqa: E402
from drafter.mine.pipeline import mine_file  # noqa: E402

DATA = ROOT / "bench" / "data" / "compare_pairs.yaml"


@dataclass
class Case:
    name: str
    superior: list[Entry]
    subordinate: list[Entry]
    pairs: set[tuple[str, str]]
    unsure: set[tuple[str, str]]


def _entries(raw: list[dict[str, str]]) -> list[Entry]:
    return [Entry(f"第{i}条", "", item["lead"], item.get("body") or "")
            for i, item in enumerate(raw, start=1)]


def load_cases(path: Path = DATA) -> list[Case]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = []
    for raw in data["cases"]:
        if "superior_file" in raw:
            sup = entries_from_document(mine_file(ROOT / raw["superior_file"]))
            sub = entries_from_document(mine_file(ROOT / raw["subordinate_file"]))
        else:
            sup, sub = _entries(raw["superior"]), _entries(raw["subordinate"])
        pairs = {tuple(p) for p in raw["pairs"]}
        unsure = {tuple(p) for p in raw.get("unsure") or []}
        leads_s, leads_c = {e.title for e in sup}, {e.title for e in sub}
        for s, c in pairs | unsure:
            if s not in leads_s or c not in leads_c:
                raise SystemExit(f"{raw['name']}: pair ({s}, {c}) names an item not in the texts")
        cases.append(Case(raw["name"], sup, sub, pairs, unsure))  # type: ignore[arg-type]
    return cases


def score(cases: list[Case], threshold: float, relative: float,
          relative_local: float = RELATIVE_LOCAL
          ) -> tuple[int, int, int, list[tuple[str, int, int, int]]]:
    tp = fp = fn = 0
    per_case = []
    for case in cases:
        found = pairs_of(align(case.superior, case.subordinate, threshold=threshold,
                               relative=relative, relative_local=relative_local))
        c_tp = len(found & case.pairs)
        c_fp = len(found - case.pairs - case.unsure)
        c_fn = len(case.pairs - found)
        tp, fp, fn = tp + c_tp, fp + c_fp, fn + c_fn
        per_case.append((case.name, c_tp, c_fp, c_fn))
    return tp, fp, fn, per_case


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def main() -> None:
    cases = load_cases()
    total = sum(len(c.pairs) for c in cases)
    print(f"hand-matched pairs: {total} in {len(cases)} cases "
          f"({sum(len(c.unsure) for c in cases)} marked unsure, not scored)")
    tp, fp, fn, per_case = score(cases, THRESHOLD, RELATIVE)
    for name, c_tp, c_fp, c_fn in per_case:
        print(f"  {name}: hits {c_tp}, false alarms {c_fp}, missed {c_fn}")
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    print(f"threshold {THRESHOLD}, relative {RELATIVE}: precision {precision:.2f}, "
          f"recall {recall:.2f}  (target: recall ≥ 0.90 at precision ≥ 0.80) "
          f"{'MET' if recall >= 0.9 and precision >= 0.8 else 'NOT MET'}")
    if "--grid" in sys.argv:
        for relative_local in (0.4, 0.5, 0.6, 0.7):
            for threshold in (0.08, 0.10, 0.12, 0.14):
                for relative in (0.3, 0.4, 0.5, 0.6):
                    tp, fp, fn, _ = score(cases, threshold, relative, relative_local)
                    print(f"  local={relative_local:.1f} t={threshold:.2f} r={relative:.1f}: "
                          f"P={_ratio(tp, tp + fp):.2f} R={_ratio(tp, tp + fn):.2f}")


if __name__ == "__main__":
    main()
