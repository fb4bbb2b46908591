"""``jaso eval``: run models over a set of essays and report how their critiques hold up."""
