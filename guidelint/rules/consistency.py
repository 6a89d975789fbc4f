"""Rule family: consistency."""
