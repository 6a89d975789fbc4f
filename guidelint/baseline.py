"""Baselines: record today's findings so that only new ones are reported.

A finding is identified by its file, its code and a hash of the offending
line's text with whitespace squeezed, never by line number, so edits elsewhere
in the file do not invalidate the baseline.  Identical findings are counted,
so a second copy of a baselined problem is still reported.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple, TextIO

from guidelint.config import ConfigError
from guidelint.diagnostics import Diagnostic
from guidelint.files import read_regular
from guidelint.limits import BASELINE_MAX_SIZE, DEFAULT_MAX_FILE_SIZE
from guidelint.linter import FileResult
from guidelint.selection import Selection

VERSION = 1
Key = tuple[str, str, str]  # path, code, fingerprint


class Entry(NamedTuple):
    occurrences: int
    message: str


def fingerprint(code: str, line_text: str) -> str:
    normalised = " ".join(line_text.split())
    return hashlib.sha256(f"{code}\0{normalised}".encode()).hexdigest()[:16]


def current_lines(path: str) -> list[str]:
    """The file's lines as they are now.

    Reports carry positions, not text, so the text is read back here; this
    costs one read per file with findings, and only when a baseline is used.
    """
    try:
        raw, _ = read_regular(path, DEFAULT_MAX_FILE_SIZE)
    except OSError:
        return []
    return raw.decode("utf-8", "replace").replace("\r\n", "\n").split("\n")


class _Keys:
    """Turns diagnostics into baseline keys, with paths relative to the baseline's folder."""

    def __init__(self, baseline_file: str) -> None:
        self.folder = os.path.dirname(os.path.abspath(baseline_file))

    def path(self, shown: str) -> str:
        if shown == "-":
            return shown
        rel = os.path.relpath(os.path.abspath(shown), self.folder)
        return Path(rel).as_posix()

    def of(self, result: FileResult) -> list[tuple[Key, Diagnostic]]:
        if not result.diagnostics:
            return []
        lines = current_lines(result.path)
        path = self.path(result.path)
        keyed = []
        for d in result.diagnostics:
            text = lines[d.line - 1] if 0 < d.line <= len(lines) else ""
            keyed.append(((path, d.code, fingerprint(d.code, text)), d))
        return keyed


class Recorder:
    """``--write-baseline``: pass results through and record every finding.

    An existing baseline is updated, not replaced: only the entries of the
    files this run linted, for the codes it selected, are rewritten, so a run
    over a few files (pre-commit passes file names) keeps everyone else's.
    """

    def __init__(self, target: str, selection: Selection | None = None) -> None:
        folder = os.path.dirname(os.path.abspath(target))
        if not os.path.isdir(folder):  # say so before the whole report is printed
            raise ConfigError(f"--write-baseline: folder does not exist: {os.path.dirname(target)}")
        self.target = target
        self.selection = selection or Selection()
        self.keys = _Keys(target)
        # A missing or empty file starts a new baseline; anything else must be one.
        fresh = not os.path.exists(target) or os.path.getsize(target) == 0
        self.earlier = {} if fresh else _read(target, "--write-baseline")
        self.linted: set[str] = set()
        self.counts: Counter[Key] = Counter()
        self.messages: dict[Key, str] = {}
        self.kept = 0

    def watch(self, results: Iterable[FileResult]) -> Iterator[FileResult]:
        for result in results:
            self.linted.add(self.keys.path(result.path))
            for key, d in self.keys.of(result):
                self.counts[key] += 1
                self.messages.setdefault(key, d.message)
            yield result

    def _merged(self) -> dict[Key, Entry]:
        """This run's findings, plus the earlier entries it could not have seen."""
        merged = {
            key: entry
            for key, entry in self.earlier.items()
            if key[0] not in self.linted or not self.selection.enabled(key[1])
        }
        self.kept = sum(entry.occurrences for entry in merged.values())
        for key, count in self.counts.items():
            merged[key] = Entry(count, self.messages[key])
        return merged

    def write(self) -> int:
        """Write the baseline; the number of this run's findings recorded."""
        from guidelint.commands.common import output_stream

        merged = self._merged()
        findings = [
            {
                "path": path,
                "code": code,
                "fingerprint": digest,
                "count": merged[(path, code, digest)].occurrences,
                "message": merged[(path, code, digest)].message,
            }
            for path, code, digest in sorted(merged)
        ]
        with output_stream(self.target, "--write-baseline") as stream:
            json.dump({"guidelint-baseline": VERSION, "findings": findings}, stream, indent=2)
            stream.write("\n")
        return sum(self.counts.values())

    def outcome(self) -> str:
        """What was recorded, and what was kept of the earlier baseline."""
        count = sum(self.counts.values())
        text = f"recorded {count} finding{'' if count == 1 else 's'} in {self.target}"
        if self.kept:
            s = "" if self.kept == 1 else "s"
            text += f"; kept {self.kept} earlier finding{s} of files or codes this run did not lint"
        return text


class Baseline:
    """``--baseline``: hide recorded findings and count the ones that are gone."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.keys = _Keys(source)
        self.known = Counter({key: entry.occurrences for key, entry in _read(source).items()})
        self.hidden = 0
        self.gone = 0

    def filter(self, results: Iterable[FileResult]) -> Iterator[FileResult]:
        paths = {path for path, _, _ in self.known}
        for result in results:
            left = Counter(
                {key: n for key, n in self.known.items() if key[0] == self.keys.path(result.path)}
            )
            kept = []
            for key, d in self.keys.of(result):
                if left[key] > 0:
                    left[key] -= 1
                    self.hidden += 1
                else:
                    kept.append(d)
            if self.keys.path(result.path) in paths:
                self.gone += sum(n for n in left.values() if n > 0)
            yield FileResult(result.path, kept)

    def report(self, stream: TextIO = sys.stderr) -> None:
        if self.gone:
            s = "" if self.gone == 1 else "s"
            verb = "occurs" if self.gone == 1 else "occur"
            stream.write(
                f"guidelint: {self.gone} baselined finding{s} no longer {verb};"
                f" to drop {'it' if self.gone == 1 else 'them'}, run the same command with"
                f" --write-baseline {self.source} in place of --baseline"
                " (entries of files it does not lint are kept)\n"
            )
        if self.hidden:
            s = "" if self.hidden == 1 else "s"
            stream.write(f"guidelint: {self.hidden} finding{s} hidden by {self.source}\n")


def _read(source: str, option: str = "--baseline") -> dict[Key, Entry]:
    try:
        raw, _ = read_regular(source, BASELINE_MAX_SIZE)
        document = json.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            f"{option}: no such file: {source} (create it with --write-baseline)"
        ) from None
    except OSError as exc:
        raise ConfigError(f"{option}: cannot read {source}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{option}: cannot read {source}: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{option}: {source} is nested too deeply to read") from None
    if not isinstance(document, dict) or document.get("guidelint-baseline") != VERSION:
        raise ConfigError(f"{option}: {source} is not a guidelint baseline (version {VERSION})")
    known: dict[Key, Entry] = {}
    try:
        for item in document["findings"]:
            key = (str(item["path"]), str(item["code"]), str(item["fingerprint"]))
            count = int(item["count"]) + (known[key].occurrences if key in known else 0)
            known[key] = Entry(count, str(item.get("message", "")))
    except (KeyError, TypeError, ValueError, OverflowError):  # OverflowError: "count": 1e400
        raise ConfigError(f"{option}: {source} has a malformed finding entry") from None
    return known
