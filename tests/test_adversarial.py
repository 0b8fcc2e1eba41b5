"""Adversarial text through the whole pipeline: file -> build_article -> RDF -> SHACL.

Whatever the text, only ``InputError`` may escape; the graph serialises and parses back with
pyoxigraph in every format; and it conforms to shapes.ttl. The strategies aim at what news
text does to the extractors: long lines, runs of list separators, numbers at the edge of
what a float or a decimal holds, mixed scripts with invisible characters, and sentences of
the genre cut up and shuffled.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.term import Node

from kg.errors import InputError
from kg.pipeline import build_article
from kg.rdf.iris import article_iri
from kg.rdf.vocab import KG
from kg.store import Format, serialise
from kg.validate import format_report, validate

from .conftest import CASES

PROPERTY = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
_PARSE = {
    Format.TRIG: ox.RdfFormat.TRIG,
    Format.TURTLE: ox.RdfFormat.TURTLE,
    Format.NTRIPLES: ox.RdfFormat.N_TRIPLES,
}

#: A headline and a dateline: the loader accepts text that would otherwise hold no Chinese,
#: and the article names its city and date.
HEAD = "株洲市产业发展动态\n2023年6月1日\n"
#: Heads that name no city, no date or neither: a figure may then have no area or no period,
#: and is no observation (the regressions at the end).
HEADS = [HEAD, "株洲市产业发展动态\n", "产业发展动态\n2023年6月1日\n", "产业发展动态\n"]
#: Clauses of the genre that the relation rules react to (invented names and figures).
GENRE = [
    "株洲市",
    "全市",
    "工信部",
    "突出打造轨道交通“一号产业”",
    "着力发展新材料、航空航天等2个新兴产业",
    "形成轨道交通、新材料等3个千亿级主导产业集群",
    "轨道交通产业集群规模突破1500亿元",
    "株洲获评工信部“国家先进制造业集群”",
    "恒达电子、华曜科技等5家企业入选国家级专精特新“小巨人”企业",
    "获智能制造试点示范和中央财政专项资金优先支持",
    "成功引进恒达电子等亿元以上项目38个",
    "株洲市印发《株洲市制造业高质量发展实施方案》",
    "2022年1-10月，规上工业增加值同比下降1.5%，居全省第3位",
    "截至目前，全市工业企业达1.2万余家",
    "【株洲日报记者 张三】",
    "【责任编辑:李四 】",
]
SEPARATORS = ["、", "，", "和", "及", "与", "以及", "；", "等", "、、", "，，", "和和", "/", " "]
#: Characters that are not Chinese and not visible: marks, joiners, bidi controls, emoji.
EXOTIC = [
    "Latin text",
    "é",
    "e\u0301",  # e + combining acute
    "\u0301\u0302\u0303",  # combining marks with no base
    "مرحبا بالعالم",  # Arabic, right to left
    "שלום",  # Hebrew
    "\u200f",  # right-to-left mark
    "\u202e",  # right-to-left override
    "\u2066\u2069",  # isolates
    "\u200b",  # zero-width space
    "\u200c\u200d",  # zero-width (non-)joiner
    "\ufeff",  # byte order mark inside the text
    "\ufe0f",  # variation selector
    "👩\u200d👩\u200d👧",  # an emoji sequence
    "🇨🇳",  # a flag: two regional indicators
    "𠀀𪚥",  # astral Han
    "\u3000",  # ideographic space
    "ＡＢＣ１２３",  # full-width forms
    "\t",
    "\r\n",
    "\x00",
    "\x1b[31m",
    "\ud7ff",
    "\U0010fffd",  # last private-use plane
]
#: Among them numbers past Python's limit of 4300 digits for int(str), past any statistic
#: (30 digits before the point), and places of a ranking that read as 0 (第0位, 第0.5位).
NUMBERS = [
    "0",
    "0.5",
    "1" * 4301,
    "0" * 4301 + "7",
    "1" + "0" * 30,
    "9" * 31,
    "9223372036854775808",  # 2**63
    "1" + "0" * 100_000,
    "0." + "0" * 5000 + "1",
    "1e308",
    "1.7976931348623157e308",
    "9999999999999999999",
    "99999999999999999999999999999999999999999999",
    "0.0000000000000000000000000001",
    "0." + "0" * 400 + "1",
    "1" + "0" * 400,
    "-0",
    "00000",
    "１２３",
    "1,234,567.89",
    "3.14.15",
    "NaN",
    "inf",
    "-5",
    "+7",
    ".5",
    "5.",
]
UNITS = [
    "亿元",
    "万亿元",
    "万元",
    "元",
    "%",
    "个百分点",
    "万吨",
    "吨",
    "家",
    "万家",
    "个",
    "倍",
    "G",
    "",
]
TEMPLATES = [
    "2023年，全市工业增加值达到{n}{u}，增长{n}%。",
    "株洲市规上工业增加值增速{n}{u}，居全国第{n}位。",
    "轨道交通产业集群规模突破{n}{u}，达到{n}{u}。",
    "恒达电子等{n}家企业入选国家级专精特新“小巨人”企业。",
    "截至目前，全市工业企业达{n}{u}余家。",
    "成功引进恒达电子等亿元以上项目{n}个，总投资{n}{u}。",
]


def _fragments() -> list[str]:
    """Clauses of the golden case articles, cut at Chinese punctuation."""
    pieces: list[str] = []
    for path in sorted(CASES.glob("*/article.txt")):
        text = path.read_text(encoding="utf-8")
        pieces += [p for p in re.split(r"(?<=[，。；：、！？\n])", text) if p.strip()]
    return pieces


FRAGMENTS = _fragments()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("adversarial")


def _build(text: str, workdir: Path) -> Graph | None:
    """The article's graph, or None where the loader refuses the text (an InputError)."""
    path = workdir / "fuzz.txt"
    path.write_bytes(text.encode("utf-8"))
    try:
        _, graph = build_article(path, doc_id="fuzz")
    except InputError:
        return None
    return graph


def _assert_well_formed(graph: Graph) -> None:
    """Every format serialises and parses back to the same triples; the shapes hold."""
    dataset = Dataset()
    named = dataset.graph(article_iri("fuzz"))
    for triple in graph:
        named.add(triple)
    for format, ox_format in _PARSE.items():
        data = serialise(dataset, format)
        assert len(list(ox.parse(data, format=ox_format))) == len(graph), format
    report = validate(graph)
    assert report.conforms, format_report(report)


def _check(text: str, workdir: Path) -> None:
    graph = _build(text, workdir)
    if graph is None:
        event("refused by the loader")
        return
    statements = sum(1 for _ in graph.subjects(KG.evidence, None))
    event("statements: none" if not statements else "statements: some")
    _assert_well_formed(graph)


# ---------------------------------------------------------------------- strategies
def _insert(text: str, at: int, what: str) -> str:
    at = at % (len(text) + 1)
    return text[:at] + what + text[at:]


def _number_sentence(template: str, numbers: list[str], unit: str) -> str:
    values = iter(numbers * 4)
    return re.sub(r"\{n\}", lambda _: next(values), template).replace("{u}", unit)


head = st.sampled_from(HEADS)
genre_clause = st.sampled_from(GENRE)
separator_run = st.builds(lambda sep, n: sep * n, st.sampled_from(SEPARATORS), st.integers(1, 400))
exotic_clause = st.one_of(
    st.sampled_from(EXOTIC),
    st.builds(_insert, genre_clause, st.integers(0, 60), st.sampled_from(EXOTIC)),
    st.text(st.characters(categories=["Mn", "Me", "Cf", "Co", "So", "Zl", "Zp"]), max_size=8),
)
number_sentence = st.builds(
    _number_sentence,
    st.sampled_from(TEMPLATES),
    st.lists(st.one_of(st.sampled_from(NUMBERS), st.integers().map(str)), min_size=1, max_size=3),
    st.sampled_from(UNITS),
)


# ---------------------------------------------------------------------- properties
@PROPERTY
@given(text=st.one_of(st.text(max_size=400), st.builds(str.__add__, head, st.text(max_size=400))))
def test_adversarial_random_unicode(text: str, workdir: Path) -> None:
    _check(text, workdir)


@settings(PROPERTY, max_examples=15)
@given(
    top=head,
    filler=st.sampled_from(["中", "a", "1", "。", "、", " ", "工业", "株洲"]),
    before=st.integers(0, 12_000),
    after=st.integers(0, 12_000),
    clause=genre_clause,
)
def test_adversarial_very_long_lines(
    top: str, filler: str, before: int, after: int, clause: str, workdir: Path
) -> None:
    line = filler * (before // len(filler)) + clause + filler * (after // len(filler))
    _check(top + line, workdir)


@PROPERTY
@given(top=head, parts=st.lists(st.one_of(genre_clause, separator_run), min_size=1, max_size=30))
def test_adversarial_runs_of_list_separators(top: str, parts: list[str], workdir: Path) -> None:
    _check(top + "".join(parts) + "。", workdir)


@PROPERTY
@given(top=head, sentences=st.lists(number_sentence, min_size=1, max_size=6))
def test_adversarial_numbers_at_the_edge(top: str, sentences: list[str], workdir: Path) -> None:
    _check(top + "工业经济运行情况。" + "".join(sentences), workdir)


@PROPERTY
@given(top=head, parts=st.lists(st.one_of(genre_clause, exotic_clause), min_size=1, max_size=25))
def test_adversarial_mixed_scripts_and_invisible_characters(
    top: str, parts: list[str], workdir: Path
) -> None:
    _check(top + "，".join(parts) + "。", workdir)


@PROPERTY
@given(
    top=head,
    lead=st.sampled_from(FRAGMENTS),
    body=st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=40),
    shuffled=st.permutations(GENRE),
)
def test_adversarial_shuffled_fragments_of_the_genre(
    top: str, lead: str, body: list[str], shuffled: list[str], workdir: Path
) -> None:
    _check(top + lead + "".join(body) + "，".join(shuffled[:8]) + "。", workdir)


# ---------------------------------------------------------------------- regressions
#: Smallest texts found by the properties above whose graphs broke shapes.ttl or whose build
#: raised, in the extraction stages (kg/relate, kg/rdf/mapping), with what the graph says now.

#: More digits than int(str) converts (sys.get_int_max_str_digits(): 4300).
LONG = "1" * 4301
DATED = "株洲市\n2023年6月1日\n"  # a city and a date: a figure has an area and a period

#: (indicator, value and unit, period, rank, area) of an observation.
Seen = tuple[str, str, str | None, int | None, str | None]


def _built(text: str, workdir: Path) -> Graph:
    graph = _build(text, workdir)
    assert graph is not None
    _assert_well_formed(graph)
    return graph


def _text(graph: Graph, node: Node | None, prop: URIRef) -> str | None:
    """The one value of ``prop`` of ``node``, as text; None where it has none."""
    value = None if node is None else graph.value(node, prop)
    return None if value is None else str(value)


def _observations(graph: Graph) -> list[Seen]:
    seen: list[Seen] = []
    for node in graph.subjects(RDF.type, KG.Observation):
        rank = _text(graph, node, KG.rank)
        seen.append(
            (
                _text(graph, graph.value(node, KG.indicator), RDFS.label) or "",
                f"{_text(graph, node, KG.value)}{_text(graph, node, KG.unit)}",
                _text(graph, node, KG.period),
                None if rank is None else int(rank),
                _text(graph, graph.value(node, KG.area), RDFS.label),  # the lexicon's name
            )
        )
    return sorted(seen, key=str)


def _values(graph: Graph, prop: URIRef) -> list[str]:
    return sorted(str(value) for value in graph.objects(None, prop))


def _statements(graph: Graph, kind: URIRef) -> int:
    return sum(1 for _ in graph.subjects(RDF.type, kind))


UNKNOWN_PERIOD = [
    # no date and no year named: a figure of no known time is dropped
    ("工业\n株洲规上工业增加值同比增长5%", []),
    # the first year the undated article names dates it (kg.relate._assumed_date)
    ("工业\n2023年，株洲规上工业增加值同比增长5%", [
        ("规上工业增加值增长", "5%", "2023", None, "株洲市"),
    ]),
    ("工业\n株洲规上工业增加值同比增长5%。2022年工业投资增长3%", [
        ("工业投资增长", "3%", "2022", None, "株洲市"),
        ("规上工业增加值增长", "5%", "2022", None, "株洲市"),
    ]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "observations"), UNKNOWN_PERIOD)
def test_adversarial_figure_of_no_known_period_is_no_observation(
    text: str, observations: list[Seen], workdir: Path
) -> None:
    assert _observations(_built(text, workdir)) == observations


NO_AREA = [
    # no city named: the cluster statement is dropped, and its size with it
    ("工业\n2023年轨道交通产业集群规模突破1500亿元", [], 0),
    ("工业\n2023年工业增加值达到5亿元。", [], 0),
    ("株洲\n2023年轨道交通产业集群规模突破1500亿元", [
        ("轨道交通产业集群规模", "1500亿元", "2023", None, "株洲市"),
    ], 1),
]  # fmt: skip


@pytest.mark.parametrize(("text", "observations", "presences"), NO_AREA)
def test_adversarial_figure_of_no_known_area_is_no_observation(
    text: str, observations: list[Seen], presences: int, workdir: Path
) -> None:
    graph = _built(text, workdir)
    assert _observations(graph) == observations
    assert _statements(graph, KG.ClusterPresence) == presences


def test_adversarial_cluster_size_is_of_the_area_of_its_cluster_statement(
    workdir: Path,
) -> None:
    graph = _built("株洲\n2023年轨道交通产业集群规模突破1500亿元", workdir)
    (presence,) = graph.subjects(RDF.type, KG.ClusterPresence)
    size = graph.value(presence, KG.size)
    assert size is not None
    assert graph.value(size, KG.area) == graph.value(presence, KG.area) is not None


RANKS = [
    # a place in a ranking is a whole number from 1: 第0位, 第0.5位 and 第00000位 are none
    (DATED + "工业增加值居全国第0位。", []),
    (DATED + "工业增加值居全国第0.5位。", []),
    (DATED + "工业增加值居全国第00000位。", []),
    (DATED + "工业增加值居全国第" + LONG + "位。", []),
    ("工业\n工业增加值居全国第" + LONG + "位。", []),
    (DATED + "工业增加值达到5亿元，居全国第0位。", [
        ("工业增加值", "5亿元", "2023", None, "株洲市"),
    ]),
    (DATED + "工业增加值居全国第1位。", [("工业增加值", "1位", "2023", 1, "株洲市")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "observations"), RANKS)
def test_adversarial_rank_is_a_whole_number_from_one(
    text: str, observations: list[Seen], workdir: Path
) -> None:
    assert _observations(_built(text, workdir)) == observations


MONTHS = [
    # a month no year has makes no period: the year written stays
    ("株洲\n2023年13月，工业增加值达到5亿元。", "2023"),
    ("株洲\n2023年0月，工业增加值达到5亿元。", "2023"),
    ("株洲\n2023年1-13月，工业增加值达到5亿元。", "2023"),
    ("株洲\n2023年0-10月，工业增加值达到5亿元。", "2023"),
    ("株洲\n截至2023年13月底，工业增加值达到5亿元。", "2023"),
    ("株洲\n2023年1-10月，工业增加值达到5亿元。", "2023-01/2023-10"),
    ("株洲\n2023年12月，工业增加值达到5亿元。", "2023-12"),
]


@pytest.mark.parametrize(("text", "period"), MONTHS)
def test_adversarial_impossible_month_makes_no_period(
    text: str, period: str, workdir: Path
) -> None:
    assert _observations(_built(text, workdir)) == [("工业增加值", "5亿元", period, None, "株洲市")]


DATES = [
    ("株洲\n2023年13月，株洲获评工信部“国家先进制造业集群”。", "2023"),
    ("株洲\n2023年2月30日，株洲获评工信部“国家先进制造业集群”。", "2023"),
    ("株洲\n2023年13月1日，株洲获评工信部“国家先进制造业集群”。", "2023"),
    ("株洲\n2024年2月29日，株洲获评工信部“国家先进制造业集群”。", "2024-02-29"),
]


@pytest.mark.parametrize(("text", "date"), DATES)
def test_adversarial_impossible_day_makes_no_date(text: str, date: str, workdir: Path) -> None:
    graph = _built(text, workdir)
    assert _statements(graph, KG.DesignationAward) == 1
    assert _values(graph, KG.date) == [date]


COUNTS = [
    # digits past COUNT_MAX_DIGITS are no count: the statement stays, without kg:count
    (DATED + "华曜科技等" + LONG + "家企业入选国家级专精特新“小巨人”企业。",
     KG.DesignationAward, 1, []),
    (DATED + "华曜科技等5家企业入选国家级专精特新“小巨人”企业。", KG.DesignationAward, 1, ["5"]),
    ("工业\n华曜科技等" + LONG + "家企业入选国家级专精特新“小巨人”企业。",
     KG.DesignationAward, 1, []),
    ("株洲\n引进恒达电子等项目" + LONG + "个。", KG.InvestmentProject, 1, []),
    ("株洲\n引进恒达电子等项目38个。", KG.InvestmentProject, 1, ["38"]),
    # a list with such a count is no list of a tier
    (DATED + "形成轨道交通、新材料等" + LONG + "个千亿级主导产业集群。",
     KG.IndustryPriority, 0, []),
    ("工业\n形成轨道交通、新材料等" + LONG + "个千亿级主导产业集群。",
     KG.IndustryPriority, 0, []),
    (DATED + "形成轨道交通、新材料等2个千亿级主导产业集群。",
     KG.IndustryPriority, 2, ["2"] * 4),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "statements", "counts"), COUNTS)
def test_adversarial_count_has_at_most_twelve_digits(
    text: str, kind: URIRef, statements: int, counts: list[str], workdir: Path
) -> None:
    graph = _built(text, workdir)
    assert _statements(graph, kind) == statements
    assert _values(graph, KG.count) == counts
    assert not any(len(value) > 12 for value in _values(graph, KG.value))


HUGE = [
    # 10**999988 万亿元: more than a Decimal holds in yuan, and no statistic
    (DATED + "工业增加值达到1" + "0" * 999_988 + "万亿元。", []),
    (DATED + "工业增加值达到1" + "0" * 30 + "亿元。", []),
    (DATED + "工业增加值达到" + "9" * 30 + "亿元。", [
        ("工业增加值", "9" * 30 + "亿元", "2023", None, "株洲市"),
    ]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "observations"), HUGE)
def test_adversarial_figure_beyond_any_statistic_is_no_observation(
    text: str, observations: list[Seen], workdir: Path
) -> None:
    assert _observations(_built(text, workdir)) == observations
