"""The bounds on work done for one guide, in one place.

Guides arrive in pull requests from strangers; every file's cost is capped
so that no single file can make a run slow or large.
"""

DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024  # bytes; larger files are reported, not parsed
ALIAS_BUDGET = 20_000  # YAML values reached again through aliases
NODE_LIMIT = 200_000  # YAML values in all
DEPTH_LIMIT = 100  # nested YAML lists and mappings
ALIAS_CHARS = 1_000_000  # characters of text reached again through aliases
FIGURE_DIGITS = 18  # a YAML number with more digits is kept as the text written
FIGURE_LIMIT = 10**FIGURE_DIGITS  # numbers at or beyond this size, either sign, likewise
CONFIG_MAX_SIZE = 1024 * 1024  # bytes of a configuration file
SCHEMA_MAX_SIZE = 8 * 1024 * 1024  # bytes of a guide schema
BASELINE_MAX_SIZE = 64 * 1024 * 1024  # bytes of a baseline file
CACHE_MAX_SIZE = 256 * 1024 * 1024  # bytes of the cache file; a larger one is ignored
ENTRY_LIMIT = 1_000  # compensation entries read from one guide
ROW_LIMIT = 1_000  # rows of one Markdown table
BLOCK_LIMIT = 20_000  # paragraphs, headings, list items and tables of one body
MAX_FILE_SIZE_LIMIT = 64 * 1024 * 1024  # the largest max-file-size a configuration may set
