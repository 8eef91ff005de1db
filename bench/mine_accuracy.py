"""Miner accuracy on a hand-labelled set of real plan pages (tests/data/realpages).

Mines every page of the set and scores it against its labels (schema and split rule:
tests/data/realpages/README.md):

- item F1: an item matches when its lead matches after normalisation (traditional → simplified,
  pinyin annotations, punctuation and spaces removed; equal, or one a prefix of the other with
  the shorter at least half the longer and at least 4 characters);
- chapter F1: the same on chapter headings (prose chapters such as 指导思想 included);
- category accuracy: of the matched items, how many got the labelled chapter key; chapter
  category accuracy: the same for the matched chapters;
- title and year accuracy; junk leaks: labelled junk strings found in any title, heading,
  lead, body, preamble or closing;
- incomplete: of the matched items labelled incomplete (cut by the page's end or an elision),
  how many the miner flagged.

Per document and overall (mean of per-document F1, micro counts for the rest), dev and test
separately. Tune on dev; look at test only to score.

Run: .venv/bin/python bench/mine_accuracy.py [--split dev|test|all] [--quiet] [--json]
     .venv/bin/python bench/mine_accuracy.py --confusions   (dev only: miscategorised items)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from drafter.mine.clean import to_simplified  # noqa: E402
from drafter.mine.pipeline import mine_file  # noqa: E402
from drafter.model.document import MinedDocument  # noqa: E402

SET = ROOT / "tests" / "data" / "realpages"
_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)")
_KEEP = re.compile(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff*]")
_SPACE = re.compile(r"\s+")
_MIN_PREFIX = 4


def split_of(label: dict[str, Any]) -> str:
    """The split rule: a split the label names (decided before the page was ever scored: the
    pages added after the first round all went to dev, so the test part stays the same pages);
    otherwise sha1 of the page's group (or URL), first 8 hex digits mod 3 == 0 → test."""
    if label.get("split") in ("dev", "test"):
        return str(label["split"])
    key = label.get("group") or label["url"]
    return "test" if int(hashlib.sha1(key.encode()).hexdigest()[:8], 16) % 3 == 0 else "dev"


def norm(text: str | None) -> str:
    """Compare form of a lead, heading or title."""
    if not text:
        return ""
    text = _PINYIN.sub("", unicodedata.normalize("NFKC", text))
    return _KEEP.sub("", to_simplified(text))


def norm_loose(text: str | None) -> str:
    """Compare form for junk strings: width-folded, simplified, no spaces."""
    if not text:
        return ""
    return _SPACE.sub("", to_simplified(unicodedata.normalize("NFKC", text)))


def same_lead(gold: str, mined: str) -> bool:
    if not gold or not mined:
        return False
    if gold == mined:
        return True
    short, long_ = sorted((gold, mined), key=len)
    return long_.startswith(short) and len(short) >= max(_MIN_PREFIX, len(long_) / 2)


def _match(gold: list[str], mined: list[str]) -> list[tuple[int, int]]:
    """Greedy in-order matching: each gold entry takes the first free mined entry it matches."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi, g in enumerate(gold):
        for mi, m in enumerate(mined):
            if mi not in used and same_lead(g, m):
                pairs.append((gi, mi))
                used.add(mi)
                break
    return pairs


def _f1(matched: int, gold: int, mined: int) -> float:
    if gold == 0 and mined == 0:
        return 1.0
    if matched == 0:
        return 0.0
    p, r = matched / mined, matched / gold
    return 2 * p * r / (p + r)


@dataclass
class DocScore:
    name: str
    split: str
    item_f1: float
    items_gold: int
    items_mined: int
    items_matched: int
    chapter_f1: float
    cat_right: int
    title_ok: bool
    year_ok: bool
    leaks: list[str] = field(default_factory=list)
    incomplete_gold: int = 0
    incomplete_flagged: int = 0
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    chapters_matched: int = 0
    chapter_cat_right: int = 0
    # (labelled key, mined key, lead, chapter heading, body) for each miscategorised item
    confusions: list[tuple[str, str, str, str, str]] = field(default_factory=list)


def score(name: str, label: dict[str, Any], doc: MinedDocument) -> DocScore:
    items = doc.items()
    gold_leads = [norm(i["lead"]) for i in label["items"]]
    mined_leads = [norm(i.lead) for i in items]
    pairs = _match(gold_leads, mined_leads)
    gold_heads = [norm(c["heading"]) for c in label["chapters"]]
    mined_heads = [norm(c.heading) for c in doc.chapters if c.heading]
    chapter_pairs = _match(gold_heads, mined_heads)
    cat_right = sum(label["items"][g]["category"] == items[m].category for g, m in pairs)
    headed = [c for c in doc.chapters if c.heading]
    chapter_cat_right = sum(label["chapters"][g]["category"] == headed[m].category
                            for g, m in chapter_pairs)
    heading_of = {id(i): c.heading or "" for c in doc.chapters for i in c.items}
    confusions = [(label["items"][g]["category"], items[m].category, items[m].lead,
                   heading_of.get(id(items[m]), ""), items[m].body)
                  for g, m in pairs if label["items"][g]["category"] != items[m].category]
    incomplete = [(g, m) for g, m in pairs if label["items"][g].get("incomplete")]
    flagged = sum(bool(getattr(items[m], "incomplete", False)) for _, m in incomplete)
    titles = {norm(t) for t in [label["title"], *label.get("title_alts", [])] if t}
    title_ok = norm(doc.title) in titles if titles else doc.title is None
    texts = [doc.title, doc.preamble, doc.closing]
    texts += [c.heading for c in doc.chapters]
    texts += [t for i in items for t in (i.lead, i.body)]
    haystack = "\n".join(norm_loose(t) for t in texts if t)
    leaks = [j for j in label.get("junk", []) if norm_loose(j) and norm_loose(j) in haystack]
    matched_gold = {g for g, _ in pairs}
    matched_mined = {m for _, m in pairs}
    return DocScore(
        name=name, split=split_of(label),
        item_f1=_f1(len(pairs), len(gold_leads), len(mined_leads)),
        items_gold=len(gold_leads), items_mined=len(mined_leads), items_matched=len(pairs),
        chapter_f1=_f1(len(chapter_pairs), len(gold_heads), len(mined_heads)),
        cat_right=cat_right, title_ok=title_ok, year_ok=doc.year == label["year"], leaks=leaks,
        incomplete_gold=len(incomplete), incomplete_flagged=flagged,
        missed=[label["items"][g]["lead"] for g in range(len(gold_leads)) if g not in matched_gold],
        extra=[items[m].lead for m in range(len(items)) if m not in matched_mined],
        confusions=confusions,
        chapters_matched=len(chapter_pairs), chapter_cat_right=chapter_cat_right,
    )


def load_set(root: Path = SET) -> list[tuple[str, dict[str, Any], Path]]:
    out = []
    for path in sorted((root / "labels").glob("*.json")):
        label = json.loads(path.read_text(encoding="utf-8"))
        out.append((path.stem, label, root / "pages" / f"{path.stem}.txt"))
    return out


def summary(scores: list[DocScore]) -> dict[str, Any]:
    n = len(scores)
    matched = sum(s.items_matched for s in scores)
    inc = sum(s.incomplete_gold for s in scores)
    return {
        "documents": n,
        "item_f1_mean": sum(s.item_f1 for s in scores) / n if n else 0.0,
        "item_f1_micro": _f1(matched, sum(s.items_gold for s in scores),
                             sum(s.items_mined for s in scores)),
        "chapter_f1_mean": sum(s.chapter_f1 for s in scores) / n if n else 0.0,
        "category_accuracy": sum(s.cat_right for s in scores) / matched if matched else 0.0,
        "chapter_category": (sum(s.chapter_cat_right for s in scores) / chapters
                                      if (chapters := sum(s.chapters_matched for s in scores))
                                      else 0.0),
        "title_accuracy": sum(s.title_ok for s in scores) / n if n else 0.0,
        "year_accuracy": sum(s.year_ok for s in scores) / n if n else 0.0,
        "junk_leaks": sum(len(s.leaks) for s in scores),
        "documents_with_leaks": sum(bool(s.leaks) for s in scores),
        "incomplete_flagged": sum(s.incomplete_flagged for s in scores) / inc if inc else 1.0,
    }


def run(split: str) -> dict[str, Any]:
    scores: list[DocScore] = []
    for name, label, page in load_set():
        if split != "all" and split_of(label) != split:
            continue
        scores.append(score(name, label, mine_file(page)))
    return {"scores": scores, "summary": summary(scores)}


def _print(split: str, result: dict[str, Any], quiet: bool) -> None:
    scores: list[DocScore] = result["scores"]
    print(f"== {split}: {len(scores)} pages")
    if not quiet:
        print(f"{'page':<18}{'itemF1':>7}{'gold':>5}{'mined':>6}{'chapF1':>7}{'cat':>5}"
              f"{'title':>6}{'year':>5}{'leaks':>6}")
        for s in scores:
            print(f"{s.name:<18}{s.item_f1:7.2f}{s.items_gold:5}{s.items_mined:6}"
                  f"{s.chapter_f1:7.2f}{s.cat_right:3}/{s.items_matched:<2}"
                  f"{'ok' if s.title_ok else 'NO':>5}{'ok' if s.year_ok else 'NO':>5}"
                  f"{len(s.leaks):6}")
            for lead in s.missed:
                print(f"    missed: {lead[:40]}")
            for lead in s.extra:
                print(f"    extra:  {lead[:40]}")
            for junk in s.leaks:
                print(f"    leak:   {junk}")
    for key, value in result["summary"].items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"  {key:<22}{shown}")


def _print_confusions(scores: list[DocScore]) -> None:
    """Dev only: which labelled key was mined as which, with each wrong item's lead."""
    pairs = Counter((g, m) for s in scores for g, m, *_ in s.confusions)
    print("== dev category confusions (labelled → mined: count)")
    for (gold, mined), n in pairs.most_common():
        print(f"  {gold} → {mined}: {n}")
    for s in scores:
        for gold, mined, lead, heading, body in s.confusions:
            print(f"  [{s.name}] {gold} → {mined}  {lead[:40]}")
            print(f"      chapter: {heading[:40]}")
            print(f"      body:    {body[:80]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all", "both"), default="both")
    parser.add_argument("--quiet", action="store_true", help="overall figures only")
    parser.add_argument("--json", action="store_true", help="summaries as JSON")
    parser.add_argument("--confusions", action="store_true",
                        help="dev only: the category confusions, with the wrong items' leads")
    args = parser.parse_args(argv)
    if args.confusions:
        # The test part is looked at only to score: its items are never listed.
        _print_confusions(run("dev")["scores"])
        return 0
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    results = {s: run(s) for s in splits}
    if args.json:
        print(json.dumps({s: r["summary"] for s, r in results.items()}, ensure_ascii=False,
                         indent=2))
        return 0
    for s in splits:
        _print(s, results[s], args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
