"""Draw guides of one half of the pool at random and list their prose sentences.

Labels are written from this listing and the guide itself, before the claims
rules are run on the guide: ``python tests/pool/sample.py measure --seed 7 --guides 8``
prints, for each drawn guide, its path and every sentence the claims rules read,
as ``line:column`` and the sentence's text.  The seed is recorded in the labelled
file's header so the draw can be repeated.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
POOL = HERE.parent.parent.parent / "shared" / "realworld-pool"


def guides(half: str) -> list[Path]:
    split = yaml.safe_load((HERE / "split.yaml").read_text(encoding="utf-8"))
    return sorted(path for company in split[half] for path in (POOL / company).glob("*.md"))


def labelled(half: str, prefix: str = "") -> set[str]:
    """Guides of ``half`` that a label file here already covers (``file`` or ``guides``);
    with ``prefix``, only the files whose names start with it ("labels-": the claims')."""
    seen: set[str] = set()
    for path in HERE.glob(f"{prefix}*{half}*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        seen.update(data.get("guides") or ())
        seen.update(case["file"] for key in ("cases", "defects") for case in data.get(key) or ())
    return seen


def draw(half: str, seed: int, count: int, fresh: bool = False, prefix: str = "") -> list[Path]:
    pool = guides(half)
    if fresh:
        seen = labelled(half, prefix)
        pool = [path for path in pool if str(path.relative_to(POOL.parent)) not in seen]
    return random.Random(seed).sample(pool, min(count, len(pool)))


def main(argv: list[str] | None = None) -> int:
    from guidelint.document import load_guide
    from guidelint.prose import extract

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("half", choices=("tune", "measure"))
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--guides", type=int, default=8, help="how many guides to draw")
    parser.add_argument("--part", default="1/1", help="K/N: list only the K-th of N parts")
    fresh = parser.add_mutually_exclusive_group()
    fresh.add_argument(
        "--fresh", action="store_true", help="draw only guides no label file here covers yet"
    )
    fresh.add_argument(
        "--fresh-claims",
        action="store_true",
        help="draw only guides no claims label file (labels-*) covers yet",
    )
    args = parser.parse_args(argv)
    part, parts = (int(n) for n in args.part.split("/"))
    fresh = args.fresh or args.fresh_claims
    drawn = draw(args.half, args.seed, args.guides, fresh, "labels-" if args.fresh_claims else "")
    size = -(-len(drawn) // parts)
    for path in drawn[(part - 1) * size : part * size]:
        print(f"## {path.relative_to(POOL.parent)}")
        for block in extract(load_guide(path, path.name)).prose_blocks:
            for sentence in block.sentences:
                text = " ".join(block.text[sentence.start : sentence.end].split())
                print(f"{sentence.line}:{sentence.column}\t{text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
