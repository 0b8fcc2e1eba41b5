"""Shared fixtures: the seed article's build is made once for the whole run."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli import main
from kg.config import BuildConfig
from kg.recognise.lexicon import Lexicon, load_lexicon

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "articles" / "zhengzhou-2023-01-16.txt"
CASES = ROOT / "tests" / "cases"
CQ_SCORE = ROOT.parent / "shared" / "tools" / "cq-score"


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return load_lexicon(BuildConfig().lexicon_dir)


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``kg build data/articles --out DIR`` run once; the folder it wrote."""
    out = tmp_path_factory.mktemp("seed-build")
    assert main(["build", str(ROOT / "data" / "articles"), "--out", str(out)]) == 0
    return out
