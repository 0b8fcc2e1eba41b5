"""Shared fixtures: the seed article's build is made once for the whole run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from playwright.sync_api import Browser, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from kg.cli import main
from kg.config import BuildConfig
from kg.recognise.lexicon import Lexicon, load_lexicon
from kg.visualise import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "articles" / "zhengzhou-2023-01-16.txt"
CASES = ROOT / "tests" / "cases"
CQ_SCORE = ROOT.parent / "shared" / "tools" / "cq-score"


def triples_in(build: Path) -> int:
    """The triples of a build folder's kg.ttl (what a count over its data answers)."""
    return len(list(ox.parse(path=build / "kg.ttl", format=ox.RdfFormat.TURTLE)))


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return load_lexicon(BuildConfig().lexicon_dir)


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``kg build data/articles --out DIR`` run once; the folder it wrote."""
    out = tmp_path_factory.mktemp("seed-build")
    assert main(["build", str(ROOT / "data" / "articles"), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for the run. No Chromium is a failure, never a skip."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} not found: the browser tests need Debian's chromium "
            "(apt-get install chromium)",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except PlaywrightError as exc:
            pytest.fail(f"cannot launch {CHROMIUM} with Playwright: {exc}", pytrace=False)
        try:
            yield launched
        finally:
            launched.close()
