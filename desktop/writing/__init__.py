"""Pure text logic: counting rules, limit parsing, checks, diffs. No Qt; reads only resources."""
