"""Build every golden case and score it with the shared cq-score; print one table per case.

.venv/bin/python scripts/score_cases.py [--explain] [--lexicons DIR] [--write-floors] [CASE ...]
.venv/bin/python scripts/score_cases.py --set tests/holdout   # the blind hold-out set
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
CQ_SCORE = ROOT.parent / "shared" / "tools" / "cq-score"


def score_case(
    case: Path, out: Path, *, explain: bool = False, lexicons: str | None = None
) -> dict:
    kg = [sys.executable, "-m", "kg"]
    build = [*kg, "build", str(case / "article.txt"), "--out", str(out), "--no-html"]
    if lexicons:
        build += ["--lexicons", lexicons]
    subprocess.run(build, check=True, capture_output=True, cwd=ROOT)
    report = out / "score.json"
    cmd = [
        sys.executable,
        str(CQ_SCORE),
        "--gold",
        str(case / "answers.json"),
        "--data",
        str(out),
        "--project",
        str(ROOT),
        "--kg",
        " ".join(kg),
        "--json",
        str(report),
    ]
    if explain:
        cmd.append("--explain")
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    print(f"== {case.name}\n{done.stdout}{done.stderr}", end="")
    return json.loads(report.read_text(encoding="utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="*")
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--lexicons")
    parser.add_argument(
        "--set", type=Path, default=CASES, help="the folder of cases (default: tests/cases)"
    )
    parser.add_argument(
        "--write-floors",
        action="store_true",
        help="record the scores (rounded down) in tests/cases/floors.json",
    )
    args = parser.parse_args()
    cases = [args.set / c for c in args.cases] or sorted(
        p.parent for p in args.set.glob("*/answers.json")
    )
    scores = {}
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            scores[case.name] = score_case(
                case, Path(tmp) / case.name, explain=args.explain, lexicons=args.lexicons
            )["macro_f1"]
    print("\ncase                      macro-F1")
    for name, f1 in scores.items():
        print(f"{name:25} {f1:.3f}")
    if args.write_floors and args.set.resolve() == CASES:
        floors = {name: math.floor(f1 * 100) / 100 for name, f1 in sorted(scores.items())}
        (CASES / "floors.json").write_text(json.dumps(floors, indent=1) + "\n", encoding="utf-8")
    dev = [f for n, f in scores.items() if not n.startswith("zhengzhou")]
    if dev:
        print(f"{'mean (the seed left out)':25} {sum(dev) / len(dev):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
