"""The command line, in-process through main(argv) -> int."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "articles" / "zhengzhou-2023-01-16.txt"


def test_cli_build_writes_turtle_trig_and_html(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", str(SEED), "--out", str(tmp_path), "--format", "nt"]) == 0
    for name in ("kg.ttl", "kg.trig", "kg.html", "kg.nt"):
        assert (tmp_path / name).stat().st_size > 1000, name
    out = capsys.readouterr().out
    assert "built 1 article(s)" in out and "kg.html" in out


def test_cli_build_drops_a_broken_statement_with_a_warning_and_keeps_the_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kg bug that leaves one statement malformed costs that fact, not the article: the
    build says which file lost what, and writes everything else."""
    from rdflib import Graph

    import kg.corpus
    from kg.pipeline import build_article
    from kg.rdf.vocab import KG

    broken: list[object] = []
    figures: list[int] = []

    def with_a_bug(*args: object, **kwargs: object) -> tuple[object, Graph]:
        analysis, graph = build_article(*args, **kwargs)  # type: ignore[arg-type]
        figures.append(len(set(graph.subjects(KG.unit, None))))
        observation = min(graph.subjects(KG.unit, None))
        graph.remove((observation, KG.unit, None))
        broken.append(observation)
        return analysis, graph

    monkeypatch.setattr(kg.corpus, "build_article", with_a_bug)
    assert main(["build", str(SEED), "--out", str(tmp_path), "--no-html"]) == 0
    captured = capsys.readouterr()
    assert f"kg build: warning: {SEED}: dropped 1 statement(s)" in captured.err
    assert "built 1 article(s)" in captured.out
    written = Graph().parse(tmp_path / "kg.ttl")
    assert (broken[0], None, None) not in written
    assert len(set(written.subjects(KG.unit, None))) == figures[0] - 1  # the others are kept


def test_cli_build_skips_an_article_whose_entity_is_broken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broken entity cannot be dropped like a statement (facts hang on it): the article is
    skipped, named, and nothing is written."""
    from rdflib import RDFS, Graph

    import kg.corpus
    from kg.pipeline import build_article
    from kg.rdf.vocab import KG

    def with_a_bug(*args: object, **kwargs: object) -> tuple[object, Graph]:
        analysis, graph = build_article(*args, **kwargs)  # type: ignore[arg-type]
        graph.remove((min(graph.objects(None, KG.holder)), RDFS.label, None))
        return analysis, graph

    monkeypatch.setattr(kg.corpus, "build_article", with_a_bug)
    assert main(["build", str(SEED), "--out", str(tmp_path), "--no-html"]) == 2
    err = capsys.readouterr().err
    assert f"kg build: skipped {SEED}: its graph breaks" in err and "please report it" in err
    assert not (tmp_path / "kg.ttl").exists()


def test_cli_query_prints_sparql_json(seed_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    query = ROOT / "queries" / "cq" / "industries.rq"
    code = main(
        ["query", str(query), "--data", str(seed_build), "--bind", "city=郑州", "--format", "json"]
    )
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    rows = {(b["answer"]["value"], b["tier"]["value"]) for b in result["results"]["bindings"]}
    assert ("电子信息", "leading") in rows


def test_cli_query_accepts_query_text_and_csv(
    seed_build: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "query",
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
            "--data",
            str(seed_build / "kg.ttl"),
            "--format",
            "csv",
        ]
    )
    assert code == 0
    header, count = capsys.readouterr().out.split()
    assert header == "n" and int(count) > 1000


def test_cli_stats_counts_classes_and_properties(
    seed_build: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", "--data", str(seed_build)]) == 0
    out = capsys.readouterr().out
    assert "per class:" in out and "per property:" in out
    assert "Observation" in out and "IndustryPriority" in out


def test_cli_viz_focus_draws_a_neighbourhood(
    seed_build: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    full, part = tmp_path / "all.html", tmp_path / "focus.html"
    assert main(["viz", "--data", str(seed_build), "--out", str(full)]) == 0
    assert (
        main(
            [
                "viz",
                "--data",
                str(seed_build),
                "--out",
                str(part),
                "--focus",
                "区块链",
                "--depth",
                "1",
            ]
        )
        == 0
    )
    lines = capsys.readouterr().out.splitlines()
    counts = [int(line.split(": ")[1].split()[0]) for line in lines]
    assert 1 < counts[1] < counts[0]


def test_cli_viz_finds_a_node_by_the_name_the_article_writes(
    seed_build: Path, tmp_path: Path
) -> None:
    # the seed writes 工信部; the node is labelled with the lexicon's 工业和信息化部
    page = tmp_path / "miit.html"
    args = ["viz", "--data", str(seed_build), "--out", str(page), "--focus", "工信部"]
    assert main([*args, "--depth", "1"]) == 0
    data = json.loads(
        re.search(r'id="kg-data">(.*?)</script>', page.read_text("utf-8"), re.S).group(1)
    )
    (miit,) = [n for n in data["nodes"] if n["l"] == "工业和信息化部"]
    assert "工信部" in miit["w"]


def test_cli_viz_unknown_focus_is_an_error(
    seed_build: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "viz",
            "--data",
            str(seed_build),
            "--out",
            str(tmp_path / "x.html"),
            "--focus",
            "不存在的城市",
        ]
    )
    assert code == 2
    assert "不存在的城市" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01binary", "binary"),
        (b"\x81\x20" * 20, "not valid UTF-8, UTF-16, GB18030 or Big5"),
    ],
    ids=["empty", "binary", "undecodable"],
)
def test_cli_build_rejects_bad_input_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    bad = tmp_path / "in" / "bad.txt"
    bad.parent.mkdir()
    bad.write_bytes(content)
    out = tmp_path / "out"
    assert main(["build", str(bad), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "bad.txt" in err and message in err
    assert not out.exists()


def test_cli_build_reports_a_bad_file_and_builds_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "seed.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    assert main(["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-html"]) == 1
    assert "empty.txt" in capsys.readouterr().err
    assert (tmp_path / "out" / "kg.ttl").exists()


def test_cli_missing_input_and_bad_bind_are_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", str(tmp_path / "nope"), "--out", str(tmp_path)]) == 2
    assert "nope" in capsys.readouterr().err
    assert main(["query", "SELECT * WHERE {}", "--data", str(tmp_path), "--bind", "郑州"]) == 2


DISTRICT_ARTICLE = """南山区前三季度规上工业增加值增长6.2%

2024-10-30  来源：深圳特区报

深圳市南山区突出打造电子信息“首位产业”，着力发展人工智能、生物医药等2个新兴产业。
2024年前三季度，南山区规上工业增加值同比增长6.2%。
"""


@pytest.mark.parametrize("bound", ["南山", "南山区"])
def test_cli_an_article_about_a_district_answers_for_the_district(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bound: str
) -> None:
    article = tmp_path / "nanshan.txt"
    article.write_text(DISTRICT_ARTICLE, encoding="utf-8")
    assert main(["build", str(article), "--out", str(tmp_path / "out"), "--no-html"]) == 0
    capsys.readouterr()
    query = ROOT / "queries" / "cq" / "industries.rq"
    assert (
        main(
            [
                "query",
                str(query),
                "--data",
                str(tmp_path / "out"),
                "--bind",
                f"city={bound}",
                "--format",
                "json",
            ]
        )
        == 0
    )
    rows = json.loads(capsys.readouterr().out)["results"]["bindings"]
    assert {(r["answer"]["value"], r["tier"]["value"]) for r in rows} == {
        ("电子信息", "leading"),
        ("人工智能", "emerging"),
        ("生物医药", "emerging"),
    }


def test_cli_files_of_one_name_in_two_folders_are_two_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "article.txt").write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    assert (
        main(["build", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(out), "--no-html"])
        == 0
    )
    capsys.readouterr()
    query = "PREFIX kg: <https://w3id.org/kg-cnip/ontology#> SELECT ?a WHERE { ?a a kg:Article }"
    assert main(["query", query, "--data", str(out), "--format", "csv"]) == 0
    rows = capsys.readouterr().out.split()[1:]
    assert sorted(r.rsplit("/", 1)[1] for r in rows) == ["a-article", "b-article"]
