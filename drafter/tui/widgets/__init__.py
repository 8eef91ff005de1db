"""The main screen's widgets: each shows what it is handed and posts its own messages."""
