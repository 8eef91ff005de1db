"""Small shared helpers below the middle layers: atomic files, safe names, YAML with line numbers.

Only the standard library, PyYAML, Jinja2's parser (never rendering) and the model.
No docx or Textual here.
"""
