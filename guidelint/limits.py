"""The bounds on work done for one guide, in one place.

Guides arrive in pull requests from strangers; every file's cost is capped
so that no single file can make a run slow or large.
"""

DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024  # bytes; larger files are reported, not parsed
ALIAS_BUDGET = 20_000  # YAML values reached again through aliases
NODE_LIMIT = 200_000  # YAML values in all
DEPTH_LIMIT = 100  # nested YAML lists and mappings
