"""The terminal UI (Textual): browse the catalogue, arrange a plan, fill in values, preview,
check and render — the same library calls the CLI makes.

Only this package imports textual; `drafter.cli.tui_cmd` imports it lazily, so every other
command starts without it. Layout: `app.py` wires, `controller/` decides (plain Python: the
plan session and every action), `screens/` bind keys and redraw, `widgets/` show, `dialogs/`
ask; `preview.py`, `fields.py`, `checks.py` and `autosave.py` are plain Python too.
Nothing here writes the catalogue.
"""
