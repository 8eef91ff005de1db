"""Where drafter's data lives: the bundled catalogue and templates inside the package, user state.

Bundled data is package data (drafter/data/), found with importlib.resources so that an installed
wheel works the same as a checkout. Users override it in their own folder ($DRAFTER_HOME).
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path


def package_data_dir() -> Path:
    """drafter/data inside the installed package (a real folder: drafter is never zip-imported)."""
    return Path(str(files("drafter").joinpath("data")))


def bundled_catalog_dir() -> Path:
    """The catalogue `make run` opens: $DRAFTER_CATALOG or the catalogue shipped in the package."""
    return Path(os.environ.get("DRAFTER_CATALOG") or package_data_dir() / "catalog")


def templates_dir() -> Path:
    """Built-in templates and style profiles."""
    return package_data_dir() / "templates"


def user_data_dir() -> Path:
    """Per-user state (autosave, recovery copies, caches): $DRAFTER_HOME or ~/.drafter."""
    return Path(os.environ.get("DRAFTER_HOME") or Path.home() / ".drafter")


def user_catalog_dir() -> Path:
    """The user's own catalogue (what `drafter import` adds to by default): it overlays the
    bundled one wherever no --catalog is given."""
    return user_data_dir() / "catalog"
