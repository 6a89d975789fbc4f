"""A compensation table lined up with the frontmatter list it shows.

:func:`guidelint.tablecompare.compare` fills a :class:`Comparison`: which row
shows which entry, the findings, and the cells a fix rewrites.  The rules,
sync and the fixer read it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from guidelint.currencies import currency_code
from guidelint.edits import CURRENCY_DESCRIPTION, FILL_DESCRIPTION, set_field
from guidelint.money import to_decimal

if TYPE_CHECKING:
    from guidelint.diagnostics import Fix
    from guidelint.document import Guide
    from guidelint.markdown import Row
    from guidelint.money import Parsed
    from guidelint.tablemapping import ColumnSpec, TableMapping
    from guidelint.tables import Table


@dataclass(frozen=True)
class Finding:
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


@dataclass
class Comparison:
    """The table lined up with the frontmatter list it shows."""

    guide: Guide
    mapping: TableMapping
    symbols: dict[str, str]
    items: list[tuple[int, dict[str, Any]]]  # (index in the list, item) with a usable key
    table: Table | None = None
    others: list[Table] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    row_items: dict[int, int] = field(default_factory=dict)  # row number -> item number
    duplicate_rows: set[int] = field(default_factory=set)
    extra_rows: set[int] = field(default_factory=set)  # no frontmatter item
    missing_items: list[int] = field(default_factory=list)
    stale: set[tuple[int, int]] = field(default_factory=set)  # (row, header index)
    unbacked: set[tuple[int, int]] = field(default_factory=set)  # cells only GL306 finds
    # (entry, field) of null fields whose cell says the pay is not paid (`—`, `None`)
    unpaid: set[tuple[str, str]] = field(default_factory=set)
    currency_entries: list[tuple[str, str]] = field(default_factory=list)  # (entry, currency)
    row_currencies: dict[str, frozenset[str]] = field(default_factory=dict)  # key -> shown
    parsed: list[Parsed] = field(default_factory=list)
    cell_parsed: dict[tuple[int, int], Parsed] = field(default_factory=dict)  # (line, column)
    shown: list[tuple[str | None, Parsed]] = field(default_factory=list)  # (its field, cell)
    guesswork: bool = False  # the frontmatter is too broken to regenerate from

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

        return replace(
            self,
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
