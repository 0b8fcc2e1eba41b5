"""Relation rules: tiers, clusters, designations, support, investments, policies, figures."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.recognise import recognise
from kg.recognise.lexicon import Lexicon
from kg.records import ArticleMeta, Document, Fact, Mention, Quantity, Relation
from kg.relate import relate
from kg.relate.context import Rule, SentenceContext
from kg.relate.lists import clauses
from kg.relate.quantities import PERIODS, base_value, find_periods
from kg.relate.rules import RULES, TRIGGERS
from kg.segment import segment

PUBLISHED = date(2022, 11, 20)


def _facts(text: str, lexicon: Lexicon, published: date | None = PUBLISHED) -> tuple[Fact, ...]:
    doc = Document("t", text, ArticleMeta("标题", published=published))
    sentences = segment(doc)
    return relate(doc, sentences, recognise(doc, sentences, lexicon), lexicon)


def _of(facts: tuple[Fact, ...], relation: Relation) -> list[Fact]:
    return [f for f in facts if f.relation is relation]


def _named(thing: Mention | Quantity | None) -> str | None:
    return thing.surface if isinstance(thing, Mention) else None


def _objects(facts: list[Fact]) -> list[str]:
    return [f.object.surface for f in facts if isinstance(f.object, Mention)]


def _figures(text: str, lexicon: Lexicon, published: date | None = PUBLISHED) -> list[Quantity]:
    facts = _of(_facts(text, lexicon, published), Relation.OBSERVATION)
    return [f.object for f in facts if isinstance(f.object, Quantity)]


# ----------------------------------------------------------------------------- tiers

TIERS = [
    ("洛阳把高端装备作为一号产业。", "leading", ["高端装备"]),
    ("洛阳全力打造高端装备“一号产业”。", "leading", ["高端装备"]),
    ("绵阳将电子信息确定为首位产业。", "leading", ["电子信息"]),
    ("株洲培育新材料、生物医药、节能环保等3个新兴产业。", "emerging",
     ["新材料", "生物医药", "节能环保"]),
    ("襄阳将汽车、装备制造、新能源、电子信息和化工列为五大支柱产业。", "pillar",
     ["汽车", "装备制造", "新能源", "电子信息", "化工"]),
    ("襄阳前瞻布局氢能、量子信息等未来产业。", "future", ["氢能", "量子信息"]),
    ("株洲改造提升陶瓷、服饰等传统产业。", "advantage", ["陶瓷", "服饰"]),
    # 加快 and 支持 open the list; they are no part of its first item
    ("潍坊加快纺织服装、造纸等传统产业“老树发新芽”。", "advantage", ["纺织服装", "造纸"]),
    ("鞍山支持激光、氢能等新兴产业发展。", "emerging", ["激光", "氢能"]),
    # a quoted count between the list and the tier word
    ("柳州以机械、冶金、生物医药为“三大”支柱产业。", "pillar", ["机械", "冶金", "生物医药"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "tier", "industries"), TIERS)
def test_relate_industry_tiers(
    lexicon: Lexicon, text: str, tier: str, industries: list[str]
) -> None:
    facts = _of(_facts(text, lexicon), Relation.INDUSTRY_PRIORITY)
    assert _objects(facts) == industries
    assert {f.qualifier("tier") for f in facts} == {tier}
    assert {_named(f.subject) for f in facts} == {text[:2]}


def test_relate_tier_of_an_industry_named_first(lexicon: Lexicon) -> None:
    facts = _of(_facts("钢铁产业是柳州的第一主导产业。", lexicon), Relation.INDUSTRY_PRIORITY)
    assert [(_named(f.object), f.qualifier("tier"), _named(f.subject)) for f in facts] == [
        ("钢铁产业", "leading", "柳州")
    ]
    text = "纺织服装、石油化工是泉州的两大支柱产业。"
    facts = _of(_facts(text, lexicon), Relation.INDUSTRY_PRIORITY)
    assert [(_named(f.object), f.qualifier("tier"), _named(f.subject)) for f in facts] == [
        ("纺织服装", "pillar", "泉州"),
        ("石油化工", "pillar", "泉州"),
    ]


def test_relate_tier_industry_keeps_its_lexicon_key(lexicon: Lexicon) -> None:
    (fact,) = _of(_facts("绵阳将电子信息确定为首位产业。", lexicon), Relation.INDUSTRY_PRIORITY)
    assert isinstance(fact.object, Mention)
    assert fact.object.key == "industries:electronic-information"


def test_relate_declared_count_differs_from_the_items_named(lexicon: Lexicon) -> None:
    text = "襄阳做强汽车、装备制造、新能源、电子信息等5大支柱产业。"
    facts = _of(_facts(text, lexicon), Relation.INDUSTRY_PRIORITY)
    assert _objects(facts) == ["汽车", "装备制造", "新能源", "电子信息"]
    assert {f.qualifier("count") for f in facts} == {"5"}


def test_relate_declared_count_after_lie_wei(lexicon: Lexicon) -> None:
    text = "襄阳将汽车、装备制造、新能源和电子信息列为五大支柱产业。"
    facts = _of(_facts(text, lexicon), Relation.INDUSTRY_PRIORITY)
    assert len(facts) == 4
    assert {f.qualifier("count") for f in facts} == {"5"}


def test_relate_tier_in_yi_wei_form(lexicon: Lexicon) -> None:
    facts = _of(_facts("绵阳以电子信息为首位产业。", lexicon), Relation.INDUSTRY_PRIORITY)
    assert _objects(facts) == ["电子信息"]
    assert [f.qualifier("tier") for f in facts] == ["leading"]


CLUSTER_NAMES = [
    # a list ending 等+tier+集群, after 形成了
    ("泉州形成了纺织服装、石油化工等优势产业集群。", ["纺织服装", "石油化工"]),
    # a verb before a single cluster is no part of its name
    ("我们将把汽车产业集群打造成万亿级。", ["汽车产业集群"]),
    # a policy's title names no cluster
    ("泉州印发《泉州市加快推进纺织产业集群发展若干措施》。", []),
    # the scope of a rank is no cluster
    ("汽车零部件产业集群营收286亿元，在全省县域特色产业集群中排名第五。", ["汽车零部件产业集群"]),
    # a list counted with 两大 after it
    ("到2027年，把精品钢材、菱镁新材料两大产业集群建成先进制造业集群。",
     ["精品钢材", "菱镁新材料"]),
    # a time word is no part of a cluster's name; 首批…产业集群 is a title
    ("去年绿色化工产业集群产值突破800亿元。", ["绿色化工产业集群"]),
    ("新能源电池材料产业集群去年入选首批省级重点产业集群。", ["新能源电池材料产业集群"]),
    # a policy's measures name no cluster
    ("（一）支持产业集群发展。对新认定的，分别给予集群运营主体一次性奖励300万元。", []),
    # a list counted with 三个 but no 等
    ("在柳州，汽车、钢铁、机械三个千亿级产业集群撑起了工业的半壁江山。", ["汽车", "钢铁", "机械"]),
    # a title (中小企业特色产业集群) is no cluster of a 中小企业特色 industry
    ("晋江运动鞋服产业集群入选工业和信息化部2023年度中小企业特色产业集群。",
     ["晋江运动鞋服产业集群"]),
]  # fmt: skip


def test_relate_a_table_of_tiers_written_as_lines(lexicon: Lexicon) -> None:
    text = "产业如下：\n一号产业：汽车零部件\n主导产业：羊绒及纺织服装、合金材料及刀具\n"
    facts = _of(_facts(text, lexicon), Relation.INDUSTRY_PRIORITY)
    assert [(_named(f.object), f.qualifier("tier")) for f in facts] == [
        ("汽车零部件", "leading"),
        ("羊绒及纺织服装", "pillar"),
        ("合金材料及刀具", "pillar"),
    ]
    verb = "未来产业：前瞻布局氢能、合成生物。"  # a verb before the list is no part of it
    assert [_named(f.object) for f in _of(_facts(verb, lexicon), Relation.INDUSTRY_PRIORITY)] == [
        "氢能",
        "合成生物",
    ]
    sentence = "主导产业：全年产值增长12%，占全县的六成。"  # a heading that opens a sentence
    assert _of(_facts(sentence, lexicon), Relation.INDUSTRY_PRIORITY) == []


def test_relate_a_counted_tier_list_that_plays_a_role(lexicon: Lexicon) -> None:
    """以A、B三大…产业为支撑: the list is in the tier; a bare “…产业为支撑” names nothing."""
    text = (
        "以生物医药、新能源、新材料三大战略性新兴产业为支撑，以航空航天、汽车两大优势产业为基础。"
    )
    facts = _of(_facts(text, lexicon), Relation.INDUSTRY_PRIORITY)
    assert [(_named(f.object), f.qualifier("tier")) for f in facts] == [
        ("生物医药", "emerging"),
        ("新能源", "emerging"),
        ("新材料", "emerging"),
        ("航空航天", "advantage"),
        ("汽车", "advantage"),
    ]
    bare = "着力形成“战略性新兴产业为支撑、传统优势产业为基础”的先进制造业体系。"
    assert _of(_facts(bare, lexicon), Relation.INDUSTRY_PRIORITY) == []


@pytest.mark.parametrize(("text", "clusters"), CLUSTER_NAMES)
def test_relate_cluster_names_without_the_words_around_them(
    lexicon: Lexicon, text: str, clusters: list[str]
) -> None:
    assert _objects(_of(_facts(text, lexicon), Relation.CLUSTER_PRESENCE)) == clusters


def test_relate_a_title_is_no_tier_and_no_cluster(lexicon: Lexicon) -> None:
    text = "株洲高新区轨道交通产业集群被国家发展改革委列入第一批国家级战略性新兴产业集群。"
    facts = _facts(text, lexicon)
    assert _of(facts, Relation.INDUSTRY_PRIORITY) == []
    assert _objects(_of(facts, Relation.CLUSTER_PRESENCE)) == ["株洲高新区轨道交通产业集群"]


# ----------------------------------------------------------------------------- clusters


def test_relate_cluster_list_with_sizes_written_before_the_items(lexicon: Lexicon) -> None:
    text = "株洲形成1500亿轨道交通、800亿新材料、300亿航空等4个千亿级产业集群。"
    every = _facts(text, lexicon)
    facts = _of(every, Relation.CLUSTER_PRESENCE)
    sizes = [f for f in _of(every, Relation.OBSERVATION) if f.rule == "rule:cluster-size"]
    assert [(f.subject.surface, f.object.value, f.object.unit) for f in sizes] == [
        ("轨道交通", Decimal("1500"), "亿"),
        ("新材料", Decimal("800"), "亿"),
        ("航空", Decimal("300"), "亿"),
    ]
    assert {f.qualifier("count") for f in facts} == {"4"}
    assert [e.surface for f in facts for e in f.extra] == ["轨道交通", "新材料", "航空"]


def test_relate_cluster_list_with_a_tier_states_the_tier_too(lexicon: Lexicon) -> None:
    text = "株洲已形成轨道交通、新材料、航空等3个千亿级主导产业集群。"
    facts = _facts(text, lexicon)
    clusters = _of(facts, Relation.CLUSTER_PRESENCE)
    assert _objects(clusters) == ["轨道交通", "新材料", "航空"]
    tiers = [f for f in _of(facts, Relation.INDUSTRY_PRIORITY) if f.rule == "rule:clusters-tier"]
    assert _objects(tiers) == ["轨道交通", "新材料", "航空"]
    assert {f.qualifier("tier") for f in tiers} == {"pillar"}


CLUSTER_SIZES = [
    ("绵阳电子信息产业集群规模达1200亿元。", "绵阳电子信息产业集群", "1200", "亿元", None),
    ("襄阳新能源汽车产业集群突破千亿元。", "襄阳新能源汽车产业集群", "1000", "亿元", "突破"),
]


@pytest.mark.parametrize(("text", "cluster", "value", "unit", "bound"), CLUSTER_SIZES)
def test_relate_single_cluster_with_its_size_after(
    lexicon: Lexicon, text: str, cluster: str, value: str, unit: str, bound: str | None
) -> None:
    facts = _facts(text, lexicon)
    (fact,) = _of(facts, Relation.CLUSTER_PRESENCE)
    assert _named(fact.object) == cluster
    (size,) = _of(facts, Relation.OBSERVATION)  # stated once, as the cluster's, not twice
    assert size.subject == fact.object
    assert (size.object.value, size.object.unit, size.object.approximation) == (
        Decimal(value),
        unit,
        bound,
    )


# ----------------------------------------------------------------------------- designations


def test_relate_designation_of_a_city_by_a_ministry(lexicon: Lexicon) -> None:
    (fact,) = _of(
        _facts("株洲获评工信部“国家先进制造业集群”。", lexicon), Relation.DESIGNATION_AWARD
    )
    assert _named(fact.subject) == "株洲"
    assert _named(fact.object) == "国家先进制造业集群"
    assert fact.qualifier("level") == "national"
    assert [(m.surface, m.key) for m in fact.extra] == [("工信部", "bodies:miit")]


def test_relate_designation_of_a_company_by_a_ministry(lexicon: Lexicon) -> None:
    text = "中信重工获评工信部“制造业单项冠军”。"
    (fact,) = _of(_facts(text, lexicon), Relation.DESIGNATION_AWARD)
    assert _named(fact.subject) == "中信重工"
    assert isinstance(fact.object, Mention)
    assert fact.object.key == "designations:manufacturing-single-champion"
    assert [m.surface for m in fact.extra] == ["工信部"]


def test_relate_designation_of_listed_companies_and_their_count(lexicon: Lexicon) -> None:
    text = "中信重工、金鹭硬质合金等3家企业入选国家级专精特新“小巨人”企业。"
    facts = _facts(text, lexicon)
    awards = _of(facts, Relation.DESIGNATION_AWARD)
    assert [_named(f.subject) for f in awards] == ["中信重工", "金鹭硬质合金"]
    assert {_named(f.object) for f in awards} == {"国家级专精特新小巨人企业"}
    (count,) = _figures(text, lexicon)
    assert (count.value, count.unit, count.indicator) == (
        Decimal(3),
        "家",
        "国家级专精特新小巨人企业",
    )


def test_relate_designation_holders_joined_by_he(lexicon: Lexicon) -> None:
    text = "中信重工、金鹭硬质合金和天力锂能等5家企业入选工信部第五批制造业单项冠军名单。"
    awards = _of(_facts(text, lexicon), Relation.DESIGNATION_AWARD)
    assert [_named(f.subject) for f in awards] == ["中信重工", "金鹭硬质合金", "天力锂能"]


def test_relate_designation_holder_whose_name_starts_with_a_city(lexicon: Lexicon) -> None:
    text = "中信重工、洛阳轴承等3家企业入选国家级专精特新“小巨人”企业。"
    awards = _of(_facts(text, lexicon), Relation.DESIGNATION_AWARD)
    assert [_named(f.subject) for f in awards] == ["中信重工", "洛阳轴承"]


HOLDERS = [
    # a speech's 一是 and 我市: the article's city
    ("一是我市成功入选国家产融合作试点城市。", [(None, "国家产融合作试点城市")]),
    # 我市获商务部认定为…: the city; a title whose head word stands before a bracket
    ("我市获商务部认定为国家外贸转型升级基地（运动鞋服）。",
     [(None, "国家外贸转型升级基地(运动鞋服)")]),
    # 唯一入选的地级市 describes the holder; it is no title
    ("宜宾名列其中，是本批次四川省唯一入选的地级市。", []),
    # a quoted title of 中小企业
    ("四川金沙江锂电材料股份有限公司等9家企业入选省级“专精特新”中小企业。",
     [("四川金沙江锂电材料股份有限公司", "省级专精特新中小企业")]),
    # a short name that begins with a district, written in full elsewhere in the article
    ("宜宾叙州光能科技有限公司是光伏企业。叙州光能被工信部认定为国家级绿色工厂。",
     [("叙州光能", "国家级绿色工厂")]),
    # 这家企业: the company the paragraph named last
    ("位于柳东新区的广西柳州坤泰新材料有限公司主要生产铝合金部件。这家企业今年7月被工业和信息化部"
     "认定为国家级专精特新“小巨人”企业。",
     [("广西柳州坤泰新材料有限公司", "国家级专精特新小巨人企业")]),
    # a cluster holds a title, not the city its name begins with
    ("株洲轨道交通装备产业集群2021年被工业和信息化部评为国家先进制造业集群。",
     [("株洲轨道交通装备产业集群", "国家先进制造业集群")]),
    # the award said again (成为…首个…) is no second award, to the city
    ("东莞智能移动终端集群入选工业和信息化部公布的国家先进制造业集群名单，成为东莞首个国家级先进"
     "制造业集群。", [("东莞智能移动终端集群", "国家先进制造业集群")]),
    # listed places are places, not companies
    ("济南、淄博等市正式获批燃料电池汽车示范应用城市群。",
     [("济南", "燃料电池汽车示范应用城市群"), ("淄博", "燃料电池汽车示范应用城市群")]),
    # a policy's condition (对新认定为…的) awards nothing
    ("对新认定为国家级、省级中小企业特色产业集群的，分别给予集群运营主体一次性奖励300万元。", []),
    # 跻身 a list; a title held through a plant is its company's
    ("今年，宝鸡鑫诺钛业科技有限公司跻身第三批国家级专精特新“小巨人”企业，北秦精密的新厂区获评"
     "国家级“绿色工厂”。", [("宝鸡鑫诺钛业科技有限公司", "国家级专精特新小巨人企业"),
                          ("北秦精密", "绿色工厂")]),
    # 这家企业 after its company in the same sentence, and a time word before the cue
    ("走进潍柴动力股份有限公司车间，负责人告诉记者，这家企业去年还荣获第六届中国工业大奖。",
     [("潍柴动力股份有限公司", "中国工业大奖")]),
    # 它的… and a bare 工厂 opening a clause: the company the sentence named
    ("江西赣锋新材有限公司是龙头企业，它的“高强石膏粉”入选第七批制造业单项冠军产品，工厂获评国家级"
     "绿色工厂。", [("江西赣锋新材有限公司", "制造业单项冠军产品"),
                   ("江西赣锋新材有限公司", "国家级绿色工厂")]),
    # 其… and a research institute: the company
    ("今年以来，德阳东汽材料股份有限公司获评国家级绿色工厂，其材料研究院被认定为国家企业技术中心。",
     [("德阳东汽材料股份有限公司", "国家级绿色工厂"),
      ("德阳东汽材料股份有限公司", "国家企业技术中心")]),
    # titles listed after one cue
    ("今年以来，德阳东汽材料股份有限公司先后获评国家级绿色工厂、国家技术创新示范企业。",
     [("德阳东汽材料股份有限公司", "国家级绿色工厂"),
      ("德阳东汽材料股份有限公司", "国家技术创新示范企业")]),
    # a list whose first company is named after its city
    ("厦门钨业、金龙汽车已先后入选工信部制造业单项冠军示范企业。",
     [("厦门钨业", "制造业单项冠军示范企业"), ("金龙汽车", "制造业单项冠军示范企业")]),
    # a list's mark before the holder; a short name declared beside it is the same holder
    ("🏅 宁夏星钽新材料股份有限公司（简称“星钽新材”）入选第七批国家制造业单项冠军企业。",
     [("宁夏星钽新材料股份有限公司", "国家制造业单项冠军企业")]),
    ("🏅 宁夏贺兰山装备制造有限公司建设的“煤机装备管理平台”，入选第五批国家级服务型制造示范平台"
     "名单。", [("宁夏贺兰山装备制造有限公司", "国家级服务型制造示范平台")]),
    # a province written before its city only says where the city is
    ("海南省三亚市入选国家知识产权示范城市。", [("三亚市", "国家知识产权示范城市")]),
    # 全州 is the article's place; a target (力争…获评) awards nothing
    ("全州成功入选第二批中小企业数字化转型城市试点。", [(None, "中小企业数字化转型城市试点")]),
    ("力争试点绩效评价获评“优秀”等次。", []),
    # a clause with no subject goes on with the company that opened the clause before
    ("内蒙古锡林铝业股份有限公司今年投资8.5亿元实施技改项目，并入选工业和信息化部2024年度绿色"
     "供应链管理企业名单。", [("内蒙古锡林铝业股份有限公司", "绿色供应链管理企业")]),
    # a clause with no subject of its own goes on with the cluster before it; praise
    # (规模最大的…之一) is no title
    ("潍坊动力装备产业集群规模已突破3000亿元，去年入选山东省“雁阵形”产业集群，成为全省规模最大的"
     "动力装备产业集群之一。", [("潍坊动力装备产业集群", "山东省“雁阵形”产业集群")]),
    # an infographic's card: the heading line names the holder of the line under it
    ("★ 贵州汇天航空装备有限公司（简称“汇天航空”）\n　　2020年入选工业和信息化部第二批国家级"
     "专精特新“小巨人”企业。", [("贵州汇天航空装备有限公司", "国家级专精特新小巨人企业")]),
    ("① 航空航天装备产业集群\n　　2020年实现产值128.6亿元；同年被贵州省科学技术厅认定为省级"
     "创新型产业集群。", [("航空航天装备产业集群", "省级创新型产业集群")]),
    # …but only that line: two lines down, a subjectless title is the city's again
    ("① 航空航天装备产业集群\n　　2020年实现产值128.6亿元。\n2020年入选省级创新型产业集群。",
     [(None, "省级创新型产业集群")]),
    # 该集群: the cluster an earlier clause opened with; a list 名单 of places chosen for a work
    # keeps its 名单
    ("日喀则青稞产业集群2022年实现产值18.6亿元，转化率提高到42%，该集群去年入选农业农村部公布的"
     "2022年优势特色产业集群建设名单。", [("日喀则青稞产业集群", "优势特色产业集群建设名单")]),
    # a quoted plan period (“十四五”) is part of the title, not the title
    ("日喀则雪域藏毯有限责任公司去年被国家民委认定为“十四五”时期全国民族特需商品定点生产企业。",
     [("日喀则雪域藏毯有限责任公司", "“十四五”时期全国民族特需商品定点生产企业")]),
    # 这是继…之后，X…: the holder opens the clause after 之后
    ("这是继2019年获评贵州省新型工业化产业示范基地之后，汇川区获得的又一殊荣。",
     [("汇川区", "贵州省新型工业化产业示范基地")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "awards"), HOLDERS)
def test_relate_designation_holders(
    lexicon: Lexicon, text: str, awards: list[tuple[str | None, str]]
) -> None:
    found = _of(_facts(text, lexicon), Relation.DESIGNATION_AWARD)
    assert [(_named(f.subject), _named(f.object)) for f in found] == awards


LISTED_COMPANIES = [
    # a work report: the title, its count, the companies in brackets
    ("全年新增国家级专精特新“小巨人”企业6家（福建泉晋新材料股份有限公司、晋江恒锦纺织科技有限公司等），"
     "累计达到28家。", ["福建泉晋新材料股份有限公司", "晋江恒锦纺织科技有限公司"],
     "国家级专精特新小巨人企业"),
    # a 百强 ranking named without 榜单
    ("在赛迪顾问发布的2023年全国综合实力百强县市中，晋江位列第4位。", ["晋江"],
     "全国综合实力百强县市"),
    # the holder in a later clause: …名单，全国共9个城市入围，X名列其中
    ("国家发展改革委等五部门公布新一轮老工业城市和资源型城市产业转型升级示范区名单，全国共9个城市入围，"
     "鞍山市名列其中。", ["鞍山市"], "新一轮老工业城市和资源型城市产业转型升级示范区"),
    # a list named without its publisher, and the companies it adds after their place
    ("在第八批国家级制造业单项冠军名单中，泉州新增安踏、恒安、九牧等6家企业。",
     ["安踏", "恒安", "九牧"], "第八批国家级制造业单项冠军"),
    # a 名录 and companies counted before 上榜
    ("在工信部公布的2024年5G工厂名录中，安踏、九牧等3家泉州企业的工厂上榜。",
     ["安踏", "九牧"], "5G工厂"),
    # a district written after its city is one holder, the district
    ("工业和信息化部公布第三批国家应急产业示范基地名单，遵义市汇川区（应急装备类）成功入选。",
     ["汇川区"], "第三批国家应急产业示范基地"),
    # 我区榜上有名: the article's own place (None: the article's city)
    ("工业和信息化部等三部门公布第三批国家应急产业示范基地名单，我区榜上有名。",
     [None], "第三批国家应急产业示范基地"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "holders", "title"), LISTED_COMPANIES)
def test_relate_companies_a_list_names(
    lexicon: Lexicon, text: str, holders: list[str | None], title: str
) -> None:
    awards = _of(_facts(text, lexicon), Relation.DESIGNATION_AWARD)
    assert [_named(f.subject) for f in awards] == holders
    assert {_named(f.object) for f in awards} == {title}


# ----------------------------------------------------------------------------- support, investment

SUPPORT = [
    ("株洲获工业转型升级资金、智能制造试点示范和产业基础再造工程优先支持。",
     ["工业转型升级资金", "智能制造试点示范", "产业基础再造工程"]),
    ("襄阳将在中央财政专项资金、国家制造业转型升级基金等方面获得优先支持。",
     ["中央财政专项资金", "国家制造业转型升级基金"]),
    # 对示范城市 between the list and the verb; brackets inside a programme's name
    ("襄阳将在工业转型升级（中国制造2025）资金、首台（套）重大技术装备保险补偿等方面对试点"
     "示范城市给予优先支持。",
     ["工业转型升级(中国制造2025)资金", "首台(套)重大技术装备保险补偿"]),
    # 予以 and 重点倾斜; one programme once, however many cues name it
    ("天水将在中央预算内投资、地方政府专项债券额度安排上予以优先安排和重点支持。",
     ["中央预算内投资", "地方政府专项债券额度"]),
    ("上饶将在计量科技项目立项、国家级计量标准建设等方面给予重点倾斜。",
     ["计量科技项目立项", "国家级计量标准建设"]),
]  # fmt: skip


def test_relate_a_fund_set_up_for_the_titled_place_supports_the_city(lexicon: Lexicon) -> None:
    text = "清河县入选名单，河北省科技厅将同步安排省级科技创新专项资金，重点支持我县创新型县建设。"
    (fact,) = _of(_facts(text, lexicon), Relation.PRIORITY_SUPPORT)
    assert (fact.subject, _named(fact.object)) == (None, "省级科技创新专项资金")  # not 河北省's
    plain = "河北省科技厅将安排专项资金，重点支持企业技术改造。"  # no title, no support cue
    assert _of(_facts(plain, lexicon), Relation.PRIORITY_SUPPORT) == []


@pytest.mark.parametrize(("text", "programmes"), SUPPORT)
def test_relate_priority_support(lexicon: Lexicon, text: str, programmes: list[str]) -> None:
    facts = _of(_facts(text, lexicon), Relation.PRIORITY_SUPPORT)
    assert _objects(facts) == programmes
    assert {_named(f.subject) for f in facts} == {text[:2]}


SUPPORT_FOR_THE_TITLE = [
    # 在A、B的投资布局上: the list without what is done with it
    ("在为期三年的试点期内，国家将在制造业转型升级基金、国家中小企业发展基金的投资布局上对试点城市"
     "予以优先支持。", ["制造业转型升级基金", "国家中小企业发展基金"]),
    # bare 给予倾斜 for a loan quota; not for favours that are no programme (展位分配)
    ("人民银行对试点城市符合条件的企业在科技创新和技术改造再贷款额度上给予倾斜。",
     ["科技创新和技术改造再贷款额度"]),
    ("基地在中央外经贸发展专项资金安排上予以优先支持，并在国家级展会展位分配等方面给予倾斜。",
     ["中央外经贸发展专项资金"]),  # 发展 inside the name is no verb opening the list
    # 在…的项目遴选中，对试点城市…
    ("工信部将在产业基础再造工程和制造业高质量发展专项的项目遴选中，对试点城市给予重点倾斜。",
     ["产业基础再造工程", "制造业高质量发展专项"]),
    # a sum granted to the titled place
    ("根据试点工作通知，株洲在试点期内可获得最高1.5亿元的中央财政奖补资金。", ["中央财政奖补资金"]),
    ("符合条件的企业可获得最高50万元的研发补助资金。", []),  # no title: a subsidy, not priority
    # no verb before the cue: 在…上 names the list; 同等条件下 and 向…倾斜 after it
    ("按照工信部有关要求，对示范城市在工业转型升级资金和产业基础再造和制造业高质量发展专项的项目"
     "安排上，同等条件下优先支持。", ["工业转型升级资金", "产业基础再造和制造业高质量发展专项"]),
    ("科技部在国家重点研发计划和产业基础再造工程项目遴选中，同等条件下向示范区倾斜。",
     ["国家重点研发计划", "产业基础再造工程"]),
    ("国家发展改革委在安排中央预算内投资时，对示范区予以优先考虑。", ["中央预算内投资"]),
    # 申报A和B时，同等条件下…: the list after 申报, not after an earlier 安排
    ("按照工信部的有关安排，基地内项目申报工业绿色发展专项资金和资源节约和环境保护中央预算内投资专项"
     "时，同等条件下给予优先支持。",
     ["工业绿色发展专项资金", "资源节约和环境保护中央预算内投资专项"]),
    # a sum written after the fund the title brings
    ("全州成功入选中小企业数字化转型城市试点，获得中央财政专项奖补资金8000万元。",
     ["中央财政专项奖补资金"]),
    # 和 inside a quoted name joins one name; 优先推荐申报…基金投资项目
    ("马鞍山将在中央预算内投资“产业转型升级示范区和重点园区建设”专项中获得倾斜支持，并被优先推荐申报"
     "国家制造业转型升级基金投资项目。", ["中央预算内投资“产业转型升级示范区和重点园区建设”专项",
                                       "国家制造业转型升级基金"]),
    # a time 在…中 is no list of programmes
    ("郑州将在一年的激励期中，获智能制造试点示范优先支持。", ["智能制造试点示范"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "programmes"), SUPPORT_FOR_THE_TITLE)
def test_relate_priority_support_a_title_brings(
    lexicon: Lexicon, text: str, programmes: list[str]
) -> None:
    assert _objects(_of(_facts(text, lexicon), Relation.PRIORITY_SUPPORT)) == programmes


SUPPORT_WHEN_APPLYING = [
    # the title's holder (a base in the city) applies: the city benefits, whatever place an
    # earlier clause names
    ("根据湖南省相关办法，示范基地在申报制造业高质量发展专项、工业转型升级资金等项目时将获得优先支持。",
     ["制造业高质量发展专项", "工业转型升级资金"]),
    # each item opens with its verb; 和 inside one programme's name is not split
    ("示范基地今后在申报省级工业和信息化专项资金、争取国家开发银行专项贷款时将获得倾斜支持。",
     ["省级工业和信息化专项资金", "国家开发银行专项贷款"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "programmes"), SUPPORT_WHEN_APPLYING)
def test_relate_priority_support_when_applying(
    lexicon: Lexicon, text: str, programmes: list[str]
) -> None:
    facts = _of(_facts(text, lexicon), Relation.PRIORITY_SUPPORT)
    assert _objects(facts) == programmes
    assert {f.subject for f in facts} == {None}  # the article's city


def test_relate_priority_support_programme_keeps_its_lexicon_key(lexicon: Lexicon) -> None:
    text = "襄阳将在中央财政专项资金、国家制造业转型升级基金等方面获得优先支持。"
    facts = _of(_facts(text, lexicon), Relation.PRIORITY_SUPPORT)
    keys = [f.object.key for f in facts if isinstance(f.object, Mention)]
    assert keys == [None, "programmes:manufacturing-transformation-fund"]


def test_relate_investment_list_with_project_count(lexicon: Lexicon) -> None:
    text = "今年以来，襄阳引进比亚迪、东风汽车等亿元以上项目56个。"
    facts = _facts(text, lexicon)
    investments = _of(facts, Relation.INVESTMENT)
    assert _objects(investments) == ["比亚迪", "东风汽车"]
    assert {(_named(f.subject), f.qualifier("count")) for f in investments} == {("襄阳", "56")}
    assert [(q.value, q.unit) for q in _figures(text, lexicon)] == [(Decimal(56), "个")]


INVESTORS = [
    # a list of companies without 项目, after 引进(了) or before 签约
    ("洛阳相继引进了中信重工、一拖集团等装备企业。", ["中信重工", "一拖集团"]),
    ("宁德时代、华为、海康威视等企业相继与我市签约。", ["宁德时代", "华为", "海康威视"]),
    # a company opening the clause signs with a place or the city
    ("中国一重集团有限公司与株洲签约，投资建设重型装备基地。", ["中国一重集团有限公司"]),
    ("会上，其中长城公司与保定高新区签署协议，投资50亿元。", ["长城公司"]),
    # projects listed without 等, each after its company, then 相继落户
    ("其中，恒力石化股份有限公司炼化项目、卫星化学乙烷项目相继落户。",
     ["恒力石化股份有限公司", "卫星化学"]),
    # projects named by their company, only the last saying 项目
    ("其中，宁德时代东南总部、华为福州研发中心项目已于去年签约落户泉州。", ["宁德时代", "华为"]),
    # the company that builds a project signed before
    ("该项目于4月签约，由安踏体育用品有限公司投资建设，总投资20亿元。", ["安踏体育用品有限公司"]),
    # a list of companies after which 增资扩产 follows
    ("今年以来，安踏、九牧等本地龙头纷纷增资扩产。", ["安踏", "九牧"]),
    # the project's start a date after 项目
    ("其中，比亚迪股份有限公司投资100亿元的产业园项目于3月签约。", ["比亚迪股份有限公司"]),
    # a company opening the clause puts an amount into a project: short names with a head word
    ("龙沃乳业投资15亿元的年产10万吨奶粉项目开工。", ["龙沃乳业"]),
    ("中车齐齐哈尔车辆有限公司增资3.2亿元建设智能制造车间。", ["中车齐齐哈尔车辆有限公司"]),
    ("天津中环瑞驰新能源科技有限公司在清河经济开发区增资5亿元，扩建生产线。",
     ["天津中环瑞驰新能源科技有限公司"]),
    # a company moving in (签约落户) invests
    ("四川蓉信建材科技有限公司签约落户安宁工业园区，投资12亿元建设新型建材项目。",
     ["四川蓉信建材科技有限公司"]),
    # a short name the article declared, an adverb before 追加投资
    ("云南安磷新材料有限公司（简称“安磷新材”）是龙头。安磷新材也追加投资8.6亿元，建设制酸项目。",
     ["安磷新材"]),
    # a bracket with the short name and stock code, a time word before 投资
    ("内蒙古北辰铝业股份有限公司（北辰铝业，600889）今年投资18.5亿元实施节能技改项目。",
     ["内蒙古北辰铝业股份有限公司"]),
    # English glosses between the company, the party it signs with and the verb
    ("上海瑞澜基因科技有限公司（Shanghai Ruilan Gene Technology Co., Ltd.）与海口江东新区（Haikou "
     "Jiangdong New Area）签约，投资6.8亿元建设研发中心。", ["上海瑞澜基因科技有限公司"]),
    # where the company comes from is not where it invests; a project described names no one
    ("来自江苏的常州恒锐新能源科技有限公司投资20亿元、年产5GWh储能电池的项目在麦积区开工。",
     ["常州恒锐新能源科技有限公司"]),
]  # fmt: skip

NO_INVESTORS = [
    "今年以来，日喀则新签约物流、清洁能源等领域项目27个。",  # sectors, not investors
    "这家光伏龙头今年投资120亿元建设的电池项目已于9月全面投产。",  # no company named
    "今年全市投资20亿元建设5G基站。",  # no company opens the clause
    "龙沃乳业投资15亿元。",  # no project
]


@pytest.mark.parametrize("text", NO_INVESTORS)
def test_relate_an_amount_invested_without_a_company_or_project_names_no_investor(
    text: str, lexicon: Lexicon
) -> None:
    assert _of(_facts(text, lexicon), Relation.INVESTMENT) == []


def test_relate_an_investor_from_another_province_invests_in_the_city(lexicon: Lexicon) -> None:
    text = "来自江苏的常州恒锐新能源科技有限公司投资20亿元、年产5GWh储能电池的项目在麦积区开工。"
    (fact,) = _of(_facts(text, lexicon), Relation.INVESTMENT)
    assert fact.subject is None  # the article's city, not 江苏


@pytest.mark.parametrize(("text", "investors"), INVESTORS)
def test_relate_investors_named_in_the_genres_other_shapes(
    text: str, investors: list[str], lexicon: Lexicon
) -> None:
    assert _objects(_of(_facts(text, lexicon), Relation.INVESTMENT)) == investors


def test_relate_a_declared_short_name_that_begins_with_a_place_invests(lexicon: Lexicon) -> None:
    """吉隆通达 begins with 吉隆 (吉隆县's stem): the short name invests, not the county."""
    text = (
        "西藏吉隆通达国际物流有限公司（以下简称“吉隆通达”）位于吉隆县。"
        "吉隆通达追加投资3.5亿元，建设吉隆口岸冷链物流中心。"
    )
    investments = _of(_facts(text, lexicon), Relation.INVESTMENT)
    assert [(_named(f.subject), _named(f.object)) for f in investments] == [(None, "吉隆通达")]


def test_relate_a_company_signing_with_a_company_is_no_investment(lexicon: Lexicon) -> None:
    text = "华为技术有限公司与比亚迪股份有限公司签署战略合作协议。"
    assert _of(_facts(text, lexicon), Relation.INVESTMENT) == []


def test_relate_company_list_is_presence(lexicon: Lexicon) -> None:
    facts = _of(
        _facts("株洲拥有千金药业、旗滨玻璃等龙头企业。", lexicon), Relation.COMPANY_PRESENCE
    )
    assert _objects(facts) == ["千金药业", "旗滨玻璃"]


def test_relate_company_list_after_jiju(lexicon: Lexicon) -> None:
    text = "合肥集聚京东方、维信诺、彩虹光电等上下游企业120余家。"
    facts = _of(_facts(text, lexicon), Relation.COMPANY_PRESENCE)
    assert _objects(facts) == ["京东方", "维信诺", "彩虹光电"]


# ----------------------------------------------------------------------------- policies

POLICIES = [
    ("洛阳市人民政府印发《洛阳市促进制造业高质量发展若干措施》。",
     ["洛阳市促进制造业高质量发展若干措施"]),
    ("近日，襄阳市出台《襄阳市加快新能源汽车产业发展的实施意见》。",
     ["襄阳市加快新能源汽车产业发展的实施意见"]),
    ("绵阳认真落实《绵阳市支持先进制造业发展若干政策》。", ["绵阳市支持先进制造业发展若干政策"]),
    ("绵阳认真落实《四川省支持先进制造业发展若干政策》。", []),
    ("《株洲市制造业数字化转型实施方案》提出，要建成一批智能工厂。", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "issued"), POLICIES)
def test_relate_policies_the_city_issued(lexicon: Lexicon, text: str, issued: list[str]) -> None:
    assert _objects(_of(_facts(text, lexicon), Relation.POLICY_ISSUANCE)) == issued


ISSUERS = [
    # the place a title opens with issued it, whatever place the sentence named before
    ("我们落实云南省“以渣定产”要求，出台了《安宁市磷石膏综合利用三年行动方案》。",
     [("安宁市", "安宁市磷石膏综合利用三年行动方案")]),
    # a ministry right before the issuing verb, not the article's city
    ("根据国家知识产权局印发的《国家知识产权强市建设试点示范工作方案》，海口将获支持。",
     [("国家知识产权局", "国家知识产权强市建设试点示范工作方案")]),
    # a city's own body issues for the city: the place before
    ("海口市人民政府印发《海口市知识产权专项资金管理办法》。",
     [("海口市", "海口市知识产权专项资金管理办法")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "issued"), ISSUERS)
def test_relate_policy_issuers(lexicon: Lexicon, text: str, issued: list[tuple[str, str]]) -> None:
    facts = _of(_facts(text, lexicon), Relation.POLICY_ISSUANCE)
    assert [(_named(f.subject), _named(f.object)) for f in facts] == issued


def test_relate_implementing_a_provincial_policy_is_not_issuing_it(lexicon: Lexicon) -> None:
    text = "洛阳认真实施《河南省促进制造业高质量发展条例》。"
    assert _of(_facts(text, lexicon), Relation.POLICY_ISSUANCE) == []


# ----------------------------------------------------------------------------- figures

FIGURES = [
    # text, value, unit, period, approximation, rank
    ("2022年1~10月，洛阳规上工业增加值增长6.8%。", "6.8", "%", "2022-01/2022-10", None, None),
    ("2022年1-10月，洛阳规上工业营业收入达3280.5亿元。", "3280.5", "亿元", "2022-01/2022-10",
     None, None),
    ("前三季度，襄阳地区生产总值达4025亿元。", "4025", "亿元", "2022-01/2022-09", None, None),
    ("截至目前，绵阳共有市场主体56万户。", "56", "万户", "2022-11-20", None, None),
    ("洛阳工业投资同比下降1.9%。", "-1.9", "%", "2022", None, None),
    ("株洲工业总产值达3120亿元，居全国第5位。", "3120", "亿元", "2022", None, 5),
    ("襄阳汽车产业产值超过2500亿元。", "2500", "亿元", "2022", "超过", None),
    ("绵阳规上工业企业达1.6万余家。", "1.6", "万家", "2022", "余", None),
    ("去年，株洲规上工业增加值增长8.1%。", "8.1", "%", "2021", None, None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "value", "unit", "period", "approximation", "rank"), FIGURES)
def test_relate_figure_value_unit_period_bound_and_rank(
    lexicon: Lexicon,
    text: str,
    value: str,
    unit: str,
    period: str,
    approximation: str | None,
    rank: int | None,
) -> None:
    (figure,) = _figures(text, lexicon)
    assert (figure.value, figure.unit, figure.period) == (Decimal(value), unit, period)
    assert (figure.approximation, figure.rank) == (approximation, rank)
    assert text[figure.span.start : figure.span.end].endswith(unit.removeprefix("万"))


def test_relate_figure_indicator_and_area(lexicon: Lexicon) -> None:
    text = "前三季度，襄阳地区生产总值达4025亿元。"
    (fact,) = _of(_facts(text, lexicon), Relation.OBSERVATION)
    assert isinstance(fact.object, Quantity)
    assert (_named(fact.subject), fact.object.indicator) == ("襄阳", "地区生产总值")


def test_relate_rank_keeps_its_scope(lexicon: Lexicon) -> None:
    (figure,) = _figures("株洲工业总产值达3120亿元，居全国第5位。", lexicon)
    assert figure.scope == "全国"


def test_relate_year_range_from_a_to_b(lexicon: Lexicon) -> None:
    text = "2019年—2021年，株洲轨道交通产业产值由980亿元跃升至1450亿元。"
    figures = _figures(text, lexicon)
    assert [(q.value, q.period) for q in figures] == [
        (Decimal(980), "2019"),
        (Decimal(1450), "2021"),
    ]


def test_relate_figure_without_a_period_takes_the_year_of_publication(lexicon: Lexicon) -> None:
    (figure,) = _figures("株洲工业总产值达3120亿元。", lexicon, published=date(2024, 3, 1))
    assert figure.period == "2024"


def test_relate_figure_of_an_undated_article_naming_no_year_is_dropped(lexicon: Lexicon) -> None:
    # no period to read it against: a figure of no known time is no usable statistic
    assert _figures("株洲工业总产值达3120亿元。", lexicon, published=None) == []
    (figure,) = _figures("2021年，株洲工业总产值达3120亿元。", lexicon, published=None)
    assert figure.period == "2021"


NO_RANKS = [
    "株洲工业总产值居全国第0位。",
    "株洲工业总产值居全国第0.5位。",
    "株洲工业总产值居全国第00位。",
    "株洲工业总产值居全国第1234567890123位。",
]


@pytest.mark.parametrize("text", NO_RANKS)
def test_relate_rank_is_a_whole_number_from_one(lexicon: Lexicon, text: str) -> None:
    assert _figures(text, lexicon) == []


def test_relate_figure_with_a_rank_that_is_none_keeps_its_value(lexicon: Lexicon) -> None:
    (figure,) = _figures("株洲工业总产值达3120亿元，居全国第0位。", lexicon)
    assert (figure.value, figure.rank) == (Decimal(3120), None)


IMPOSSIBLE_PERIODS = [
    ("2023年13月", ["2023"]),
    ("2023年0月", ["2023"]),
    ("2023年1-13月", ["2023"]),
    ("截至2023年13月底", ["2023"]),
    ("2023年1-12月", ["2023-01/2023-12"]),
]


@pytest.mark.parametrize(("text", "periods"), IMPOSSIBLE_PERIODS)
def test_relate_month_no_year_has_makes_no_period(text: str, periods: list[str]) -> None:
    assert [p.period for p in find_periods(text, PUBLISHED)] == periods


def test_relate_figure_beyond_any_statistic_is_dropped(lexicon: Lexicon) -> None:
    assert _figures("株洲工业总产值达" + "1" * 31 + "亿元。", lexicon) == []
    (figure,) = _figures("株洲工业总产值达" + "1" * 30 + "亿元。", lexicon)
    assert figure.value == Decimal("1" * 30)


TARGETS = [
    "洛阳力争规上工业增加值年均增长5%。",
    "到2025年，洛阳力争规上工业增加值年均增长5%。",
    "预计全年襄阳汽车产量达到30万辆。",
]


@pytest.mark.parametrize("text", TARGETS)
def test_relate_targets_are_not_figures(lexicon: Lexicon, text: str) -> None:
    assert _figures(text, lexicon) == []


def test_relate_target_cue_before_a_comma(lexicon: Lexicon) -> None:
    assert _figures("力争到2025年，洛阳规上工业增加值年均增长5%。", lexicon) == []


UNITS = [
    # units with no base kg knows keep the number and the unit as written
    ("全市工业用电量23.6亿千瓦时。", Decimal("23.6"), "亿千瓦时", (Decimal("23.6"), "亿千瓦时")),
    ("全市测试道路达3378.73公里。", Decimal("3378.73"), "公里", (Decimal("3378.73"), "公里")),
    # 倍 is a ratio: 1.3倍 = 130%
    ("新能源汽车产量同比增长1.3倍。", Decimal("1.3"), "倍", (Decimal("130"), "%")),
    # US dollars have a base of their own (and are no modifier of the figure before 美)
    ("上半年合同利用外资4.6亿美元。", Decimal("4.6"), "亿美元", (Decimal("460000000.0"), "USD")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "value", "unit", "base"), UNITS)
def test_relate_figure_units_as_written_and_in_base(
    lexicon: Lexicon, text: str, value: Decimal, unit: str, base: tuple[Decimal, str]
) -> None:
    (figure,) = _figures(text, lexicon)
    assert (figure.value, figure.unit) == (value, unit)
    assert base_value(figure.value, figure.unit) == base


def test_relate_rank_written_without_wei(lexicon: Lexicon) -> None:
    (figure,) = _figures("前三季度，泉州规上工业增加值增长8.1%，增速列全省第二。", lexicon)
    assert (figure.value, figure.unit, figure.rank, figure.scope) == (
        Decimal("8.1"),
        "%",
        2,
        "全省",
    )


@pytest.mark.parametrize(
    "text", ["泉州出台“惠企20条”。", "泉州印发《关于支持民营经济发展的30条措施》。"]
)
def test_relate_a_number_inside_a_name_is_no_figure(lexicon: Lexicon, text: str) -> None:
    assert _figures(text, lexicon) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "全市汽车产业集群实现产值2618亿元，同比增长13.4%。",
            ["汽车产业集群产值", "汽车产业集群产值增长"],
        ),
        # in the article's script, though the name is joined across 實現
        (
            "全市機械裝備產業實現產值726億元，增長11.2%。",
            ["機械裝備產業產值", "機械裝備產業產值增長"],
        ),
    ],
)
def test_relate_a_bare_measure_after_its_subject_and_verb_keeps_the_subject(
    lexicon: Lexicon, text: str, names: list[str]
) -> None:
    assert [f.indicator for f in _figures(text, lexicon)] == names


def test_relate_5g_base_stations_are_not_a_figure_of_5_g(lexicon: Lexicon) -> None:
    figures = _figures("洛阳新建5G基站3200个。", lexicon)
    assert [(q.value, q.unit) for q in figures] == [(Decimal(3200), "个")]
    assert _figures("洛阳加快5G基站建设。", lexicon) == []


def test_relate_bare_month_range_takes_the_year_of_publication(lexicon: Lexicon) -> None:
    (figure,) = _figures("1-10月，洛阳规上工业增加值增长6.8%。", lexicon)
    assert figure.period == "2022-01/2022-10"


INDICATORS = [
    ("洛阳建成5G基站1.2万个。", "5G基站"),
    ("株洲轨道交通产业产值由2019年的980亿元增至2021年的1450亿元。", "轨道交通产业产值"),
]


@pytest.mark.parametrize(("text", "indicator"), INDICATORS)
def test_relate_indicator_is_the_noun_phrase(lexicon: Lexicon, text: str, indicator: str) -> None:
    assert {q.indicator for q in _figures(text, lexicon)} == {indicator}


#: Pieces of time expressions and their surroundings, mixed at random.
PERIOD_FRAGMENTS = [
    "2019", "2022", "20", "3", "12", "年", "月", "日", "季度", "第", "一", "三", "前", "前三",
    "上半年", "下半年", "半年", "今年", "去年", "上年", "前年", "当年", "本年", "全年", "年内",
    "截至", "目前", "至今", "底", "末", "度", "以来", "—", "-", "至", "到", "~", " ", "较",
    "同比", "，", "增长", "洛阳",
]  # fmt: skip


@settings(max_examples=300, deadline=None, database=None)
@given(text=st.lists(st.sampled_from(PERIOD_FRAGMENTS), max_size=16).map("".join))
def test_relate_every_period_form_match_contains_one_of_its_needles(text: str) -> None:
    # find_periods skips a form when none of its needles is in the sentence
    for kind, needles, pattern in PERIODS:
        for match in pattern.finditer(text):
            assert any(n in match.group() for n in needles), (kind, match.group())


# ----------------------------------------------------------------------------- triggers


def test_relate_a_rule_with_trigger_words_finds_nothing_without_them(lexicon: Lexicon) -> None:
    """relate skips a rule on a sentence its TRIGGERS pattern does not match; that is only right
    if the rule, run on every sentence, never finds a fact in such a sentence. Checked over
    every article of the tests (a pattern added to a rule needs its word added too)."""
    found: list[tuple[str, str]] = []  # (rule, sentence) of every fact found ungated

    def ungated(name: str, rule: Rule) -> Rule:
        def run(ctx: SentenceContext) -> Iterator[Fact]:
            facts = list(rule(ctx))
            found.extend((name, ctx.text) for _ in facts)
            return iter(facts)

        return run

    gated = {name: rule for name, rule in RULES.items() if rule in TRIGGERS}
    assert len(gated) >= 3
    wrapped = {name: ungated(name, rule) for name, rule in gated.items()}
    articles = sorted(Path(__file__).parent.glob("*/*/article.txt"))
    for path in articles:
        doc = Document(path.parent.name, path.read_text(encoding="utf-8"), ArticleMeta(""))
        sentences = segment(doc)
        relate(doc, sentences, recognise(doc, sentences, lexicon), lexicon, rules=wrapped)
    assert {name for name, _ in found} == set(gated)  # each gated rule finds something
    missed = [(name, text) for name, text in found if not TRIGGERS[gated[name]].search(text)]
    assert missed == []


def test_relate_a_breakdown_paragraph_keeps_the_period_of_the_figures_before(
    lexicon: Lexicon,
) -> None:
    """分产业看，… breaks down the paragraph before: its undated figures are of that year; an
    undated figure in a paragraph that breaks nothing down is of the article's year."""
    text = (
        "2021年，全市规模以上工业增加值增长6.2%。\n"
        "分产业看，汽车产业产值986.4亿元，增长29.1%。\n"
        "全市高新技术企业达到732家。"
    )
    periods = {q.indicator: q.period for q in _figures(text, lexicon)}
    assert periods["汽车产业产值"] == "2021"
    assert periods["高新技术企业"] == str(PUBLISHED.year)


def test_relate_a_year_start_report_reads_its_year_from_past_year_and_section_headings(
    lexicon: Lexicon,
) -> None:
    """过去一年 in a January report is the year before; an undated figure in a section whose
    numbered heading names a year is of that year, not of the publication's."""
    text = (
        "一、2025年工作回顾\n"
        "过去一年，全州地区生产总值完成2086.3亿元，增长6.8%。\n"
        "全州规模以上工业企业达到426家。\n"
        "二、今后五年主要任务\n"
        "全州高新技术企业达到300家。"
    )
    figures = _figures(text, lexicon, date(2026, 1, 12))
    assert [(q.indicator, q.value, q.period) for q in figures] == [
        ("地区生产总值", Decimal("2086.3"), "2025"),
        ("地区生产总值增长", Decimal("6.8"), "2025"),
        ("规模以上工业企业", Decimal(426), "2025"),
        ("高新技术企业", Decimal(300), "2026"),  # a heading naming no year gives none
    ]


def test_relate_past_year_late_in_the_year_is_the_same_year(lexicon: Lexicon) -> None:
    (figure,) = _figures("过去一年，全市新增规上工业企业52家。", lexicon, date(2022, 11, 20))
    assert figure.period == "2022"


def test_relate_listed_holders_that_are_places_stay_places(lexicon: Lexicon) -> None:
    found = _of(_facts("济南、淄博等市正式获批燃料电池汽车示范应用城市群。", lexicon),
                Relation.DESIGNATION_AWARD)  # fmt: skip
    assert [(f.subject.surface, f.subject.type.value) for f in found if f.subject] == [
        ("济南", "City"),
        ("淄博", "City"),
    ]


def test_relate_a_comma_inside_brackets_ends_no_clause() -> None:
    text = "鹿城稀土(以下简称“鹿城稀土”,股票代码:600927)今年投资8亿元,建设新产线(一期,二期)。"
    assert [text[s:e] for s, e in clauses(text)] == [
        "鹿城稀土(以下简称“鹿城稀土”,股票代码:600927)今年投资8亿元",
        "建设新产线(一期,二期)",
    ]


def test_relate_a_size_class_of_projects_is_no_figure(lexicon: Lexicon) -> None:
    text = "前三季度，全市新签约10亿元以上或1亿美元以上重大产业项目112个。"
    assert [(q.value, q.unit) for q in _figures(text, lexicon)] == [(Decimal(112), "个")]


def test_relate_tiers_listed_after_a_bullet_a_count_and_a_colon(lexicon: Lexicon) -> None:
    text = (
        "◆ 2个主导产业：航空航天装备、优质白酒\n"
        "◆ 3个新兴产业：应急装备、新能源汽车零部件、大数据电子信息"
    )
    facts = _of(_facts(text, lexicon), Relation.INDUSTRY_PRIORITY)
    assert [(_named(f.object), f.qualifier("tier"), f.qualifier("count")) for f in facts] == [
        ("航空航天装备", "pillar", "2"),
        ("优质白酒", "pillar", "2"),
        ("应急装备", "emerging", "3"),
        ("新能源汽车零部件", "emerging", "3"),
        ("大数据电子信息", "emerging", "3"),
    ]


def test_relate_a_figure_on_its_own_line_is_named_by_the_caption_after_it(
    lexicon: Lexicon,
) -> None:
    """An infographic's text version: the figure, then its caption with period and name."""
    text = (
        "▶ 386.2亿元\n　　2020年全区规模以上工业总产值，是2015年的1.8倍\n"
        "▶ 135家\n　　截至2020年底全区规模以上工业企业数量\n"
        "▶ 第3位\n　　汇川区位列全省第3位"
    )
    captioned = [
        (q.indicator, q.value, q.unit, q.period)
        for f in _of(_facts(text, lexicon, date(2021, 3, 18)), Relation.OBSERVATION)
        if f.rule == "rule:captioned-figure" and isinstance(q := f.object, Quantity)
    ]
    assert captioned == [
        ("规模以上工业总产值", Decimal("386.2"), "亿元", "2020"),
        ("规模以上工业企业数量", Decimal(135), "家", "2020"),
    ]  # a rank line is read with its caption by the figures rule


def test_relate_figures_written_in_chinese_numerals(lexicon: Lexicon) -> None:
    text = "二〇二三年，全市消费品工业产值达到三百二十八亿元，同比增长百分之十一点四。"
    figures = _figures(text, lexicon)
    assert [(q.indicator, q.value, q.unit, q.period) for q in figures] == [
        ("消费品工业产值", Decimal(328), "亿元", "2023"),
        ("消费品工业产值增长", Decimal("11.4"), "%", "2023"),
    ]
