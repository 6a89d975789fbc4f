"""What a check may know besides the guide: the run's date, settings and schema."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from guidelint.config import Settings
from guidelint.validation import SchemaInfo


@dataclass(frozen=True)
class Context:
    """What every rule may read besides the guide: the date, the settings, the schema."""

    today: dt.date
    settings: Settings
    schema: SchemaInfo
