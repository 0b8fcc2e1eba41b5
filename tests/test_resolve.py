"""Resolving mentions to entities: one entity per thing, the article's city, labels as written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg.load import load_article
from kg.pipeline import analyse
from kg.records import Analysis, ArticleMeta, Document, Entity, EntityType


def _analyse(text: str, title: str = "标题") -> Analysis:
    meta = ArticleMeta(title, published=date(2023, 5, 10))
    return analyse(Document("t", text, meta))


def _entities(analysis: Analysis, type_: EntityType) -> list[Entity]:
    return [e for e in analysis.entities if e.type is type_]


def _named(analysis: Analysis, type_: EntityType, label: str) -> Entity:
    (entity,) = [e for e in _entities(analysis, type_) if label in e.labels]
    return entity


SAME_COMPANY = [
    # a short name and a longer one ending in a company head word, both in company lists
    ("郑州拥有三全食品、思念食品等龙头企业。三全、好想你等企业加快转型升级。", "三全食品", "三全"),
    ("株洲拥有千金药业、旗滨玻璃等龙头企业。千金、时代新材等企业加快转型。", "千金药业", "千金"),
    # a legal name and the short name in brackets after it
    ("中信重工机械股份有限公司（中信重工）在洛阳投产。", "中信重工机械股份有限公司", "中信重工"),
    # a subsidiary's legal name with its place in brackets
    ("友达光电（昆山）有限公司已投产。昆山引进友达光电、仁宝等企业。",
     "友达光电（昆山）有限公司", "友达光电"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "long", "short"), SAME_COMPANY)
def test_resolve_short_and_long_company_names_are_one_entity(
    text: str, long: str, short: str
) -> None:
    analysis = _analyse(text)
    entity = _named(analysis, EntityType.COMPANY, short)
    assert entity.labels[0] == long
    assert len(entity.mentions) == 2


def test_resolve_distinct_companies_stay_apart() -> None:
    analysis = _analyse("株洲拥有千金药业、旗滨玻璃等龙头企业。千金、时代新材等企业加快转型升级。")
    labels = {e.labels[0] for e in _entities(analysis, EntityType.COMPANY)}
    assert labels == {"千金药业", "旗滨玻璃", "时代新材"}


def test_resolve_ministry_short_and_full_names_are_one_entity() -> None:
    analysis = _analyse("工信部发布名单。工业和信息化部表示，将支持洛阳。")
    (ministry,) = _entities(analysis, EntityType.GOVERNMENT_BODY)
    assert ministry.labels == ("工信部", "工业和信息化部")
    assert ministry.lexicon_id == "bodies:miit"
    assert len(ministry.mentions) == 2


def test_resolve_city_short_and_full_names_are_one_entity() -> None:
    analysis = _analyse("株洲工业提速\n株洲市召开大会，株洲代表发言。", title="株洲工业提速")
    (city,) = _entities(analysis, EntityType.CITY)
    assert city.labels == ("株洲", "株洲市")
    assert len(city.mentions) == 3


def test_resolve_local_body_takes_the_article_city() -> None:
    text = "洛阳工业提速\n市工信局负责人介绍，洛阳市工业和信息化局今年将推进数字化转型。"
    analysis = _analyse(text, title="洛阳工业提速")
    (body,) = _entities(analysis, EntityType.GOVERNMENT_BODY)
    assert body.key == "body:洛阳市工业和信息化局"
    assert body.labels == ("市工信局", "洛阳市工业和信息化局")
    assert len(body.mentions) == 2


def test_resolve_provincial_body_without_a_city_stays_generic() -> None:
    analysis = _analyse(
        "洛阳工业提速\n省工信厅负责人介绍，洛阳今年将推进数字化转型。", "洛阳工业提速"
    )
    (body,) = _entities(analysis, EntityType.GOVERNMENT_BODY)
    assert body.key == "local-body:省:工业和信息化厅"


CITIES = [
    # the most-mentioned city: 洛阳 3 against 襄阳 1
    ("工业提速\n洛阳代表和洛阳企业来到襄阳。洛阳代表发言。", "工业提速", "洛阳"),
    # the title's city counts three times: 绵阳 1 + 3 against 洛阳 3
    ("绵阳工业提速\n洛阳、襄阳的代表来到绵阳。洛阳代表发言，洛阳企业参展。", "绵阳工业提速",
     "绵阳"),
    # but a title does not outweigh everything: 襄阳 1 + 3 against 洛阳 5
    ("襄阳工业提速\n洛阳代表来到襄阳。洛阳、洛阳企业和洛阳高校参展，洛阳代表发言。", "襄阳工业提速",
     "洛阳"),
    # a county-level city written once in full, then short: 昆山 in the title, its prefecture once
    ("昆山工业提速\n昆山市是苏州市下辖的县级市。昆山电子信息产业产值增长。", "昆山工业提速",
     "昆山"),
    # no place in the title: 昆山 named 5 times against 苏州 twice
    ("工业提速\n昆山市隶属苏州。昆山、昆山企业和昆山高校参展，昆山代表发言，苏州代表到场。",
     "工业提速", "昆山市"),
    # a county-level city's bureau in the title: 晋江市 inside 晋江市工业和信息化局 counts
    ("晋江市工业和信息化局2023年工作总结\n在泉州市工信局的指导下，晋江工业增长。居泉州市第3位，"
     "占泉州市的28.7%。", "晋江市工业和信息化局2023年工作总结", "晋江市"),
    # a municipality written as its district's prefix only says where: 上海市金山区 is 金山区
    ("投资指南\n上海市金山区位于上海西南部。上海市金山区工业增长，上海市金山区企业参展。",
     "投资指南", "金山区"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "title", "city"), CITIES)
def test_resolve_article_city(text: str, title: str, city: str) -> None:
    analysis = _analyse(text, title)
    assert analysis.city is not None
    assert analysis.city.labels[0] == city


def test_resolve_article_without_a_city() -> None:
    assert _analyse("工信部发布名单。").city is None


def test_resolve_front_matter_title_counts_more(tmp_path: Path) -> None:
    path = tmp_path / "mianyang.md"
    path.write_text(
        "---\ntitle: 绵阳工业提速\n---\n绵阳工业提速\n洛阳代表来到绵阳。洛阳代表发言。",
        encoding="utf-8",
    )
    analysis = analyse(load_article(path))
    assert analysis.city is not None
    assert analysis.city.labels[0] == "绵阳"


def test_resolve_labels_keep_the_article_script() -> None:
    text = "東莞製造業提速\n東莞市大力發展新一代電子信息產業。"
    analysis = _analyse(text, title="東莞製造業提速")
    assert analysis.city is not None
    assert analysis.city.labels[:2] == ("東莞", "東莞市")
    industry = _named(analysis, EntityType.INDUSTRY, "電子信息")
    assert industry.labels[0] == "電子信息"


def test_resolve_every_mention_belongs_to_an_entity() -> None:
    text = "株洲工业提速\n株洲市工信局介绍，千金药业、旗滨玻璃等企业获评工信部“绿色工厂”。"
    analysis = _analyse(text, title="株洲工业提速")
    for mention in analysis.mentions:
        assert analysis.entity_of(mention).type is mention.type


def test_resolve_a_cluster_is_its_citys_so_two_cities_clusters_stay_apart() -> None:
    def clusters(text: str, title: str) -> set[str]:
        analysis = _analyse(text, title)
        return {e.key for e in _entities(analysis, EntityType.INDUSTRY_CLUSTER)}

    dalian = clusters("大连做强电子信息产业集群。", "大连工业")
    huainan = clusters("淮南做强电子信息产业集群。", "淮南工业")
    assert len(dalian) == len(huainan) == 1
    assert dalian != huainan
