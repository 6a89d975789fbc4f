"""A content-addressed cache of finished diagnostics, like ruff's.

One JSON file per run configuration lives in ``.guidelint_cache/v3/`` (``v`` and
:data:`FORMAT`); its name is a digest of everything besides the file that decides a file's
diagnostics: guidelint's version and a fingerprint of its own code, the
effective settings (``Settings.fingerprint()``), the digests of every schema
the settings can pick, the selection and the ``--today`` date.  Inside, each
entry is keyed by the sha256 (first 128 bits) of that digest, the file's
display path and the file's bytes; its value holds the finished diagnostics
(fixes included) as integers, their codes, names and messages kept once each
in the file's string table (guidelint.cache_rows).  A run reads the
file once, looks every guide up, and writes the file back atomically when
anything changed.  Anything unexpected (bad JSON, another format, another
configuration's key, a malformed entry) is ignored, never trusted: the guide
is linted again and the entry rewritten.

Reading and hashing every guide costs more than the rest of a warm run, so
the file also keeps, per path, the file's size, modification and change
times and inode as they were just before its bytes were read (``"paths"``).
A guide whose ``stat`` still says exactly that is looked up without being
read.  A signature is recorded only when both times are more than two
seconds old, so a file written again within the same clock tick is never
mistaken for the one that was hashed; the change time moves on every write
and cannot be set back by hand.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import json
import os
import sys
import time
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from guidelint import __version__, cache_rows, patterns
from guidelint.cache_rows import encode
from guidelint.config import Settings
from guidelint.diagnostics import Diagnostic
from guidelint.files import read_regular, replacing
from guidelint.limits import CACHE_MAX_SIZE, SCHEMA_MAX_SIZE
from guidelint.resources import PACKAGE_DIR
from guidelint.selection import Selection

FORMAT = 3  # 2: each diagnostic carries its folded-in findings; 3: integers, not rows
DEFAULT_DIR = ".guidelint_cache"
DEFAULT_SCHEMA = "guide"  # what Settings.schema_for picks when no glob matches
KEEP_DAYS = 30  # entries unused for this long are dropped when the file is rewritten
SETTLED_NS = 2_000_000_000  # a file's stat is trusted once unchanged for this long
GITIGNORE = "# written by guidelint: the cache is never committed\n*\n"
MARKER = ".guidelint-cache"  # written first in a folder guidelint makes; proves it is ours
MARKER_TEXT = "guidelint cache folder: `guidelint clean` removes it\n"
_TOP_FILES = frozenset({MARKER, ".gitignore", "CACHEDIR.TAG"})
_DAY = patterns.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # when an entry was last used
_FORMAT_DIR = patterns.compile(r"v[0-9]{1,4}")  # this format's folder, or an earlier one's
# Entry files, and the temporary files files.replacing() leaves if killed mid-write.
_ENTRY_FILE = patterns.compile(r"\.?[0-9a-f]{32}\.json(?:\.[A-Za-z0-9_]+\.tmp)?")
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by guidelint.\n"
)


def signature(info: os.stat_result) -> str:
    """What changes whenever a file's bytes do: taken before the bytes are read."""
    return f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}"


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """While the cache document is parsed and checked: the collector would
    otherwise walk the growing document again and again and free nothing (it
    holds no cycles)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def cache_dir(settings: Settings, override: str | None = None) -> Path:
    """``--cache-dir`` (relative to the working folder), else ``cache-dir`` under the root."""
    if override:
        return Path(override)
    return Path(settings.root) / (settings.cache_dir or DEFAULT_DIR)


def code_fingerprint() -> str:
    """Sizes and modification times of guidelint's own files, so edited rules miss."""
    parts: list[str] = []
    for folder, dirs, files in os.walk(PACKAGE_DIR):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".json")):
                stat = os.stat(os.path.join(folder, name))
                parts.append(
                    f"{folder[len(str(PACKAGE_DIR)) :]}/{name}:{stat.st_size}:{stat.st_mtime_ns}"
                )
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def schema_digests(settings: Settings) -> dict[str, str]:
    """Digests of every schema the settings can pick (the default and each glob's).

    Keying the run on all of them spares a per-file schema lookup; editing any
    schema invalidates the whole cache, which is rare and only costs one run.
    """
    from guidelint.validation import resolve

    digests: dict[str, str] = {}
    for name in sorted({DEFAULT_SCHEMA, *(name for _, name in settings.schema)}):
        try:
            raw, _ = read_regular(resolve(name, settings.root), SCHEMA_MAX_SIZE)
            digests[name] = hashlib.sha256(raw).hexdigest()
        except Exception:  # unreadable or unknown: linting stops with a configuration error
            digests[name] = "missing"
    return digests


def run_key(settings: Settings, selection: Selection, today: dt.date) -> str:
    """Everything besides the file that decides its diagnostics, as one digest."""
    text = json.dumps(
        {
            "format": FORMAT,
            "version": __version__,
            "code": code_fingerprint(),
            "schemas": schema_digests(settings),
            "settings": settings.fingerprint(),
            "root": str(settings.root),  # globs and per-file ignores are relative to it
            "select": list(selection.select),
            "ignore": list(selection.ignore),
            "today": today.isoformat(),
        },
        sort_keys=True,
    )
    return hashlib.sha256(text.encode()).hexdigest()


class Cache:
    """The entries of one run configuration; load once, look up, save once."""

    def __init__(self, folder: Path, key: str, settings: Settings) -> None:
        self.folder = folder
        self.key = key
        self.settings = settings
        self.file = folder / f"v{FORMAT}" / f"{key[:32]}.json"
        self.entries: dict[str, dict[str, Any]] = {}
        self.touched: dict[str, dict[str, Any]] = {}
        self.strings: list[str] = []  # the loaded file's table, which its entries index
        self.rows: array[int] = array("i")  # the loaded file's findings, as integers
        self.paths: dict[str, Any] = {}  # path -> "signature entry-key", as loaded
        self.seen: dict[str, str] = {}  # the same, recorded by this run
        self.dirty = False
        self.today = dt.date.today().isoformat()
        self._base = hashlib.sha256(key.encode())  # copied for each file's key
        self._load()

    @classmethod
    def open(
        cls, settings: Settings, selection: Selection, today: dt.date, folder: str | None = None
    ) -> Cache:
        return cls(cache_dir(settings, folder), run_key(settings, selection, today), settings)

    def _load(self) -> None:
        with _collector_paused():
            self._read()

    def _read(self) -> None:
        try:
            raw, _ = read_regular(self.file, CACHE_MAX_SIZE)
            text = raw.decode(json.detect_encoding(raw), "surrogatepass")
            del raw  # the file's bytes and its text need not both be held while parsing
            stored = json.loads(text)
        except (OSError, ValueError, RecursionError):
            return
        if (
            type(stored) is not dict
            or stored.get("format") != FORMAT
            or stored.get("key") != self.key
            or type(stored.get("entries")) is not dict
            or not cache_rows.table_ok(stored.setdefault("strings", []))
            or (rows := cache_rows.rows_of(stored.get("rows"), stored.get("ints"))) is None
        ):
            self.dirty = True  # foreign or damaged: rewritten on save
            return
        self.strings, self.rows = stored["strings"], rows
        del stored["rows"]  # its text, now read into integers
        entries = cache_rows.checked(stored["entries"], self.strings, rows)
        if entries is None:  # some entry is damaged: keep the others
            self.rows = rows = array("i", rows)  # salvaging may add integers of any size
            entries = cache_rows.salvaged(stored["entries"], self.strings, rows)
            self.dirty = True
        self.entries = entries
        paths = stored.get("paths")
        self.paths = paths if type(paths) is dict else {}

    def entry_key(self, raw: bytes, path: str) -> str:
        digest = self._base.copy()
        digest.update(b"\0" + path.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(raw)
        return digest.hexdigest()[:32]  # 128 bits: a smaller file, as safe from collisions

    def key_by_stat(self, path: str) -> str | None:
        """The entry key of a file whose ``stat`` is unchanged since it was hashed."""
        known = self.paths.get(path)
        if type(known) is not str:
            return None
        try:
            info = os.stat(path)
        except OSError:
            return None
        sig, _, key = known.partition(" ")
        if sig != signature(info) or key not in self.entries:
            return None
        self.seen[path] = known
        return key

    def remember(self, path: str, info: os.stat_result, key: str) -> None:
        """Record the ``stat`` a file had before its bytes were read and hashed."""
        if time.time_ns() - max(info.st_mtime_ns, info.st_ctime_ns) > SETTLED_NS:
            self.seen[path] = f"{signature(info)} {key}"

    def get(self, key: str) -> cache_rows.Stored | None:
        """The findings stored under ``key`` (checked when the file was loaded)."""
        stored = self.entries.get(key)
        if stored is None:
            return None
        found = cache_rows.stored(stored, self.rows, self.strings)
        if stored.get("used") != self.today:
            self.touched[key] = {**stored, "used": self.today}
        else:
            self.touched.setdefault(key, stored)
        return found

    def put(self, key: str, diagnostics: list[Diagnostic]) -> None:
        self.touched[key] = {"used": self.today, "d": encode(diagnostics)}
        self.dirty = True

    def take(self) -> dict[str, dict[str, Any]]:
        """The entries this process used or made since the last call (for workers)."""
        taken, self.touched = self.touched, {}
        return taken

    def merge(self, entries: dict[str, dict[str, Any]]) -> None:
        for key, value in entries.items():
            old = self.entries.get(key)
            if old == value:
                self.touched[key] = old  # the very object loaded: nothing to write
            else:
                self.touched[key] = value
                self.dirty = True

    def save(self) -> None:
        """Write back the entries, pruned of old ones; failures only cost speed."""
        changed = (
            self.dirty
            or any(self.entries.get(key) is not value for key, value in self.touched.items())
            or any(self.paths.get(path) != known for path, known in self.seen.items())
        )
        if not changed:
            return
        horizon = (dt.date.today() - dt.timedelta(days=KEEP_DAYS)).isoformat()
        kept = {
            key: value
            for key, value in self.entries.items()
            if type(used := value.get("used")) is str and _DAY.fullmatch(used) and used >= horizon
        }
        entries, strings, rows = cache_rows.packed(
            {**kept, **self.touched}.items(), self.strings, self.rows
        )
        paths = {
            path: known
            for path, known in {**self.paths, **self.seen}.items()
            if type(known) is str and known.partition(" ")[2] in entries
        }
        ints, rows_written = cache_rows.rows_text(rows)
        document = {
            "format": FORMAT,
            "key": self.key,
            "strings": strings,
            "ints": ints,
            "rows": rows_written,
            "entries": entries,
            "paths": paths,
        }
        try:
            prepare(self.folder)
            self.file.parent.mkdir(exist_ok=True)
            write_atomic(self.file, json.dumps(document, separators=(",", ":")).encode())
        except NotOurs as exc:
            print(f"guidelint: warning: {exc}", file=sys.stderr)
            return
        except OSError as exc:  # a read-only checkout, say: the next run is only slower
            reason = exc.strerror or type(exc).__name__
            print(
                f"guidelint: warning: the cache cannot be written in {self.folder}: {reason}",
                file=sys.stderr,
            )
            return
        self.entries, self.strings, self.rows = entries, strings, rows
        self.touched, self.dirty = {}, False
        self.paths, self.seen = paths, {}
        self._prune_files()

    def _prune_files(self) -> None:
        """Drop other configurations' files (another --today, say) left unused for long.

        Only regular files named as guidelint names its own are candidates.
        """
        horizon = dt.datetime.now().timestamp() - KEEP_DAYS * 86400
        with contextlib.suppress(OSError):
            for item in os.scandir(self.file.parent):
                if (
                    item.name != self.file.name
                    and _ENTRY_FILE.fullmatch(item.name)
                    and item.is_file(follow_symlinks=False)
                    and item.stat(follow_symlinks=False).st_mtime < horizon
                ):
                    with contextlib.suppress(OSError):
                        os.unlink(item.path)


class NotOurs(OSError):
    """A cache folder that holds what guidelint did not make: never written or removed."""


def prepare(folder: Path) -> None:
    """Create the cache folder with its marker, a CACHEDIR.TAG and its own ``.gitignore``.

    An existing folder is used only when guidelint's marker is in it, or when
    it is empty; anything else may be someone's files, and is left alone.
    """
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise NotOurs(f"{folder} is not a folder guidelint made; the cache is not written there")
    folder.mkdir(parents=True, exist_ok=True)
    if not _is_ours(folder):
        if any(os.scandir(folder)):
            raise NotOurs(
                f"{folder} holds files guidelint did not make; the cache is not written there"
            )
        write_atomic(folder / MARKER, MARKER_TEXT.encode())
    for name, text in ((".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)):
        path = folder / name
        if not path.exists():
            write_atomic(path, text.encode())


def write_atomic(path: Path, data: bytes) -> None:
    with replacing(path) as handle:
        handle.write(data)


def clear(folder: Path) -> bool:
    """Remove a cache folder; True when there was one.

    Refuses a folder without guidelint's marker, or holding anything besides
    what guidelint writes there, and then removes nothing at all.
    """
    if not folder.is_dir() and not folder.is_symlink():
        return False
    if folder.is_symlink() or not _is_ours(folder):
        raise NotOurs(f"{folder} does not look like a guidelint cache; not removed")
    ours = _own_files(folder)
    for path in ours:
        path.unlink()
    for item in os.scandir(folder):  # this format's folder and earlier ones', now empty
        if _FORMAT_DIR.fullmatch(item.name) and item.is_dir(follow_symlinks=False):
            os.rmdir(item.path)
    with contextlib.suppress(FileNotFoundError):
        folder.rmdir()
    return True


def _is_ours(folder: Path) -> bool:
    """Whether guidelint's marker is in the folder (or, from before the marker, its own
    CACHEDIR.TAG, word for word)."""
    if (folder / MARKER).is_file():
        return True
    try:
        raw, _ = read_regular(folder / "CACHEDIR.TAG", len(CACHEDIR_TAG) + 1)
    except OSError:
        return False
    return raw == CACHEDIR_TAG.encode()


def _own_files(folder: Path) -> list[Path]:
    """Every file in the cache folder, each proven guidelint's by its name and kind."""
    found: list[Path] = []
    for item in os.scandir(folder):
        if _FORMAT_DIR.fullmatch(item.name) and item.is_dir(follow_symlinks=False):
            for entry in os.scandir(item.path):
                if not (_ENTRY_FILE.fullmatch(entry.name) and entry.is_file(follow_symlinks=False)):
                    raise NotOurs(
                        f"{folder} holds {entry.path}, which guidelint did not make; not removed"
                    )
                found.append(Path(entry.path))
        elif item.name in _TOP_FILES and item.is_file(follow_symlinks=False):
            found.append(Path(item.path))
        else:
            raise NotOurs(f"{folder} holds {item.path}, which guidelint did not make; not removed")
    return sorted(found, key=lambda path: path.name == MARKER)  # the marker goes last
