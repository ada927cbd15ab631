"""Accuracy of lost-bullet recovery, measured on the list fragments that kept their bullets.

Each fragment whose items are known (two or more bullets) is joined back into one run, re-split
with a starter model learnt from every *other* fragment, and its item boundaries compared.
Run by hand: python benchmarks/bullet_recovery.py [SOURCE]
"""

from __future__ import annotations

import sys
from pathlib import Path

from extractor.interpret.bullets import bulleted_fragments, held_out_scores
from extractor.pipeline import BUNDLED_SPEC
from extractor.readers import detect_format, read_blocks


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else BUNDLED_SPEC
    fragments = bulleted_fragments(read_blocks(path, detect_format(path)))
    hits, predicted, actual = held_out_scores(fragments)
    print(f"{path.name}: {len(fragments)} bulleted fragments, {sum(map(len, fragments))} items, "
          f"{actual} item boundaries")
    print(f"  precision {hits / predicted:.3f} ({hits}/{predicted}), recall {hits / actual:.3f} ({hits}/{actual})")


if __name__ == "__main__":
    main()
