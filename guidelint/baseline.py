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
from typing import TextIO

from guidelint.config import ConfigError
from guidelint.diagnostics import Diagnostic
from guidelint.files import read_regular
from guidelint.limits import BASELINE_MAX_SIZE, DEFAULT_MAX_FILE_SIZE
from guidelint.linter import FileResult

VERSION = 1
Key = tuple[str, str, str]  # path, code, fingerprint


def fingerprint(code: str, line_text: str) -> str:
    normalised = " ".join(line_text.split())
    return hashlib.sha256(f"{code}\0{normalised}".encode()).hexdigest()[:16]


def _lines(path: str) -> list[str]:
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
        lines = _lines(result.path)
        path = self.path(result.path)
        keyed = []
        for d in result.diagnostics:
            text = lines[d.line - 1] if 0 < d.line <= len(lines) else ""
            keyed.append(((path, d.code, fingerprint(d.code, text)), d))
        return keyed


class Recorder:
    """``--write-baseline``: pass results through and record every finding."""

    def __init__(self, target: str) -> None:
        folder = os.path.dirname(os.path.abspath(target))
        if not os.path.isdir(folder):  # say so before the whole report is printed
            raise ConfigError(f"--write-baseline: folder does not exist: {os.path.dirname(target)}")
        self.target = target
        self.keys = _Keys(target)
        self.counts: Counter[Key] = Counter()
        self.messages: dict[Key, str] = {}

    def watch(self, results: Iterable[FileResult]) -> Iterator[FileResult]:
        for result in results:
            for key, d in self.keys.of(result):
                self.counts[key] += 1
                self.messages.setdefault(key, d.message)
            yield result

    def write(self) -> int:
        from guidelint.commands.common import output_stream

        findings = [
            {
                "path": path,
                "code": code,
                "fingerprint": digest,
                "count": self.counts[(path, code, digest)],
                "message": self.messages[(path, code, digest)],
            }
            for path, code, digest in sorted(self.counts)
        ]
        with output_stream(self.target, "--write-baseline") as stream:
            json.dump({"guidelint-baseline": VERSION, "findings": findings}, stream, indent=2)
            stream.write("\n")
        return sum(self.counts.values())


class Baseline:
    """``--baseline``: hide recorded findings and count the ones that are gone."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.keys = _Keys(source)
        self.known = _read(source)
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
                f" update {self.source} with --write-baseline\n"
            )
        if self.hidden:
            s = "" if self.hidden == 1 else "s"
            stream.write(f"guidelint: {self.hidden} finding{s} hidden by {self.source}\n")


def _read(source: str) -> Counter[Key]:
    try:
        raw, _ = read_regular(source, BASELINE_MAX_SIZE)
        document = json.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            f"--baseline: no such file: {source} (create it with --write-baseline)"
        ) from None
    except OSError as exc:
        raise ConfigError(f"--baseline: cannot read {source}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"--baseline: cannot read {source}: {exc}") from None
    except RecursionError:
        raise ConfigError(f"--baseline: {source} is nested too deeply to read") from None
    if not isinstance(document, dict) or document.get("guidelint-baseline") != VERSION:
        raise ConfigError(f"--baseline: {source} is not a guidelint baseline (version {VERSION})")
    known: Counter[Key] = Counter()
    try:
        for item in document["findings"]:
            known[(str(item["path"]), str(item["code"]), str(item["fingerprint"]))] += int(
                item["count"]
            )
    except (KeyError, TypeError, ValueError):
        raise ConfigError(f"--baseline: {source} has a malformed finding entry") from None
    return known
