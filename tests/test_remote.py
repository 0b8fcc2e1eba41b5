"""Beyond one machine: push to a real Oxigraph server and ask it the competency questions."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.cli import main

from .conftest import ROOT, triples_in

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
QUESTIONS = sorted((ROOT / "queries" / "cq").glob("*.rq"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`oxigraph serve` on loopback (its queries run on the default graph kg push fills)."""
    if not Path(OXIGRAPH).exists():
        pytest.fail("the oxigraph server is missing: pip install oxigraph", pytrace=False)
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    server = subprocess.Popen(
        [
            OXIGRAPH,
            "serve",
            "--location",
            str(location),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph serve did not start within 10 s", pytrace=False)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> list[tuple[tuple[str, str], ...]]:
    assert main(argv) == 0
    document = json.loads(capsys.readouterr().out)
    return sorted(
        tuple(sorted((k, v["value"]) for k, v in binding.items()))
        for binding in document["results"]["bindings"]
    )


def test_pushed_graphs_answer_every_competency_question_as_locally(
    oxigraph: str, seed_build: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["push", "--data", str(seed_build), "--endpoint", f"{oxigraph}/store"]) == 0
    assert f"pushed 1 graph(s), {triples_in(seed_build)} triples" in capsys.readouterr().out
    for question in QUESTIONS:
        local = _json(
            capsys,
            [
                "query",
                str(question),
                "--data",
                str(seed_build),
                "--bind",
                "city=郑州",
                "--format",
                "json",
            ],
        )
        remote = _json(
            capsys,
            [
                "query",
                str(question),
                "--endpoint",
                f"{oxigraph}/query",
                "--bind",
                "city=郑州",
                "--format",
                "json",
            ],
        )
        assert remote == local, question.name
        assert local, question.name


def test_pushing_again_replaces_rather_than_duplicates(
    oxigraph: str, tmp_path: Path, seed_build: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    union = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    store = tmp_path / "store"
    assert main(["build", str(ROOT / "data" / "articles"), "--store", str(store)]) == 0
    for _ in range(2):
        assert main(["push", "--data", str(store), "--endpoint", f"{oxigraph}/store"]) == 0
    capsys.readouterr()
    rows = _json(capsys, ["query", count, "--endpoint", f"{oxigraph}/query", "--format", "json"])
    article = str(triples_in(seed_build))
    assert rows == [(("n", article),)]  # the manifest stays home; one copy of the article graph
    rows = _json(capsys, ["query", union, "--endpoint", f"{oxigraph}/query", "--format", "json"])
    assert rows == [(("n", article),)]  # and the default graph holds their union once


def test_a_remote_binding_is_a_literal_whatever_it_contains(
    oxigraph: str, capsys: pytest.CaptureFixture[str]
) -> None:
    query = "SELECT ?city WHERE { ?s ?p ?o } LIMIT 1"
    for value in ['郑州" } } DROP ALL { {', '"""', "a\nb\\", "}"]:
        rows = _json(
            capsys,
            [
                "query",
                query,
                "--endpoint",
                f"{oxigraph}/query",
                "--bind",
                f"city={value}",
                "--format",
                "json",
            ],
        )
        assert rows == [(("city", value),)]


def test_an_unreachable_endpoint_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    port = _free_port()
    assert main(["query", "SELECT * {}", "--endpoint", f"http://127.0.0.1:{port}/query"]) == 2
    assert "cannot reach the endpoint" in capsys.readouterr().err
    assert (
        main(["push", "--data", str(ROOT / "data" / "graph"), "--endpoint", "ftp://x/store"]) == 2
    )
    assert "expected an http:// or https:// endpoint" in capsys.readouterr().err
