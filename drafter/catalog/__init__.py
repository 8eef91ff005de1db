"""The catalogue: folders of YAML files in and out, validated, cached and searched.

Public names, for cli, tui and other packages' callers (import-linter holds cli and tui to
them); each is imported from its module on first use, so importing the package costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.util.lazy import exports

if TYPE_CHECKING:
    from drafter.catalog.dump import write_catalogue
    from drafter.catalog.load import check_catalogue, load_catalogue
    from drafter.catalog.overlay import (
        has_catalogue,
        load_default_catalogue,
        overlay_catalogue,
    )
    from drafter.catalog.search import Hit, SearchIndex
    from drafter.catalog.store import (
        open_catalogue,
        open_existing,
        save_catalogue,
        warm_catalogue,
    )

__all__ = [
    "Hit",
    "SearchIndex",
    "adopt_shadowed",
    "check_catalogue",
    "has_catalogue",
    "load_catalogue",
    "load_default_catalogue",
    "open_catalogue",
    "open_existing",
    "overlay_catalogue",
    "save_catalogue",
    "seed_from_bundled",
    "warm_catalogue",
    "write_catalogue",
]
__getattr__ = exports(__name__, {
    "open_catalogue": "store",
    "open_existing": "store",
    "save_catalogue": "store",
    "warm_catalogue": "store",
    "check_catalogue": "load",
    "load_catalogue": "load",
    "adopt_shadowed": "overlay",
    "has_catalogue": "overlay",
    "load_default_catalogue": "overlay",
    "overlay_catalogue": "overlay",
    "seed_from_bundled": "overlay",
    "write_catalogue": "dump",
    "Hit": "search",
    "SearchIndex": "search",
})
