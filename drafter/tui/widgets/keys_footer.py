"""The footer of live keys, rebuilt only when the keys it shows change.

Textual's Footer recomposes (every key widget unmounted, mounted again and restyled) on each
bindings refresh, and a refresh comes with every focus move and every redraw of the plan:
that was most of the CPU a keystroke cost. This footer compares what it would show with what
it shows and recomposes only on a difference, so what is on screen is the same.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.widgets import Footer


class KeysFooter(Footer):
    """Footer that recomposes only when its keys (shown, enabled, tooltip) changed."""

    _composed: Hashable = None  # the keys last composed; None before the first time

    def _keys_shown(self) -> Hashable:
        """Everything Footer.compose reads that can change while the app runs."""
        if not self._bindings_ready:
            return None
        palette = self.app.COMMAND_PALETTE_BINDING
        return (self.show_command_palette, self.combine_groups, tuple(
            (key, binding, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == palette))

    async def recompose(self) -> None:
        keys = self._keys_shown()
        if keys is not None and keys == self._composed:
            return
        self._composed = keys
        await super().recompose()
