"""Where each part of a file's data was read: data path → 1-based line.

Apart from the YAML reader (drafter.util.yaml_nodes) so that code holding lines (a validated
plan, a rule table) can name the type without importing PyYAML.
"""

from __future__ import annotations

from typing import Any

Path_ = tuple[Any, ...]


class LineMap(dict[Path_, int]):
    """Data path → 1-based line. `line(path)` falls back to the nearest ancestor."""

    def line(self, *path: Any) -> int | None:
        p: Path_ = tuple(path)
        while True:
            if p in self:
                return self[p]
            if not p:
                return None
            p = p[:-1]
