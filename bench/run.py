"""Measure guidelint against every speed target and write bench/RESULTS.md.

    python bench/run.py [--repeat N] [--quick] [--skip-peers] [--no-write]

Builds seeded corpora of 1,000 and 10,000 guides under ``bench/corpus/`` (kept
between runs, rebuilt when the generator changes), then runs whole processes
and takes wall time from a monotonic clock and peak resident memory from the
operating system (``os.wait4``'s rusage of that very process).  Each figure is
the median of repeated runs, with the spread (lowest to highest).

Targets (from the project's performance issue):

1. full check, 10,000 guides, ``--jobs 1``, no cache: at most 1.3x the parse
   floor, a small script in this file that only reads, splits, loads YAML with
   the C loader, validates with jsonschema (validator built once) and parses the
   Markdown with markdown-it-py, measured in the same run;
2. ``--jobs 2`` at least 1.7x faster than ``--jobs 1`` on 10,000 guides;
3. at least 5x faster than markdownlint-cli2 on the same corpus (installed with
   npm into ``bench/corpus/_tools`` when Node.js is present; skipped otherwise);
4. one guide (the pre-commit case) at most 200 ms median wall;
5. a second, cached run over unchanged files at most 2x the read floor (a
   script that only finds and reads the files);
6. peak memory at most 150 MB for 10,000 guides, and the 10,000-guide time at
   most 11x the 1,000-guide time.

``--floor DIR`` and ``--read-floor DIR`` run the two floor scripts (that is
how the benchmark itself starts them).
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
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
CORPUS = BENCH / "corpus"
TOOLS = CORPUS / "_tools"
RESULTS = BENCH / "RESULTS.md"
TODAY = "2026-03-01"  # the generator's default: clean guides are fresh on this day
SIZES = {"1k": 1000, "10k": 10000}
MARKDOWNLINT = "markdownlint-cli2@0.24.1"


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


def parse_floor(top: str) -> int:
    """Read, split, C-loader YAML, jsonschema (validator built once), markdown-it."""
    import yaml
    from jsonschema import Draft202012Validator, FormatChecker
    from markdown_it import MarkdownIt

    from guidelint.document import jsonable  # dates as ISO text, as the schema wants

    schema = json.loads((REPO / "schemas" / "guide.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=FormatChecker(formats=["date"]))
    markdown = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])

    errors = 0
    for path in _walk(top):
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8")
        parts = text.split("---\n", 2)
        front, body = (parts[1], parts[2]) if len(parts) == 3 else ("", text)
        try:
            data = yaml.load(front, Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            data = None
        if isinstance(data, dict):
            errors += sum(1 for _ in validator.iter_errors(jsonable(data)))
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
    return hashlib.sha256((BENCH / "generate.py").read_bytes()).hexdigest()[:16]


def build_corpus(name: str, count: int) -> Path:
    """bench/corpus/<name>, regenerated only when the generator or the count changed."""
    folder = CORPUS / name
    stamp = folder / ".generator"
    wanted = f"{count} {generator_digest()}"
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
    generate.generate(count, folder)
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


# ---------------------------------------------------------------- machine


def machine(code: Path) -> list[str]:
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

    for package in ("jsonschema", "markdown-it-py", "guidelint"):
        with contextlib.suppress(PackageNotFoundError):
            versions.append(f"{package} {version(package)}")
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
    parser.add_argument("--floor", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--read-floor", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.floor:
        print(parse_floor(args.floor))
        return 0
    if args.read_floor:
        print(read_floor(args.read_floor))
        return 0

    repeat = 1 if args.quick else args.repeat
    big_name, big_count = ("2k", 2000) if args.quick else ("10k", SIZES["10k"])
    started = time.time()
    code = snapshot_code()
    header = machine(code)
    print("\n".join(header), flush=True)
    print("corpora:", flush=True)
    small = build_corpus("1k", SIZES["1k"])
    big = build_corpus(big_name, big_count)
    sizes = {name: corpus_bytes(path) for name, path in (("1k", small), (big_name, big))}
    one_dir = CORPUS / "one"
    one_dir.mkdir(exist_ok=True)
    one = one_dir / "guide.md"
    manifest = json.loads((small / "MANIFEST.json").read_text())["guides"]
    clean = next(rel for rel, kinds in manifest.items() if not kinds)
    shutil.copyfile(small / clean, one)

    here = str(Path(__file__).resolve())
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(code)}
    cache_dir = CORPUS / "_cache"
    rel_big, rel_small = big.name, small.name

    print("measuring:", flush=True)
    floor, jobs1, jobs2, jobs1_small = measure(
        [
            Command(
                f"parse floor, {big_count:,}", [sys.executable, here, "--floor", rel_big], CORPUS
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
        ],
        repeat,
    )
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
    one_cold, one_warm = measure(
        [
            Command(
                "guidelint one guide --no-cache", guidelint("--no-cache", "guide.md"), one_dir, env
            ),
            Command("guidelint one guide, cache warm", guidelint("guide.md"), one_dir, env),
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
                    "guidelint (default --jobs) --no-cache, 1,000",
                    guidelint("--no-cache", rel_small),
                    CORPUS,
                    env,
                ),
            ],
            repeat,
        )
    else:
        print(f"  {peers_note}", flush=True)

    growth = jobs1.median / jobs1_small.median * (SIZES["10k"] / big_count)
    targets = [
        Target(
            "1",
            f"throughput: `--jobs 1` over {big_count:,} guides vs the parse floor",
            f"{jobs1.median:.2f} s vs {floor.median:.2f} s = {jobs1.median / floor.median:.2f}x"
            f" (CPU time: {jobs1.cpu / floor.cpu:.2f}x)",
            "≤ 1.3x",
            jobs1.median / floor.median <= 1.3,
        ),
        Target(
            "2",
            f"parallelism: `--jobs 2` vs `--jobs 1`, {big_count:,} guides",
            f"{jobs1.median:.2f} s / {jobs2.median:.2f} s = {jobs1.median / jobs2.median:.2f}x",
            "≥ 1.7x",
            jobs1.median / jobs2.median >= 1.7,
        ),
        Target(
            "3",
            "peers: markdownlint-cli2 vs guidelint, 1,000 guides",
            f"{peer.median:.2f} s / {peer_ours.median:.2f} s = {peer.median / peer_ours.median:.1f}x"
            if peer and peer_ours
            else peers_note,
            "≥ 5x",
            peer.median / peer_ours.median >= 5 if peer and peer_ours else None,
        ),
        Target(
            "4",
            "one guide, no cache (pre-commit)",
            f"{one_cold.median * 1000:.0f} ms, CPU {one_cold.cpu * 1000:.0f} ms"
            f" (cache warm: {one_warm.median * 1000:.0f} ms)",
            "≤ 200 ms",
            one_cold.median <= 0.2,
        ),
        Target(
            "5",
            f"cache: second run vs the read floor, {big_count:,} guides",
            f"{cached.median:.2f} s vs {reads.median:.2f} s = {cached.median / reads.median:.2f}x"
            f" (CPU time: {cached.cpu / reads.cpu:.2f}x)",
            "≤ 2x",
            cached.median / reads.median <= 2,
        ),
        Target(
            "6a",
            f"peak memory, {big_count:,} guides (`--jobs 1`; largest process of `--jobs 2`)",
            f"{jobs1.peak_mb:.0f} MB; {jobs2.peak_mb:.0f} MB",
            "≤ 150 MB",
            max(jobs1.peak_mb, jobs2.peak_mb) <= 150,
        ),
        Target(
            "6b",
            "growth: 10,000-guide time / 1,000-guide time (`--jobs 1`)"
            + (" (extrapolated from 2,000)" if big_count != SIZES["10k"] else ""),
            f"{jobs1.median:.2f} s / {jobs1_small.median:.2f} s = {growth:.2f}x"
            f" (CPU time: {jobs1.cpu / jobs1_small.cpu * SIZES['10k'] / big_count:.2f}x)",
            "≤ 11x",
            growth <= 11,
        ),
    ]
    table = [
        "| # | target | measured (median) | goal | result |",
        "|---|--------|-------------------|------|--------|",
        *(t.row() for t in targets),
    ]
    samples = [floor, jobs1, jobs2, jobs1_small, reads, cached, one_cold, one_warm]
    samples += [s for s in (peer, peer_ours) if s]
    details = [f"- {s.show()}" for s in samples]
    print()
    print("\n".join(table))
    if args.no_write:
        return 0
    elapsed = time.time() - started
    corpus_line = (
        f"Corpora: `python bench/generate.py` (seeded), {SIZES['1k']:,} guides"
        f" ({sizes['1k'] / 1e6:.1f} MB) and {big_count:,} guides"
        f" ({sizes[big_name] / 1e6:.1f} MB), about 30% with defects of every family;"
        f" `--today {TODAY}`."
    )
    text = "\n".join(
        [
            "# Benchmark results",
            "",
            f"Written by `python bench/run.py` on {dt.date.today().isoformat()}"
            f" in {elapsed / 60:.1f} minutes; medians of {repeat} runs"
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


if __name__ == "__main__":
    raise SystemExit(main())
