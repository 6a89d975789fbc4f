"""Compiled regular expressions kept between runs, as Python keeps bytecode.

Compiling guidelint's patterns is most of the work of a run over one guide: a
check compiles about two hundred, some of them long alternations of the
vocabulary, and Python's ``re`` parses and translates each with code written in
Python (about a microsecond a character) in every new process.  What it makes
is a program, a list of integers that the C engine runs; ``re`` keeps none of
them between processes.

This module keeps them, beside guidelint's bytecode, in its ``__pycache__``
folder: a file per Python version (``patterns.cpython-311.bin``) holding, for
each pattern source and flags, the program and its groups.  A pattern found
there is handed to the engine at once; one not found is compiled as ``re``
compiles it, and a run that compiled any writes the file anew (atomically) at
its end.  The engine checks every program it is given, and a program equals
the one ``re.compile`` makes for the same source (the tests compare them), so a
stale or damaged file costs at most the compiling it was meant to save.  As for
bytecode, nothing is written when ``PYTHONDONTWRITEBYTECODE`` is set or the
folder is not writable, and on an interpreter whose ``re`` is not built this
way every pattern is simply compiled.
"""

from __future__ import annotations

import contextlib
import importlib
import marshal
import re
import sys
from array import array
from pathlib import Path
from typing import Any

# The parts of ``re`` that make a program, and the engine that takes one.
_sre: Any
_compiler: Any
_parser: Any
try:
    _sre, _compiler, _parser = map(importlib.import_module, ("_sre", "re._compiler", "re._parser"))
except ImportError:  # another implementation of Python: compile every pattern
    _sre = _compiler = _parser = None

_FORMAT = 1
_MAX_ENTRIES = 1024  # past this, a write keeps only the patterns its run used (a run uses ~260)
_CODE_TYPE = "I"  # the engine's code units are 32-bit
_USABLE = (
    _sre is not None
    and sys.implementation.name == "cpython"
    and array(_CODE_TYPE).itemsize == 4
    and all(hasattr(_sre, name) for name in ("compile", "MAGIC"))
    and hasattr(_compiler, "_code")
)

# A stored program: final flags, code units as bytes, groups, group index, index group.
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]


class Store:
    """Programs by (source, flags), read from ``path`` on first use."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: dict[tuple[str, int], _Entry] | None = None
        self._used: set[tuple[str, int]] = set()
        self._added = 0

    def compile(self, source: str, flags: int = 0) -> re.Pattern[str]:
        if not _USABLE:
            return re.compile(source, flags)
        key = (source, int(flags))
        entries = self._load()
        stored = entries.get(key)
        if stored is not None:
            with contextlib.suppress(Exception):  # a program the engine refuses: compile anew
                pattern = _engine(source, stored)
                self._used.add(key)
                return pattern
            del entries[key]
        try:
            entry = _program(source, key[1])
            pattern = _engine(source, entry)
        except Exception:
            return re.compile(source, flags)
        entries[key] = entry
        self._used.add(key)
        self._added += 1
        return pattern

    def save(self) -> None:
        """Write the programs back if this run compiled any, where bytecode may be written."""
        if not self._added or self.path is None or sys.dont_write_bytecode:
            return
        from guidelint.files import replacing

        entries = self._load()
        if len(entries) > _MAX_ENTRIES:
            entries = {key: entries[key] for key in self._used}
        record = (_FORMAT, _sre.MAGIC, sys.version, entries)
        with contextlib.suppress(OSError, ValueError):
            self.path.parent.mkdir(exist_ok=True)
            with replacing(self.path, mode=0o644) as handle:
                handle.write(marshal.dumps(record))
            self._added = 0

    def _load(self) -> dict[tuple[str, int], _Entry]:
        if self._entries is None:
            self._entries = {}
            if self.path is not None:
                with contextlib.suppress(Exception):  # missing, damaged, another format
                    record = marshal.loads(self.path.read_bytes())
                    if record[:3] == (_FORMAT, _sre.MAGIC, sys.version) and isinstance(
                        record[3], dict
                    ):
                        self._entries = record[3]
        return self._entries


def _program(source: str, flags: int) -> _Entry:
    """What ``re.compile(source, flags)`` hands the engine."""
    parsed: Any = _parser.parse(source, flags)
    code = array(_CODE_TYPE, _compiler._code(parsed, flags)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        flags | parsed.state.flags,
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _engine(source: str, entry: _Entry) -> re.Pattern[str]:
    final, code, groups, groupindex, indexgroup = entry
    program = array(_CODE_TYPE, code).tolist()
    pattern: re.Pattern[str] = _sre.compile(source, final, program, groups, groupindex, indexgroup)
    return pattern


def _default_path() -> Path | None:
    tag = sys.implementation.cache_tag
    return Path(__file__).with_name("__pycache__") / f"patterns.{tag}.bin" if tag else None


STORE = Store(_default_path())


def compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, from the programs kept between runs when it can."""
    return STORE.compile(source, flags)


def save() -> None:
    """Keep the programs this run compiled for the next run."""
    STORE.save()
