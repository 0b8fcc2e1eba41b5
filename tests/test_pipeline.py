"""The whole pipeline on random text of the genre: no exception escapes, the RDF parses."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset

from kg.load import load_article, read_meta
from kg.pipeline import analyse
from kg.rdf.iris import article_iri
from kg.rdf.mapping import to_rdf
from kg.recognise.lexicon import Lexicon
from kg.records import ArticleMeta, Document
from kg.store import Format, serialise

#: Clauses and pieces the relation rules react to, mixed at random.
PIECES = [
    "株洲市",
    "株洲",
    "湖南省",
    "全市",
    "我市",
    "工信部",
    "市工信局",
    "，",
    "。",
    "、",
    "；",
    "\n",
    "等",
    "和",
    "与",
    "及",
    "以及",
    "“",
    "”",
    "《",
    "》",
    "（",
    "）",
    "突出打造轨道交通“一号产业”",
    "着力发展新材料、航空航天等2个新兴产业",
    "将陶瓷、服饰列为两大传统产业",
    "前瞻布局低空经济等未来产业",
    "形成800亿轨道交通、新材料等3个千亿级主导产业集群",
    "轨道交通产业集群规模突破1500亿元，达到1620亿元",
    "株洲获评工信部“国家先进制造业集群”",
    "中车株机、株硬集团等5家企业入选国家级专精特新“小巨人”企业",
    "获智能制造试点示范和中央财政专项资金优先支持",
    "在赛迪顾问发布的2023年全国先进制造业百强市榜单中，株洲位列第20位",
    "成功引进比亚迪、三一等亿元以上项目38个",
    "株洲市印发《株洲市制造业高质量发展实施方案》",
    "2022年1-10月，规上工业增加值同比下降1.5%，居全省第3位",
    "2019年—2021年，工业增加值由1200亿元跃升至1500亿元",
    "截至目前，全市工业企业达1.2万余家",
    "力争到2025年增长8%",
    "原油加工量300万吨，乙烯产量20万吨，同比分别增长4%和9%",
    "第一季度落实3160万元",
    "前三季度",
    "“百企上云”行动",
    "株洲高新区",
    "连续五年居全国首位",
    "【株洲日报记者 张三】",
    "【责任编辑:李四 】",
    "湖南华菱钢铁股份有限公司（华菱钢铁）",
    "%",
    "亿元",
    "万家",
    "个百分点",
    "第",
    "位",
    "5G",
    "2023年",
    "1",
    "0",
    "99999999999999999999",
]


def _document(text: str) -> Document:
    meta, body_start = read_meta(text)
    return Document("fuzz", text, ArticleMeta(meta.title or "t", published=None), body_start)


@settings(max_examples=200, deadline=None, database=None)
@given(text=st.lists(st.sampled_from(PIECES), min_size=1, max_size=30).map("".join))
def test_pipeline_random_genre_text_builds_rdf_that_parses(text: str, lexicon: Lexicon) -> None:
    analysis = analyse(_document(text))
    graph = to_rdf(analysis, lexicon)
    dataset = Dataset()
    named = dataset.graph(article_iri("fuzz"))
    for triple in graph:
        named.add(triple)
    data = serialise(dataset, Format.TRIG)
    store = ox.Store()
    store.load(data, format=ox.RdfFormat.TRIG)
    assert len(store) == len(graph)
    for fact in analysis.facts:
        assert 0 <= fact.evidence.start < fact.evidence.end <= len(text)


def test_pipeline_seed_article_is_analysed_with_every_relation() -> None:
    path = Path(__file__).parent.parent / "data" / "articles" / "zhengzhou-2023-01-16.txt"
    analysis = analyse(load_article(path))
    kinds = {fact.relation.value for fact in analysis.facts}
    assert kinds >= {
        "IndustryPriority",
        "ClusterPresence",
        "DesignationAward",
        "PrioritySupport",
        "InvestmentProject",
        "PolicyIssuance",
        "Observation",
    }
    assert analysis.city is not None and analysis.city.labels[0] == "郑州"
