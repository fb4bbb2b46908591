"""The model: its worker thread, the assistant routing jobs, the manager, downloads."""
