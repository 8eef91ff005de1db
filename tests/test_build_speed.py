"""`drafter build` pays only for what it uses (issue 14, Deliver 6): its error summary runs the
check engine for errors only, which skips the rule families that cannot yield one, and the
modules only those families need are never imported. Timing lives in bench/start.py; these
tests hold the structure that makes it fast, and that errors-only gives the same errors."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from drafter.catalog import open_catalogue
from drafter.check import check_plan, engine, rules_plan
from drafter.check.finding import SEVERITY_ORDER
from drafter.model import Plan, PlanChapter, PlanItem
from drafter.plans import load_plan
from drafter.render import render_blocks

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "city_plan.yaml"

# What `drafter build` of a .docx must not import: the near-duplicate matcher, the miner, the
# 对标 matcher, the process pool of `batch`, the TUI, the other formats' writers, and the check
# families that yield only warnings (a build asks for errors).
NOT_ON_BUILD_PATH = ("rapidfuzz", "jieba", "textual", "multiprocessing", "concurrent.futures",
                     "drafter.mine", "drafter.compare", "drafter.tui", "openpyxl",
                     "drafter.check.rules_punct", "drafter.check.rules_numbers")

_RUN_BUILD = """
import json, sys
from drafter.cli import main
sys.argv = ["drafter", "build", sys.argv[1], "-o", sys.argv[2], "--force"]
try:
    main()
except SystemExit as stop:
    assert not stop.code, stop.code
import drafter.check.gazetteer as gazetteer
print(json.dumps({"modules": sorted(sys.modules),
                  "gazetteer_loaded": gazetteer.load_gazetteer.cache_info().currsize}))
"""


def test_build_imports_only_what_it_uses(tmp_path: Path) -> None:
    env = dict(os.environ, DRAFTER_HOME=str(tmp_path / "home"))
    done = subprocess.run([sys.executable, "-c", _RUN_BUILD, str(EXAMPLE),
                           str(tmp_path / "out.docx")], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    loaded = [m for m in report["modules"]
              if any(m == bad or m.startswith(bad + ".") for bad in NOT_ON_BUILD_PATH)]
    assert loaded == []
    assert report["gazetteer_loaded"] == 0  # the divisions table is read by warnings only
    assert "drafter.check.engine" in report["modules"]  # the summary did run
    assert (tmp_path / "out.docx").stat().st_size > 0


def _yielded(module: ModuleType, function: str) -> set[str] | None:
    """The severities of every Finding the function makes, itself or through the module's
    helpers it calls; None when one is not a constant (then it may be any)."""
    tree = ast.parse(Path(str(module.__file__)).read_text(encoding="utf-8"))
    defs = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    found: set[str] = set()
    todo, seen = [function], set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for node in ast.walk(defs[name]):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            if node.func.id in defs:
                todo.append(node.func.id)
            if node.func.id != "Finding":
                continue
            arg = node.args[0] if node.args else next(
                k.value for k in node.keywords if k.arg == "severity")
            options = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]
            for option in options:
                if not isinstance(option, ast.Constant):
                    return None
                found.add(option.value)
    return found


@pytest.mark.parametrize(("name", "declared"), engine.RULES,
                         ids=[name for name, _ in engine.RULES])
def test_each_rule_family_declares_every_severity_it_yields(name: str,
                                                            declared: tuple[str, ...]) -> None:
    """Errors-only skips a family whose declared severities hold no error, so a declaration
    must cover every Finding the family's code can make."""
    rule = engine.rule_function(name)
    assert f"drafter.check.{name}" == f"{rule.__module__}.{rule.__name__}"
    module = sys.modules[rule.__module__]
    found = _yielded(module, rule.__name__)  # type: ignore[attr-defined]
    if found is None:
        assert set(declared) == set(SEVERITY_ORDER)
    else:
        assert found and found <= set(declared)


def test_plan_rules_declare_every_severity_they_yield() -> None:
    """Errors-only skips rules_plan because its findings are never errors."""
    tree = ast.parse(Path(rules_plan.__file__).read_text(encoding="utf-8"))
    names = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
    found: set[str] = set()
    for name in names:
        got = _yielded(rules_plan, name)
        assert got is not None, name
        found |= got
    assert found and found <= set(rules_plan.SEVERITIES)
    assert "错误" not in rules_plan.SEVERITIES


def _duplicates_plan() -> Plan:
    """Items said twice: an exact repeat after a near one, and a clause taken twice."""
    first = "加强教师队伍建设，完善教师培训体系，提高教师专业水平和育人能力。"
    near = "加强教师队伍建设，完善教师培训体系，提高教师专业水平和育人能力水平。"
    plan = load_plan(EXAMPLE)
    plan.chapters.append(PlanChapter(heading="重复的章", items=[
        PlanItem(lead="一", body=near), PlanItem(lead="一", body=first),
        PlanItem(lead="一", body=first), PlanItem(clause=plan.chapters[0].items[0].clause)]))
    return plan


@pytest.mark.parametrize("make", [lambda: load_plan(EXAMPLE), _duplicates_plan],
                         ids=["example", "duplicates"])
def test_errors_only_finds_the_same_errors_as_the_full_check(make: object) -> None:
    plan = make()  # type: ignore[operator]
    cat = open_catalogue()
    blocks = render_blocks(plan, cat)
    full = check_plan(plan, blocks, cat)
    errors = check_plan(plan, blocks, cat, severities=("错误",))
    assert errors == [f for f in full if f.severity == "错误"]
    assert {f.severity for f in errors} <= {"错误"}


def test_severities_keep_the_plan_rules_findings_of_those_severities_only() -> None:
    """`severities=` filtered the text rules' findings but not the plan rules' (a plan without
    落款 gave its 提示 to a caller asking for warnings only)."""
    plan = load_plan(EXAMPLE)
    plan.meta.options.signature = False
    cat = open_catalogue()
    blocks = render_blocks(plan, cat)
    full = check_plan(plan, blocks, cat)
    assert any(f.rule == "plan.signature" and f.severity == "提示" for f in full)
    for wanted in [("警告",), ("提示",), ("错误", "警告")]:
        found = check_plan(plan, blocks, cat, severities=wanted)
        assert found == [f for f in full if f.severity in wanted], wanted


def test_an_exact_repeat_is_an_error_even_after_a_near_one() -> None:
    """Item j identical to an earlier item is an error, though a near-duplicate comes first
    (before, the first near match was reported and the repeat was only a warning)."""
    plan = _duplicates_plan()
    cat = open_catalogue()
    findings = [f for f in check_plan(plan, render_blocks(plan, cat), cat)
                if f.rule == "structure.duplicate"]
    messages = [(f.severity, f.message) for f in findings]
    assert any(s == "错误" and "完全相同" in m for s, m in messages), messages
    assert any(s == "警告" and "几乎相同" in m for s, m in messages), messages
    assert any(s == "错误" and "出现两次" in m for s, m in messages), messages


def test_a_command_module_is_imported_with_the_collector_paused_then_frozen() -> None:
    """In a fresh process: collection is back on after the import, and what the import built
    sits in the permanent generation (never scanned again)."""
    code = (
        "import gc, click\n"
        "from drafter.cli import cli\n"
        "before = gc.get_freeze_count()\n"
        "cli.get_command(click.Context(cli), 'build')\n"
        "print(gc.isenabled(), gc.get_freeze_count() > before + 10000)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]


def test_the_command_loads_no_pydantic_plugin(tmp_path: Path) -> None:
    """A pydantic plugin installed for another program neither slows a command (scanning every
    package's entry points) nor sees a plan being validated."""
    code = ("import os, sys\n"
            "sys.argv = ['drafter', '--version']\n"
            "from drafter.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "from pydantic.plugin._loader import get_plugins\n"
            "print(os.environ['PYDANTIC_DISABLE_PLUGINS'], list(get_plugins()))\n")
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "__all__ []"
