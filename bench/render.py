"""Word output bench: drafter's .docx writer against docxtpl, and a batch of 100 counties.

1. Renders the example city plan (examples/*.yaml with the most items, through the plan
   loader, the bundled catalogue and render_blocks) to .docx 50 times. Falls back to a plan
   of inline items built here from corpus file 002 (no catalogue needed) when the example
   plan or the catalogue is not available, and says so.
2. Renders the same blocks 50 times with docxtpl, from a template .docx this script builds
   on the same prepared styles (so both produce the same paragraphs), and prints the
   per-document time ratio drafter / docxtpl (target ≤ 1.0, aim 0.5).
3. Times 100 county variants end to end (render + write) on all cores through
   drafter.render.batch (or docx_bytes in a process pool if that module is missing);
   target ≤ 3 s wall on 2 cores.

Run: .venv/bin/python bench/render.py
"""

from __future__ import annotations

import io
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
from docxtpl import DocxTemplate  # noqa: E402

from drafter.model.blocks import Block  # noqa: E402
from drafter.model.catalogue import Catalogue  # noqa: E402
from drafter.model.errors import DrafterError  # noqa: E402
from drafter.model.plan import (  # noqa: E402
    Plan,
    PlanChapter,
    PlanItem,
    PlanMeta,
    PlanText,
)
from drafter.render.docx_styles import template_bytes  # noqa: E402
from drafter.render.docx_writer import docx_bytes  # noqa: E402
from drafter.render.profile import Profile, load_profile  # noqa: E402

RUNS = 50
COUNTIES = 100


def example_plan() -> tuple[Plan, Any, list[Block]] | None:
    """(plan, catalogue, blocks) of the example city plan, or None when unavailable."""
    try:
        from drafter.catalog.load import load_catalogue
        from drafter.plans.io import load_plan
        from drafter.render.blocks import render_blocks
        from drafter.util.paths import bundled_catalog_dir
    except ImportError:
        return None
    best = None
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        try:
            plan = load_plan(path)
            cat = load_catalogue(bundled_catalog_dir())
            blocks = render_blocks(plan, cat)
        except (DrafterError, OSError):
            continue
        items = sum(b.role == "item" for b in blocks)
        if items and (best is None or items > best[3]):
            best = (plan, cat, blocks, items)
    return None if best is None else best[:3]


def corpus_plan() -> Plan:
    """Fallback: corpus file 002 (5 chapters, 25 items) as a plan of inline custom items, its
    half-width punctuation made full-width as the miner's cleaning does. Needs no catalogue,
    so the whole pipeline (render_blocks, the batch renderer) still runs."""
    path = next((ROOT / "examples" / "corpus").glob("002_*.txt"))
    full_width = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）"})
    plan = Plan(meta=PlanMeta(region="某某市", organ="某某市教育局", year=2024))
    for line in path.read_text("utf-8").translate(full_width).splitlines():
        line = line.strip()
        if chapter := re.match(r"^[一二三四五六七八九十]+、(.+)$", line):
            plan.chapters.append(PlanChapter(heading=chapter[1]))
        elif (item := re.match(r"^\d+\.([^。]{1,40}。)(.*)$", line)) and plan.chapters:
            plan.chapters[-1].items.append(PlanItem(lead=item[1], body=item[2]))
        elif "总体要求" in line and plan.preamble is None:
            plan.preamble = PlanText(text=line.replace("2024年全市", "{{ 年份 }}年全{{ 地区 }}"))
    return plan


def corpus_blocks() -> list[Block]:
    """The fallback plan's blocks (also used by docs/make_page_image.sh)."""
    from drafter.render.blocks import render_blocks

    return render_blocks(corpus_plan(), Catalogue())


def docxtpl_template(profile: Profile) -> bytes:
    """A docxtpl template on the same prepared styles, one paragraph per block role."""
    doc = docx.Document(io.BytesIO(template_bytes(profile, None)))
    doc.add_paragraph("{{ title }}", style="公文标题")
    doc.add_paragraph("{%p for b in blocks %}", style="公文正文")
    doc.add_paragraph("{%p if b.role == 'chapter' %}", style="公文正文")
    doc.add_paragraph("{{ b.marker }}{{ b.text }}", style="公文一级标题")
    doc.add_paragraph("{%p elif b.role == 'section' %}", style="公文正文")
    doc.add_paragraph("{{ b.marker }}{{ b.text }}", style="公文二级标题")
    doc.add_paragraph("{%p else %}", style="公文正文")
    item = doc.add_paragraph(style="公文正文")
    item.add_run("{{ b.marker }}{{ b.lead }}").bold = True
    item.add_run("{{ b.text }}")
    doc.add_paragraph("{%p endif %}", style="公文正文")
    doc.add_paragraph("{%p endfor %}", style="公文正文")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def render_docxtpl(template: bytes, blocks: list[Block]) -> bytes:
    tpl = DocxTemplate(io.BytesIO(template))
    title = next((b.text for b in blocks if b.role == "title"), "")
    context = {"title": title, "blocks": [b for b in blocks if b.role != "title"]}
    tpl.render(context, autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def whole_pipeline(plan: Plan, cat: Any) -> bytes:
    from drafter.render.blocks import render_blocks

    return docx_bytes(render_blocks(plan, cat), profile=load_profile(), meta=plan.meta)


def per_document(fn: Callable[[], bytes], runs: int) -> float:
    """Median seconds per document over `runs` (after one warm-up)."""
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def batch_through_drafter(plan: Plan, cat: Any, outdir: Path) -> tuple[float, int]:
    from drafter.plans.batch import BatchVariant, apply_variant
    from drafter.render.batch import BatchJob, render_batch

    jobs = []
    for i in range(COUNTIES):
        name = f"第{i + 1}县"
        variant = BatchVariant(name=name, region=name, organ=f"{name}教育局")
        jobs.append(BatchJob(name=name, plan=apply_variant(plan, variant),
                             out=outdir / f"{name}.docx"))
    start = time.perf_counter()
    results = render_batch(jobs, cat, fmt="docx", workers=os.cpu_count())
    return time.perf_counter() - start, sum(r.ok for r in results)


def _county_doc(args: tuple[list[Block], str, Path]) -> bool:
    blocks, name, out = args
    county = [Block(role=b.role, text=b.text.replace("某某市", name), marker=b.marker,
                    lead=b.lead) for b in blocks]
    data = docx_bytes(county, profile=load_profile(), meta=PlanMeta())
    out.write_bytes(data)
    return True


def batch_in_pool(blocks: list[Block], outdir: Path) -> tuple[float, int]:
    jobs = [(blocks, f"第{i + 1}县", outdir / f"{i + 1}.docx") for i in range(COUNTIES)]
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
        done = sum(pool.map(_county_doc, jobs, chunksize=10))
    return time.perf_counter() - start, done


def main() -> None:
    profile = load_profile()
    example = example_plan()
    if example is None:
        print("注意：示例计划或目录不可用，改用由语料 002 构造的计划（自定义条目，无需目录）")
        plan, cat = corpus_plan(), Catalogue()
        blocks = corpus_blocks()
    else:
        plan, cat, blocks = example
    meta = plan.meta
    items = sum(b.role == "item" for b in blocks)
    print(f"文档：{len(blocks)} 段，{items} 条")

    start = time.perf_counter()
    docx_bytes(blocks, profile=profile, meta=meta)
    first = time.perf_counter() - start
    ours = per_document(lambda: docx_bytes(blocks, profile=profile, meta=meta), RUNS)
    template = docxtpl_template(profile)
    theirs = per_document(lambda: render_docxtpl(template, blocks), RUNS)
    print(f"首个文档（含样式模板准备）：{first * 1000:.1f} ms")
    print(f"drafter 每个文档：{ours * 1000:.1f} ms（{RUNS} 次中位数）")
    print(f"docxtpl 每个文档：{theirs * 1000:.1f} ms")
    print(f"耗时比 drafter/docxtpl：{ours / theirs:.2f}（目标 ≤ 1.0，力争 0.5）")
    whole = per_document(lambda: whole_pipeline(plan, cat), RUNS)
    print(f"含文本渲染（render_blocks + docx_bytes）每个文档：{whole * 1000:.1f} ms，"
          f"比 docxtpl：{whole / theirs:.2f}")

    with tempfile.TemporaryDirectory() as tmp:
        try:
            wall, ok = batch_through_drafter(plan, cat, Path(tmp))
            how = "drafter.render.batch"
        except ImportError:
            wall, ok = batch_in_pool(blocks, Path(tmp))
            how = "进程池 + docx_bytes"
    print(f"批量 {COUNTIES} 个县（{how}，{os.cpu_count()} 核）：{wall:.2f} s，成功 {ok} 个"
          f"（目标 ≤ 3 s）")


if __name__ == "__main__":
    main()
