"""Model tasks: continuation suggestions, drafts and critiques, over any backend."""
