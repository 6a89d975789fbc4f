"""CPU time per guide of the claims and prose passes beside the compiled parse floor.

    python bench/stages.py [DIR ...] [--passes N]

For the guides under each DIR (default: ``../shared/realworld-pool`` and
``../shared/realworld`` when present, else a generated real-format corpus),
times in one process, best of N passes (process CPU time, so a busy host skews
less):

- the compiled floor: read, split, PyYAML's C loader, jsonschema-rs (built
  once) and pyromark's events with ranges (``run.parse_floor``);
- the claims and prose passes: ``prose.extract`` and the claims engine
  (GL501-GL506) on guides already parsed (parsing is not counted, nor the
  table comparison the table rules make and the claims read).

Prints milliseconds per guide for each and their ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))


def _best(passes: int, work: object) -> float:
    best = float("inf")
    for _ in range(passes):
        start = time.process_time()
        work()  # type: ignore[operator]
        best = min(best, time.process_time() - start)
    return best


def measure(top: Path, passes: int) -> tuple[int, float, float]:
    from run import parse_floor

    from guidelint.claims.engine import lint
    from guidelint.config import Settings
    from guidelint.context import Context
    from guidelint.document import Guide, load_guide
    from guidelint.validation import load_schema

    paths = sorted(top.rglob("*.md"))
    settings, schema = Settings(), load_schema("guide", REPO)
    linted: list[tuple[Guide, Context]] = []

    def claims() -> None:
        for guide, ctx in linted:
            for _ in lint(guide, ctx):
                pass

    def fresh() -> None:
        # A guide keeps its prose once read: parse again so each pass pays for it.
        # The body model and the table comparison, which the table rules make for
        # the claims to share in a real run, are made before the clock starts.
        linted[:] = []
        for path in paths:
            guide = load_guide(path, path.name)
            ctx = Context(dt.date.today(), settings, schema, guide=guide)
            _ = guide.blocks, ctx.comparison
            linted.append((guide, ctx))

    floor = _best(passes, lambda: parse_floor(str(top)))
    total = float("inf")
    for _ in range(passes):
        fresh()
        start = time.process_time()
        claims()
        total = min(total, time.process_time() - start)
    return len(paths), floor, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", nargs="*", type=Path)
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args(argv)
    shared = REPO.parent / "shared"
    dirs = args.dirs or [d for d in (shared / "realworld-pool", shared / "realworld") if d.is_dir()]
    if not dirs:
        print("no guides: name a folder, or generate one with bench/generate.py", file=sys.stderr)
        return 2
    for top in dirs:
        count, floor, claims = measure(top, args.passes)
        print(
            f"{top}: {count} guides; compiled floor {1000 * floor / count:.2f} ms/guide;"
            f" claims + prose {1000 * claims / count:.2f} ms/guide;"
            f" ratio {claims / floor:.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
