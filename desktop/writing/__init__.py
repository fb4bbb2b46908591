"""Pure text logic: counting rules, limit parsing, diffs. No Qt, no I/O."""
