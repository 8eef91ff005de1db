"""Small shared helpers below the middle layers: atomic files, safe names, YAML with line numbers.

Only the standard library, PyYAML and the model. No Jinja, docx or Textual here.
"""
