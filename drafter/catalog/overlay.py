"""The catalogue a command uses when none is named: the bundled one with the user's own on top.

`drafter import` files last year's clauses into the user's own catalogue (under the drafter
home folder, never into the bundled one), and a plan it writes refers to them; `build`,
`check`, `roll` and the TUI must find them without a --catalog option. A user clause replaces
a bundled clause with the same id (the user's copy carries the variants the plan names).
"""

from __future__ import annotations

from pathlib import Path

from drafter.catalog.load import load_catalogue
from drafter.model.catalogue import Catalogue
from drafter.util.paths import bundled_catalog_dir, user_catalog_dir


def has_catalogue(folder: Path) -> bool:
    return folder.is_dir() and any(p.suffix in (".yaml", ".yml") for p in folder.iterdir())


def load_default_catalogue() -> Catalogue:
    """Bundled catalogue (empty when absent) overlaid with the user's own."""
    bundled = bundled_catalog_dir()
    cat = load_catalogue(bundled) if has_catalogue(bundled) else Catalogue()
    user = user_catalog_dir()
    if has_catalogue(user):
        cat = overlay(cat, load_catalogue(user))
    return cat


def overlay(base: Catalogue, own: Catalogue) -> Catalogue:
    """`base` with every clause of `own` added, replacing a same-id clause where it stands."""
    replaced = {c.id: c for c in own}
    out = Catalogue(level_terms=base.level_terms)  # the bundled 全市/全县 table, not an empty one
    for clause in base:
        out.add(replaced.pop(clause.id, clause))
    for clause in own:
        if clause.id in replaced:
            out.add(clause)
    return out


def adopt_shadowed(own: Catalogue | None, merged: Catalogue, base: Catalogue) -> Catalogue | None:
    """`own` plus, as they stand in `base`, the clauses `merged` would newly put over `base`.

    A clause the user's catalogue gains with an id the bundled one already has would replace
    the bundled clause wholesale (see `overlay`), taking away its wording and variants from
    plans that chose them. Merging into a copy of the bundled clause keeps them: the new
    wording becomes a variant, as `mine -o` does. None when there is nothing to adopt.
    """
    own_ids = {c.id for c in own} if own is not None else set()
    adopted = [c for c in base if c.id in merged and c.id not in own_ids]
    if not adopted:
        return None
    out = Catalogue(level_terms=(own or base).level_terms)
    for clause in (*(own or ()), *adopted):
        out.add(clause)
    return out


def seed_from_bundled(own: Catalogue | None, merged: Catalogue) -> Catalogue | None:
    """`adopt_shadowed` against the bundled catalogue: what a merge into the user's own
    catalogue must start from (None: `own` is right as it is). `import` (CLI and TUI) uses it."""
    bundled = bundled_catalog_dir()
    if not has_catalogue(bundled):
        return None
    return adopt_shadowed(own, merged, load_catalogue(bundled))


# The public name (drafter.catalog.overlay_catalogue): "overlay" is also this module's name.
overlay_catalogue = overlay
