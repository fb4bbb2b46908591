"""Qt widgets and dialogs; the only package that imports PySide6."""
