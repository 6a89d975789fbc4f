"""Rule family: freshness."""
