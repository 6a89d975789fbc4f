"""Run the rules over guides and apply selection, suppressions and severities.

Rules only find problems; everything a user configures about them happens
here, in one place, after the rules ran.
"""

from __future__ import annotations

import datetime as dt
import os
import traceback
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from guidelint import suppressions
from guidelint.config import Settings
from guidelint.context import Context
from guidelint.diagnostics import Diagnostic, problem
from guidelint.document import Guide, load_guide, parse_guide
from guidelint.files import Target
from guidelint.registry import Registry, load_families
from guidelint.selection import Selection, matches
from guidelint.validation import load_schema

PARALLEL_THRESHOLD = 32


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)


class Linter:
    """Lints guides with one run's settings; cheap to build, safe to reuse."""

    def __init__(
        self,
        settings: Settings,
        today: dt.date,
        selection: Selection | None = None,
        registry: Registry | None = None,
    ) -> None:
        self.settings = settings
        self.today = today
        self.selection = selection or Selection(settings.select, settings.ignore)
        self.registry = registry or load_families()
        self.checks = [
            spec for spec in self.registry.checks if self.selection.any_enabled(spec.codes)
        ]

    def context(self, path: str) -> Context:
        schema = load_schema(self.settings.schema_for(path), self.settings.root)
        return Context(today=self.today, settings=self.settings, schema=schema)

    def lint_target(self, target: Target) -> FileResult:
        if target.missing:
            found = [problem("GL001", 1, 1, "no such file or directory")]
            return FileResult(target.display, self.finish(None, found, target.display))
        guide = load_guide(target.display, target.display, self.settings.max_file_size)
        return FileResult(target.display, self.lint_guide(guide))

    def lint_bytes(self, raw: bytes, display: str) -> FileResult:
        return FileResult(display, self.lint_guide(parse_guide(raw, display)))

    def lint_guide(self, guide: Guide) -> list[Diagnostic]:
        found = list(guide.problems)
        ctx = self.context(guide.path)
        if guide.readable:
            for spec in self.checks:
                if spec.needs_frontmatter and guide.data is None:
                    continue
                try:
                    found.extend(spec.func(guide, ctx))
                except Exception as exc:  # a bug in one rule must not lose the others
                    where = traceback.extract_tb(exc.__traceback__)[-1]
                    found.append(
                        problem(
                            "GL000",
                            1,
                            1,
                            f"internal error in {spec.func.__name__}: {type(exc).__name__}: {exc}"
                            f" ({os.path.basename(where.filename)}:{where.lineno})",
                        )
                    )
        found = [d for d in found if self.selection.enabled(d.code)]
        found = suppressions.apply(guide, found, ctx)
        return self.finish(guide, found, guide.path)

    def finish(
        self, guide: Guide | None, found: Iterable[Diagnostic], path: str
    ) -> list[Diagnostic]:
        """Drop per-file ignores and stamp path, name and configured severity."""
        ignored = self.settings.ignored_in(path)
        rules = self.registry.rules
        overrides = self.settings.severity
        stamped = [
            replace(
                d,
                path=path,
                name=rules[d.code].name,
                severity=overrides.get(d.code, rules[d.code].severity),
            )
            for d in found
            if self.selection.enabled(d.code) and not matches(d.code, ignored)
        ]
        stamped.sort(key=lambda d: d.sort_key)
        return stamped

    def run(self, targets: Sequence[Target], jobs: int = 1) -> Iterator[FileResult]:
        """Lint every target, in order; in worker processes when it pays off."""
        if jobs <= 1 or len(targets) < PARALLEL_THRESHOLD:
            for target in targets:
                yield self.lint_target(target)
            return
        yield from _parallel(self, targets, jobs)


_WORKER: Linter | None = None


def _init_worker(linter: Linter) -> None:
    global _WORKER
    _WORKER = linter


def _lint_in_worker(target: Target) -> FileResult:
    assert _WORKER is not None
    return _WORKER.lint_target(target)


def _parallel(linter: Linter, targets: Sequence[Target], jobs: int) -> Iterator[FileResult]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    context = multiprocessing.get_context(method)
    chunk = max(1, min(64, len(targets) // (jobs * 8)))
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_init_worker, initargs=(linter,)
    ) as pool:
        yield from pool.map(_lint_in_worker, targets, chunksize=chunk)
