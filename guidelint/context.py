"""What a check may know besides the guide: the run's date, settings and schema."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import TYPE_CHECKING

from guidelint.config import Settings
from guidelint.validation import SchemaInfo

if TYPE_CHECKING:
    from guidelint.comparison import Comparison
    from guidelint.diagnostics import Diagnostic
    from guidelint.document import Guide


class Context:
    """What every rule may read besides the guide: the date, the settings, the schema.

    The linter makes one context per guide it lints (``guide``), which holds what
    several rules derive from that guide once: the table lined up with the
    frontmatter, and GL205's sums.  A context made without a guide derives nothing
    and shares nothing.  Its fields never change; it is a plain class, not
    slotted, since ``comparison``, a ``cached_property``, needs ``__dict__``.
    """

    def __init__(
        self, today: dt.date, settings: Settings, schema: SchemaInfo, guide: Guide | None = None
    ) -> None:
        self.today = today
        self.settings = settings
        self.schema = schema
        self.guide = guide
        # GL205's and GL207's findings by ``table_figures``, filled by :meth:`totals`
        self._sums: dict[bool, tuple[Diagnostic, ...]] = {}

    def __repr__(self) -> str:
        return f"Context(today={self.today!r}, settings={self.settings!r}, schema={self.schema!r})"

    @cached_property
    def comparison(self) -> Comparison | None:
        """The guide's first table with the key column lined up with its frontmatter
        (``tablecompare.compare``), shared by the table, consistency and claims rules."""
        from guidelint.tablecompare import line_up

        return line_up(self.guide, self) if self.guide is not None else None

    def totals(self, guide: Guide, *, table_figures: bool) -> tuple[Diagnostic, ...]:
        """GL205's and GL207's findings for ``guide`` (``rules.totals.totals_findings``),
        worked out once each way for the context's own guide: the totals rule and the
        doubt the table rules have of an entry's figures read the same sums.  Another
        guide's are worked out afresh."""
        from guidelint.rules.totals import totals_findings

        if guide is not self.guide:
            return tuple(totals_findings(guide, self, table_figures=table_figures))
        if table_figures not in self._sums:
            self._sums[table_figures] = tuple(
                totals_findings(guide, self, table_figures=table_figures)
            )
        return self._sums[table_figures]
