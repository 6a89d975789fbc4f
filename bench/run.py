"""Measure guidelint against every speed target and write bench/RESULTS.md.

    python bench/run.py [--repeat N] [--quick] [--skip-peers] [--no-write]

Builds seeded real-format corpora (``bench/generate.py --shape real``) of 1,000
and 10,000 guides under ``bench/corpus/`` (kept between runs, rebuilt when the
generator changes), then runs whole processes and takes wall time from a
monotonic clock and peak resident memory from the operating system
(``os.wait4``'s rusage of that very process).  Each figure is the median of
repeated runs, with the spread (lowest to highest).

Two parse floors, small scripts in this file measured in the same run, do only
what any linter of these files must: read, split, load the YAML with PyYAML's
C loader, validate against the schema (validator built once) and parse the
Markdown.  The new floor uses the libraries guidelint uses (jsonschema-rs and
pyromark); the old floor the ones it used before (jsonschema and
markdown-it-py, the latter installed into ``bench/corpus/_tools`` with pip,
pinned, since guidelint no longer depends on it; skipped with a note when that
fails).  The read floor only finds and reads the files.

Targets (from the project's performance issue):

1. ``--jobs 1`` over 10,000 guides, no cache: at most 2.0x the new parse
   floor, and faster than the old one;
2. ``--jobs 2`` at least 1.8x faster than ``--jobs 1``;
3. at least 8x faster (``--jobs 2``) than markdownlint-cli2 with its default
   (style) rules on the same 1,000 guides (installed with npm into
   ``bench/corpus/_tools`` when Node.js is present; skipped otherwise);
4. one guide, no cache (the pre-commit case): at most 80 ms median wall,
   interpreter start-up included, shown beside ``python -c pass``; and the
   same run with ``python -S`` (no ``site`` start-up, so no ``.pth`` hooks an
   environment may hold; site-packages put on ``PYTHONPATH`` instead) beside
   ``python -S -c pass``, which tells guidelint's own share;
5. a second, cached run over 10,000 unchanged guides at most 1.5x the read
   floor; peak memory at most 60 MB; 10x the guides at most 10.5x the time.

``--floor-new DIR``, ``--floor-old DIR`` and ``--read-floor DIR`` run the floor
scripts (that is how the benchmark itself starts them).
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import sysconfig
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
CORPUS = BENCH / "corpus"
TOOLS = CORPUS / "_tools"
PY_TOOLS = TOOLS / "python"
RESULTS = BENCH / "RESULTS.md"
TODAY = "2026-03-01"  # the generator's default: guides are fresh on this day
SIZES = {"1k": 1000, "10k": 10000}
SHAPE = "real"
MARKDOWNLINT = "markdownlint-cli2@0.24.1"
MARKDOWN_IT = "markdown-it-py==4.3.0"


# ---------------------------------------------------------------- floor scripts


def _walk(top: str) -> list[str]:
    """Every ``*.md`` under ``top``, sorted, as guidelint finds them."""
    found: list[str] = []
    for folder, dirs, files in os.walk(top):
        dirs.sort()
        found.extend(os.path.join(folder, name) for name in sorted(files) if name.endswith(".md"))
    return found


def read_floor(top: str) -> int:
    total = 0
    for path in _walk(top):
        with open(path, "rb") as handle:
            total += len(handle.read())
    return total


def _jsonable(value: Any) -> Any:
    """Dates as ISO text, as the schema wants.  (The floors import no guidelint code,
    so they measure the libraries alone, which is why this is not ``document.jsonable``.)"""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _split_and_load(top: str) -> Any:
    """(front matter data or None, body) of every guide: read, split, C-loader YAML."""
    import yaml

    for path in _walk(top):
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8")
        parts = text.split("---\n", 2)
        front, body = (parts[1], parts[2]) if len(parts) == 3 else ("", text)
        try:
            data = yaml.load(front, Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            data = None
        yield (_jsonable(data) if isinstance(data, dict) else None), body


def parse_floor_new(top: str) -> int:
    """Read, split, C-loader YAML, jsonschema-rs (built once), pyromark events with ranges."""
    import jsonschema_rs
    import pyromark

    schema = json.loads((REPO / "schemas" / "guide.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema_rs.Draft202012Validator(schema, validate_formats=True)
    options = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH
    errors = 0
    for data, body in _split_and_load(top):
        if data is not None:
            errors += sum(1 for _ in validator.iter_errors(data))
        for _ in pyromark.events_with_range(body, options=options):
            pass
    return errors


def parse_floor_old(top: str) -> int:
    """Read, split, C-loader YAML, jsonschema (built once), markdown-it-py."""
    from jsonschema import Draft202012Validator, FormatChecker
    from markdown_it import MarkdownIt

    schema = json.loads((REPO / "schemas" / "guide.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=FormatChecker(formats=["date"]))
    markdown = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    errors = 0
    for data, body in _split_and_load(top):
        if data is not None:
            errors += sum(1 for _ in validator.iter_errors(data))
        markdown.parse(body)
    return errors


# ---------------------------------------------------------------- measuring


@dataclass
class Sample:
    """Repeated whole-process runs of one command."""

    label: str
    walls: list[float] = field(default_factory=list)
    rss_kb: list[int] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    codes: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.walls)

    @property
    def spread(self) -> str:
        return f"{min(self.walls):.3g}–{max(self.walls):.3g} s"

    @property
    def cpu(self) -> float:
        """Median CPU seconds (user + system, workers included)."""
        return statistics.median(self.cpus)

    @property
    def peak_mb(self) -> float:
        return max(self.rss_kb) / 1024

    def show(self) -> str:
        return (
            f"{self.label}: median {self.median:.3f} s ({self.spread}, n={len(self.walls)}),"
            f" CPU {statistics.median(self.cpus):.3f} s, peak RSS {self.peak_mb:.0f} MB"
        )


def run_once(cmd: list[str], cwd: Path, sample: Sample, env: dict[str, str] | None = None) -> None:
    """One whole process: wall clock around it, peak RSS from wait4's rusage."""
    start = time.perf_counter()
    process = subprocess.Popen(
        cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    sample.walls.append(wall)
    sample.rss_kb.append(usage.ru_maxrss)  # kilobytes on Linux
    sample.cpus.append(usage.ru_utime + usage.ru_stime)  # with the reaped workers
    sample.codes.append(process.returncode)


@dataclass
class Command:
    label: str
    cmd: list[str]
    cwd: Path
    env: dict[str, str] | None = None


def measure(commands: list[Command], repeat: int, warmup: int = 1) -> list[Sample]:
    """Run the commands round-robin: ``warmup`` unrecorded rounds, then ``repeat``.

    Interleaving puts the commands whose ratio is a target side by side in
    time, so a machine that is busier in one minute than the next skews both
    alike.
    """
    samples = [Sample(c.label) for c in commands]
    scratch = Sample("warm-up")
    for _ in range(warmup):
        for command in commands:
            run_once(command.cmd, command.cwd, scratch, command.env)
    for _ in range(repeat):
        for command, sample in zip(commands, samples, strict=True):
            run_once(command.cmd, command.cwd, sample, command.env)
    for sample in samples:
        print("  " + sample.show(), flush=True)
    return samples


def guidelint(*args: str) -> list[str]:
    return [sys.executable, "-m", "guidelint", "check", "--today", TODAY, *args]


# ---------------------------------------------------------------- corpora and tools


def generator_digest() -> str:
    digest = hashlib.sha256()
    for name in ("generate.py", "realshape.py"):
        digest.update((BENCH / name).read_bytes())
    return digest.hexdigest()[:16]


def build_corpus(name: str, count: int) -> Path:
    """bench/corpus/<name>, regenerated only when the generator or the count changed."""
    folder = CORPUS / name
    stamp = folder / ".generator"
    wanted = f"{count} {SHAPE} {generator_digest()}"
    if stamp.is_file() and stamp.read_text() == wanted:
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    sys.path.insert(0, str(BENCH))
    try:
        import generate
    finally:
        sys.path.pop(0)
    started = time.perf_counter()
    generate.generate(count, folder, shape=SHAPE)
    stamp.write_text(wanted)
    print(f"  built {name}: {count} guides in {time.perf_counter() - started:.1f} s", flush=True)
    return folder


def snapshot_code() -> Path:
    """A frozen copy of the package that every measured run imports (via PYTHONPATH).

    Every run then measures the same code even while the working tree is being
    edited, and the cache's fingerprint of guidelint's own files stays stable.
    """
    root = CORPUS / "_code"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(
        REPO / "guidelint", root / "guidelint", ignore=shutil.ignore_patterns("__pycache__")
    )
    # Byte-compile it as pip does when it installs a wheel: without this, an
    # environment with PYTHONDONTWRITEBYTECODE set would recompile every module
    # on every measured run, which no installed copy does.
    compileall.compile_dir(root / "guidelint", quiet=1)
    return root


def corpus_bytes(folder: Path) -> int:
    return sum(os.path.getsize(p) for p in _walk(str(folder)))


def markdownlint() -> tuple[list[str] | None, str]:
    """The markdownlint-cli2 command, installed into a scratch folder, or a note why not."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        return None, "Node.js/npm not found: markdownlint-cli2 comparison skipped"
    package = TOOLS / "node_modules" / "markdownlint-cli2"
    if not (package / "package.json").is_file():
        TOOLS.mkdir(parents=True, exist_ok=True)
        print(f"  npm install {MARKDOWNLINT} into {TOOLS.relative_to(REPO)} ...", flush=True)
        done = subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", "--prefix", str(TOOLS), MARKDOWNLINT],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0 or not (package / "package.json").is_file():
            tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["unknown error"]
            return None, f"npm install {MARKDOWNLINT} failed ({tail[0]}): comparison skipped"
    bin_field = json.loads((package / "package.json").read_text())["bin"]
    script = package / (bin_field if isinstance(bin_field, str) else bin_field["markdownlint-cli2"])
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    return [node, str(script)], f"{MARKDOWNLINT} on Node.js {version}"


def markdown_it() -> tuple[dict[str, str] | None, str]:
    """An environment whose PYTHONPATH finds markdown-it-py in a scratch folder, or a note."""
    version = MARKDOWN_IT.split("==")[1]
    installed = list(PY_TOOLS.glob(f"markdown_it_py-{version}.dist-info"))
    if not installed:
        PY_TOOLS.mkdir(parents=True, exist_ok=True)
        print(f"  pip install {MARKDOWN_IT} into {PY_TOOLS.relative_to(REPO)} ...", flush=True)
        done = subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "--target", str(PY_TOOLS), "--upgrade", MARKDOWN_IT],
            capture_output=True, text=True,
        )  # fmt: skip
        installed = list(PY_TOOLS.glob(f"markdown_it_py-{version}.dist-info"))
        if done.returncode != 0 or not installed:
            tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["unknown error"]
            return None, f"pip install {MARKDOWN_IT} failed ({tail[0]}): old floor skipped"
    return {**os.environ, "PYTHONPATH": str(PY_TOOLS)}, f"markdown-it-py {version}"


# ---------------------------------------------------------------- machine


def machine(code: Path, old_floor: str) -> list[str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB RAM"
    except OSError:
        pass
    try:
        import yaml

        libyaml = "with libyaml" if hasattr(yaml, "CSafeLoader") else "pure Python"
        versions = [f"PyYAML {yaml.__version__} ({libyaml})"]
    except ImportError:
        versions = []
    from importlib.metadata import PackageNotFoundError, version

    for package in ("jsonschema-rs", "pyromark", "jsonschema", "guidelint"):
        with contextlib.suppress(PackageNotFoundError):
            versions.append(f"{package} {version(package)}")
    versions.append(f"{old_floor} (old floor only)")
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    rules = subprocess.run(
        [sys.executable, "-c", "from guidelint.registry import load_families as f; r=f();"
         "print(len(r.rules), len(r.checks))"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(code)},
    ).stdout.split()  # fmt: skip
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "guidelint"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip()
    return [
        f"- CPU: {cpu}, {os.cpu_count()} logical cores; {memory}",
        f"- OS: {platform.system()} {platform.release()}; Python {platform.python_version()}",
        f"- Libraries: {', '.join(versions)}",
        f"- guidelint commit {commit or '?'}{' plus uncommitted edits' if dirty else ''}"
        f" (measured from a frozen copy): {rules[0] if rules else '?'} rules,"
        f" {rules[1] if len(rules) > 1 else '?'} checks registered",
        f"- Load average when the run started: {load}",
    ]


# ---------------------------------------------------------------- the run


@dataclass
class Target:
    number: str
    name: str
    measured: str
    goal: str
    ok: bool | None  # None: not measured

    def row(self) -> str:
        verdict = {True: "pass", False: "FAIL", None: "skipped"}[self.ok]
        return f"| {self.number} | {self.name} | {self.measured} | {self.goal} | {verdict} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="recorded runs per figure")
    parser.add_argument("--quick", action="store_true", help="1 run each; 2,000 guides, not 10,000")
    parser.add_argument("--skip-peers", action="store_true", help="do not run markdownlint-cli2")
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md")
    parser.add_argument("--floor-new", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--floor-old", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--read-floor", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    for option, script in (
        (args.floor_new, parse_floor_new),
        (args.floor_old, parse_floor_old),
        (args.read_floor, read_floor),
    ):
        if option:
            print(script(option))
            return 0

    repeat = 1 if args.quick else args.repeat
    big_name, big_count = ("2k", 2000) if args.quick else ("10k", SIZES["10k"])
    started = time.time()
    code = snapshot_code()
    old_env, old_note = markdown_it()
    header = machine(code, old_note)
    print("\n".join(header), flush=True)
    print("corpora:", flush=True)
    small = build_corpus("1k", SIZES["1k"])
    big = build_corpus(big_name, big_count)
    sizes = {name: corpus_bytes(path) for name, path in (("1k", small), (big_name, big))}
    one_dir = CORPUS / "one"
    one_dir.mkdir(exist_ok=True)
    one = one_dir / "guide.md"
    shutil.copyfile(_walk(str(small))[0], one)

    here = str(Path(__file__).resolve())
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(code)}
    cache_dir = CORPUS / "_cache"
    rel_big, rel_small = big.name, small.name

    print("measuring:", flush=True)
    commands = [
        Command(
            f"new parse floor, {big_count:,}",
            [sys.executable, here, "--floor-new", rel_big],
            CORPUS,
        ),
        Command(
            f"guidelint --jobs 1 --no-cache, {big_count:,}",
            guidelint("--jobs", "1", "--no-cache", rel_big),
            CORPUS,
            env,
        ),
        Command(
            f"guidelint --jobs 2 --no-cache, {big_count:,}",
            guidelint("--jobs", "2", "--no-cache", rel_big),
            CORPUS,
            env,
        ),
        Command(
            "guidelint --jobs 1 --no-cache, 1,000",
            guidelint("--jobs", "1", "--no-cache", rel_small),
            CORPUS,
            env,
        ),
    ]
    if old_env is not None:
        commands.append(
            Command(
                f"old parse floor, {big_count:,}",
                [sys.executable, here, "--floor-old", rel_big],
                CORPUS,
                old_env,
            )
        )
    floor, jobs1, jobs2, jobs1_small, *rest = measure(commands, repeat)
    old_floor = rest[0] if rest else None
    if cache_dir.exists():
        shutil.rmtree(cache_dir)
    reads, cached = measure(
        [
            Command(
                f"read floor, {big_count:,}",
                [sys.executable, here, "--read-floor", rel_big],
                CORPUS,
            ),
            Command(
                f"guidelint second run (cache warm), {big_count:,}",
                guidelint("--cache-dir", str(cache_dir), rel_big),
                CORPUS,
                env,
            ),
        ],
        repeat,
    )
    # The same run with ``-S``: no site start-up, so no ``.pth`` hooks of the
    # environment; site-packages is put on the path by hand for the libraries.
    bare_env = {**env, "PYTHONPATH": os.pathsep.join([str(code), sysconfig.get_paths()["purelib"]])}
    one_cold, one_bare, one_warm, bare, bare_s = measure(
        [
            Command(
                "guidelint one guide --no-cache", guidelint("--no-cache", "guide.md"), one_dir, env
            ),
            Command(
                "guidelint one guide --no-cache, python -S",
                [sys.executable, "-S", *guidelint("--no-cache", "guide.md")[1:]],
                one_dir,
                bare_env,
            ),
            Command("guidelint one guide, cache warm", guidelint("guide.md"), one_dir, env),
            Command("python -c pass", [sys.executable, "-c", "pass"], one_dir, env),
            Command("python -S -c pass", [sys.executable, "-S", "-c", "pass"], one_dir, env),
        ],
        max(10, repeat * 5),
        warmup=2,
    )
    peers_cmd, peers_note = (None, "skipped (--skip-peers)")
    if not args.skip_peers:
        peers_cmd, peers_note = markdownlint()
    peer_ours = peer = None
    if peers_cmd:
        peer, peer_ours = measure(
            [
                Command("markdownlint-cli2, 1,000", [*peers_cmd, f"{rel_small}/**/*.md"], CORPUS),
                Command(
                    "guidelint --jobs 2 --no-cache, 1,000",
                    guidelint("--jobs", "2", "--no-cache", rel_small),
                    CORPUS,
                    env,
                ),
            ],
            repeat,
        )
    else:
        print(f"  {peers_note}", flush=True)

    targets = _targets(
        big_count, floor, old_floor, old_note, jobs1, jobs2, jobs1_small, reads, cached,
        one_cold, one_bare, one_warm, bare, bare_s, peer, peer_ours, peers_note,
    )  # fmt: skip
    table = [
        "| # | target | measured (median) | goal | result |",
        "|---|--------|-------------------|------|--------|",
        *(t.row() for t in targets),
    ]
    samples = [floor, old_floor, jobs1, jobs2, jobs1_small, reads, cached]
    samples += [one_cold, one_bare, one_warm, bare, bare_s, peer, peer_ours]
    details = [f"- {s.show()}" for s in samples if s]
    print()
    print("\n".join(table))
    if args.no_write:
        return 0
    elapsed = time.time() - started
    corpus_line = (
        f"Corpora: `python bench/generate.py --shape {SHAPE}` (seeded), {SIZES['1k']:,} guides"
        f" ({sizes['1k'] / 1e6:.1f} MB) and {big_count:,} guides"
        f" ({sizes[big_name] / 1e6:.1f} MB) written as content teams write them (nulls,"
        " absolute and signing bonuses, dual-currency and lakh cells, tables by level or"
        f" pivoted by city); `--today {TODAY}`."
    )
    kind = (
        "`--quick` run: 1 run per figure, 2,000 guides"
        if args.quick
        else f"medians of {repeat} runs"
    )
    text = "\n".join(
        [
            "# Benchmark results",
            "",
            f"Written by `python bench/run.py{' --quick' if args.quick else ''}` on"
            f" {dt.date.today().isoformat()} in {elapsed / 60:.1f} minutes; {kind}"
            " (one guide: more) after one unrecorded warm-up run, whole processes,"
            " wall time from a monotonic clock, peak RSS from the OS (`wait4`).",
            "",
            "## Machine",
            "",
            *header,
            "",
            f"- Load average when the run ended: {', '.join(f'{x:.2f}' for x in os.getloadavg())}"
            " (2.0 means both cores were busy on average; other work on the machine slows"
            " every figure, which is why ratios are measured side by side and CPU time is shown)",
            "",
            corpus_line,
            "",
            "## Targets",
            "",
            *table,
            "",
            "## Every measurement",
            "",
            *details,
            "",
        ]
    )
    RESULTS.write_text(text, encoding="utf-8")
    print(f"\nwrote {RESULTS.relative_to(REPO)}")
    return 0


def _ratio(a: Sample, b: Sample) -> str:
    return f"{a.median:.2f} s / {b.median:.2f} s = {a.median / b.median:.2f}x"


def _targets(
    big_count: int,
    floor: Sample,
    old_floor: Sample | None,
    old_note: str,
    jobs1: Sample,
    jobs2: Sample,
    jobs1_small: Sample,
    reads: Sample,
    cached: Sample,
    one_cold: Sample,
    one_bare: Sample,
    one_warm: Sample,
    bare: Sample,
    bare_s: Sample,
    peer: Sample | None,
    peer_ours: Sample | None,
    peers_note: str,
) -> list[Target]:
    growth = jobs1.median / jobs1_small.median * (SIZES["10k"] / big_count)
    vs_new = jobs1.median / floor.median
    old_text = (
        f"; old floor {old_floor.median:.2f} s ({jobs1.median / old_floor.median:.2f}x)"
        if old_floor
        else f"; old floor: {old_note}"
    )
    peak = max(jobs1.peak_mb, jobs2.peak_mb, cached.peak_mb)
    return [
        Target(
            "1",
            f"throughput: `--jobs 1` over {big_count:,} guides vs the parse floors",
            f"{jobs1.median:.2f} s; new floor {floor.median:.2f} s ({vs_new:.2f}x,"
            f" CPU {jobs1.cpu / floor.cpu:.2f}x){old_text}",
            "≤ 2.0x new floor and < old floor",
            vs_new <= 2.0 and (old_floor is None or jobs1.median < old_floor.median),
        ),
        Target(
            "2",
            f"parallelism: `--jobs 2` vs `--jobs 1`, {big_count:,} guides",
            _ratio(jobs1, jobs2),
            "≥ 1.8x",
            jobs1.median / jobs2.median >= 1.8,
        ),
        Target(
            "3",
            "peers: markdownlint-cli2 (default rules) vs guidelint `--jobs 2`, 1,000 guides",
            f"{_ratio(peer, peer_ours)}" if peer and peer_ours else peers_note,
            "≥ 8x",
            peer.median / peer_ours.median >= 8 if peer and peer_ours else None,
        ),
        Target(
            "4",
            "one guide, no cache (pre-commit), interpreter included",
            f"{one_cold.median * 1000:.0f} ms, CPU {one_cold.cpu * 1000:.0f} ms (cache warm:"
            f" {one_warm.median * 1000:.0f} ms; `python -c pass` {bare.median * 1000:.0f} ms);"
            f" without site start-up (`python -S`) {one_bare.median * 1000:.0f} ms, beside"
            f" `python -S -c pass` {bare_s.median * 1000:.0f} ms",
            "≤ 80 ms",
            one_cold.median <= 0.08,
        ),
        Target(
            "5a",
            f"cache: second run vs the read floor, {big_count:,} guides",
            f"{_ratio(cached, reads)} (CPU time: {cached.cpu / reads.cpu:.2f}x)",
            "≤ 1.5x",
            cached.median / reads.median <= 1.5,
        ),
        Target(
            "5b",
            f"peak memory, {big_count:,} guides (`--jobs 1`, `--jobs 2`, cached)",
            f"{jobs1.peak_mb:.0f} MB; {jobs2.peak_mb:.0f} MB; {cached.peak_mb:.0f} MB",
            "≤ 60 MB",
            peak <= 60,
        ),
        Target(
            "5c",
            "growth: 10,000-guide time / 1,000-guide time (`--jobs 1`)"
            + (" (extrapolated from 2,000)" if big_count != SIZES["10k"] else ""),
            f"{jobs1.median:.2f} s / {jobs1_small.median:.2f} s = {growth:.2f}x"
            f" (CPU time: {jobs1.cpu / jobs1_small.cpu * SIZES['10k'] / big_count:.2f}x)",
            "≤ 10.5x",
            growth <= 10.5,
        ),
    ]


if __name__ == "__main__":
    raise SystemExit(main())
