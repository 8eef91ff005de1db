"""Render many plans (one per county) in parallel on all cores; one bad plan never stops the rest.

The CLI reads the batch file (drafter.plans.batch), applies each variant and hands the
resulting plans here with their output paths. Each worker renders and writes one document
and returns a result; failures come back as Chinese messages named by the variant.
Output names come from a pattern rendered in the sandbox and always stay inside OUTDIR.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.model.blocks import Block
from drafter.model.catalogue import Catalogue
from drafter.model.errors import DrafterError
from drafter.model.plan import Plan
from drafter.model.values import validate_value
from drafter.render.blocks import render_blocks
from drafter.render.build import document_bytes
from drafter.render.env import render_text
from drafter.util.fs import atomic_write_bytes, check_writable, inside

# Per-variant checks, wired by the CLI (issue 5): blocks + plan + catalogue → (severity,
# message) pairs,
# severity one of "错误" / "警告" / "提示". Must be a module-level function (it is pickled
# into worker processes).
Checker = Callable[[list[Block], Plan, Catalogue], list[tuple[str, str]]]


@dataclass
class BatchJob:
    name: str  # the variant's name, for messages
    plan: Plan | None  # None when the variant could not even be built
    out: Path | None
    problems: list[str] = field(default_factory=list)  # why it cannot render
    force: bool = False  # may replace an existing (regular) file at `out`


@dataclass
class BatchResult:
    name: str
    out: Path | None
    ok: bool
    problems: list[str] = field(default_factory=list)
    findings: list[tuple[str, str]] = field(default_factory=list)
    items: int = 0
    seconds: float = 0.0


def output_name(pattern: str, plan: Plan, variant: str, fmt: str) -> str:
    """The file name for one variant: the pattern rendered with its values, plus the suffix
    (`inside` keeps the suffix even when the name must be shortened or cleaned)."""
    context: dict[str, Any] = {**plan.values, **plan.global_values(), "名称": variant}
    year, error = validate_value("year", context["年份"])
    if error is None:
        context["年份"] = year
    name = render_text(pattern, context, where=f"变体“{variant}”的输出文件名").strip()
    return f"{name or variant}.{fmt}"


def plan_jobs(named_plans: Iterable[tuple[str, Plan | None, list[str]]], pattern: str,
              outdir: Path, fmt: str, force: bool) -> list[BatchJob]:
    """Output paths for each variant, inside OUTDIR, unique, not overwriting without force."""
    jobs: list[BatchJob] = []
    taken: dict[Path, str] = {}
    for name, plan, problems in named_plans:
        job = BatchJob(name=name, plan=plan, out=None, problems=list(problems), force=force)
        if plan is not None and not job.problems:
            try:
                stem = output_name(pattern, plan, name, fmt)[: -len(fmt) - 1]
                out = inside(outdir, stem, suffix=f".{fmt}")
                if out in taken:
                    raise DrafterError.one(
                        f"输出文件名“{out.name}”与变体“{taken[out]}”重复",
                        hint="请在 output 中加入能区分各变体的参数，如 {{ 名称 }}")
                check_writable(out, force)
                taken[out] = name
                job.out = out
            except DrafterError as exc:
                job.problems = [str(p) for p in exc.problems]
        jobs.append(job)
    return jobs


_WORKER: dict[str, Any] = {}


def _init_worker(cat: Catalogue, fmt: str, checker: Checker | None,
                 failing: frozenset[str] = frozenset({"错误"}), parent: int | None = None) -> None:
    _WORKER.update(cat=cat, fmt=fmt, checker=checker, failing=failing)
    if parent is not None:
        die_with_parent(parent)


def die_with_parent(parent: int) -> None:
    """A worker must not outlive the batch: SIGKILL it when its parent dies (Linux), and watch
    the parent id from a thread everywhere else (a killed parent reparents its children).

    `parent` is the batch's pid as the batch itself read it: read here, after a parent killed
    between fork and this call, it would already be the reaper's, and the worker would live on.
    """
    import signal
    import threading

    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="drafter-parent-watch", daemon=True).start()


def _render_one(job: BatchJob) -> BatchResult:
    """Render and write one variant (in a worker process, or in-process for one job)."""
    start = time.perf_counter()
    result = BatchResult(name=job.name, out=job.out, ok=False)
    if job.problems or job.plan is None or job.out is None:
        result.problems = job.problems or ["无法生成"]
        return result
    try:
        blocks = render_blocks(job.plan, _WORKER["cat"])
        checker: Checker | None = _WORKER.get("checker")
        if checker is not None:
            result.findings = list(checker(blocks, job.plan, _WORKER["cat"]))
        failing = _WORKER.get("failing", frozenset({"错误"}))
        if any(severity in failing for severity, _ in result.findings):
            result.problems = ["检查未通过，未生成文件（原有文件保持不变）"]
            result.seconds = time.perf_counter() - start
            return result  # a county marked 失败 gets no file
        atomic_write_bytes(job.out, document_bytes(blocks, job.plan, fmt=_WORKER["fmt"]),
                           overwrite=job.force)  # no overwrite without --force, even in a race
        result.ok = True
        result.items = sum(1 for b in blocks if b.role == "item")
    except DrafterError as exc:
        result.problems = [str(p) for p in exc.problems]
    except Exception as exc:  # a bug must not take the other counties down
        from drafter.util.errors import save_crash_report

        report = save_crash_report(exc, "batch")
        result.problems = ["程序内部出现意外问题，未生成该份文件"
                           + (f"（错误报告：{report}）" if report else "")]
    result.seconds = time.perf_counter() - start
    return result


def render_batch(jobs: list[BatchJob], cat: Catalogue, *, fmt: str, workers: int | None = None,
                 checker: Checker | None = None,
                 on_done: Callable[[BatchResult], None] | None = None,
                 strict: bool = False) -> list[BatchResult]:
    """Render every job, in parallel when there is more than one; results in job order."""
    workers = max(1, workers or os.cpu_count() or 1)
    indices = [i for i, j in enumerate(jobs) if not j.problems and j.plan is not None]
    results: dict[int, BatchResult] = {}
    for index, job in enumerate(jobs):
        if index not in indices:
            results[index] = _render_one(job)
            if on_done:
                on_done(results[index])
    failing = frozenset({"错误", "警告"} if strict else {"错误"})
    if workers == 1 or len(indices) <= 1:
        _init_worker(cat, fmt, checker, failing)
        for index in indices:
            results[index] = _render_one(jobs[index])
            if on_done:
                on_done(results[index])
    else:
        if fmt == "docx":
            _preload_docx_writer()
        _run_pool(jobs, indices, (cat, fmt, checker, failing, os.getpid()),
                  min(workers, len(indices)), results, on_done)
    return [results[i] for i in range(len(jobs))]


def _preload_docx_writer() -> None:
    """Import the Word writer once here, so forked workers inherit it instead of each
    importing python-docx."""
    import drafter.render.docx_writer  # noqa: F401


def _run_pool(jobs: list[BatchJob], indices: list[int], initargs: tuple[Any, ...], workers: int,
              results: dict[int, BatchResult],
              on_done: Callable[[BatchResult], None] | None) -> None:
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                             initargs=initargs) as pool:
        pending: dict[Future[BatchResult], int] = {
            pool.submit(_render_one, jobs[i]): i for i in indices
        }
        try:
            _collect(pending, jobs, results, on_done)
        except BaseException:  # Ctrl+C or SIGTERM: stop the workers now, not after their jobs
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _collect(pending: dict[Future[BatchResult], int], jobs: list[BatchJob],
             results: dict[int, BatchResult],
             on_done: Callable[[BatchResult], None] | None) -> None:
    while pending:
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            index = pending.pop(future)
            try:
                results[index] = future.result()
            except Exception:  # a crashed worker process
                results[index] = BatchResult(name=jobs[index].name, out=jobs[index].out,
                                             ok=False, problems=["生成该份文件的进程意外退出"])
            if on_done:
                on_done(results[index])
