"""Writing help beside the editor: checks, suggestions and ghost text, critiques, drafts."""
