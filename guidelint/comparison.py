"""A compensation table lined up with the frontmatter list it shows.

:func:`guidelint.tablecompare.compare` fills a :class:`Comparison`: which row
shows which entry, the findings, and the cells a fix rewrites.  The rules,
sync and the fixer read it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from guidelint.currencies import currency_code
from guidelint.edits import CURRENCY_DESCRIPTION, FILL_DESCRIPTION, set_field
from guidelint.money import to_decimal
from guidelint.records import Record
from guidelint.tables import Extra, key_of

if TYPE_CHECKING:
    from guidelint.diagnostics import Fix
    from guidelint.document import Guide
    from guidelint.markdown import Row
    from guidelint.money import Parsed
    from guidelint.tablemapping import ColumnSpec, TableMapping
    from guidelint.tables import Table


class Finding(NamedTuple):
    """A GL3xx problem before it becomes a diagnostic."""

    code: str
    line: int
    column: int
    message: str
    end_line: int | None = None
    end_column: int | None = None
    currency: str | None = None  # GL304: the currency the table shows
    shown: str = ""  # GL304: the cell text showing it
    fill: tuple[str, Decimal] | None = None  # GL306: the field and the figure to write
    fixable: bool = True  # False when the table fix leaves this finding's cell alone
    entry: str = ""  # GL306: the frontmatter path of the entry to write it into


class _Unknown:
    """A field that cannot be compared: required but absent, or of the wrong type."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()


class Comparison(Record):
    """The table lined up with the frontmatter list it shows."""

    __slots__ = (
        "guide",
        "mapping",
        "symbols",
        "items",
        "table",
        "others",
        "findings",
        "row_items",
        "duplicate_rows",
        "extra_rows",
        "missing_items",
        "stale",
        "unbacked",
        "unpaid",
        "currency_entries",
        "row_currencies",
        "parsed",
        "cell_parsed",
        "shown",
        "guesswork",
        "extra",
    )

    def __init__(
        self,
        guide: Guide,
        mapping: TableMapping,
        symbols: dict[str, str],
        items: list[tuple[int, dict[str, Any]]],  # (index in the list, item) with a usable key
        table: Table | None = None,
        others: list[Table] | None = None,
        findings: list[Finding] | None = None,
        row_items: dict[int, int] | None = None,  # row number -> item number
        duplicate_rows: set[int] | None = None,
        extra_rows: set[int] | None = None,  # no frontmatter item
        missing_items: list[int] | None = None,
        stale: set[tuple[int, int]] | None = None,  # (row, header index)
        unbacked: set[tuple[int, int]] | None = None,  # cells only GL306 finds
        # (entry, field) of null fields whose cell says the pay is not paid (`—`, `None`)
        unpaid: set[tuple[str, str]] | None = None,
        currency_entries: list[tuple[str, str]] | None = None,  # (entry, currency)
        row_currencies: dict[str, frozenset[str]] | None = None,  # key -> shown
        parsed: list[Parsed] | None = None,
        cell_parsed: dict[tuple[int, int], Parsed] | None = None,  # (line, column)
        shown: list[tuple[str | None, Parsed]] | None = None,  # (its field, cell)
        guesswork: bool = False,  # the frontmatter is too broken to regenerate from
        extra: Extra = (),  # the configured currency symbols, for key_of
    ) -> None:
        self.guide = guide
        self.mapping = mapping
        self.symbols = symbols
        self.items = items
        self.table = table
        self.others = [] if others is None else others
        self.findings = [] if findings is None else findings
        self.row_items = {} if row_items is None else row_items
        self.duplicate_rows = set() if duplicate_rows is None else duplicate_rows
        self.extra_rows = set() if extra_rows is None else extra_rows
        self.missing_items = [] if missing_items is None else missing_items
        self.stale = set() if stale is None else stale
        self.unbacked = set() if unbacked is None else unbacked
        self.unpaid = set() if unpaid is None else unpaid
        self.currency_entries = [] if currency_entries is None else currency_entries
        self.row_currencies = {} if row_currencies is None else row_currencies
        self.parsed = [] if parsed is None else parsed
        self.cell_parsed = {} if cell_parsed is None else cell_parsed
        self.shown = [] if shown is None else shown
        self.guesswork = guesswork
        self.extra = extra

    def key(self, text: str) -> str:
        """How an entry's name compares (:func:`~guidelint.tables.key_of`)."""
        return key_of(text, self.extra)

    def value(self, item: dict[str, Any], name: str | None) -> Any:
        """A numeric field as Decimal; None when absent or null (not known); else UNKNOWN."""
        if name is None:
            return None
        if name not in item:
            return UNKNOWN if name in self.mapping.required else None
        if item[name] is None:
            return None
        number = to_decimal(item[name])
        # Negative figures fail the schema and could not be written back as cells.
        return UNKNOWN if number is None or number < 0 else number

    def effective(self, spec: ColumnSpec, item: dict[str, Any]) -> ColumnSpec:
        """A percentage column read as amounts when the entry holds its bonus as amounts."""
        if not spec.takes_amounts:
            return spec
        if not self.holds(item, spec):
            amount = spec.as_amount()
            if self.holds(item, amount):
                return amount
        return spec

    def holds(self, item: dict[str, Any], spec: ColumnSpec) -> bool:
        """Whether the entry has a value (a figure or an unreadable one) for the column."""
        return self.value(item, spec.low) is not None or self.value(item, spec.high) is not None

    def currency_of(self, item: dict[str, Any]) -> str | None:
        """The entry's currency as an ISO code: ``usd`` and ``$`` are USD here (the
        schema reports their spelling once; the table is not held against it)."""
        name = self.mapping.currency
        value = item.get(name) if name else None
        if not isinstance(value, str) or not value.strip():
            return None
        return currency_code(value, self.symbols)

    def entry_path(self, item_number: int) -> str:
        """The frontmatter path of the entry ``self.items[item_number]``."""
        return f"{self.mapping.list}/{self.items[item_number][0]}"

    def shown_entries(self) -> Iterator[tuple[Row, str]]:
        """Each table row that shows a frontmatter entry, with that entry's path."""
        for number, row in enumerate(self.table.rows if self.table is not None else ()):
            item = self.row_items.get(number)
            if item is not None:
                yield row, self.entry_path(item)

    def shows_doubtful(self, entries: Collection[str], line: int, column: int) -> bool:
        """Whether (line, column) lies in a cell that shows one of ``entries``."""
        return any(
            line == at and start <= column <= end for at, start, end in self.doubtful_cells(entries)
        )

    def doubtful_cells(self, entries: Collection[str]) -> set[tuple[int, int, int]]:
        """(line, first column, end column) of every cell that shows one of ``entries``."""
        return {
            (cell.line, cell.column, cell.end_column)
            for row, path in self.shown_entries()
            if path in entries
            for cell in row.cells
        }

    def trusting_only(self, doubtful: Collection[str]) -> Comparison:
        """This comparison with the rows of the ``doubtful`` entries left as they are:
        their frontmatter has a consistency finding, and copying it into the table
        would spread the mistake to what readers see."""
        if not doubtful:
            return self

        def trusted(number: int) -> bool:
            item = self.row_items.get(number)
            return item is None or self.entry_path(item) not in doubtful

        return self._replace(
            stale={(row, index) for row, index in self.stale if trusted(row)},
            unbacked={(row, index) for row, index in self.unbacked if trusted(row)},
            missing_items=[n for n in self.missing_items if self.entry_path(n) not in doubtful],
        )

    @property
    def fixable(self) -> bool:
        """Whether the table can be rewritten from the frontmatter."""
        table = self.table
        return table is not None and not self.guesswork and not table.missing_columns

    def set_entry_field(
        self, entry: str, name: str, value: Any, description: str = FILL_DESCRIPTION
    ) -> Fix | None:
        """A Fix writing one field of the frontmatter entry at ``entry``, in the mapping's order."""
        return set_field(self.guide, entry, name, value, self.mapping.fields, description)

    def fill_fix(self, finding: Finding, description: str = FILL_DESCRIPTION) -> Fix | None:
        """For a figure the frontmatter lacks (GL306): the Fix writing it into its entry."""
        if not finding.fill or not finding.entry:
            return None
        name, value = finding.fill
        return self.set_entry_field(finding.entry, name, value, description)

    def currency_fixes(self) -> list[Fix]:
        """Unsafe: set ``currency`` of each entry whose whole row is in another currency."""
        name = self.mapping.currency
        if not name or self.guesswork:
            return []
        fixes = []
        for entry, currency in self.currency_entries:
            fix = self.set_entry_field(entry, name, currency, CURRENCY_DESCRIPTION)
            if fix is not None:
                fixes.append(fix)
        return fixes
