"""Rule family: claims."""
