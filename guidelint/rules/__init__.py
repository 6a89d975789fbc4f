"""Rule families.  Each module declares its rules with :func:`guidelint.registry.rule`
and its checks with :func:`guidelint.registry.check`."""
