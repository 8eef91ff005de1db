"""Start-up bench: what a user pays per command, in fresh processes, against a peer timed in
the same run.

- `drafter --version` against `python -c 'import click'` (target ≤ 2×);
- `drafter build` of the example plan against an equivalent docxtpl render per command: a
  script that imports docxtpl, renders a template this bench writes (the same paragraphs and
  styles, see bench/render.py) and saves the .docx (target ≤ 1.0×): once as a repeat build
  (every validated file served from drafter's cache) and once just after an edit of the plan
  (the plan validated again, so pydantic is imported), both against the same peer.

Each figure is the median CPU time (user + system) of the child process over RUNS runs,
interleaved with its peer so that load on the machine hits both alike. Both run with compiled
bytecode, as installed code does (pip compiles the peer's; drafter's is written on the warm-up
run into a private pycache prefix, even where PYTHONDONTWRITEBYTECODE is set).
Run: .venv/bin/python bench/start.py
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from itertools import count
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

RUNS = 7
EXAMPLE = ROOT / "examples" / "city_plan.yaml"

DOCXTPL_SCRIPT = """
import json, sys
from docxtpl import DocxTemplate
data = json.load(open(sys.argv[2], encoding="utf-8"))
tpl = DocxTemplate(sys.argv[1])
tpl.render(data, autoescape=True)
tpl.save(sys.argv[3])
"""


def cpu(cmd: list[str], env: dict[str, str]) -> float:
    """CPU seconds (user + system) the command's process used; it must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(cmd, env=env, capture_output=True, cwd=ROOT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr.decode('utf-8', 'replace')}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def paired(ours: list[str], peer: list[str], env: dict[str, str],
           before: Callable[[], None] = lambda: None) -> tuple[float, float]:
    """Median CPU of each; `before` runs (untimed) before each of ours."""
    before()
    cpu(ours, env), cpu(peer, env)  # warm-up: disk caches, drafter's catalogue cache
    a, b = [], []
    for _ in range(RUNS):
        before()
        a.append(cpu(ours, env))
        b.append(cpu(peer, env))
    return statistics.median(a), statistics.median(b)


def report(label: str, ours: float, peer_label: str, peer: float, target: float) -> None:
    ratio = ours / peer
    verdict = "达标" if ratio <= target else "未达标"
    print(f"{label}: {ours * 1000:.0f} ms CPU; {peer_label}: {peer * 1000:.0f} ms; "
          f"ratio {ratio:.2f} (target ≤ {target:.1f}) {verdict}")


def drafter_cmd() -> list[str]:
    script = Path(sys.executable).with_name("drafter")
    return [str(script)] if script.exists() else [sys.executable, "-m", "drafter"]


def docxtpl_inputs(tmp: Path) -> tuple[Path, Path]:
    """The docxtpl template and the context of the example plan's blocks."""
    from render import docxtpl_template  # bench/render.py

    from drafter.catalog import open_catalogue
    from drafter.plans import load_plan
    from drafter.render import load_profile, render_blocks

    plan = load_plan(EXAMPLE)
    blocks = render_blocks(plan, open_catalogue())
    template = tmp / "template.docx"
    template.write_bytes(docxtpl_template(load_profile()))
    title = next((b.text for b in blocks if b.role == "title"), "")
    context = {"title": title, "blocks": [
        {"role": b.role, "marker": b.marker or "", "lead": b.lead or "", "text": b.text}
        for b in blocks if b.role != "title"]}
    data = tmp / "context.json"
    data.write_text(json.dumps(context, ensure_ascii=False), encoding="utf-8")
    return template, data


def bench_env(tmp: Path) -> dict[str, str]:
    """The children's environment: a fresh DRAFTER_HOME, bytecode cached as when installed."""
    env = dict(os.environ, DRAFTER_HOME=str(tmp / "home"), PYTHONIOENCODING="utf-8",
               PYTHONPYCACHEPREFIX=str(tmp / "pycache"))
    env.pop("DRAFTER_CATALOG", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        env = bench_env(tmp)
        ours, peer = paired([*drafter_cmd(), "--version"],
                            [sys.executable, "-c", "import click"], env)
        report("drafter --version", ours, "python -c 'import click'", peer, 2.0)

        template, data = docxtpl_inputs(tmp)
        script = tmp / "docxtpl_render.py"
        script.write_text(DOCXTPL_SCRIPT, encoding="utf-8")
        plan = tmp / EXAMPLE.name
        plan.write_bytes(EXAMPLE.read_bytes())
        build = [*drafter_cmd(), "build", str(plan), "-o", str(tmp / "drafter.docx"), "--force"]
        render = [sys.executable, str(script), str(template), str(data),
                  str(tmp / "docxtpl.docx")]
        ours, peer = paired(build, render, env)
        report("drafter build (example plan)", ours, "docxtpl render per command", peer, 1.0)
        # The first build after the user edits the plan: the plan is validated again (its
        # cached validation is keyed by content); profile, rules and catalogue stay cached.
        edits = count()
        text = EXAMPLE.read_text(encoding="utf-8")

        def edit() -> None:
            plan.write_text(f"{text}# 第 {next(edits)} 次修改\n", encoding="utf-8")

        ours, peer = paired(build, render, env, before=edit)
        report("drafter build (just after an edit of the plan)", ours,
               "docxtpl render per command", peer, 1.0)


if __name__ == "__main__":
    main()
