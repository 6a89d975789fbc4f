"""Run the rules over guides and apply selection, suppressions and severities.

Rules only find problems; everything a user configures about them happens
here, in one place, after the rules ran.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from guidelint.config import ConfigError, Settings
from guidelint.diagnostics import Diagnostic, Fix, internal_error, problem
from guidelint.files import Target
from guidelint.selection import Selection, matches

if TYPE_CHECKING:
    from concurrent.futures import Future

    from guidelint.cache import Cache
    from guidelint.cache_rows import Stored
    from guidelint.context import Context
    from guidelint.document import Guide
    from guidelint.registry import CheckSpec, Registry

PARALLEL_THRESHOLD = 32


class FileResult:
    """One file's findings, ready for the reporters.

    A result the cache answered holds its findings as stored (``stored``) and
    builds their Diagnostic objects on first use: the text report and the
    summary read the stored form, so a warm run builds none.
    """

    __slots__ = ("_diagnostics", "lines", "path", "stored")

    def __init__(
        self,
        path: str,
        diagnostics: list[Diagnostic] | None = None,
        lines: list[str] | None = None,
        *,
        stored: Stored | None = None,
    ) -> None:
        self.path = path
        self._diagnostics = [] if diagnostics is None and stored is None else diagnostics
        self.lines = lines  # the text's lines, kept only for standard input
        self.stored = stored

    @property
    def diagnostics(self) -> list[Diagnostic]:
        if self._diagnostics is None:
            assert self.stored is not None
            self._diagnostics = self.stored.diagnostics(self.path)
        return self._diagnostics

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FileResult):
            return NotImplemented
        return (self.path, self.diagnostics, self.lines) == (
            other.path,
            other.diagnostics,
            other.lines,
        )

    def __repr__(self) -> str:
        return f"FileResult({self.path!r}, {self.diagnostics!r}, {self.lines!r})"

    def __reduce__(self) -> tuple[type[FileResult], tuple[Any, ...]]:
        # Sent from a worker with its diagnostics built, never with the whole table.
        return FileResult, (self.path, self.diagnostics, self.lines)


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
        self.fixable = Selection(settings.fixable, settings.unfixable)
        self._registry: Registry | None = None
        if registry is not None:
            self._use(registry)
        self._checks: list[CheckSpec] | None = None
        self.cache: Cache | None = None  # set by the caller to look results up first

    @property
    def registry(self) -> Registry:
        """The rules, imported on first use: a run answered from the cache never needs them."""
        if self._registry is None:
            from guidelint.registry import families_for, load_families

            self._use(load_families(families_for(self.selection.select)))
        assert self._registry is not None
        return self._registry

    def _use(self, registry: Registry) -> None:
        # Only the registry knows which rules are off by default; the selection
        # is never consulted before the rules are loaded.
        self._registry = registry
        self.selection = self.selection._replace(opt_in=registry.opt_in_codes())

    @property
    def checks(self) -> list[CheckSpec]:
        if self._checks is None:
            self._checks = [
                spec for spec in self.registry.checks if self.selection.any_enabled(spec.codes)
            ]
        return self._checks

    def context(self, path: str, guide: Guide | None = None) -> Context:
        """The context of a file; with ``guide``, the one that guide is linted in."""
        from guidelint.context import Context  # not needed by a run the cache answers
        from guidelint.validation import load_schema

        schema = load_schema(self.settings.schema_for(path), self.settings.root)
        return Context(today=self.today, settings=self.settings, schema=schema, guide=guide)

    def lint_target(self, target: Target) -> FileResult:
        if target.missing:
            found = [problem("GL001", 1, 1, target.problem or "no such file or directory")]
            return FileResult(target.display, self.finish(None, found, target.display))
        if self.cache is not None:
            return self._lint_cached(target, self.cache)
        return self._lint_file(target.display)

    def _lint_file(self, path: str) -> FileResult:
        from guidelint.document import load_guide  # not needed by a run the cache answers

        return FileResult(
            path, self.lint_guide(load_guide(path, path, self.settings.max_file_size))
        )

    def _read(self, path: str) -> tuple[bytes, os.stat_result] | None:
        """The file's bytes and its ``stat`` from before they were read; None when
        load_guide must report why not (never cached)."""
        from guidelint.files import read_regular

        try:
            return read_regular(path, self.settings.max_file_size)
        except OSError:
            return None

    def _key(self, path: str, cache: Cache) -> tuple[str, bytes | None] | None:
        """The file's entry key (from its stat when unchanged, else from its bytes)."""
        key = cache.key_by_stat(path)
        if key is not None:
            return key, None
        read = self._read(path)
        if read is None:
            return None
        raw, info = read
        key = cache.entry_key(raw, path)
        cache.remember(path, info, key)
        return key, raw

    def _lint_cached(self, target: Target, cache: Cache) -> FileResult:
        """Look the file up in the cache; lint and store it on a miss."""
        path = target.display
        key, raw = self._key(path, cache) or (None, None)
        if key is not None:
            hit = cache.get(key)
            if hit is not None:
                return FileResult(path, stored=hit)
        if key is None or raw is None:  # unreadable: load_guide reports why
            return self._lint_file(path)
        result = self.lint_bytes(raw, path)
        if not any(d.code == "GL000" for d in result.diagnostics):
            cache.put(key, result.diagnostics)  # a bug's finding is never kept
        return result

    def lint_bytes(self, raw: bytes, display: str) -> FileResult:
        from guidelint.document import parse_guide

        return FileResult(display, self.lint_guide(parse_guide(raw, display)))

    def lint_guide(self, guide: Guide) -> list[Diagnostic]:
        try:
            return self._lint_guide(guide)
        except (MemoryError, ConfigError):
            raise  # out of memory, or a configuration to correct (exit 2)
        except Exception as exc:  # outside any one rule: the file's reading or reporting
            found = [*guide.problems, internal_error("while linting", exc)]
            return self.finish(guide, found, guide.path)

    def _lint_guide(self, guide: Guide) -> list[Diagnostic]:
        found = list(guide.problems)
        ctx = self.context(guide.path, guide)
        over = _over_limits(guide) if guide.readable else None
        if over is not None:
            found.append(over)
        elif guide.readable:
            for spec in self.checks:
                if spec.needs_frontmatter and guide.data is None:
                    continue
                try:
                    found.extend(spec.func(guide, ctx))
                except MemoryError:
                    raise
                except Exception as exc:  # a bug in one rule must not lose the others
                    found.append(internal_error(f"in {spec.func.__name__}", exc))
        found = [d for d in found if self.selection.enabled(d.code)]
        from guidelint import suppressions

        found = suppressions.apply(guide, found, ctx, self.selection.enabled)
        if guide.data is not None:
            from guidelint.cascade import fold

            # What a file ignores is gone before folding: the next root takes over.
            ignored = self.settings.ignored_in(guide.path)
            kept = [d for d in found if not matches(d.code, ignored)]
            try:
                found = fold(guide, ctx, kept)
            except MemoryError:
                raise
            except Exception as exc:  # the findings stand unfolded
                found = [*kept, internal_error("while folding findings", exc)]
        from guidelint.ends import with_ends

        return self.finish(guide, with_ends(found, guide), guide.path)

    def finish(
        self, guide: Guide | None, found: Iterable[Diagnostic], path: str
    ) -> list[Diagnostic]:
        """Drop per-file ignores, stamp path, name and configured severity, and
        drop the fixes of codes that are not ``fixable``, and those that would edit
        a frontmatter that reuses values through YAML aliases (one place in its text
        may stand for several values, so no edit there is safe)."""
        ignored = self.settings.ignored_in(path)
        rules = self.registry.rules
        overrides = self.settings.severity
        fixable = self.fixable.enabled
        shared = (
            range(guide.frontmatter_start, guide.frontmatter_end + 1)
            if guide is not None and guide.aliased
            else range(0)
        )

        def kept(code: str, fix: Fix | None) -> Fix | None:
            return fix if fix is not None and fixable(code) and fix.line not in shared else None

        stamped = [
            d.stamped(
                path,
                rules[d.code].name,
                # a finding stands for those folded into it: it is as severe as they are
                max(
                    overrides.get(code, rules[code].severity)
                    for code in (d.code, *(r.code for r in d.related))
                ),
                kept(d.code, d.fix),
                tuple(
                    r if r.fix is kept(r.code, r.fix) else r._replace(fix=None) for r in d.related
                ),
            )
            for d in found
            if self.selection.enabled(d.code) and not matches(d.code, ignored)
        ]
        stamped.sort(key=lambda d: d.sort_key)
        return stamped

    def run(self, targets: Sequence[Target], jobs: int = 1) -> Iterator[FileResult]:
        """Lint every target, in order; in worker processes when it pays off.

        Results stream to the caller one file at a time; the cache, if any, is
        written once at the end.
        """
        if jobs <= 1 or len(targets) < PARALLEL_THRESHOLD:
            for target in targets:
                yield self.lint_target(target)
        elif self.cache is not None:
            yield from self._run_cached(targets, jobs, self.cache)
        else:
            yield from _parallel(self, targets, jobs)
        if self.cache is not None:
            self.cache.save()

    def _run_cached(
        self, targets: Sequence[Target], jobs: int, cache: Cache
    ) -> Iterator[FileResult]:
        """Answer hits in this process; start workers only when enough files missed.

        A first pass reads and hashes every file and keeps only the keys; the
        second yields, in order, hits from the cache and misses from workers
        (or from this process when there are only a few).
        """
        keys: list[str | None] = []
        misses: list[Target] = []
        for target in targets:
            found = None if target.missing else self._key(target.display, cache)
            key = None if found is None else found[0]
            keys.append(key if key in cache.entries else None)
            if keys[-1] is None:
                misses.append(target)
        if len(misses) >= PARALLEL_THRESHOLD:
            linted = _parallel(self, misses, jobs)
        else:
            linted = (self.lint_target(target) for target in misses)
        for target, key in zip(targets, keys, strict=True):
            hit = None if key is None else cache.get(key)
            if hit is None:  # a miss, linted above in order
                yield next(linted)
            else:
                yield FileResult(target.display, stored=hit)


def _over_limits(guide: Guide) -> Diagnostic | None:
    """GL001 at the first entry, row or block past its limit (guidelint.limits):
    the rules' work grows with them, so a guide beyond one is not checked further."""
    from guidelint.limits import BLOCK_LIMIT, ENTRY_LIMIT, ROW_LIMIT

    entries = guide.data.get("compensation") if guide.data else None
    if isinstance(entries, list) and len(entries) > ENTRY_LIMIT:
        line, column = guide.key_position(f"compensation/{ENTRY_LIMIT}")
        noun = f"more than {ENTRY_LIMIT:,} compensation entries"
        return problem("GL001", line, column, f"{noun}; the rest of the file is not checked")
    blocks = guide.blocks
    if len(blocks) > BLOCK_LIMIT:
        noun = f"more than {BLOCK_LIMIT:,} blocks in the body"
        line = blocks[BLOCK_LIMIT].line
        return problem("GL001", line, 1, f"{noun}; the rest of the file is not checked")
    for block in blocks:
        if block.table is not None and len(block.table.rows) > ROW_LIMIT:
            noun = f"a table of more than {ROW_LIMIT:,} rows"
            line = block.table.rows[ROW_LIMIT].line
            return problem("GL001", line, 1, f"{noun}; the rest of the file is not checked")
    return None


_WORKER: Linter | None = None


def _init_worker(linter: Linter) -> None:
    global _WORKER
    _WORKER = linter


def _lint_in_worker(
    batch: Sequence[Target],
) -> tuple[list[FileResult], dict[str, dict[str, Any]]]:
    """Lint a batch; also hand back the cache entries it used or made."""
    assert _WORKER is not None
    results = [_WORKER.lint_target(target) for target in batch]
    return results, (_WORKER.cache.take() if _WORKER.cache is not None else {})


def _batches(targets: Sequence[Target], jobs: int) -> list[Sequence[Target]]:
    """Batches in order that shrink as the files run out: each a share of what is left
    (at most 64 files), so workers finish together instead of one waiting on the
    other's last large batch."""
    batches = []
    start = 0
    while start < len(targets):
        size = max(1, min(64, (len(targets) - start) // (jobs * 4)))
        batches.append(targets[start : start + size])
        start += size
    return batches


def _parallel(linter: Linter, targets: Sequence[Target], jobs: int) -> Iterator[FileResult]:
    """Fork workers that inherit the linter (rules, schema, cache index) once.

    Targets go out in batches, in order, with a bounded number in flight, so
    results stream to the reporter and memory stays flat however many files
    there are.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from guidelint.scan import compile_lazy

    # Import the rules, compile the schema, lint the first file and compile the patterns
    # it did not need here, so every forked worker inherits them ready-made instead of
    # doing it once per worker.
    linter.checks  # noqa: B018
    first = [linter.lint_target(target) for target in targets[:1]]
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    if method == "fork":
        compile_lazy()  # the patterns the first file did not need
    context = multiprocessing.get_context(method)
    yield from first
    batches = _batches(targets[1:], jobs)
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_init_worker, initargs=(linter,)
    ) as pool:
        pending: deque[Future[Any]] = deque()
        queued = iter(batches)
        for batch in itertools.islice(queued, jobs * 4):
            pending.append(pool.submit(_lint_in_worker, batch))
        while pending:
            results, entries = pending.popleft().result()
            for batch in itertools.islice(queued, 1):
                pending.append(pool.submit(_lint_in_worker, batch))
            if linter.cache is not None:
                linter.cache.merge(entries)
            yield from results
