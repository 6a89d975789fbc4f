"""Rule family: table."""
