"""Writing: the application view, each question's editor, its count, history, dialogs."""
