"""Every regular expression in the package runs in time linear in its input.

Each compiled pattern found in a module's globals (alone or in a tuple, list,
set or dict) or in a class attribute, and each scan's (``guidelint.scan.Scan``,
compiled on first use), gets adversarial strings built from what
it mentions: a run of each literal character and of a member of each
character class, alternations of two of them, each run behind another atom,
and fixed runs of digit groups and open links ("999,999,...", "[x]([x](...":
FIXED_UNITS).  Time is compared between sizes, never against a clock limit: on a
ladder of doubling sizes up to 10,000 and 20,000 characters, each doubling
may at most triple the time (a quadratic pattern quadruples it).  Timings
are the process's CPU time, and below a noise floor they say nothing; a
suspect doubling is confirmed over four times the input, keeping the fastest
of several runs, where a quadratic pattern takes sixteen times as long.
"""

from __future__ import annotations

import importlib
import inspect
import itertools
import pkgutil
import re
import time
from collections.abc import Iterator
from re import _parser as sre_parse  # type: ignore[attr-defined]  # Python 3.11+

import pytest

import guidelint
from guidelint.claims.vocabulary import Family
from guidelint.scan import Lazy, Scan

SIZES = (10_000, 20_000)
LADDER = tuple(SIZES[0] >> shift for shift in range(8, 0, -1)) + SIZES  # 39 ... 20,000
MAX_RATIO = 3.0  # for twice the input; linear is 2, quadratic 4
CONFIRM_RATIO = 9.0  # for four times the input; linear is 4, quadratic 16
NOISE_SECONDS = 0.002  # below this a ratio is timer noise
REPEATS = 5
ATOMS = 8  # distinct characters drawn from one pattern
# Runs every pattern is given, whatever characters it mentions: the groups of a long
# number ("999,999,...") or of a list of them, and links opened and never closed.
FIXED_UNITS = ("999,", "99,", "999.", "9, ", "[x](")

# Patterns known to be superlinear, named by module and attribute; none today.  A
# pattern listed here must still exist and still be superlinear.
EXPECTED_SUPERLINEAR: frozenset[str] = frozenset()


def _patterns() -> Iterator[tuple[str, re.Pattern]]:
    for info in pkgutil.walk_packages(guidelint.__path__, "guidelint."):
        if info.name.endswith("__main__"):
            continue  # running it runs the command
        module = importlib.import_module(info.name)
        for name, value in sorted(vars(module).items()):
            yield from _found(f"{info.name}.{name}", value)
            if inspect.isclass(value) and value.__module__ == module.__name__:
                for attribute, item in sorted(vars(value).items()):
                    yield from _found(f"{info.name}.{name}.{attribute}", item)


def _found(where: str, value: object) -> Iterator[tuple[str, re.Pattern]]:
    if isinstance(value, re.Pattern):
        yield where, value
    elif isinstance(value, Lazy):  # compiled on first use
        yield where, value.compiled
    elif isinstance(value, (Scan, Family)):
        # compiled on first use: the pattern, and the one that finds where it may start
        scan = value.whole if isinstance(value, Family) else value
        yield where, scan.pattern
        if scan.starts is not None:
            yield f"{where}.starts", scan.starts
    elif isinstance(value, (tuple, list, set, frozenset)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        for index, item in enumerate(items):
            if isinstance(item, (re.Pattern, Lazy)):
                yield from _found(f"{where}[{index}]", item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (re.Pattern, Lazy)):
                yield from _found(f"{where}[{key!r}]", item)


PATTERNS = dict(_patterns())

_CATEGORY = {
    "CATEGORY_DIGIT": "7",
    "CATEGORY_NOT_DIGIT": "x",
    "CATEGORY_SPACE": " ",
    "CATEGORY_NOT_SPACE": "x",
    "CATEGORY_WORD": "a",
    "CATEGORY_NOT_WORD": "-",
    "CATEGORY_LINEBREAK": "\n",
    "CATEGORY_NOT_LINEBREAK": "x",
}


def _atoms(pattern: re.Pattern) -> list[str]:
    """Characters the pattern mentions, most mentioned first."""
    counts: dict[str, int] = {}

    def add(char: str) -> None:
        counts[char] = counts.get(char, 0) + 1

    def walk(items: object) -> None:
        for op, arg in items:  # type: ignore[attr-defined]
            name = str(op)
            if name == "LITERAL":
                add(chr(arg))
            elif name == "NOT_LITERAL":
                add("x" if chr(arg) != "x" else "y")
            elif name == "ANY":
                add("x")
            elif name == "IN":
                for kind, value in arg:
                    kind = str(kind)
                    if kind == "LITERAL":
                        add(chr(value))
                    elif kind == "RANGE":
                        add(chr(value[0]))
                        add(chr(value[1]))
                    elif kind == "CATEGORY":
                        add(_CATEGORY.get(str(value), "x"))
            elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                walk(arg[2])
            elif name == "SUBPATTERN":
                walk(arg[-1])
            elif name == "BRANCH":
                for branch in arg[1]:
                    walk(branch)
            elif name in ("ASSERT", "ASSERT_NOT"):
                walk(arg[1])
            elif name == "GROUPREF_EXISTS":
                walk(arg[1])
                if arg[2] is not None:
                    walk(arg[2])
            elif name == "ATOMIC_GROUP":
                walk(arg)

    source = pattern.pattern
    text = source.decode("latin-1") if isinstance(source, bytes) else source
    walk(
        sre_parse.parse(
            text, pattern.flags & ~re.UNICODE if isinstance(source, bytes) else pattern.flags
        )
    )
    ranked = sorted(counts, key=lambda char: -counts[char])
    return ranked[:ATOMS] or ["x"]


def _inputs(pattern: re.Pattern) -> Iterator[tuple[str, tuple[str, str, str]]]:
    """(label, (prefix, unit, suffix)): the unit repeated to the size wanted."""
    atoms = _atoms(pattern)
    for atom in atoms:
        yield f"run of {atom!r}", ("", atom, "")
        yield f"run of {atom!r} then NUL", ("", atom, "\x00")
    for first, second in itertools.combinations(atoms, 2):
        yield f"{first!r}{second!r} alternating", ("", first + second, "")
    for first, second in itertools.permutations(atoms[:5], 2):
        yield f"{first!r} then a run of {second!r}", (first, second, "")
    for unit in FIXED_UNITS:
        yield f"{unit!r} repeated", ("", unit, "")


def _build(parts: tuple[str, str, str], size: int, binary: bool) -> str | bytes:
    prefix, unit, suffix = parts
    text = prefix + unit * (size // len(unit)) + suffix
    return text.encode("latin-1", "replace") if binary else text


def _seconds(pattern: re.Pattern, subject: str | bytes, repeats: int = 1) -> float:
    """The process's CPU time for one scan, the fastest of ``repeats``: CPU time, not
    wall time, so other processes on a busy machine do not count."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for _ in pattern.finditer(subject):  # every match, as sub() and findall() do
            pass
        pattern.fullmatch(subject)
        best = min(best, time.process_time() - start)
    return best


def superlinear(pattern: re.Pattern) -> str | None:
    """The first input on which a doubling more than triples the time, or None."""
    binary = isinstance(pattern.pattern, bytes)
    for label, parts in _inputs(pattern):
        before = None
        for small, large in itertools.pairwise(LADDER):
            if before is None:
                before = _seconds(pattern, _build(parts, small, binary))
            after = _seconds(pattern, _build(parts, large, binary))
            if after > NOISE_SECONDS and after > MAX_RATIO * before:
                # Confirm over four times the input, fastest of several: a quadratic
                # pattern takes sixteen times as long, a linear one four, and a
                # moment of noise does not repeat itself across both measurements.
                before = _seconds(pattern, _build(parts, small, binary), REPEATS)
                after = _seconds(pattern, _build(parts, 4 * small, binary), REPEATS)
                if after > NOISE_SECONDS and after > CONFIRM_RATIO * before:
                    return (
                        f"{label}: {small:,} chars {before:.4f}s, {4 * small:,} chars {after:.4f}s"
                    )
            before = after
    return None


def test_every_module_pattern_is_found() -> None:
    assert len(PATTERNS) >= 100
    assert set(EXPECTED_SUPERLINEAR) <= set(PATTERNS), "a listed pattern no longer exists"


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_time_grows_linearly(name: str) -> None:
    found = superlinear(PATTERNS[name])
    if name in EXPECTED_SUPERLINEAR:
        if found is None:
            pytest.fail(f"{name} is linear now: remove it from EXPECTED_SUPERLINEAR")
        pytest.xfail(f"known superlinear: {found}")
    assert found is None, f"{name} /{PATTERNS[name].pattern}/ is superlinear: {found}"
