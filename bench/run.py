"""Measure guidelint against every speed target and write bench/RESULTS.md.

    python bench/run.py [--repeat N] [--quick] [--skip-peers] [--no-write]

Measures on seeded real-format corpora (``bench/generate.py --shape real``) of
1,000 and 10,000 guides under ``bench/corpus/`` (kept between runs, rebuilt
when the generator changes) and, where ``../shared/realworld-pool/`` exists,
on its real guides too.  Whole processes, run round-robin so that the figures
a ratio compares are taken side by side; wall time from a monotonic clock, CPU
time and peak resident memory from the operating system (``os.wait4``'s rusage
of that very process, workers included).  Each figure is the median of
repeated runs, with the spread (lowest to highest).

The compiled floor, a small script in this file, does only what any linter of
these files must: read, split, load the YAML with PyYAML's C loader, validate
against the schema with jsonschema-rs (built once) and walk pyromark's events.
The read floor only finds and reads the files.

Targets, each printed with pass/fail beside the earlier figures:

- ``--jobs 1`` at most 5x the compiled floor;
- markdownlint-cli2 (default rules) at least 5x slower than ``--jobs 2``
  (installed with npm into ``bench/corpus/_tools`` when Node.js and npm are
  present; skipped with a note otherwise);
- ``--jobs 2`` at least 1.85x faster than ``--jobs 1``, its CPU time at most
  5% above;
- one guide, no cache, through the console script: at most 100 ms;
- a second, cached run at most 1.5x the read floor;
- peak memory at 10x the guides no more than before (57 MB), time growing no
  faster than the guides (CPU at most 10x).

``--quick`` runs each figure once, on 200 and 2,000 generated guides (and the
real pool): a couple of minutes.  ``--floor DIR`` and ``--read-floor DIR`` run
the floor scripts (that is how the benchmark itself starts them).
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
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
CORPUS = BENCH / "corpus"
TOOLS = CORPUS / "_tools"
RESULTS = BENCH / "RESULTS.md"
TODAY = "2026-03-01"  # the generator's default: guides are fresh on this day
SHAPE = "real"
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


def parse_floor(top: str) -> int:
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
            + (f"; EXIT CODES {sorted(set(self.codes))}" if set(self.codes) - {0, 1} else "")
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

    for package in ("jsonschema-rs", "pyromark", "jsonschema", "guidelint"):
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

# The earlier figures, shown beside the new ones: those measured on 4,470 real
# guides (2 cores) and this file's previous run (commit
# 92cebf1, generated guides), whose whole report is kept under "Earlier rounds".
BEFORE = {
    "floor": ("11.7x (CPU 28.9 s / 2.4 s)", "9.29x (CPU 9.45x)"),
    "peers": ("2.1x", "3.62x"),
    "jobs": ("1.18x (busy host), CPU +6-13%", "1.93x"),
    "one": ("about 200 ms", "141 ms"),
    "cache": ("3.1x", "1.19x"),
    "memory": ("57 MB; CPU grows 9.3x", "36 MB; CPU grows 9.65x"),
}
MEMORY_BEFORE_MB = 57
EARLIER = "## Earlier rounds"
POOL = REPO.parent / "shared" / "realworld-pool"


@dataclass
class Target:
    key: str
    name: str
    corpus: str
    measured: str
    goal: str
    ok: bool | None  # None: not measured

    def row(self) -> str:
        verdict = {True: "pass", False: "FAIL", None: "skipped"}[self.ok]
        earlier, previous = BEFORE[self.key]
        return (
            f"| {self.name} | {self.corpus} | {earlier} | {previous} | {self.measured}"
            f" | {self.goal} | {verdict} |"
        )


TABLE_HEAD = [
    "| target | corpus | before: 4,470 real guides | before: previous run | now (median)"
    " | goal | result |",
    "|---|---|---|---|---|---|---|",
]


@dataclass
class Corpus:
    """A folder of guides the targets are measured on, and its samples."""

    label: str
    path: Path
    count: int
    samples: dict[str, Sample] = field(default_factory=dict)


def _ratio(a: Sample, b: Sample) -> str:
    return f"{a.median:.2f} s / {b.median:.2f} s = {a.median / b.median:.2f}x"


def throughput_targets(c: Corpus) -> list[Target]:
    floor, jobs1, jobs2 = c.samples["floor"], c.samples["jobs1"], c.samples["jobs2"]
    speedup = jobs1.median / jobs2.median
    overhead = jobs2.cpu / jobs1.cpu - 1
    return [
        Target(
            "floor",
            "`--jobs 1` vs the compiled floor",
            c.label,
            f"{_ratio(jobs1, floor)} (CPU {jobs1.cpu / floor.cpu:.2f}x)",
            "≤ 5x",
            jobs1.median / floor.median <= 5,
        ),
        Target(
            "jobs",
            "`--jobs 2` vs `--jobs 1`",
            c.label,
            f"{_ratio(jobs1, jobs2)}; CPU {jobs2.cpu:.2f} s vs {jobs1.cpu:.2f} s ({overhead:+.1%})",
            "≥ 1.85x and CPU ≤ +5%",
            speedup >= 1.85 and overhead <= 0.05,
        ),
    ]


def peer_target(c: Corpus, note: str) -> Target:
    peer, ours = c.samples.get("peer"), c.samples.get("peer-ours")
    return Target(
        "peers",
        "markdownlint-cli2 (default rules) vs guidelint `--jobs 2`",
        c.label,
        f"{_ratio(peer, ours)}; peak {peer.peak_mb:.0f} MB vs {ours.peak_mb:.0f} MB"
        if peer and ours
        else note,
        "≥ 5x slower",
        peer.median / ours.median >= 5 if peer and ours else None,
    )


def cache_target(c: Corpus) -> Target:
    cached, reads = c.samples["cached"], c.samples["read"]
    return Target(
        "cache",
        "warm cache vs the read floor",
        c.label,
        f"{_ratio(cached, reads)} (CPU {cached.cpu / reads.cpu:.2f}x)",
        "≤ 1.5x",
        cached.median / reads.median <= 1.5,
    )


def one_target(label: str, one: Sample, bare: Sample) -> Target:
    return Target(
        "one",
        "one guide, no cache, console script",
        label,
        f"{one.median * 1000:.0f} ms, CPU {one.cpu * 1000:.0f} ms"
        f" (`python -c pass` {bare.median * 1000:.0f} ms)",
        "≤ 100 ms",
        one.median <= 0.1,
    )


def memory_target(small: Corpus, big: Corpus) -> Target:
    s, b = small.samples["jobs1"], big.samples["jobs1"]
    growth = b.cpu / s.cpu
    peak = max(big.samples[k].peak_mb for k in ("jobs1", "jobs2", "cached"))
    return Target(
        "memory",
        f"peak memory at 10x the guides ({big.count:,} vs {small.count:,})",
        "generated",
        f"{peak:.0f} MB (`--jobs 1`, `--jobs 2`, cached; {s.peak_mb:.0f} MB at"
        f" {small.count:,}); CPU grows {growth:.2f}x (wall {b.median / s.median:.2f}x)",
        f"≤ {MEMORY_BEFORE_MB} MB, CPU growth ≤ 10x",
        peak <= MEMORY_BEFORE_MB and growth <= 10,
    )


def _one_guide(source: Path, name: str) -> Path:
    folder = CORPUS / name
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_walk(str(source))[0], folder / "guide.md")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=2, help="recorded runs per figure")
    parser.add_argument(
        "--quick", action="store_true", help="1 run each; 200 and 2,000 generated guides"
    )
    parser.add_argument("--skip-peers", action="store_true", help="do not run markdownlint-cli2")
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md")
    parser.add_argument("--floor", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--read-floor", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    for option, script in ((args.floor, parse_floor), (args.read_floor, read_floor)):
        if option:
            print(script(option))
            return 0

    repeat = 1 if args.quick else args.repeat
    small_count, big_count = (200, 2000) if args.quick else (1000, 10000)
    started = time.time()
    code = snapshot_code()
    header = machine(code)
    print("\n".join(header), flush=True)
    print("corpora:", flush=True)
    small = Corpus("generated", build_corpus(f"g{small_count}", small_count), small_count)
    big = Corpus("generated", build_corpus(f"g{big_count}", big_count), big_count)
    pool = Corpus("real pool", POOL, len(_walk(str(POOL)))) if POOL.is_dir() else None
    real = [c for c in (big, pool) if c]

    here = str(Path(__file__).resolve())
    # The frozen copy is byte-compiled as an installed one is; like an installed
    # copy's first run, the unrecorded warm-up run keeps the compiled patterns
    # (guidelint.patterns), which PYTHONDONTWRITEBYTECODE would forbid.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env |= {"NO_COLOR": "1", "PYTHONPATH": str(code)}

    def ours(c: Corpus, *options: str) -> list[str]:
        return guidelint(*options, str(c.path))

    print("measuring:", flush=True)
    for c in real:
        commands = {
            "floor": Command(f"compiled floor, {c.label} {c.count:,}",
                             [sys.executable, here, "--floor", str(c.path)], CORPUS),
            "jobs1": Command(f"guidelint --jobs 1 --no-cache, {c.label} {c.count:,}",
                             ours(c, "--jobs", "1", "--no-cache"), CORPUS, env),
            "jobs2": Command(f"guidelint --jobs 2 --no-cache, {c.label} {c.count:,}",
                             ours(c, "--jobs", "2", "--no-cache"), CORPUS, env),
        }  # fmt: skip
        if c is big:
            commands["small"] = Command(
                f"guidelint --jobs 1 --no-cache, {small.label} {small.count:,}",
                ours(small, "--jobs", "1", "--no-cache"),
                CORPUS,
                env,
            )
        c.samples.update(zip(commands, measure(list(commands.values()), repeat), strict=True))
    small.samples["jobs1"] = big.samples.pop("small")
    for c in real:
        cache_dir = CORPUS / f"_cache_{c.path.name}"
        if cache_dir.exists():
            shutil.rmtree(cache_dir)
        commands = {
            "read": Command(f"read floor, {c.label} {c.count:,}",
                            [sys.executable, here, "--read-floor", str(c.path)], CORPUS),
            "cached": Command(f"guidelint second run (cache warm), {c.label} {c.count:,}",
                              ours(c, "--cache-dir", str(cache_dir)), CORPUS, env),
        }  # fmt: skip
        c.samples.update(zip(commands, measure(list(commands.values()), repeat), strict=True))

    ones = [("generated", _one_guide(small.path, "one"))]
    if pool:
        ones.append(("real pool", _one_guide(pool.path, "one-real")))
    script = Path(sys.executable).with_name("guidelint")
    console = [str(script)] if script.is_file() else [sys.executable, "-m", "guidelint"]
    one_commands = [
        Command(
            f"guidelint one guide --no-cache (console script), {label}",
            [*console, "check", "--today", TODAY, "--no-cache", "guide.md"],
            folder,
            env,
        )
        for label, folder in ones
    ]
    one_commands.append(Command("python -c pass", [sys.executable, "-c", "pass"], CORPUS, env))
    *one_samples, bare = measure(one_commands, max(10, repeat * 5), warmup=2)

    peers_cmd, peers_note = (None, "skipped (--skip-peers)")
    if not args.skip_peers:
        peers_cmd, peers_note = markdownlint()
    peer_corpora = [c for c in (small, pool) if c]
    if peers_cmd:
        for c in peer_corpora:
            commands = {
                "peer": Command(f"markdownlint-cli2, {c.label} {c.count:,}",
                                [*peers_cmd, f"{c.path}/**/*.md"], CORPUS),
                "peer-ours": Command(f"guidelint --jobs 2 --no-cache, {c.label} {c.count:,}",
                                     ours(c, "--jobs", "2", "--no-cache"), CORPUS, env),
            }  # fmt: skip
            c.samples.update(zip(commands, measure(list(commands.values()), repeat), strict=True))
    else:
        print(f"  {peers_note}", flush=True)

    targets: list[Target] = []
    for c in real:
        targets += throughput_targets(c)
    targets += [peer_target(c, peers_note) for c in peer_corpora]
    targets += [one_target(label, s, bare) for (label, _), s in zip(ones, one_samples, strict=True)]
    targets += [cache_target(c) for c in real]
    targets.append(memory_target(small, big))
    table = [*TABLE_HEAD, *(t.row() for t in targets)]
    details = [f"- {s.show()}" for c in (small, big, pool) if c for s in c.samples.values()]
    details += [f"- {s.show()}" for s in (*one_samples, bare)]
    print()
    print("\n".join(table))
    if args.no_write:
        return 0
    write_results(args.quick, repeat, started, header, small, big, pool, table, details)
    return 0


def write_results(
    quick: bool,
    repeat: int,
    started: float,
    header: list[str],
    small: Corpus,
    big: Corpus,
    pool: Corpus | None,
    table: list[str],
    details: list[str],
) -> None:
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.is_file() else ""
    if EARLIER in old:
        earlier = old[old.index(EARLIER) :].rstrip("\n").splitlines()
    elif old:
        body = old.split("\n", 1)[1].replace("\n## ", "\n#### ")
        earlier = [EARLIER, "", "### The previous run (earlier targets)", *body.splitlines()]
    else:
        earlier = []
    corpora = (
        f"Corpora: `python bench/generate.py --shape {SHAPE}` (seeded), {small.count:,} guides"
        f" ({corpus_bytes(small.path) / 1e6:.1f} MB) and {big.count:,} guides"
        f" ({corpus_bytes(big.path) / 1e6:.1f} MB), `--today {TODAY}`"
        + (
            f"; and the {pool.count} Markdown files of `../shared/realworld-pool/` (its real"
            " guides and its README, as a run over the folder finds them)"
            f" ({corpus_bytes(pool.path) / 1e6:.1f} MB)."
            if pool
            else "; `../shared/realworld-pool/` absent: real guides not measured."
        )
    )
    kind = "`--quick` run: 1 run per figure" if quick else f"medians of {repeat} runs"
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    text = [
        "# Benchmark results",
        "",
        f"Written by `python bench/run.py{' --quick' if quick else ''}` on"
        f" {dt.date.today().isoformat()} in {(time.time() - started) / 60:.1f} minutes; {kind}"
        " (one guide: more) after one unrecorded warm-up run, whole processes,"
        " wall time from a monotonic clock, CPU time and peak RSS from the OS (`wait4`).",
        "",
        "## Machine",
        "",
        *header,
        f"- Load average when the run ended: {load} (2.0 means both cores were busy on"
        " average; other work on the machine slows every figure, which is why ratios are"
        " measured side by side, interleaved, and CPU time is shown)",
        "",
        corpora,
        "",
        "## Targets",
        "",
        'The "before" columns: figures measured earlier on 4,470 real guides, and'
        " this benchmark's previous run (commit 92cebf1, generated guides; its report is"
        " kept below).",
        "",
        *table,
        "",
        "## Every measurement",
        "",
        *details,
        "",
        *earlier,
        "",
    ]
    RESULTS.write_text("\n".join(text), encoding="utf-8")
    print(f"\nwrote {RESULTS.relative_to(REPO)}")


if __name__ == "__main__":
    raise SystemExit(main())
