"""Recognising mentions: lexicon matches, patterns, context, overlaps settled."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.recognise import recognise
from kg.recognise.lexicon import Lexicon
from kg.records import ArticleMeta, Document, EntityType, Mention
from kg.segment import normalise, segment


def _doc(text: str) -> Document:
    return Document("t", text, ArticleMeta("标题", published=date(2023, 5, 10)))


def _mentions(text: str, lexicon: Lexicon) -> tuple[Mention, ...]:
    doc = _doc(text)
    return recognise(doc, segment(doc), lexicon)


def _find(mentions: tuple[Mention, ...], surface: str) -> list[Mention]:
    return [m for m in mentions if m.surface == surface]


# ----------------------------------------------------------------------------- invariants

#: Rules that compose a surface from pieces that are not contiguous in the text, so
#: ``normalise(text[span]) != surface``: the quote marks are dropped and a head word written
#: after them joined on (“制造强市”活动 → 制造强市活动, 专精特新“小巨人”企业 →
#: 专精特新小巨人企业, “1+N”政策 → 1+N政策). Every other rule's surface is its span.
COMPOSING_RULES = {
    "pattern:quoted-policy",
    "pattern:quoted-designation",
    "pattern:quoted-initiative",
}
#: Pieces of the genre, mixed at random by the property tests.
FRAGMENTS = [
    "“制造业发展规划”",
    "“数字经济三年方案”",
    "洛阳", "洛陽", "绵阳市", "河南省", "東莞", "工信部", "市工信局", "襄阳市发改委", "省工信厅",
    "《株洲市制造业发展行动计划》", "“智造强市”活动", "“专精特新”", "“小巨人”企业", "“1+N”",
    "政策", "实施意见", "中信重工机械股份有限公司", "（中信重工）", "获评", "入选", "国家级",
    "单项冠军", "集成电路产业", "5G基站", "新能源汽车", "產業", "、", "，", "。", "\n", "“", "”",
    "（", "）", "等3家企业", "增长5%", "【洛阳日报记者 张三】", "【责任编辑:李四 】", "开展",
    "的", "和", "　", "局长王建国表示",
]  # fmt: skip


@settings(max_examples=150, deadline=None, database=None)
@given(text=st.lists(st.sampled_from(FRAGMENTS), max_size=20).map("".join))
def test_recognise_mentions_lie_in_the_text_and_quote_it(text: str, lexicon: Lexicon) -> None:
    for mention in _mentions(text, lexicon):
        start, end = mention.span.start, mention.span.end
        assert 0 <= start < end <= len(text)
        if mention.rule not in COMPOSING_RULES:
            assert normalise(text[start:end]) == mention.surface, mention


def test_recognise_composed_surface_drops_the_quotes(lexicon: Lexicon) -> None:
    text = "洛阳开展“智造强市”活动。"
    (initiative,) = [m for m in _mentions(text, lexicon) if m.type is EntityType.INITIATIVE]
    assert initiative.rule in COMPOSING_RULES
    assert initiative.surface == "智造强市活动"
    assert text[initiative.span.start : initiative.span.end] == "智造强市”活动"


# ----------------------------------------------------------------------------- places and bodies

PLACES = [
    ("洛阳市与绵阳签署合作协议。", "洛阳市", EntityType.CITY, "洛阳市"),
    ("洛阳市与绵阳签署合作协议。", "绵阳", EntityType.CITY, "绵阳市"),
    ("河南和湖南省的代表出席。", "河南", EntityType.PROVINCE, "河南省"),
    ("河南和湖南省的代表出席。", "湖南省", EntityType.PROVINCE, "湖南省"),
    ("東莞製造業穩步發展。", "东莞", EntityType.CITY, "东莞市"),
]


@pytest.mark.parametrize(("text", "surface", "type_", "canonical"), PLACES)
def test_recognise_places_by_short_and_full_name(
    lexicon: Lexicon, text: str, surface: str, type_: EntityType, canonical: str
) -> None:
    (place,) = _find(_mentions(text, lexicon), surface)
    assert (place.type, place.canonical, place.rule) == (type_, canonical, "lexicon:divisions")


BODIES = [
    ("工信部发布通知。", "工信部", "工业和信息化部"),
    ("工业和信息化部发布通知。", "工业和信息化部", "工业和信息化部"),
    ("市工信局负责人介绍。", "市工信局", "市工业和信息化局"),
    ("洛阳市工信局负责人介绍。", "洛阳市工信局", "洛阳市工业和信息化局"),
    ("河南省工信厅发布通知。", "河南省工信厅", "河南省工业和信息化厅"),
    ("襄阳市发改委牵头推进。", "襄阳市发改委", "襄阳市发展和改革委员会"),
]


@pytest.mark.parametrize(("text", "surface", "canonical"), BODIES)
def test_recognise_government_bodies(
    lexicon: Lexicon, text: str, surface: str, canonical: str
) -> None:
    (body,) = _find(_mentions(text, lexicon), surface)
    assert body.type is EntityType.GOVERNMENT_BODY
    assert body.canonical == canonical


def test_recognise_place_stays_a_mention_inside_a_body_name(lexicon: Lexicon) -> None:
    mentions = _mentions("洛阳市工信局负责人介绍。", lexicon)
    assert [m.type for m in _find(mentions, "洛阳市")] == [EntityType.CITY]


# ----------------------------------------------------------------------------- names in marks


def test_recognise_book_title_plan_is_a_policy(lexicon: Lexicon) -> None:
    mentions = _mentions("株洲印发《株洲市制造业数字化转型三年行动计划》。", lexicon)
    (policy,) = [m for m in mentions if m.type is EntityType.POLICY]
    assert policy.surface == "株洲市制造业数字化转型三年行动计划"


def test_recognise_book_title_of_a_list_is_a_designation(lexicon: Lexicon) -> None:
    mentions = _mentions("株洲中车荣列《中国500最具价值品牌》榜单。", lexicon)
    (designation,) = [m for m in mentions if m.type is EntityType.DESIGNATION]
    assert designation.surface == "中国500最具价值品牌"


def test_recognise_book_title_of_a_book_is_nothing(lexicon: Lexicon) -> None:
    mentions = _mentions("他读过《平凡的世界》。", lexicon)
    assert mentions == ()


INITIATIVES = [
    ("襄阳深入开展“项目建设年”活动。", "项目建设年活动"),
    ("绵阳启动“智改数转”行动。", "智改数转行动"),
    ("株洲实施“强链延链”工程。", "强链延链工程"),
]


@pytest.mark.parametrize(("text", "surface"), INITIATIVES)
def test_recognise_quoted_initiative_keeps_its_head(
    lexicon: Lexicon, text: str, surface: str
) -> None:
    (initiative,) = [m for m in _mentions(text, lexicon) if m.type is EntityType.INITIATIVE]
    assert initiative.surface == surface


def test_recognise_quoted_title_after_a_level_is_a_designation(lexicon: Lexicon) -> None:
    mentions = _mentions("绵阳9家企业入选国家级专精特新“小巨人”企业。", lexicon)
    (designation,) = [m for m in mentions if m.type is EntityType.DESIGNATION]
    assert designation.surface == "国家级专精特新小巨人企业"


def test_recognise_quoted_plan_without_a_head_after_it(lexicon: Lexicon) -> None:
    mentions = _mentions("洛阳印发“制造业发展规划”。", lexicon)
    assert [m.surface for m in mentions if m.type is EntityType.POLICY] == ["制造业发展规划"]


# ----------------------------------------------------------------------------- companies


def test_recognise_legal_company_name_and_its_short_name(lexicon: Lexicon) -> None:
    mentions = _mentions("中信重工机械股份有限公司（中信重工）在洛阳投产。", lexicon)
    companies = [m for m in mentions if m.type is EntityType.COMPANY]
    assert [(m.surface, m.canonical) for m in companies] == [
        ("中信重工机械股份有限公司", None),
        ("中信重工", "中信重工机械股份有限公司"),
    ]


def test_recognise_legal_company_name_starts_after_the_verb(lexicon: Lexicon) -> None:
    mentions = _mentions("襄阳与东风汽车集团有限公司签约。", lexicon)
    assert [m.surface for m in mentions if m.type is EntityType.COMPANY] == ["东风汽车集团有限公司"]


@pytest.mark.parametrize(
    "text",
    [
        "位于天水经济技术开发区的天水华天科技股份有限公司满负荷运转。",
        "来自江苏的天水华天科技股份有限公司投资20亿元。",
    ],
)
def test_recognise_legal_company_name_starts_after_de(text: str, lexicon: Lexicon) -> None:
    mentions = _mentions(text, lexicon)
    assert [m.surface for m in mentions if m.type is EntityType.COMPANY] == [
        "天水华天科技股份有限公司"
    ]


def test_recognise_short_name_introduced_by_jiancheng(lexicon: Lexicon) -> None:
    mentions = _mentions("中信重工机械股份有限公司（以下简称“中信重工”）今年扩产。", lexicon)
    assert "中信重工" in [m.surface for m in mentions if m.type is EntityType.COMPANY]


def test_recognise_legal_name_in_brackets_after_a_short_name(lexicon: Lexicon) -> None:
    mentions = _mentions("比亚迪（比亚迪股份有限公司）在襄阳扩产。", lexicon)
    companies = {(m.surface, m.canonical) for m in mentions if m.type is EntityType.COMPANY}
    assert companies == {("比亚迪股份有限公司", None), ("比亚迪", "比亚迪股份有限公司")}


# ----------------------------------------------------------------------------- people and outlets


def test_recognise_byline_gives_the_reporter_and_the_outlet(lexicon: Lexicon) -> None:
    text = "襄阳工业再提速\n【襄阳日报记者 张晓东】近日，襄阳召开大会。"
    mentions = _mentions(text, lexicon)
    assert [(m.surface, m.type) for m in mentions if m.rule.startswith("pattern:byline")] == [
        ("襄阳日报", EntityType.ORGANIZATION),
        ("张晓东", EntityType.PERSON),
    ]


def test_recognise_footer_gives_the_editor(lexicon: Lexicon) -> None:
    text = "株洲工业再提速\n株洲召开大会。\n【责任编辑:李红 】"
    mentions = _mentions(text, lexicon)
    assert [m.surface for m in mentions if m.type is EntityType.PERSON] == ["李红"]


def test_recognise_titled_person_in_the_body(lexicon: Lexicon) -> None:
    mentions = _mentions("绵阳市经信局局长王建国表示，将加快转型。", lexicon)
    assert [m.surface for m in mentions if m.type is EntityType.PERSON] == ["王建国"]


# ----------------------------------------------------------------------------- industries

INDUSTRY_CONTEXT = [
    ("洛阳加快5G基站建设。", []),
    ("洛阳发展5G产业。", ["5G"]),
    ("襄阳大力发展集成电路产业。", ["集成电路"]),
    ("株洲布局5G、人工智能等新兴产业。", ["5G", "人工智能"]),
    ("绵阳新能源汽车产量增长。", []),
]


@pytest.mark.parametrize(("text", "industries"), INDUSTRY_CONTEXT)
def test_recognise_industry_only_where_it_names_an_industry(
    lexicon: Lexicon, text: str, industries: list[str]
) -> None:
    mentions = _mentions(text, lexicon)
    assert [m.surface for m in mentions if m.type is EntityType.INDUSTRY] == industries


def test_recognise_programme_only_after_a_cue(lexicon: Lexicon) -> None:
    cued = _mentions("洛阳获批产业基础再造工程。", lexicon)
    prose = _mentions("洛阳推进产业基础再造。", lexicon)
    assert [m.key for m in cued if m.type is EntityType.PROGRAMME] == [
        "programmes:industrial-foundation-reengineering"
    ]
    assert [m for m in prose if m.type is EntityType.PROGRAMME] == []


# ----------------------------------------------------------------------------- lexicon indexes


def _every_window(lexicon: Lexicon, text: str) -> list[tuple[int, int, str]]:
    """``Lexicon.match`` the slow way: every window up to the longest name, longest first."""
    found = []
    for start in range(len(text)):
        for end in range(min(len(text), start + lexicon.max_name_length), start, -1):
            entries = lexicon.by_name.get(text[start:end])
            if entries and not text.startswith("市场", end - 1):
                found += [(start, end, entry.id) for entry in entries]
    return found


@settings(max_examples=100, deadline=None, database=None)
@given(data=st.data())
def test_lexicon_match_finds_what_every_window_finds(lexicon: Lexicon, data: st.DataObject) -> None:
    names = sorted(lexicon.by_name)
    pieces = st.sampled_from(names) | st.sampled_from(FRAGMENTS) | st.sampled_from(["市场", "场"])
    text = data.draw(st.lists(pieces, max_size=12).map("".join))
    found = [
        (m.span.start, m.span.end, (m.key or "").split(":", 1)[1]) for m in lexicon.match(text)
    ]
    assert found == _every_window(lexicon, text)


def _starts_one_by_one(lexicon: Lexicon, file: str, text: str) -> list[tuple[int, str]]:
    """``Lexicon.finder`` the slow way: at every position, the first name of
    ``longest_first`` the text continues with."""
    found = []
    for start in range(len(text)):
        name = next((n for n, _ in lexicon.longest_first(file) if text.startswith(n, start)), None)
        if name is not None:
            found.append((start, name))
    return found


@settings(max_examples=50, deadline=None, database=None)
@given(data=st.data())
@pytest.mark.parametrize("file", ["body_suffixes", "tiers", "company_suffixes"])
def test_lexicon_finder_finds_the_longest_name_at_every_position(
    lexicon: Lexicon, file: str, data: st.DataObject
) -> None:
    names = sorted(lexicon.names(file))
    pieces = st.sampled_from(names) | st.sampled_from(FRAGMENTS)
    text = data.draw(st.lists(pieces, max_size=10).map("".join))
    found = [(m.start(), m[1]) for m in lexicon.finder(file).finditer(text)]
    assert found == _starts_one_by_one(lexicon, file, text)
    for _, name in found:
        first = next(e for n, e in lexicon.longest_first(file) if n == name)
        assert lexicon.entry_named(file, name) is first


def test_recognise_a_place_inside_a_company_legal_name_is_no_place(lexicon: Lexicon) -> None:
    mentions = _mentions("天津中环瑞驰新能源科技有限公司在清河增资5亿元。", lexicon)
    assert "天津" not in [m.surface for m in mentions if m.type is EntityType.CITY]
    assert "天津中环瑞驰新能源科技有限公司" in [m.surface for m in mentions]


def test_recognise_a_county_level_city_whose_short_name_is_a_word_by_it_once_written_full(
    lexicon: Lexicon,
) -> None:
    """安宁 ("peace") is no alias of 安宁市, but an article that writes 安宁市 means the city."""
    assert _find(_mentions("安宁是工业重镇。", lexicon), "安宁") == []
    mentions = _mentions("安宁市位于昆明西部。安宁是工业重镇。", lexicon)
    (short,) = _find(mentions, "安宁")
    assert short.type is EntityType.DISTRICT and short.key == "divisions:cn-530181"


def test_recognise_a_district_short_name_without_alias_once_written_full_but_no_new_areas_stem(
    lexicon: Lexicon,
) -> None:
    """金山区 has no alias (金山 is a word), but an article that writes 金山区 means it by 金山;
    滨海新区's stem 滨海新 is no name at all."""
    assert _find(_mentions("金山是上海的西南门户。", lexicon), "金山") == []
    (short,) = _find(_mentions("金山区位于上海西南部。金山是西南门户。", lexicon), "金山")
    assert short.type is EntityType.DISTRICT and short.key == "divisions:cn-310116"
    mentions = _mentions("天津市滨海新区招商。滨海新建成区扩大。", lexicon)
    assert _find(mentions, "滨海新") == []


def test_recognise_a_declared_short_name_wherever_it_is_written_after(lexicon: Lexicon) -> None:
    text = "云南安磷新材料有限公司（简称“安磷新材”）成立于2010年。如今，安磷新材年产石膏粉80万吨。"
    found = _find(_mentions(text, lexicon), "安磷新材")
    assert [text[m.span.start : m.span.end] for m in found] == ["安磷新材", "安磷新材"]
    assert {(m.type, m.canonical) for m in found} == {
        (EntityType.COMPANY, "云南安磷新材料有限公司")
    }


def test_recognise_a_short_name_declared_with_a_stock_code(lexicon: Lexicon) -> None:
    text = "鹿城稀土新材料股份有限公司（以下简称“鹿城稀土”，股票代码：600927）是龙头。"
    (short,) = _find(_mentions(text, lexicon), "鹿城稀土")
    assert short.canonical == "鹿城稀土新材料股份有限公司"


def test_recognise_a_place_name_inside_a_set_phrase_is_no_place(lexicon: Lexicon) -> None:
    text = "企业获得了真金白银的支持，白银市也受益。"
    places = [m.surface for m in _mentions(text, lexicon) if m.type is EntityType.CITY]
    assert places == ["白银市"]
