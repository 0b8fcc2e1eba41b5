"""A corpus in an on-disk store: incremental, idempotent, parallel, and never half-written."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.corpus import Progress
from kg.query import load_store, read_query, run_query

from .conftest import CASES, ROOT

ARTICLE_A = """芜湖新能源汽车产业再上台阶
2024年3月5日

日前，芜湖市印发《芜湖市新能源汽车产业高质量发展行动方案》。
全市将新能源汽车作为一号产业，新材料、高端装备为优势产业。
华拓智能科技股份有限公司总投资30亿元的电驱系统项目落户芜湖经开区。
2023年，全市规上工业增加值增长8.5%。
"""

ARTICLE_B = """合肥集成电路产业加速集聚
2024年4月2日

合肥市把集成电路作为新兴产业重点培育。
华拓智能科技股份有限公司在合肥新设研发中心，总投资5亿元。
2023年，合肥市工业投资增长12.1%。
"""


def _corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "wuhu-2024-03-05.txt").write_text(ARTICLE_A, encoding="utf-8")
    (corpus / "hefei-2024-04-02.txt").write_text(ARTICLE_B, encoding="utf-8")
    return corpus


def _graphs(store_dir: Path) -> dict[str, set[str]]:
    """Article graph IRI → its triples (N-Triples lines), read from the store."""
    store = load_store(store_dir)
    graphs: dict[str, set[str]] = {}
    for quad in store:
        if not isinstance(quad.graph_name, ox.NamedNode) or quad.graph_name.value.endswith(
            "/build/manifest"
        ):
            continue
        graphs.setdefault(quad.graph_name.value, set()).add(str(quad.triple))
    return graphs


def _assert_default_graph_is_the_union(store_dir: Path) -> None:
    """Queries run on the default graph: it must hold exactly the article graphs' triples."""
    store = load_store(store_dir)
    default = {str(q.triple) for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    union = set().union(*_graphs(store_dir).values()) if _graphs(store_dir) else set()
    assert default == union


def _answers(store_dir: Path, query: str, city: str) -> list[tuple[str, ...]]:
    text = read_query(str(ROOT / "queries" / "cq" / f"{query}.rq"))
    result = run_query(text, load_store(store_dir), {"city": city})
    return sorted(tuple("" if t is None else t.value for t in row) for row in result.rows)


def _growth(store_dir: Path) -> list[tuple[str, ...]]:
    rows = _answers(store_dir, "indicators", "芜湖")  # city, article, indicator, value, …
    return [row[2:4] for row in rows if "增加值" in row[2]]


def test_a_second_build_of_unchanged_articles_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, store = _corpus(tmp_path), tmp_path / "store"
    assert main(["build", str(corpus), "--store", str(store)]) == 0
    first = capsys.readouterr().out
    assert "2 added, 0 replaced, 0 unchanged" in first
    assert "store compacted" in first  # a build that wrote the whole store
    before = _graphs(store)
    assert main(["build", str(corpus), "--store", str(store)]) == 0
    second = capsys.readouterr().out
    assert "0 added, 0 replaced, 2 unchanged, 0 failed; 0 triples" in second
    assert "compacted" not in second
    assert _graphs(store) == before
    assert _answers(store, "industries", "芜湖") == [
        ("芜湖", "新材料", "advantage"),
        ("芜湖", "新能源汽车", "leading"),
        ("芜湖", "高端装备", "advantage"),
    ]


def test_a_changed_article_replaces_its_graph_and_shared_nodes_keep_one_iri(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, store = _corpus(tmp_path), tmp_path / "store"
    assert main(["build", str(corpus), "--store", str(store)]) == 0
    assert ("规上工业增加值增长", "8.5") in _growth(store)
    changed = ARTICLE_A.replace("增长8.5%", "增长9.2%")
    (corpus / "wuhu-2024-03-05.txt").write_text(changed, encoding="utf-8")
    assert main(["build", str(corpus), "--store", str(store)]) == 0
    assert "0 added, 1 replaced, 1 unchanged" in capsys.readouterr().out
    assert _growth(store) == [("规上工业增加值增长", "9.2")]
    assert len(_graphs(store)) == 2
    _assert_default_graph_is_the_union(store)

    companies = "SELECT DISTINCT ?c WHERE { ?c a <https://w3id.org/kg-cnip/ontology#Company> }"
    assert len(run_query(companies, load_store(store)).rows) == 1  # one IRI from both articles
    assert main(["remove", "--store", str(store), "wuhu-2024-03-05"]) == 0
    assert list(_graphs(store)) == ["https://w3id.org/kg-cnip/id/article/hefei-2024-04-02"]
    _assert_default_graph_is_the_union(store)
    assert _answers(store, "industries", "芜湖") == []
    assert len(run_query(companies, load_store(store)).rows) == 1  # still named by the other


def test_removing_an_unknown_article_is_an_error_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, store = _corpus(tmp_path), tmp_path / "store"
    assert main(["build", str(corpus), "--store", str(store)]) == 0
    assert main(["remove", "--store", str(store), "no-such-article"]) == 1
    assert "no-such-article: no such article" in capsys.readouterr().err
    assert main(["remove", "--store", str(tmp_path / "nothing"), "x"]) == 2
    assert "not a kg store" in capsys.readouterr().err


def test_a_deleted_source_file_is_reported_after_the_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, store = _corpus(tmp_path), tmp_path / "store"
    assert main(["build", str(corpus), "--store", str(store)]) == 0
    (corpus / "hefei-2024-04-02.txt").unlink()
    assert main(["build", str(corpus), "--store", str(store)]) == 0
    err = capsys.readouterr().err
    assert "1 article(s) in the store have no source file" in err
    assert "hefei-2024-04-02.txt" in err


def test_a_failing_article_is_reported_and_the_rest_is_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, store = _corpus(tmp_path), tmp_path / "store"
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    assert main(["build", str(corpus), "--store", str(store)]) == 1
    captured = capsys.readouterr()
    assert "2 added, 0 replaced, 0 unchanged, 1 failed" in captured.out
    assert "empty.txt" in captured.err
    assert len(_graphs(store)) == 2


def test_a_folder_that_is_not_a_store_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _corpus(tmp_path)
    assert main(["build", str(corpus), "--store", str(corpus)]) == 2
    assert "not a kg store" in capsys.readouterr().err


def test_parallel_extraction_gives_the_same_store_as_one_process(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for case in sorted(CASES.glob("*/article.txt")):
        shutil.copy(case, corpus / f"{case.parent.name}.txt")
    one, two = tmp_path / "one", tmp_path / "two"
    assert main(["build", str(corpus), "--store", str(one), "--jobs", "1"]) == 0
    assert main(["build", str(corpus), "--store", str(two), "--jobs", "2"]) == 0
    assert _graphs(one) == _graphs(two)
    assert len(_graphs(one)) == len(list(corpus.iterdir()))
    assert main(["export", "--store", str(one), "--out", str(tmp_path / "a"), "--no-html"]) == 0
    assert main(["export", "--store", str(two), "--out", str(tmp_path / "b"), "--no-html"]) == 0
    assert (tmp_path / "a" / "kg.trig").read_bytes() == (tmp_path / "b" / "kg.trig").read_bytes()


def test_the_entities_question_bound_to_an_article_answers_for_that_article(
    tmp_path: Path,
) -> None:
    corpus, store = _corpus(tmp_path), tmp_path / "store"
    assert main(["build", str(corpus), "--store", str(store)]) == 0
    text = read_query(str(ROOT / "queries" / "cq" / "entities.rq"))
    data = load_store(store)

    def rows(bindings: dict[str, str]) -> set[tuple[str, ...]]:
        return {
            tuple(t.value for t in row if t is not None)
            for row in run_query(text, data, bindings).rows
        }

    wuhu = rows({"article": "wuhu-2024-03-05"})
    assert ("wuhu-2024-03-05", "芜湖", "City") in wuhu
    assert not any("合肥" in row[1] for row in wuhu)
    assert rows({"article": "hefei-2024-04-02.txt"}) == set()  # the id, not the file name
    everything = rows({})
    assert wuhu < everything
    company = {row[0] for row in everything if row[2] == "Company"}
    assert company == {"wuhu-2024-03-05", "hefei-2024-04-02"}  # one node, named by both


def test_a_shared_node_has_one_preferred_name_and_answers_keep_each_articles_names(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "dongguan-2024-06-01.txt").write_text(
        "東莞再獲國家級榮譽\n2024年6月1日\n\n"
        "近日，工信部公布第六批服務型製造示範名單，東莞市入選服務型製造示範城市。\n",
        encoding="utf-8",
    )
    (corpus / "foshan-2024-06-02.txt").write_text(
        "佛山再获国家级荣誉\n2024年6月2日\n\n"
        "近日，工业和信息化部公布第六批服务型制造示范名单，佛山市入选服务型制造示范城市。\n",
        encoding="utf-8",
    )
    store = tmp_path / "store"
    assert main(["build", str(corpus), "--store", str(store)]) == 0
    preferred = run_query(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
        "SELECT ?node (COUNT(?label) AS ?n) WHERE { ?node skos:prefLabel ?label } GROUP BY ?node",
        load_store(store),
    ).rows
    assert preferred and all(int(n.value) == 1 for _, n in preferred)  # SKOS: one per node
    # both articles' ministry and title are one node each, named as the lexicon names them
    assert len([node for node, _ in preferred if node.value.endswith("/governmentbody/miit")]) == 1
    entities = read_query(str(ROOT / "queries" / "cq" / "entities.rq"))
    named = {
        (row[0].value, row[1].value)
        for row in run_query(entities, load_store(store), {}).rows
        if row[2].value == "GovernmentBody"
    }
    assert named == {("dongguan-2024-06-01", "工信部"), ("foshan-2024-06-02", "工业和信息化部")}
    holders = {row[1] for row in _answers(store, "designations", "東莞")}
    assert holders == {"東莞市"}  # as the article writes it, not the node's 东莞市


def test_a_figure_is_one_row_when_other_articles_name_its_indicator_otherwise(
    tmp_path: Path,
) -> None:
    corpus = _corpus(tmp_path)
    # the same indicator in traditional script: one indicator node with two names
    traditional = "蕪湖工業持續增長\n2024年5月6日\n\n2023年，蕪湖市規上工業增加值增長7.7%。\n"
    (corpus / "wuhu-2024-05-06.txt").write_text(traditional, encoding="utf-8")
    store = tmp_path / "store"
    assert main(["build", str(corpus), "--store", str(store)]) == 0
    assert sorted(_growth(store)) == [("規上工業增加值增長", "7.7"), ("规上工业增加值增长", "8.5")]


def test_query_viz_stats_and_validate_read_a_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, store = _corpus(tmp_path), tmp_path / "store"
    assert main(["build", str(corpus), "--store", str(store)]) == 0
    assert main(["stats", "--data", str(store)]) == 0
    assert "Company" in capsys.readouterr().out
    assert main(["validate", "--data", str(store)]) == 0
    assert "0 violations" in capsys.readouterr().out
    assert main(["viz", "--data", str(store), "--out", str(tmp_path / "kg.html")]) == 0
    assert "华拓智能科技" in (tmp_path / "kg.html").read_text(encoding="utf-8")


def _kill_mid_build(args: list[str], after: float) -> None:
    """Start ``kg build`` and kill it -9 after ``after`` seconds (or let it finish first)."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "build", *args], env=env, stdout=subprocess.DEVNULL
    )
    time.sleep(after)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)


@pytest.mark.parametrize("after", [1.5, 3.0, 4.5])
def test_a_killed_store_build_leaves_every_article_old_or_new_never_half(
    tmp_path: Path, after: float
) -> None:
    """The fault test: each article's graph is written in one transaction."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for copy in range(3):  # 27 articles: a kill lands mid-way whatever the machine's speed
        for case in sorted(CASES.glob("*/article.txt")):
            shutil.copy(case, corpus / f"{case.parent.name}-{copy}.txt")
    store = tmp_path / "store"
    assert main(["build", str(corpus), "--store", str(store)]) == 0
    old = _graphs(store)
    for path in corpus.iterdir():  # every article changes: the rebuild replaces them all
        path.write_text(path.read_text(encoding="utf-8") + "\n全市工业投资增长7.7%。\n")
    reference = tmp_path / "reference"
    assert main(["build", str(corpus), "--store", str(reference)]) == 0
    new = _graphs(reference)

    _kill_mid_build([str(corpus), "--store", str(store)], after)

    now = _graphs(store)  # the store opens: RocksDB recovered from the kill
    assert set(now) == set(old)
    for graph, triples in now.items():
        assert triples in (old[graph], new[graph]), f"{graph} is half-written"
    _assert_default_graph_is_the_union(store)
    assert main(["build", str(corpus), "--store", str(store)]) == 0  # and the next build heals
    assert _graphs(store) == new


def test_a_killed_file_build_leaves_the_previous_output_intact(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["build", str(ROOT / "data" / "articles"), "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for case in sorted(CASES.glob("*/article.txt")):
        shutil.copy(case, corpus / f"{case.parent.name}.txt")
    for after in (1.0, 2.0, 3.0):
        _kill_mid_build([str(corpus), "--out", str(out)], after)
        for name in ("kg.ttl", "kg.trig"):
            data = (out / name).read_bytes()
            if data != before[name]:  # a newer, complete file: it parses
                fmt = ox.RdfFormat.TURTLE if name.endswith("ttl") else ox.RdfFormat.TRIG
                assert list(ox.parse(data, format=fmt))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_shows_rate_and_failures_on_a_terminal_only() -> None:
    terminal, pipe = _Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        progress = Progress(stream)
        progress(1, 4, 0)
        progress(4, 4, 1)
    assert pipe.getvalue() == ""
    last = terminal.getvalue().split("\r")[-1]
    assert last.startswith("[" + "#" * 30 + "] 4/4 articles")
    assert "/s" in last and last.endswith("1 failed\n")
