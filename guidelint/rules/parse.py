"""GL00x: problems found while reading and parsing a guide.

These are reported by :mod:`guidelint.document` while it parses; this module
only documents them.  They are always errors.
"""

from guidelint.registry import rule

rule(
    "GL000",
    "internal-error",
    "error",
    "a rule crashed on this file",
    what="A check raised an unexpected exception while reading this guide.",
    why="A crash in one rule must not hide the findings of the others, or of other files.",
    example="Any guide that triggers a bug in guidelint.",
    fix="Report the message and the guide to guidelint's maintainers; other rules still ran.",
)
rule(
    "GL001",
    "unreadable-file",
    "error",
    "the file cannot be read, is not a regular file, is too large, or is not valid UTF-8",
    what="""
        The file could not be opened or read, is not a regular file (a FIFO, a
        device, a socket), is larger than `max-file-size` (default 2 MB), or its
        bytes are not valid UTF-8; the message names the byte offset of the first
        invalid byte. A guide with more than 1,000 compensation entries, a table
        of more than 1,000 rows or more than 20,000 body blocks is reported once,
        at the first one past the limit, and not checked further.
        """,
    why="Nothing else can be checked in a file that cannot be read as text.",
    example="A guide saved as Latin-1: `Z\\xfcrich` is byte 0xFC, not UTF-8.",
    fix="Re-save the file as UTF-8 (a byte-order mark is accepted), or fix its permissions.",
    options=("max-file-size",),
)
rule(
    "GL002",
    "missing-frontmatter",
    "error",
    "no `---` frontmatter block, or one that is never closed",
    what="""
        A guide must start with a line `---`, the YAML frontmatter, and a closing
        `---` line. Empty files, files without the opening line, and blocks that
        are never closed are reported.
        """,
    why="The frontmatter holds the guide's data; without it nothing can be cross-checked.",
    example="""
        ```markdown
        # ML Engineer at Anyscale
        | Region | Base Salary |
        ```
        """,
    fix="Add the frontmatter block at the top of the file and close it with `---`.",
)
rule(
    "GL003",
    "yaml-syntax",
    "error",
    "the frontmatter is not valid YAML",
    what="The YAML parser rejected the frontmatter; the position and text are the parser's own.",
    why="A syntax error makes every value in the frontmatter unusable.",
    example="""
        ```yaml
        compensation:
        \t- region: London   # a tab cannot indent YAML
        ```
        """,
    fix="Correct the YAML at the reported position; indent with spaces, quote values with `:`.",
)
rule(
    "GL004",
    "frontmatter-not-mapping",
    "error",
    "the frontmatter is a list or a scalar, not a mapping of keys",
    what="The frontmatter parsed, but it is a list, a single value or empty instead of `key: value` pairs.",
    why="Every field of a guide is looked up by name; a list or a scalar has no names.",
    example="""
        ```yaml
        - company: anyscale
        - role: ml-ai-engineer
        ```
        """,
    fix="Write the frontmatter as a mapping: `company: anyscale` on its own line, without `- `.",
)
rule(
    "GL005",
    "duplicate-key",
    "error",
    "a key appears twice in the same mapping",
    what="A key is repeated in one mapping, at any depth. The diagnostic points at the second occurrence and names the line of the first.",
    why="YAML parsers silently keep the last value, so one of the two figures is lost without a word.",
    example="""
        ```yaml
        - region: London
          base_low: 148000
          base_low: 150000
        ```
        """,
    fix="Keep the correct value and delete the other line.",
)
rule(
    "GL006",
    "unsafe-yaml",
    "error",
    "the frontmatter uses language-specific tags or an alias bomb",
    what="""
        The frontmatter uses a tag other than plain YAML data (`!!python/object`
        and friends), a recursive alias, aliases that expand to more than 20,000
        values or 1,000,000 characters of text (the "billion laughs" document), lists and mappings nested more
        than 100 levels deep, or more than 200,000 values in all. Such
        frontmatter is refused before it is walked further.
        """,
    why="Guides arrive from strangers in pull requests; their YAML must never run code or exhaust memory.",
    example="""
        ```yaml
        company: !!python/object/apply:os.system ["echo hi"]
        ```
        """,
    fix="Write plain values: strings, numbers, dates, lists and mappings, without custom tags or anchors.",
)
