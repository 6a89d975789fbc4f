"""Rule family: meta."""
