"""Models: backends, prompts, tasks, model files. No Qt; heavy libraries load lazily."""
