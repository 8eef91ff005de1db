"""Precision and recall of the 对标 matcher on hand-matched superior/subordinate item pairs.

    python bench/compare.py            # the shipped thresholds, per case and per part
    python bench/compare.py --grid     # also a grid around them, scored on the tuning part only

The set is tests/data/comparepages/pairs.json (schema and labelling rules in that folder's
README.md): public pages saved as found, and for each case the pairs a person matched by reading
both plans, the superior items with no answer, and pairs a reader could argue either way
(`unsure`, scored neither way). Any other (superior, subordinate) pair the matcher reports is a
false alarm, so every unlabelled combination is a negative.

Parts: a `lineage` case (a superior's plan and a subordinate's plan of the same year and line)
is held out when the first 8 hex digits of sha1(subordinate URL), read as an integer, are
divisible by 3, and is in the tuning part otherwise; `peer` cases (two plans of the same level,
kept from the first version of this bench) are printed apart and never count toward the target.
Tune only on the tuning part. Target on the held-out part: recall ≥ 0.9 at precision ≥ 0.8.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from drafter.compare.items import Entry, entries_from_document  # noqa: E402
from drafter.compare.match import RELATIVE, RELATIVE_LOCAL, THRESHOLD, align  # noqa: E402
from drafter.mine.pipeline import mine_file  # noqa: E402

DATA = ROOT / "tests" / "data" / "comparepages" / "pairs.json"
_PUNCT = re.compile(r"[\s\W_]+")


@dataclass
class Case:
    name: str
    part: str  # tuning | held-out | peer
    superior: list[Entry]
    subordinate: list[Entry]
    pairs: set[tuple[int, int]]  # (superior index, subordinate index)
    unsure: set[tuple[int, int]]


def split_of(raw: dict[str, Any]) -> str:
    """The split rule (see the module docstring)."""
    if raw["kind"] != "lineage":
        return "peer"
    key = raw["subordinate"]["url"]
    return "held-out" if int(hashlib.sha1(key.encode()).hexdigest()[:8], 16) % 3 == 0 else "tuning"


def _norm(text: str) -> str:
    return _PUNCT.sub("", text)


def _side(raw: dict[str, Any]) -> list[Entry]:
    if "file" in raw:
        return entries_from_document(mine_file(ROOT / raw["file"]))
    return [Entry(f"第{i}条", "", item["lead"], item.get("body") or "")
            for i, item in enumerate(raw["items"], start=1)]


def _index(entries: list[Entry], lead: str, case: str) -> int:
    """The entry whose lead is `lead` (as labelled); a labelled item the miner lost is an error."""
    want = _norm(lead)
    for i, entry in enumerate(entries):
        if _norm(entry.title) == want:
            return i
    raise SystemExit(f"{case}: labelled item {lead!r} is not among the items read from the page")


def load_cases(path: Path = DATA) -> list[Case]:
    cases = []
    for raw in json.loads(path.read_text(encoding="utf-8"))["cases"]:
        name = raw["name"]
        sup, sub = _side(raw["superior"]), _side(raw["subordinate"])

        labelled, unsure = (
            {(_index(sup, s, name), _index(sub, c, name)) for s, c in raw.get(key) or []}
            for key in ("pairs", "unsure"))
        unmatched = {_index(sup, s, name) for s in raw.get("unmatched") or []}
        if raw["kind"] == "lineage":
            covered = {s for s, _ in labelled | unsure} | unmatched
            missing = [sup[i].title for i in range(len(sup)) if i not in covered]
            if missing:
                raise SystemExit(f"{name}: superior items neither paired nor marked unmatched: "
                                 f"{missing}")
        cases.append(Case(name, split_of(raw), sup, sub, labelled, unsure))
    return cases


def found_pairs(case: Case, threshold: float, relative: float,
                relative_local: float) -> set[tuple[int, int]]:
    alignment = align(case.superior, case.subordinate, threshold=threshold, relative=relative,
                      relative_local=relative_local)
    sub_index = {id(e): j for j, e in enumerate(case.subordinate)}
    return {(i, sub_index[id(a.entry)]) for i, row in enumerate(alignment.rows)
            for a in row.answers}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def score(cases: list[Case], threshold: float = THRESHOLD, relative: float = RELATIVE,
          relative_local: float = RELATIVE_LOCAL) -> tuple[Score, dict[str, Score]]:
    total, per_case = Score(), {}
    for case in cases:
        found = found_pairs(case, threshold, relative, relative_local)
        s = Score(len(found & case.pairs), len(found - case.pairs - case.unsure),
                  len(case.pairs - found))
        per_case[case.name] = s
        total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
    return total, per_case


def _line(label: str, cases: list[Case], s: Score) -> str:
    pairs = sum(len(c.pairs) for c in cases)
    negatives = sum(len(c.superior) * len(c.subordinate) - len(c.pairs) - len(c.unsure)
                    for c in cases)
    return (f"{label}: {len(cases)} cases, {pairs} true pairs, {negatives} negatives — "
            f"precision {s.precision:.2f}, recall {s.recall:.2f}")


def main() -> None:
    cases = load_cases()
    print(f"thresholds: threshold {THRESHOLD}, relative {RELATIVE}, local {RELATIVE_LOCAL}")
    for part in ("tuning", "held-out", "peer"):
        members = [c for c in cases if c.part == part]
        if not members:
            print(f"{part}: no cases")
            continue
        total, per_case = score(members)
        for name, s in per_case.items():
            print(f"  [{part}] {name}: hits {s.tp}, false alarms {s.fp}, missed {s.fn}")
        print(_line(part, members, total))
    held = [c for c in cases if c.part == "held-out"]
    if held:
        s, _ = score(held)
        met = s.recall >= 0.9 and s.precision >= 0.8
        print(f"target on held-out (recall ≥ 0.90 at precision ≥ 0.80): "
              f"{'MET' if met else 'NOT MET'}")
    else:
        print("target on held-out: cannot be judged (no held-out cases)")
    if "--grid" in sys.argv:
        tuning = [c for c in cases if c.part == "tuning"]
        for relative_local in (0.4, 0.5, 0.6, 0.7):
            for threshold in (0.08, 0.10, 0.12, 0.14):
                for relative in (0.3, 0.4, 0.5, 0.6):
                    s, _ = score(tuning, threshold, relative, relative_local)
                    print(f"  local={relative_local:.1f} t={threshold:.2f} r={relative:.1f}: "
                          f"P={s.precision:.2f} R={s.recall:.2f}")


if __name__ == "__main__":
    main()
