"""Golden cases: each article in tests/cases/ is built and scored with the shared cq-score
against its answer key; the score must not fall below the figure recorded in floors.json.

A regression guard, not a target: raise a floor when the extractor improves.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main

from .conftest import CASES, CQ_SCORE, ROOT

FLOORS: dict[str, float] = json.loads((CASES / "floors.json").read_text(encoding="utf-8"))
KEYS = sorted(p.parent.name for p in CASES.glob("*/answers.json"))


def test_cases_every_case_has_a_floor() -> None:
    assert sorted(FLOORS) == KEYS


@pytest.mark.parametrize("case", KEYS)
def test_cases_score_does_not_fall_below_its_floor(case: str, tmp_path: Path) -> None:
    assert CQ_SCORE.is_file(), f"{CQ_SCORE} is missing: the shared tools sit beside the project"
    assert (
        main(["build", str(CASES / case / "article.txt"), "--out", str(tmp_path), "--no-html"]) == 0
    )
    report = tmp_path / "score.json"
    done = subprocess.run(
        [
            sys.executable,
            str(CQ_SCORE),
            "--gold",
            str(CASES / case / "answers.json"),
            "--data",
            str(tmp_path),
            "--project",
            str(ROOT),
            "--kg",
            f"{sys.executable} -m kg",
            "--json",
            str(report),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    macro = json.loads(report.read_text(encoding="utf-8"))["macro_f1"]
    assert macro >= FLOORS[case], (
        f"{case}: macro-F1 {macro:.3f} < floor {FLOORS[case]}\n{done.stdout}"
    )
