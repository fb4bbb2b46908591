"""The counselor's tools: import, batch critiques, pinned comments, approving and exporting."""
