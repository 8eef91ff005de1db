"""The miner: source documents in, MinedDocuments and catalogue entries out.

Public names, for cli, tui and other packages' callers (import-linter holds cli and tui to
them); each is imported from its module on first use, so importing the package costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.util.lazy import exports

if TYPE_CHECKING:
    from drafter.mine.catalogue_build import build_catalogue
    from drafter.mine.into_catalogue import MinedCatalogue, mine_into_catalogue
    from drafter.mine.pipeline import mine_file, mine_files, mine_source
    from drafter.mine.read import read_source
    from drafter.mine.readers import read_document, read_documents
    from drafter.mine.to_plan import import_document

__all__ = [
    "MinedCatalogue",
    "build_catalogue",
    "import_document",
    "mine_file",
    "mine_files",
    "mine_into_catalogue",
    "mine_source",
    "read_document",
    "read_documents",
    "read_source",
]
__getattr__ = exports(__name__, {
    "import_document": "to_plan",
    "mine_file": "pipeline",
    "mine_files": "pipeline",
    "mine_source": "pipeline",
    "read_document": "readers",
    "read_documents": "readers",
    "read_source": "read",
    "MinedCatalogue": "into_catalogue",
    "mine_into_catalogue": "into_catalogue",
    "build_catalogue": "catalogue_build",
})
