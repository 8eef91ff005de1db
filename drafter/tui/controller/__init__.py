"""The TUI's controller: the plan being edited and every action on it, in plain Python.

Why: the main screen only binds keys, opens dialogs and redraws; what an action does, when it
applies and what the user is told are decided here, tested without a terminal. Nothing here
imports Textual (an import-linter contract says so). Modules: `selection` (a place in the
plan), `history` (undo snapshots), `state` (bookkeeping and lookup), `edits` (structure and
text), `session` (values and 待核实), `main` (the main screen's state and decisions),
`availability` (when each action applies), `files` (plans, recovery copies, output paths),
`imports` (documents in, edits back), `titles` (an item's one-line name).
"""
