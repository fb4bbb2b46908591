"""Importing essays written elsewhere: files (.txt, .md, .docx, .hwpx) into question blocks."""
