"""A scan yields exactly the matches of its plain pattern, in either form."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import pytest

import guidelint
from conftest import REALWORLD
from guidelint import scan as scanning
from guidelint.claims.vocabulary import Family
from guidelint.scan import Scan


def _scans() -> dict[str, Scan]:
    """Every scan of the package, by module and name."""
    found: dict[str, Scan] = {}
    for info in pkgutil.walk_packages(guidelint.__path__, "guidelint."):
        if info.name.endswith("__main__"):
            continue
        for name, value in sorted(vars(importlib.import_module(info.name)).items()):
            if isinstance(value, Family):
                value = value.whole
            if isinstance(value, Scan):
                found.setdefault(f"{info.name}.{name}", value)
    return found


SCANS = _scans()


def _texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(REALWORLD.glob("*/*.md"))[:12]]
    return texts or ["Acme pays $120K-$150K, 25% more than the industry's best 3x offers."]


def _spans(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


def test_the_skipping_form_is_used_once_a_scan_has_read_enough() -> None:
    scan = Scan(r"\bpays\b", "p", word_starts=True)
    text = "Acme pays well. " * (scanning.SKIP_AFTER // 8)
    assert _spans(scan.finditer(text)) == _spans(scan.pattern.finditer(text))
    assert scan.read >= scanning.SKIP_AFTER
    assert _spans(scan.finditer(text, 3)) == _spans(scan.pattern.finditer(text, 3))
    assert scan.read == len(text)  # the second call took the skipping form


@pytest.mark.parametrize("where", sorted(SCANS))
def test_both_forms_find_the_same_matches(where: str, monkeypatch: pytest.MonkeyPatch) -> None:
    scan = SCANS[where]
    monkeypatch.setattr(scan, "read", scanning.SKIP_AFTER)  # the skipping form
    for text in _texts():
        for pos in (0, 7):
            assert _spans(scan.finditer(text, pos)) == _spans(scan.pattern.finditer(text, pos))


def test_a_lazy_pattern_compiles_once_on_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    from guidelint.scan import Lazy, compile_lazy

    pattern = Lazy(r"(?i:a+)")
    assert pattern._compiled is None
    assert pattern.search("bAa") is not None and pattern.match("aab").end() == 2
    compiled = pattern.compiled
    assert pattern.compiled is compiled
    assert [m.span() for m in pattern.finditer("aba")] == [(0, 1), (2, 3)]
    assert pattern.sub("x", "baa") == "bx" and pattern.fullmatch("aa") is not None
    # compile_lazy compiles the constants of guidelint's loaded modules
    module = types.ModuleType("guidelint.lazy_example")
    module.WAITING = Lazy("b")  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    compile_lazy()
    assert module.WAITING._compiled is not None  # type: ignore[attr-defined]
