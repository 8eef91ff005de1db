"""The terminal UI (Textual): browse the catalogue, arrange a plan, fill in values, preview,
check and render — the same library calls the CLI makes.

Only this package imports textual; `drafter.cli.tui_cmd` imports it lazily, so every other
command starts without it. Layout: `app.py` wires, `screens/` control, `widgets/` show,
`dialogs/` ask; `session.py`, `preview.py`, `fields.py`, `checks.py` and `autosave.py` are
plain Python.
Nothing here writes the catalogue.
"""
