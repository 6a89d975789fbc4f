"""A battery of hostile cases: guides, file names, special files, options and streams.

:func:`content_cases` are guides written into one folder and linted by a few
processes together; :func:`invocation_cases` each need their own command
line (a FIFO as ``--output``, a closed standard output...).  A case names the
files it damages: each must be named in a diagnostic (or, for exit 2, in the
message on standard error).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "valid.md"
VALID = FIXTURE.read_text(encoding="utf-8")
HEAD, BODY = VALID.split("\n---\n", 1)


class Content(NamedTuple):
    """A guide file: ``damaged`` when it must get at least one diagnostic."""

    name: str
    raw: bytes
    damaged: bool = True


class Invocation(NamedTuple):
    """A command run in a fresh folder prepared by ``setup``; ``named`` must appear in
    the output (stdout or stderr) when not empty."""

    name: str
    setup: Callable[[Path], None]
    args: tuple[str, ...]
    exits: frozenset[int]
    named: str = ""
    # "empty", "closed", a file name under the folder, or what stdout is: "stdout"
    # closed, "reader-gone" a pipe whose reader has left
    stdin: str = "empty"


def _guide(head: str = HEAD, body: str = BODY) -> bytes:
    return f"{head}\n---\n{body}".encode()


def _set(field: str, value: str) -> bytes:
    """The valid guide with one frontmatter field's value replaced by raw YAML."""
    if field.startswith("compensation/0/"):
        key = field.rsplit("/", 1)[1]
        line = next(x for x in HEAD.splitlines() if x.strip().startswith(f"{key}:"))
        indent = line[: len(line) - len(line.lstrip())]
        return _guide(HEAD.replace(line, f"{indent}{key}: {value}", 1))
    if field == "data_sources/0":
        return _guide(HEAD.replace("  - Levels.fyi", f"  - {value}", 1))
    lines = [x for x in HEAD.splitlines() if not x.startswith(f"{field}:")]
    return _guide("\n".join([*lines, f"{field}: {value}"]))


FIELDS = (
    "company",
    "role",
    "role_display",
    "last_updated",
    "next_review_due",
    "data_quality",
    "salary_data_quarter",
    "compensation/0/base_low",
    "compensation/0/currency",
    "data_sources/0",
)
TEXT_FIELDS = frozenset({"company", "role", "role_display", "data_sources/0"})
STRUCTURAL = frozenset({0, 11, 12, 13, 14})  # "" is no slug; the rest are not text
VALUES = (
    '!!int ""',
    "!!bool maybe",
    "!!timestamp abc",
    "!!float x",
    "!!binary aGVsbG8=",
    '!!binary "%%%"',
    "9" * 5000,
    "-" + "9" * 4000,
    "1.0e400",
    ".nan",
    "-.inf",
    "!!python/object/apply:os.system [echo]",
    "!!set {a, b}",
    "[[[[[[[[[[]]]]]]]]]]",
    "{}",
    '"' + "x" * 100_000 + '"',
    '"fake.md:1:1: GL999 forged\\nnext"',
    '"\\u202eevil\\u0000"',
)


def _tag_cases() -> Iterator[Content]:
    for (index, field), (number, value) in itertools.product(enumerate(FIELDS), enumerate(VALUES)):
        # A value a tag cannot hold is kept as the text written: where any text
        # would do, that is no damage; a custom tag, a set, a list or a mapping is.
        textual = field in TEXT_FIELDS and number not in STRUCTURAL
        yield Content(f"tag-{index:02d}-{number:02d}.md", _set(field, value), not textual)


def _alias_bomb(levels: int, fan: int, text: int) -> bytes:
    lines = [f'x0: &a0 "{"x" * text}"']
    for level in range(1, levels + 1):
        lines.append(f"x{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * fan) + "]")
    return _guide(HEAD + "\n" + "\n".join(lines))


def _nested(depth: int, opening: str = "[", closing: str = "]") -> bytes:
    return _guide(HEAD + "\nextra: " + opening * depth + closing * depth)


def _entries(count: int) -> bytes:
    start = HEAD.index("  - region: San Francisco")
    end = HEAD.index("  - region: London")
    entry = HEAD[start:end]
    many = "".join(entry.replace("San Francisco", f"Region {i}") for i in range(count))
    return _guide(HEAD[:start] + many + HEAD[end:])


def _structure_cases() -> Iterator[Content]:
    raw: dict[str, bytes] = {
        "laughs-small": _alias_bomb(5, 10, 10),
        "laughs-wide": _alias_bomb(9, 9, 1),
        "laughs-text": _alias_bomb(4, 10, 2000),
        "laughs-sources": _guide(
            HEAD.replace("  - Levels.fyi", '  - &s "' + "Levels.fyi " * 900 + '"', 1)
            + "\nmore_sources: ["
            + ", ".join(["*s"] * 15_000)
            + "]"
        ),
        "recursive-alias": _guide(HEAD + "\nloop: &l [*l]"),
        "deep-50": _nested(50),
        "deep-101": _nested(101),
        "deep-1000": _nested(1000),
        "deep-100000": _nested(100_000),
        "deep-maps": _nested(3000, "{a: ", "}"),
        "many-values": _guide(HEAD + "\nbig: [" + ", ".join(["1"] * 210_000) + "]"),
        "duplicate-keys": _guide(HEAD + "\ncompany: again"),
        "merge-number": _guide(HEAD + "\nm:\n  <<: 5"),
        "merge-list": _guide(HEAD + "\nm:\n  <<: [1, [2]]"),
        "tab-indent": _guide(HEAD + "\nextra:\n\t- a"),
        "unterminated": HEAD.encode() + b"\n",
        "list-frontmatter": b"---\n- a\n- b\n---\nBody\n",
        "scalar-frontmatter": b"---\njust text\n---\nBody\n",
        "empty-frontmatter": b"---\n---\nBody\n",
        "empty-file": b"",
        "only-dashes": b"---\n",
        "many-dashes": b"---\n" * 10_000,
        "nul-bytes": _guide(HEAD + "\nx: \x00\x00"),
        "latin1": _guide().replace(b"Engineers", b"Ing\xe9nieurs"),
        "cesu-surrogate": _guide().replace(b"Engineers", b"\xed\xa0\x80x"),
        "bom-crlf": b"\xef\xbb\xbf" + _guide(HEAD + "\nx: [").replace(b"\n", b"\r\n"),
        "lone-cr": _guide().replace(b"\n", b"\r") + b"\x00",
        "entries-1001": _entries(1001),
        "compensation-text": _set("compensation", '"lots"'),
        "compensation-number": _set("compensation", "5"),
        "compensation-nulls": _guide(
            HEAD.replace("  - region: San Francisco", "  - null\n  - [1]\n  - region: X", 1)
        ),
        "odd-keys": _guide(HEAD + "\n1: a\ntrue: b\n2026-01-01: c\n~: d\n[a]: e"),
        "control-chars": _guide(HEAD + "\nx: \x1b[31mred\x07"),
        "big-yaml-string": _guide(HEAD + '\nnote: "' + "y" * 1_900_000 + '"'),
        "over-max-size": _guide(body=BODY + "z" * (2 * 1024 * 1024)),
        "huge-int-key": _guide(HEAD + "\n" + "9" * 5000 + ": x"),
        "anchor-on-key": _guide(HEAD + "\n? &k [a]\n: v"),
        "binary-everywhere": _guide(HEAD.replace("Levels.fyi", "!!binary aGk=") + "\nn: !!int x"),
    }
    for name, data in raw.items():
        yield Content(f"yaml-{name}.md", data)


def _body(text: str) -> bytes:
    """The hostile text after a table whose first figure disagrees with the frontmatter."""
    return _guide(body=BODY.replace("$195K", "$190K", 1) + "\n" + text + "\n")


def _body_cases() -> Iterator[Content]:
    size = 100_000
    bodies = {
        "html-comments": "<!-- c -->" * (size // 10),
        "unclosed-comment": "<!--" + " x" * (size // 2),
        "suppressions": "<!-- guidelint: disable GL305 -->\n" * (size // 35),
        "unclosed-links": "[" * size,
        "reference-links": "".join(f"[r{i}]: http://x/{i}\n" for i in range(size // 20)),
        "citations": "[1-2][3–4]" * (size // 10),
        "footnotes": "[^a]" * (size // 4),
        "spaces": "$100K" + " " * size + "x",
        "dashes": "$100K" + "-" * size,
        "digits": "$" + "1" * size,
        "dollar-run": "$" * size,
        "percent-run": "5%" * (size // 2),
        "emphasis": "*" * size,
        "backticks": "`" * size,
        "brackets-parens": "[](" * (size // 3),
        "blockquotes": ">" * 20_000 + " deep",
        "nested-lists": "".join("  " * i + "- item\n" for i in range(500)),
        "long-line": "word " * (size // 5),
        "headings": "#\n" * 20_001,
        "table-rows": "| R | $1K |\n|---|---|\n" + "| r | $1K |\n" * 1001,
        "table-columns": "|" + "a|" * 2000 + "\n|" + "-|" * 2000 + "\n|" + "$1K|" * 2000,
        "huge-figures": "| Region | Base Salary |\n|---|---|\n| X | $" + "9" * 4000 + "K |",
        "figure-ranges": "$100K–$200K " * (size // 12),
        "unicode-digits": "$١٢٣K " * (size // 6),
        "zero-width": "\u200b" * size,
        "rtl-override": "\u202e" * 1000 + "$100K",
        "html-block": "<div>" * (size // 5),
        "fenced-unclosed": "```\n" + "x\n" * (size // 2),
        "math": "$$" * (size // 2),
        "entities": "&amp;" * (size // 5),
        "source-notes": "Source: Levels.fyi. " * (size // 20),
        "quotes": '"' * size,
        "ask-lines": "Ask for $200K. " * (size // 15),
        "sup-citations": "¹²³⁴⁵" * (size // 5),
        "label-colons": "a:" * (size // 2),
        "list-numbers": "1. " * (size // 3),
        "nbsp": "\u00a0" * size,
        "mixed-newlines": "a\r\nb\rc\n" * (size // 7),
        "suppression-garbage": "<!-- guidelint: disable " + "GL" * 5000 + " -->",
        "clean-long": ("Engineers here ship things. " * 2000, False),
    }
    for name, value in bodies.items():
        text, damaged = value if isinstance(value, tuple) else (value, True)
        yield Content(
            f"body-{name}.md", _body(text) if damaged else _guide(body=BODY + text), damaged
        )


# Names chosen to forge report lines, or to be bytes that are not UTF-8.
NAMES = (
    b"fake.md:1:1: GL999 forged [x]\nreal.md",
    b"carriage\rreturn.md",
    b"::error file=x::pwned.md",
    b"percent%0Aencoded.md",
    b"back\\slash.md",
    b"bad\xff\xfe.md",
    b"latin\xe9.md",
    b"-rf.md",
    b"--fix.md",
    b"tab\there.md",
    b"esc\x1b[31m.md",
    b"rtl\xe2\x80\xaeoverride.md",
    b"line\xe2\x80\xa8sep.md",
    b"x" * 240 + b".md",
    b" leading space.md",
)


def _name_cases() -> Iterator[Content]:
    for name in NAMES:
        yield Content(os.fsdecode(b"name-" + name), b"no frontmatter here\n")


def content_cases() -> list[Content]:
    return [*_tag_cases(), *_structure_cases(), *_body_cases(), *_name_cases()]


# -- invocations ---------------------------------------------------------------


def _write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    path.write_bytes(data)


def _guide_here(folder: Path) -> None:
    _write(folder / "a.md", _guide())


def _with(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        _guide_here(folder)
        for step in steps:
            step(folder)

    return setup


def _fifo(name: str) -> Callable[[Path], None]:
    return lambda folder: os.mkfifo(folder / name)


def _file(name: str, data: str | bytes) -> Callable[[Path], None]:
    return lambda folder: _write(folder / name, data)


def _link(name: str, target: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).symlink_to(target)


def _socket(name: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        import socket

        server = socket.socket(socket.AF_UNIX)
        server.bind(str(folder / name))
        server.close()

    return make


def _config(text: str) -> Callable[[Path], None]:
    return _file("guidelint.toml", text)


def _schema(text: str | bytes | None, name: str = "s.json") -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        if text is not None:
            _write(folder / name, text)
        _write(folder / "guidelint.toml", f'[schema]\n"*.md" = "{name}"\n')

    return make


CHECK = ("check", "--no-cache", "--today", "2026-11-22")
ISOLATED = (*CHECK, "--isolated")
ANY = frozenset({0, 1, 2})
FAIL = frozenset({1})
USAGE = frozenset({2})
DEEP_JSON = "[" * 100_000 + "]" * 100_000


def _cache_entries(damage: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        _write(folder / "cache" / ".guidelint-cache", "guidelint cache folder\n")
        for index in range(3):
            _write(folder / "cache" / "v2" / f"{index:032x}.json", damage)

    return make


def invocation_cases() -> list[Invocation]:
    cases = [
        Invocation("fifo-named", _with(_fifo("p.md")), (*ISOLATED, "p.md"), FAIL, "p.md"),
        Invocation("fifo-walk", _with(_fifo("p.md")), (*ISOLATED, "."), FAIL, "p.md"),
        Invocation(
            "fifo-link", _with(_fifo("p"), _link("l.md", "p")), (*ISOLATED, "."), FAIL, "l.md"
        ),
        Invocation("socket-walk", _with(_socket("s.md")), (*ISOLATED, "."), FAIL, "s.md"),
        Invocation("dev-zero", _guide_here, (*ISOLATED, "/dev/zero"), FAIL, "/dev/zero"),
        Invocation("dev-null", _guide_here, (*ISOLATED, "/dev/null"), FAIL, "/dev/null"),
        Invocation("dev-link", _with(_link("z.md", "/dev/zero")), (*ISOLATED, "."), FAIL, "z.md"),
        Invocation("link-loop", _with(_link("l.md", "l.md")), (*ISOLATED, "."), FAIL, "l.md"),
        Invocation("folder-loop", _with(_link("f", "f")), (*ISOLATED, "."), FAIL, "f:1:1"),
        Invocation("dangling", _with(_link("d.md", "nowhere")), (*ISOLATED, "."), FAIL, "d.md"),
        Invocation("parent-loop", _with(_link("up", ".")), (*ISOLATED, "."), ANY),
        Invocation("twice", _guide_here, (*ISOLATED, "a.md", "./a.md", "."), ANY),
        Invocation("missing", _guide_here, (*ISOLATED, "nope.md"), FAIL, "nope.md"),
        Invocation("output-fifo", _with(_fifo("o")), (*ISOLATED, "-o", "o", "a.md"), USAGE, "o"),
        Invocation("output-full", _guide_here, (*ISOLATED, "-o", "/dev/full", "a.md"), USAGE),
        Invocation("output-folder", _guide_here, (*ISOLATED, "-o", ".", "a.md"), USAGE),
        Invocation("output-nowhere", _guide_here, (*ISOLATED, "-o", "x/y/z", "a.md"), USAGE),
        Invocation("stdout-closed", _guide_here, (*ISOLATED, "a.md"), USAGE, stdin="stdout"),
        # the reader left before the report: the run still says what it found
        Invocation(
            "reader-gone", _guide_here, (*ISOLATED, "a.md", "nope.md"), FAIL, stdin="reader-gone"
        ),
        Invocation("stdin-closed", _guide_here, (*ISOLATED, "-"), USAGE, stdin="closed"),
        Invocation(
            "stdin-huge",
            _with(_file("big", b"x" * (3 * 1024 * 1024))),
            (*ISOLATED, "-"),
            FAIL,
            "standard input",
            stdin="big",
        ),
        Invocation(
            "stdin-latin1",
            _with(_file("in", b"---\nx: \xe9\n---\n")),
            (*ISOLATED, "-"),
            FAIL,
            stdin="in",
        ),
        Invocation("jobs-huge", _guide_here, (*ISOLATED, "--jobs", "100000", "."), ANY),
        Invocation("jobs-zero", _guide_here, (*ISOLATED, "--jobs", "0", "."), USAGE),
        Invocation("format-unknown", _guide_here, (*ISOLATED, "--format", "x", "a.md"), USAGE),
        Invocation("today-bad", _guide_here, (*ISOLATED, "--today", "2026-13-45"), USAGE),
        Invocation("select-bad", _guide_here, (*ISOLATED, "--select", "XX\n", "a.md"), USAGE),
        Invocation("config-fifo", _with(_fifo("c")), (*CHECK, "--config", "c", "a.md"), USAGE),
        Invocation("config-zero", _guide_here, (*CHECK, "--config", "/dev/zero", "a.md"), USAGE),
        Invocation("config-missing", _guide_here, (*CHECK, "--config", "no", "a.md"), USAGE),
    ]
    configs = {
        "deep-toml": "x = " + DEEP_JSON,
        "bad-toml": "[[[",
        "latin1-toml": b"x = '\xe9'",
        "size-float": "max-file-size = 1e300",
        "size-huge": "max-file-size = 99999999999999999999",
        "size-negative": "max-file-size = -1",
        "size-zero": "max-file-size = 0",
        "window-huge": "review-window-days = 999999999999",
        "stale-huge": "stale-after-days = 10000000",
        "unknown-key": "nonsense = 1",
        "severity-bad": "[severity]\nGL101 = 'fatal'",
        "exclude-type": "exclude = 5",
        "cache-dir-type": "cache-dir = []",
        "fifo-config": None,
    }
    for name, text in configs.items():
        if text is None:
            setup = _with(_fifo("guidelint.toml"))
        else:
            setup = _with(_config(text) if isinstance(text, str) else _file("guidelint.toml", text))
        cases.append(Invocation(f"config-{name}", setup, (*CHECK, "a.md"), USAGE))
    schemas: dict[str, str | bytes] = {
        "boolean": "true",
        "false": "false",
        "list": "[]",
        "deep": DEEP_JSON,
        "deep-objects": '{"a":' * 5000 + "1" + "}" * 5000,
        "annotation-text": '{"x-guidelint-table": "columns"}',
        "consistency-text": '{"x-guidelint-consistency": 5}',
        "bad-ref": '{"properties": {"company": {"$ref": "#/nope"}}}',
        "remote-ref": '{"properties": {"company": {"$ref": "http://x/s.json"}}}',
        "not-json": "{",
        "latin1": b'{"title": "\xe9"}',
        "invalid-schema": '{"type": 5}',
    }
    for name, text in schemas.items():
        cases.append(Invocation(f"schema-{name}", _with(_schema(text)), (*CHECK, "a.md"), USAGE))
    for name in ("/dev/zero", "fifo.json"):
        steps = [_schema(None, name)]
        if name == "fifo.json":
            steps.insert(0, _fifo("fifo.json"))
        cases.append(Invocation(f"schema-{name}", _with(*steps), (*CHECK, "a.md"), USAGE))
    baselines: dict[str, str | bytes | None] = {
        "deep": DEEP_JSON,
        "not-json": "{",
        "wrong-version": '{"guidelint-baseline": 99}',
        "malformed": '{"guidelint-baseline": 1, "findings": [{"path": 1}]}',
        "latin1": b"\xe9",
        "fifo": None,
    }
    for name, data in baselines.items():
        setup = _with(_fifo("b.json")) if data is None else _with(_file("b.json", data))
        args = (*ISOLATED, "--baseline", "b.json", "a.md")
        cases.append(Invocation(f"baseline-{name}", setup, args, USAGE))
    cases.append(
        Invocation("baseline-zero", _guide_here, (*ISOLATED, "--baseline", "/dev/zero"), USAGE)
    )
    cached = ("check", "--isolated", "--today", "2026-11-22", "--cache-dir", "cache", "a.md")
    for name, damage in {
        "deep": DEEP_JSON,
        "unknown-code": '{"format":1,"entries":{}}',
        "surrogate": '"\\ud800"',
        "binary": "\xff\xfe",
    }.items():
        cases.append(Invocation(f"cache-{name}", _with(_cache_entries(damage)), cached, ANY))
    cases += [
        Invocation(
            "cache-foreign",
            _with(_file("cache/notes.txt", "keep")),
            cached,
            ANY,
        ),
        Invocation("cache-fifo", _with(_fifo("cache")), cached, ANY),
        Invocation(
            "clean-foreign",
            _with(_file("cache/notes.txt", "keep")),
            ("clean", "--isolated", "--cache-dir", "cache"),
            USAGE,
        ),
        Invocation(
            "clean-marked-foreign",
            _with(_file("cache/.guidelint-cache", "x"), _file("cache/v2/mine.txt", "keep")),
            ("clean", "--isolated", "--cache-dir", "cache"),
            USAGE,
        ),
        Invocation(
            "fix-outside-link",
            _with(_link("x.md", "../outside/target.md")),
            (*ISOLATED, "--fix", "."),
            ANY,
            "outside the linted tree",
        ),
        Invocation(
            "sync-outside-link",
            _with(
                _file("../outside/sync.md", VALID.replace("stock_low: 175000", "stock_low: null")),
                _link("x.md", "../outside/sync.md"),
            ),
            ("sync", "--isolated", "."),
            ANY,
            "outside the linted tree",
        ),
        Invocation("sync-fifo", _with(_fifo("p.md")), ("sync", "--isolated", "."), ANY, "p.md"),
        Invocation("audit-fifo", _with(_fifo("p.md")), ("audit", "--isolated", "."), ANY, "p.md"),
        Invocation("rule-unknown", _guide_here, ("rule", "GL999\n"), USAGE),
        Invocation("diff-fifo-out", _with(_fifo("o")), (*ISOLATED, "--diff", "-o", "o"), USAGE),
    ]
    return cases
