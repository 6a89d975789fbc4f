"""What a check may know besides the guide: the run's date, settings and schema."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from guidelint.config import Settings
from guidelint.validation import SchemaInfo

if TYPE_CHECKING:
    from guidelint.comparison import Comparison
    from guidelint.document import Guide


@dataclass(frozen=True)
class Context:
    """What every rule may read besides the guide: the date, the settings, the schema.

    The linter makes one context per guide it lints (``guide``), which holds what
    several rules derive from that guide once: the table lined up with the
    frontmatter.  A context made without a guide derives nothing and shares nothing.
    """

    today: dt.date
    settings: Settings
    schema: SchemaInfo
    guide: Guide | None = field(default=None, compare=False, repr=False)

    @cached_property
    def comparison(self) -> Comparison | None:
        """The guide's first table with the key column lined up with its frontmatter
        (``tablecompare.compare``), shared by the table, consistency and claims rules."""
        from guidelint.tablecompare import line_up

        return line_up(self.guide, self) if self.guide is not None else None
