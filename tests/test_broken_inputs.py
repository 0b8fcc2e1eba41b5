"""``kg build tests/broken``: each bad file is named with its problem, the others are built.

``tests/broken/expected.tsv`` says what happens to each file; files too big to commit are
made here.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.config import BuildConfig
from kg.errors import InputError
from kg.load import article_id, find_articles, load_article
from kg.rdf.iris import article_iri

BROKEN = Path(__file__).resolve().parent / "broken"


@dataclass(frozen=True, slots=True)
class Row:
    file: str
    outcome: str  # built | rejected
    message: str  # a substring of the error of a rejected file
    encoding: str  # the codec a built file is read with
    case: str


def _rows() -> list[Row]:
    lines = (BROKEN / "expected.tsv").read_text(encoding="utf-8").splitlines()
    header, *body = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert header == list(Row.__dataclass_fields__)
    rows = [Row(*fields) for fields in body]
    assert all(r.outcome in ("built", "rejected") for r in rows)
    return rows


ROWS = _rows()


def _oversized(folder: Path) -> Path:
    """One byte over the limit, of good text otherwise: too big to commit."""
    path = folder / "oversized.txt"
    line = "云岭市新能源汽车产业链加快集聚，总投资约32亿元。\n".encode()
    limit = BuildConfig().max_article_bytes
    path.write_bytes((line * (limit // len(line) + 1))[: limit + 1])
    return path


GENERATED = {"oversized.txt": _oversized}


def _path(row: Row, generated: Path) -> Path:
    return generated / row.file if row.file in GENERATED else BROKEN / row.file


def test_broken_inputs_the_table_lists_every_file() -> None:
    found = {p.name for p in find_articles([BROKEN], BuildConfig())}
    assert found | set(GENERATED) == {r.file for r in ROWS}
    assert len(ROWS) == len({r.file for r in ROWS})
    for sidecar in BROKEN.glob("*.meta.json"):
        assert sidecar.name.removesuffix(".meta.json") + ".txt" in found


def test_broken_inputs_are_what_make_broken_writes() -> None:
    spec = importlib.util.spec_from_file_location("make_broken", BROKEN / "make_broken.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, data in module.files().items():
        assert (BROKEN / name).read_bytes() == data, f"{name}: run tests/broken/make_broken.py"


def test_broken_inputs_build_reports_each_rejected_file_and_builds_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    generated = tmp_path / "generated"
    generated.mkdir()
    extra = [str(make(generated)) for make in GENERATED.values()]
    out = tmp_path / "out"

    status = main(["build", str(BROKEN), *extra, "--out", str(out), "--no-html"])

    captured = capsys.readouterr()
    assert status == 1
    skipped = [ln for ln in captured.err.splitlines() if ln.startswith("kg build: skipped ")]
    problems = []
    for row in ROWS:
        path = str(_path(row, generated))
        lines = [ln for ln in skipped if ln.startswith(f"kg build: skipped {path}: ")]
        if row.outcome == "rejected" and not (lines and row.message in lines[0]):
            problems.append(f"{row.file}: expected {row.message!r}, got {lines}")
        if row.outcome == "built" and lines:
            problems.append(f"{row.file}: expected to be built, got {lines}")
    assert not problems, "\n".join(problems)
    assert len(skipped) == sum(r.outcome == "rejected" for r in ROWS)

    built = {str(article_iri(article_id(Path(r.file)))) for r in ROWS if r.outcome == "built"}
    assert f"built {len(built)} article(s)" in captured.out
    store = ox.Store()
    store.load((out / "kg.trig").read_bytes(), format=ox.RdfFormat.TRIG)
    assert {g.value for g in store.named_graphs()} == built
    ox.parse((out / "kg.ttl").read_bytes(), format=ox.RdfFormat.TURTLE)
    assert sorted(p.name for p in out.iterdir()) == ["kg.trig", "kg.ttl"]  # no temporary files
    assert sorted(p.name for p in generated.iterdir()) == sorted(GENERATED)


BUILT = [r for r in ROWS if r.outcome == "built"]
REJECTED = [r for r in ROWS if r.outcome == "rejected" and r.file not in GENERATED]


@pytest.mark.parametrize("row", BUILT, ids=[r.file for r in BUILT])
def test_broken_inputs_good_file_is_read_in_its_encoding(row: Row) -> None:
    doc = load_article(BROKEN / row.file)
    assert doc.meta.encoding == row.encoding
    assert doc.meta.title and doc.meta.title in doc.text
    assert not any(ch in doc.text for ch in "\x00\r\x0c\x1a\x1b")


@pytest.mark.parametrize("row", REJECTED, ids=[r.file for r in REJECTED])
def test_broken_inputs_bad_file_is_an_input_error_naming_it(row: Row) -> None:
    with pytest.raises(InputError) as info:
        load_article(BROKEN / row.file)
    assert str(info.value).startswith(f"{BROKEN / row.file}: ")
    assert row.message in str(info.value)
