"""GL3xx: the frontmatter against the Markdown table that shows it.

Which list, key column and value columns are compared comes from the guide
schema's ``x-guidelint-table`` annotation (see :mod:`guidelint.tablemapping`), so a
guide type with another table needs only another schema.
"""

from __future__ import annotations

from collections.abc import Iterator

from guidelint.context import Context
from guidelint.diagnostics import Diagnostic, problem
from guidelint.document import Guide
from guidelint.markdown import TableBlock
from guidelint.registry import check, rule
from guidelint.rules.consistency import annotation, doubtful_entries
from guidelint.tablecompare import compare, is_amount, unmapped_money
from guidelint.tablefix import TABLE_CODES, rewrite_fix
from guidelint.tablenotes import bonus_fields, unheld_bonus

TABLE_OPTION = "schema (the guide schema's `x-guidelint-table` annotation maps the table)"

rule(
    "GL301",
    "missing-table",
    "error",
    "the frontmatter has compensation data but the body has no table for it",
    what="""
        The frontmatter list that the schema maps to a table (`compensation` for
        company guides) has entries, but no GFM table in the body has the key
        column (`Region`). The diagnostic points at the list's key.
        """,
    why="Readers see the table, not the frontmatter: without it they negotiate without the numbers.",
    example="""
        ```markdown
        ---
        compensation:
          - region: London
            base_low: 148000
            ...
        ---
        ### ML/AI Engineer | Anyscale
        (no `| Region | ... |` table anywhere)
        ```
        """,
    fix="Add a table whose header has the key column and one row per frontmatter entry.",
    options=(TABLE_OPTION,),
)
rule(
    "GL302",
    "table-region-missing",
    "error",
    "a frontmatter region has no row in the table",
    what="""
        An entry of the mapped frontmatter list has no table row whose key cell
        names it. Rows match case-insensitively with whitespace normalised; row
        order does not matter. A trailing list of currencies is not part of
        the name, with or without qualifiers: the `Canada (CAD/USD equiv)`
        column and the `Nordics (SEK/DKK)` column show `Canada` and `Nordics`
        (the words allowed are data: `guidelint/data/tables.json`). The
        diagnostic points at the table's header.
        """,
    why="The site shows the region and its figures; readers of the page never see them.",
    example="""
        ```markdown
        compensation: [San Francisco, New York, London]   # in the frontmatter

        | Region | Base Salary |
        |--------|-------------|
        | San Francisco | $195K–$255K |
        | New York | $190K–$250K |
        ```
        """,
    fix="Add the row. The fix appends it, written from the frontmatter in the table's own style.",
    options=(TABLE_OPTION,),
    fixable=True,
)
rule(
    "GL303",
    "table-region-extra",
    "error",
    "a table row has no frontmatter region",
    what="""
        A table row's key cell names no entry of the frontmatter list, or names
        one a second time. The message suggests the closest frontmatter name,
        which is usually a typo or a renamed region.
        """,
    why="A row without frontmatter data is invisible to search and comparisons, and often a stale leftover.",
    example="""
        ```markdown
        | Region | Base Salary |
        |--------|-------------|
        | Londn | £148K–£194K |
        ```
        """,
    fix="""
        Correct the region name, add the region to the frontmatter, or delete
        the row. The safe fix rewrites the other rows but keeps this one;
        `--unsafe-fixes` also drops rows with no frontmatter region. Duplicate
        rows are dropped by the safe fix.
        """,
    options=(TABLE_OPTION,),
    fixable=True,
)
rule(
    "GL304",
    "table-currency-mismatch",
    "error",
    "a table cell is in another currency than its row's frontmatter entry",
    what="""
        A money cell shows a currency (`$`, `£`, `CHF`, `USD`...) that differs
        from the row's `currency` field. Symbols map to ISO codes through a
        built-in table; `$` means USD. Where the region has no GL203, the
        row's GL304 is the region's one finding: its other GL304, GL206 and
        GL307 findings, and the GL306 figures its currency kept from being
        filled, are folded into it.
        """,
    why="A London row in dollars misstates pay by the exchange rate.",
    example="""
        ```markdown
        | London | $148K–$194K |     # currency: GBP
        ```
        """,
    fix="Write the figure in the row's currency. The fix rewrites the cell from the frontmatter.",
    options=(
        TABLE_OPTION,
        'currency-symbols (extra symbol -> ISO code entries, e.g. `{"$" = "CAD"}`)',
    ),
    fixable=True,
)
rule(
    "GL305",
    "table-value-mismatch",
    "error",
    "a table figure differs from the frontmatter beyond display rounding",
    what="""
        A base, stock, bonus or total figure in the table does not match the
        frontmatter field it shows. Display rounding is allowed: `$196K` agrees
        with 195500 (it rounds to 196K), `$197K` does not. A cell showing no
        figure (empty, `—`, `N/A`, or words such as `Pending` or `Competitive`)
        disagrees with a field that has a value: the table hides a figure the
        guide holds, and the fix writes the frontmatter's figure in. The fix
        leaves alone the row of an entry whose figures have a consistency
        finding (GL201, GL202, GL205, GL206).
        """,
    why="Readers negotiate with the table's numbers; the site and comparisons use the frontmatter's.",
    example="""
        ```markdown
        total_comp_high: 370000
        | San Francisco | ... | $270K–$375K |
        ```
        reports `total comp high is $375K in the table but total_comp_high is 370000`.
        """,
    fix="Decide which figure is right and make the other agree. The fix rewrites the cell from the frontmatter.",
    options=(TABLE_OPTION,),
    fixable=True,
)
rule(
    "GL306",
    "table-unbacked-figure",
    "warning",
    "the table shows a figure that no frontmatter field holds",
    what="""
        A cell shows a figure for which the frontmatter has no field, or holds
        `null` ("not known"): a range's upper end when the entry has no `_high`
        field (a bonus of `5–15%` with only `bonus_pct: 5`), or any figure in a
        column whose fields are all absent or null. Cells that show no figure
        (`—`, `N/A`, `Varies`, `Included`, words alone such as `Competitive`)
        agree with a null or missing field.

        A column that no field maps but whose cells show amounts in most rows
        (`Carried Interest`, a combined `Stock/Bonus`) is one finding on its
        header: no frontmatter field is compared with its figures. A bonus
        that the note in italics right under the table states
        (`*Total compensation includes ... a 10% performance bonus.*`) while no
        entry sets a bonus field is one finding on the note's figure.

        A field that no entry sets while the table shows it in two or more
        rows (every bonus's high end dropped) is one finding on the column's
        header, with each row's finding folded in as a related location (in a
        table with a column per region, one finding on the row's label); the
        fix still fills every row. A figure that a region's wrong currency
        keeps from being filled is folded into that region's GL203 or GL304.
        """,
    why="""
        The figure cannot be searched or compared, and nobody checks it when
        the data is updated. Guide sets whose frontmatter was generated from
        their tables often dropped such figures.
        """,
    example="""
        ```markdown
        bonus_pct: 5
        | San Francisco | ... | 5–15% | ... |
        ```
        """,
    fix="""
        Add the missing field (`bonus_pct_high: 15`). The fix does this: the
        table shows what readers see and is usually right, so the figure goes
        into the frontmatter entry (after its partner field, in the entry's
        indentation, or in place of `null`) and the table stays byte for byte.
        Showing only what the frontmatter holds (`5%`) is the unsafe fix
        (`--unsafe-fixes`). No figure is written from a cell in another
        currency than the entry's, nor for an entry whose own figures fail
        the schema (a figure written as text) or the consistency checks
        (GL2xx); a schema finding elsewhere in the frontmatter (a missing
        `role_display`) does not stop a fix.
        """,
    options=(TABLE_OPTION,),
    fixable=True,
)
rule(
    "GL307",
    "table-malformed",
    "error",
    "the table cannot be read: a column is missing or a cell is not a figure",
    what="""
        A required mapped column is missing from the table's header, a cell
        cannot be read as an amount or percentage, a row has missing or extra
        cells, a row's key cell is empty, or the guide has a second
        compensation table (only the first is compared, and the second is
        reported rather than silently ignored). Real spellings are read:
        `$195K`, `$195,000`, `195K`, `$140K-$352K+`, `CHF 120K`, `SGD 180K`,
        `A$`/`C$`/`S$`/`HK$`, `₹20L`, `₹30 LPA`, `₹36,00,000`, `HK$1.29M`,
        `/4yr`, `(target)`, `**bold**`, a citation after the figure (`[2]`,
        `[^lv]`, `¹`, `*`), `~$195K`, ranges with `–`, `—`, `-` or `to`, a
        ceiling (`Up to $50K`, compared with and filled into the column's `_high`
        field when it has one), and dual-currency cells (`£75K / $95K`, whose second part is
        a conversion). `—`, `N/A`, `TBD`, `Included`, `Varies` and other words
        alone (`Competitive`, `Equity only`) show no figure; a placeholder
        (`$XXK`) is reported.

        Every ISO 4217 code is a currency when written in capitals (`PEN 120K`,
        `VND 950M`, `KZT 18M`), and `kr` is the row's krona (SEK, NOK, DKK or
        ISK, from the entry's currency or its region's). A cell that gives a
        share of another region's pay (`Varies by city (70-90% of SF)`,
        `BRL equivalent (~50% of US)`, `~0.5x US`) is a relative figure and is
        left alone; a share of a pay component (`10-15% of base`) is a
        percentage. Where a region's header names two currencies
        (`Canada (CAD/USD equiv)`), a cell in either is not in another
        currency, and one in the currency that is not the entry's is a
        conversion, not compared. A table keyed by `Company`, `Title` or
        `Role`, or whose first column is one, and whose key cells name none of
        the entries compares employers or titles and is not read as a
        compensation table.
        """,
    why="What guidelint cannot read it cannot check, and readers stumble on the same cells.",
    example="""
        ```markdown
        | Region | Base Salary | Stock |
        |--------|-------------|-------|
        | London | about a hundred | £131K–£236K |
        ```
        """,
    fix="""
        Write figures as `$195K`, `$195,000`, `£148K–£194K`, `CHF 150K`,
        `₹20L` or `5–15%`; add the missing column; merge or retitle the second
        table.
        """,
    options=(TABLE_OPTION, "currency-symbols"),
)


def _shows_money(table: TableBlock) -> bool:
    """Whether a table's cells hold amounts (`$195K`): a compensation table in some layout."""
    return any(is_amount(cell.text) for row in table.body[:50] for cell in row.cells[1:])


@check("GL301", "GL302", "GL303", "GL304", "GL305", "GL306", "GL307")
def check_table(guide: Guide, ctx: Context) -> Iterator[Diagnostic]:
    comparison = compare(guide, ctx)
    if comparison is None:
        return
    mapping = comparison.mapping
    if comparison.table is None:
        listed = (guide.data or {}).get(mapping.list) or []
        if listed:
            line, column = guide.key_position(mapping.list)
            count = len(listed)
            message = (
                f"`{mapping.list}` has {count} {'entry' if count == 1 else 'entries'} but the"
                f" body has no table with a `{mapping.key_column}` column"
            )
            others = [b for b in guide.blocks if b.table is not None and _shows_money(b.table)]
            if others:
                # One finding for the guide, naming the table that was not understood.
                first = others[0].table
                assert first is not None
                header = " | ".join(cell.text for cell in first.header.cells)
                message += (
                    f" or in another layout the schema maps; the table on line {first.header.line}"
                    f" (`{header[:60]}`) shows none of its entries"
                )
            yield problem("GL301", line, column, message)
        return
    fix = None
    # Which entries' figures are doubtful matters only to a finding's fix.
    doubtful = doubtful_entries(guide, ctx) if comparison.findings else {}
    if any(f.code in TABLE_CODES and f.fixable and not f.fill for f in comparison.findings):
        fix = rewrite_fix(comparison.trusting_only(doubtful))
    for finding in comparison.findings:
        if finding.fill and finding.entry and not comparison.guesswork:
            own = comparison.fill_fix(finding)
        elif doubtful and comparison.shows_doubtful(doubtful, finding.line, finding.column):
            own = None  # the entry's figures are doubtful: the table keeps what it shows
        else:
            # The table fix never removes a figure the frontmatter lacks (GL306):
            # that is the unsafe fix's job.
            fixable = finding.fixable and finding.code != "GL306"
            own = fix if finding.code in TABLE_CODES and fixable else None
        yield problem(
            finding.code,
            finding.line,
            finding.column,
            finding.message,
            end_line=finding.end_line,
            end_column=finding.end_column,
            fix=own,
        )
    for title, shown in unmapped_money(comparison.table):
        yield problem(
            "GL306",
            title.line,
            title.column,
            f"the `{title.text}` column shows amounts in {shown} rows, but the schema maps"
            f" no `{mapping.list}` field to it: its figures are checked against nothing",
            end_line=title.line,
            end_column=title.end_column,
        )
    _, bonus = bonus_fields(annotation(ctx).get("totals"))
    listed = (guide.data or {}).get(mapping.list)
    entries = listed if isinstance(listed, list) else []
    for figure, name in unheld_bonus(guide, comparison.table.line, entries, bonus):
        yield problem(
            "GL306",
            figure.line,
            figure.column,
            f"the note under the table gives a {figure.text} bonus, but no entry sets {name}",
            end_line=figure.line,
            end_column=figure.end_column,
        )
    for other in comparison.others:
        yield problem(
            "GL307",
            other.line,
            other.header.cells[0].column,
            f"a second table with a `{mapping.key_column}` column; only the table on line"
            f" {comparison.table.line} is compared with `{mapping.list}`: merge them or"
            f" rename this one's `{other.headers[other.key_index]}` column",
        )
