"""Public names of a package, imported on first use (PEP 562 module __getattr__).

Each middle-layer package lists its public names in `__init__` (`__all__`) so that cli and tui
import only those; importing them lazily keeps `import drafter.render` from loading python-docx
for a caller that only wants `blocks_to_text`, and keeps every command's start fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module
from typing import Any


def exports(package: str, table: dict[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` resolving each public name from `package.<module>` in `table`."""

    def __getattr__(name: str) -> Any:
        module = table.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)  # later look-ups skip this function
        return value

    return __getattr__
