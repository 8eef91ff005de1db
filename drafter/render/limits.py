"""Limits on rendering a document skeleton: time, output size, arithmetic, recursion.

A custom skeleton (meta.template) is a full Jinja template from a USB stick. The sandbox stops it
reading files or attributes, but not from working forever or filling the disk. So:
- `LimitedSandbox` refuses `**` with a large exponent and `*` that would build a huge string or
  list, and replaces `range` with one that counts against the time budget;
- `render_limited` streams the output (`Template.generate`), stopping at `MAX_OUTPUT` characters
  or after `TIME_BUDGET` seconds, and turns a recursion (a macro calling itself) into a message;
- `run_in_child` renders a custom template in a forked child process killed at the deadline,
  with its address space capped, so even work the sandbox cannot see stays bounded.
Every failure is a Chinese DrafterError naming the template. The bundled skeleton is trusted and
renders in-process (still with the limits above).
"""

from __future__ import annotations

import json
import os
import select
import signal
import time
from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import Template
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from drafter.model.errors import DrafterError, Problem

TIME_BUDGET = float(os.environ.get("DRAFTER_TEMPLATE_SECONDS", "20"))
MAX_OUTPUT = int(os.environ.get("DRAFTER_TEMPLATE_MAX_CHARS", str(20_000_000)))
MAX_EXPONENT = 64
MAX_RANGE = 100_000
_MEMORY_HEADROOM = 1 << 30  # a custom template's child may grow by this much address space


class TemplateLimit(SecurityError):
    """A template went over a limit; the message is Chinese and says which."""


class _Budget:
    deadline: float = 0.0

    @classmethod
    def start(cls) -> None:
        cls.deadline = time.monotonic() + TIME_BUDGET

    @classmethod
    def check(cls) -> None:
        if cls.deadline and time.monotonic() > cls.deadline:
            raise TemplateLimit(f"模板运行超过 {TIME_BUDGET:g} 秒，已停止")


def _range(*args: int) -> Iterator[int]:
    """`range` for templates: at most MAX_RANGE numbers, checking the time budget as it goes."""
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise TemplateLimit(f"模板中的 range 超过 {MAX_RANGE} 个数")
    for i, n in enumerate(numbers):
        if not i % 1024:
            _Budget.check()
        yield n


class LimitedSandbox(SandboxedEnvironment):
    """The sandbox plus limits on the operators that can blow up time or memory."""

    intercepted_binops = frozenset({"**", "*"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _Budget.check()
        if operator == "**":
            if isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
                raise TemplateLimit(f"模板中的乘方指数超过 {MAX_EXPONENT}")
            return left**right
        for seq, count in ((left, right), (right, left)):
            if isinstance(seq, str | list | tuple) and isinstance(count, int):
                if len(seq) * count > MAX_OUTPUT:
                    raise TemplateLimit("模板中的重复运算会产生过长的文字")
        return left * right

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _Budget.check()
        return super().call(__context, __obj, *args, **kwargs)


def make_environment(**options: Any) -> LimitedSandbox:
    env = LimitedSandbox(**options)
    env.globals.clear()  # no lipsum, dict, cycler, joiner, namespace: nothing prints a repr
    env.globals["range"] = _range
    return env


def limit_message(exc: BaseException) -> str | None:
    """A Chinese sentence for a limit or resource failure; None for other errors."""
    if isinstance(exc, TemplateLimit):
        return str(exc)
    if isinstance(exc, RecursionError):
        return "模板中的宏调用层数过深（可能是宏调用了自己）"
    if isinstance(exc, MemoryError):
        return "模板运行需要的内存过多，已停止"
    if isinstance(exc, OverflowError):
        return "模板中的数字过大"
    return None


def render_limited(template: Template, context: dict[str, Any]) -> str:
    """Render with the time budget and output cap; limit errors propagate as TemplateLimit."""
    _Budget.start()
    try:
        out: list[str] = []
        size = 0
        for chunk in template.generate(context):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise TemplateLimit(f"模板输出超过 {MAX_OUTPUT:,} 个字符，已停止")
            out.append(chunk)
            _Budget.check()
        return "".join(out)
    finally:
        _Budget.deadline = 0.0


def _cap_memory() -> None:
    try:
        import resource

        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[0])
        size = pages * os.sysconf("SC_PAGE_SIZE") + _MEMORY_HEADROOM
        resource.setrlimit(resource.RLIMIT_AS, (size, size))
    except (OSError, ValueError, ImportError):  # pragma: no cover - not Linux
        pass


def run_in_child(work: Callable[[], str], *, template: str) -> str:
    """`work()` in a forked child killed at the deadline; its result or its DrafterError.

    Without fork (Windows) the work runs here, bounded by the sandbox limits only."""
    if not hasattr(os, "fork"):  # pragma: no cover - Windows
        return work()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(read_end)
        try:
            _cap_memory()
            payload: dict[str, Any] = {"ok": work()}
        except DrafterError as exc:
            payload = {"problems": [p.__dict__ for p in exc.problems]}
        except BaseException as exc:  # everything becomes a message
            payload = {"problems": [{"message": limit_message(exc)
                                     or f"模板运行失败（{type(exc).__name__}）",
                                     "file": template}]}
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        with os.fdopen(write_end, "wb") as fh:
            fh.write(data)
        os._exit(0)
    os.close(write_end)
    chunks: list[bytes] = []
    deadline = time.monotonic() + TIME_BUDGET + 5
    try:
        with os.fdopen(read_end, "rb", buffering=0) as fh:
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([fh], [], [], left)[0]:
                    os.kill(pid, signal.SIGKILL)
                    raise DrafterError.one(f"模板运行超过 {TIME_BUDGET:g} 秒，已停止",
                                           file=template, hint="请检查模板中的循环")
                chunk = fh.read(1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
    finally:
        os.waitpid(pid, 0)
    try:
        payload = json.loads(b"".join(chunks).decode("utf-8"))
    except ValueError:
        raise DrafterError.one("模板运行时进程意外退出（可能占用内存过多）", file=template,
                               hint="请检查模板中的循环和重复运算") from None
    if "ok" in payload:
        return str(payload["ok"])
    raise DrafterError([Problem(**p) for p in payload["problems"]])
