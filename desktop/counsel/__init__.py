"""Counselor work without Qt (save the PDF writer): reports, exports, training data."""
