"""GL90x: problems with inline suppressions.

:mod:`guidelint.suppressions` reports these while it applies the comments;
this module only documents them.
"""

from guidelint.registry import rule

rule(
    "GL901",
    "unused-suppression",
    "warning",
    "a suppression comment silenced nothing",
    what="""
        A `guidelint-disable-next-line`, `guidelint-disable` block,
        `guidelint-disable-file` comment or a frontmatter `# guidelint: disable=`
        comment names a code (or prefix) for which no finding occurred where it
        applies. Each unused code is reported at its position in the comment.
        Codes of rules that did not run (deselected with `--select`/`--ignore`)
        are not reported.
        """,
    why="""
        Suppressions outlive the problems they hid: once the figure is fixed the
        comment stays and would silently hide the next real problem on that line.
        """,
    example="""
        ```markdown
        <!-- guidelint-disable-next-line GL501 -->
        Base pay is set by level and region.
        ```
        """,
    fix="Delete the comment, or remove the code that is no longer needed from it.",
)
rule(
    "GL902",
    "expired-suppression",
    "warning",
    "a suppression's `until=` date has passed",
    what="""
        A suppression carries `until=YYYY-MM-DD` and the run's date (`--today`,
        default today) is after it. The suppression no longer applies, so the
        findings it hid are reported again, and this warning points at the
        `until=` date.
        """,
    why="""
        Exceptions to the rules are granted for a reason that holds for a while
        ("figure confirmed with the recruiter"); like the guides themselves they
        need a re-review date so they are looked at again.
        """,
    example="""
        ```markdown
        <!-- guidelint-disable-next-line GL501 until=2026-03-31 -- checked with the recruiter -->
        ```
        """,
    fix="Re-check the finding; fix it, or renew the suppression with a new `until=` date.",
)
rule(
    "GL903",
    "invalid-suppression",
    "warning",
    "a suppression comment names an unknown code or is malformed",
    what="""
        A suppression comment names something that is not a rule code, a code
        prefix (`GL3`) or a rule name; uses an unknown directive such as
        `guidelint-disable-line`; has an `until=` value that is not a date; or is
        a `guidelint-enable` with no open `guidelint-disable` to close. Unknown
        codes suppress nothing.
        """,
    why="A typo in a suppression silently leaves the finding in place, or hides nothing at all.",
    example="""
        ```markdown
        <!-- guidelint-disable-next-line GL51 until=31/03/2027 -->
        ```
        """,
    fix="Use a code from `guidelint rules`, a directive from the list, and dates written YYYY-MM-DD.",
)
rule(
    "GL904",
    "unterminated-suppression",
    "info",
    "a `guidelint-disable` block is never closed",
    what="""
        A `<!-- guidelint-disable CODES -->` comment has no later
        `<!-- guidelint-enable CODES -->`, so it applies to the end of the file.
        """,
    why="""
        A block that runs to the end of the file usually means the closing comment
        was forgotten, and it hides problems in sections added later.
        """,
    example="""
        ```markdown
        <!-- guidelint-disable GL3 -->
        | Region | Base Salary |
        ```
        """,
    fix="""
        Add `<!-- guidelint-enable GL3 -->` where the exception ends, or use
        `guidelint-disable-file` if the whole file is meant.
        """,
)
