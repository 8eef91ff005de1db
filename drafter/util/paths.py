"""Where the bundled data lives: catalog/, templates/ and examples/ beside the package."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
REPO_ROOT = PACKAGE_DIR.parent


def bundled_catalog_dir() -> Path:
    """The catalogue `make run` opens: $DRAFTER_CATALOG or the repo's catalog/."""
    return Path(os.environ.get("DRAFTER_CATALOG") or REPO_ROOT / "catalog")


def templates_dir() -> Path:
    """Built-in templates and style profiles."""
    return REPO_ROOT / "templates"


def user_data_dir() -> Path:
    """Per-user state (autosave, recovery copies, caches): $DRAFTER_HOME or ~/.drafter."""
    return Path(os.environ.get("DRAFTER_HOME") or Path.home() / ".drafter")
