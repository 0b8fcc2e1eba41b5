"""The benchmark corpus generator writes articles of the genre kg reads, the same for a seed."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kg.cli import main
from kg.query import load_store, run_query

ROOT = Path(__file__).resolve().parent.parent


def _load_generator() -> ModuleType:
    path = ROOT / "benchmarks" / "make_corpus.py"
    spec = importlib.util.spec_from_file_location("make_corpus", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


make_corpus = _load_generator()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, object]]]:
    folder = tmp_path_factory.mktemp("corpus")
    return folder, make_corpus.generate(5, folder, seed=11)


def test_make_corpus_writes_articles_and_manifest(
    corpus: tuple[Path, list[dict[str, object]]],
) -> None:
    folder, rows = corpus
    files = sorted(p.name for p in folder.glob("*.txt"))
    assert files == sorted(str(r["file"]) for r in rows)
    assert len({r["id"] for r in rows}) == 5
    manifest = [json.loads(line) for line in (folder / "manifest.jsonl").read_text().splitlines()]
    assert manifest == rows
    for row in rows:
        text = (folder / str(row["file"])).read_text(encoding="utf-8")
        assert 700 <= len(text) <= 6000
        assert str(row["city"]) in text
        assert str(row["published"]) in str(row["id"])


def test_make_corpus_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    def texts(folder: Path) -> dict[str, str]:
        return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}

    make_corpus.generate(4, tmp_path / "a", seed=5)
    make_corpus.generate(4, tmp_path / "b", seed=5)
    make_corpus.generate(4, tmp_path / "c", seed=6)
    assert texts(tmp_path / "a") == texts(tmp_path / "b")
    assert texts(tmp_path / "a") != texts(tmp_path / "c")
    # article i does not depend on the corpus size
    make_corpus.generate(2, tmp_path / "d", seed=5)
    assert texts(tmp_path / "d").items() <= texts(tmp_path / "a").items()


def test_make_corpus_articles_are_read_by_kg(
    corpus: tuple[Path, list[dict[str, object]]], tmp_path: Path
) -> None:
    folder, rows = corpus
    out = tmp_path / "build"
    assert main(["build", str(folder), "--out", str(out), "--no-html"]) == 0
    store = load_store(out)
    query = (ROOT / "queries" / "cq" / "industries.rq").read_text(encoding="utf-8")
    written = found = 0
    for row in rows:
        result = run_query(query, store, {"city": str(row["city"])})
        assert result.rows, f"{row['id']}: no industries found for {row['city']}"
        answers = {(str(r[1].value), str(r[2].value)) for r in result.rows if r[1] and r[2]}
        tiers = row["tiers"]
        assert isinstance(tiers, dict)
        for tier, names in tiers.items():
            written += len(names)
            found += sum((name, tier) in answers for name in names)
    assert found >= 0.8 * written, f"{found} of {written} tier industries found"
