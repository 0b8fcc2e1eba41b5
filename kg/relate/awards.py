"""Rules about titles: designations, lists and rankings, and the priority support they bring."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from kg.recognise.patterns import DESIGNATION_CUES
from kg.records import EntityType, Fact, Mention, Quantity, Relation
from kg.relate.context import (
    PLACE_TYPES,
    SentenceContext,
    date_of,
    last_match,
    level_of,
    make_fact,
    once_each,
    place_before,
)
from kg.relate.industries import CLUSTER, cluster_mention, cluster_name
from kg.relate.lists import (
    COUNT_AFTER,
    Item,
    clauses,
    enumeration_before,
    split_conjoined,
)
from kg.relate.quantities import COUNT_DIGITS, find_periods, parse_number, rank_of

# ----------------------------------------------------------------------------- designations
DESIGNATION_CUE = re.compile("|".join(sorted(DESIGNATION_CUES, key=len, reverse=True)))


FIRST_OF_ITS_KIND = re.compile(r"首个|首家|第一个|唯一")


def designations(ctx: SentenceContext) -> Iterator[Fact]:
    """``X获评工信部“D”``, ``A、B等15家企业获评D``, ``A、B荣列《D》榜单``."""
    text = ctx.text
    awarded: set[str] = set()  # the titles this sentence has awarded so far
    for c_start, c_end in clauses(text):
        cue = DESIGNATION_CUE.search(text, c_start, c_end)
        if cue is None:
            continue
        first = _designation_after(ctx, cue.end(), c_end)
        if first is None:
            continue
        title = f"{first.key or first.surface}/{level_of(first.surface)}"
        if title in awarded and FIRST_OF_ITS_KIND.search(
            text, cue.end(), first.span.start - ctx.base
        ):
            continue  # …集群入选…名单，成为东莞首个国家级先进制造业集群: the award, said again
        awarded.add(title)
        holders = _holders_before(ctx, c_start, cue.start())
        count = COUNT_AFTER.search(text, c_start, cue.start()) or HOLDER_COUNT.search(
            text, c_start, cue.start()
        )
        if count is not None:
            yield _count_of_holders(ctx, first, count)
        if holders is None:
            continue
        by = next(
            (
                m
                for m in ctx.within(c_start, c_end)
                if m.type in (EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION)
                and m.span.end <= first.span.start
                and (
                    m.span.start - ctx.base > cue.start()
                    or "被" in text[c_start : m.span.start - ctx.base]
                )
            ),
            None,
        )
        by = by or next(
            (
                m
                for m in reversed(ctx.within(0, cue.start()))
                if m.type == EntityType.GOVERNMENT_BODY
                and re.match(
                    r"(?:通报|表扬|认定|评定|授予|发布|公布|批准|批复|命名)",
                    text[m.span.end - ctx.base :],
                )
            ),
            None,
        )
        receivers: list[Mention | None] = list(holders) or [None]  # None: the article's city
        for designation in _listed_after(ctx, first, c_end):
            for holder in receivers:
                yield make_fact(
                    ctx,
                    Relation.DESIGNATION_AWARD,
                    holder,
                    designation,
                    "rule:designations",
                    ("date", date_of(ctx)),
                    ("level", level_of(designation.surface)),
                    ("count", str(int(parse_number(count["n"]))) if count else ""),
                    extra=(by,) if by else (),
                )


def _listed_after(ctx: SentenceContext, first: Mention, end: int) -> list[Mention]:
    """The title and those listed right after it (获评国家级绿色工厂、国家技术创新示范企业)."""
    titles = [first]
    while (after := titles[-1].span.end - ctx.base) < end and ctx.text[after] in "、和及":
        following = next(
            (
                m
                for m in ctx.within(after + 1, end)
                if m.type is EntityType.DESIGNATION and m.span.start - ctx.base == after + 1
            ),
            None,
        )
        if following is None:
            break
        titles.append(following)
    return titles


SUPPORT_LEAD = re.compile(r"(?:获得|获|享受|给予|予以|得到)")
# 给予倾斜 is support by its verb; a bare 倾斜 (同等条件下向示范区倾斜) only after 在…中
SUPPORT_CUE = re.compile(
    r"(?:优先|重点|倾斜)支持|优先推荐|优先安排|优先考虑|(?:重点|政策)倾斜|倾斜"
)
DESIGNATION_HEADS = (
    "示范",
    "标杆",
    "冠军",
    "小巨人",
    "企业",
    "供应商",
    "基地",
    "园区",
    "工厂",
    "城市",
    "市",
    "区",
    "县",
    "集群",
    "中心",
    "品牌",
    "榜单",
    "名单",
    "目录",
    "百强",
    "强",
    "试验区",
    "示范区",
    "(州)",
    "场景",
    "平台",
)
#: 集群建设名单, 示范区创建名单: a list of places chosen for a work, whose name needs 名单
LIST_OF_WORK = ("建设", "培育", "创建")
DESIGNATION_TRAILERS = ("榜单", "名单", "称号", "荣誉", "行列", "之一", "名录", "荣誉称号")
HOLDER_TYPES = (
    *PLACE_TYPES,
    EntityType.COMPANY,
    EntityType.GOVERNMENT_BODY,
    EntityType.ORGANIZATION,
)


HOLDER_COUNT = re.compile(rf"(?P<n>{COUNT_DIGITS})(?P<unit>家|个|项|所|座)(?:企业)?")


def _count_of_holders(ctx: SentenceContext, designation: Mention, count: re.Match[str]) -> Fact:
    """``A、B等15家企业获评D``: how many hold the title, as a figure of the city."""
    value = parse_number(count["n"])
    periods = [p for p in find_periods(ctx.text, ctx.reference, ctx.year_hint) if not p.is_base]
    quantity = Quantity(
        value,
        count["unit"],
        periods[0].period if periods else None,
        designation.surface,
        ctx.span(count.start("n"), count.end("unit")),
    )
    return Fact(Relation.OBSERVATION, None, quantity, ctx.sentence.span, "rule:designation-count")


DESCRIPTION = re.compile(r"最|重要|主力|典型|缩影|关键")
FIRST_OR_ONE_OF = re.compile(r"首个|首家|第一个|唯一|之一")


def _designation_after(ctx: SentenceContext, start: int, end: int) -> Mention | None:
    for mention in ctx.within(start, end):
        if mention.type == EntityType.DESIGNATION:
            return mention
    phrase_start = start
    for mention in ctx.within(start, end):  # skip an awarding body written before the title
        if (
            mention.type == EntityType.GOVERNMENT_BODY
            and mention.span.start - ctx.base <= start + 1
        ):
            phrase_start = mention.span.end - ctx.base
    phrase = ctx.text[phrase_start:end]
    if (index := phrase.rfind("的")) >= 0 and DESCRIPTION.search(phrase, 0, index):
        return None  # 成为全省规模最大的动力装备产业集群之一: praise, not a title
    if index >= 0 and len(phrase) - index > 4:
        phrase_start, phrase = phrase_start + index + 1, phrase[index + 1 :]
    if match := re.match(r"(?:(?:19|20)\d\d年度?|为)", phrase):
        phrase_start, phrase = phrase_start + match.end(), phrase[match.end() :]
    for trailer in DESIGNATION_TRAILERS:
        if phrase.endswith(trailer) and len(phrase) > len(trailer) + 2:
            cut = phrase[: -len(trailer)]
            if trailer == "名单" and cut.endswith(LIST_OF_WORK):
                continue  # 优势特色产业集群建设名单: without 名单 no title is left
            phrase = cut
    unquoted = phrase.strip('“”"《》')
    if unquoted.count("“") == unquoted.count("”"):  # not “十四五”时期… cut to 十四五”时期…
        phrase = unquoted
    if phrase.startswith("的"):
        return None  # 唯一入选的地级市: a description of the holder, not a title
    # 国家外贸转型升级基地（运动鞋服）: the head word stands before the bracket
    head = re.sub(r"[(（][^()（）]{1,12}[)）]$", "", phrase)
    if not (4 <= len(phrase) <= 30) or not head.endswith(DESIGNATION_HEADS):
        return None
    if FIRST_OR_ONE_OF.search(phrase) or DESCRIPTION.search(phrase):
        return None  # 成为成都首个万亿级产业集群: a description, not a title
    if not re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9()（）“”]+", phrase):
        return None
    entry = ctx.lexicon.lookup(phrase)
    key = f"designations:{entry.id}" if entry and entry.type == EntityType.DESIGNATION else None
    return Mention(
        ctx.span(phrase_start, phrase_start + len(phrase)),
        phrase,
        EntityType.DESIGNATION,
        key,
        "pattern:designation-phrase",
    )


#: marks, emoji and spaces before a clause's first word (▶, ◆, 🏅)
BULLET = re.compile(r"[^\w“”\"「《(（]+")
#: 一是…, 二是…, 首先…: the points of a speech, not part of a holder's name
ENUMERATION_LEAD = re.compile(r"[一二三四五六七八九十]是|首先|其次|再次|最后")
#: how an article names its own place (我市成功入选…): the holder is the article's city
THE_PLACE_ITSELF = frozenset(
    {"我市", "本市", "全市", "我县", "本县", "全县", "我区", "本区", "我州", "本州", "全州"}
)

TIME_OR_ADVERB = re.compile(
    r"(?:于|在)?(?:(?:19|20)\d\d年)?(?:\d{1,2}月)?(?:\d{1,2}日)?"
    r"(?:正式|已经|已|先后|均|还|也|成功|再次|首次|此前|近日|日前|去年|今年|前年|上年|当年|同年|次年|年内|"
    r"凭借[^,，]*)*$"
)
#: 北秦精密的新厂区获评…, 歌尔的虚拟现实整机产品入选…: a title held through a plant or product
#: is its company's
THROUGH_ITS = re.compile(
    r"(?P<holder>[\u4e00-\u9fffA-Za-z]{2,10}?)的[\u4e00-\u9fffA-Za-z]{0,8}?"
    r"(?:厂区|工厂|车间|基地|产品|生产线|技术中心|研发中心|研究院|研究所|实验室|项目)"
)


def _holders_before(ctx: SentenceContext, c_start: int, cue_start: int) -> list[Mention] | None:
    """Who received it: named holders, [] for the article's city, None when unnamed (15家入选).

    Whoever stands after 被 is the awarder, not a holder (被世界经济论坛评为).
    """
    if bullet := BULLET.match(ctx.text, c_start, cue_start):
        c_start = bullet.end()  # 🏅 宁夏星钽新材料股份有限公司入选…: a list's mark
    if lead := ENUMERATION_LEAD.match(ctx.text, c_start, cue_start):
        c_start = lead.end()  # 一是我市成功入选…
    window = ctx.text[c_start:cue_start]
    if (passive := window.find("被")) >= 0:
        cue_start, window = c_start + passive, window[:passive]
    window_end = c_start + len(TIME_OR_ADVERB.sub("", window))
    if referred := ctx.company_referred_to(c_start, cue_start):
        return [referred]  # 坤泰新材料…。这家企业今年被认定为…
    # 株洲轨道交通装备产业集群被评为国家先进制造业集群: the cluster holds it, not its city
    if (cluster := CLUSTER.search(ctx.text, c_start, cue_start)) and (
        item := cluster_name(ctx, c_start, cluster)
    ):
        return [cluster_mention(ctx, item, cluster, single=True)]
    inside = ctx.within(c_start, cue_start)
    known = [
        m
        for m in inside
        if m.type in HOLDER_TYPES
        and not any(
            o is not m and o.span.contains(m.span) and len(o.span) > len(m.span) for o in inside
        )
    ]
    first = known[0].span.start - ctx.base if known else None
    if known and first == c_start and _item_goes_on_after_place(ctx, known, c_start, window):
        known, first = [], None  # 厦门钨业、金龙汽车入选…: a list of companies, the first named
        # after its city
    if known and first == c_start and (short := _short_name_from_place(ctx, known[0], window_end)):
        return [short]
    if known and first == c_start:
        holders = [m for m in known if m.type != EntityType.GOVERNMENT_BODY] or known
        return [
            m
            for m in holders
            if not _place_of_next(m, holders)
            and not any(m.canonical == o.surface for o in holders if o is not m)  # X（简称“Y”）
        ]
    if "等" in window or "、" in window:
        end = c_start + window.find("等") if "等" in window else window_end
        enumeration = enumeration_before(ctx.text, c_start, end)
        if enumeration is not None:
            known_names = ctx.lexicon.names("company_suffixes")
            return [  # 济南、淄博等市: listed places stay places
                ctx.mention_for(i, EntityType.COMPANY, "pattern:holder-list", or_as=HOLDER_TYPES)
                for raw in enumeration.items
                for i in split_conjoined(raw, known_names)
            ]
    if re.search(COUNT_DIGITS + r"(?:家|个|项)", window):
        return None  # 15家入选…: holders the text does not name
    # a name at the start of the clause, up to a place in it (三一重工长沙18号工厂 → 三一重工)
    name_end = first if first is not None else window_end
    if through := THROUGH_ITS.fullmatch(ctx.text, c_start, window_end):
        name_end = through.end("holder")
    name = ctx.text[c_start:name_end]
    if name.strip() in ("", "并", "还", "也", "同时") and not known:
        # 潍坊动力装备产业集群规模已突破3000亿元，去年入选…; or the line under a card's heading
        if topic := _topic_before(ctx, c_start) or ctx.heading:
            return [topic]
    if CLUSTER_ANAPHOR.fullmatch(name) and (referred := _cluster_referred_to(ctx, c_start)):
        return [referred]  # 日喀则青稞产业集群…，该集群去年入选…
    if SUCCESSION.fullmatch(name):
        return _holder_after_succession(ctx, cue_start)
    if not name.strip() or re.sub("(?:获|经)$", "", name) in THE_PLACE_ITSELF:
        return [m for m in known if m.type != EntityType.GOVERNMENT_BODY] if known else []
    if re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9]{2,12}", name) and not name.startswith(
        ("我", "全", "该", "其中", "此外", "同时", "企业", "是", "对", "它", "力争", "争取")
    ):
        item = Item(c_start, name_end, name)
        return [ctx.mention_for(item, EntityType.COMPANY, "pattern:holder")]
    return None


CLUSTER_ANAPHOR = re.compile(r"(?:该|这一|这个|此)(?:产业)?集群")
#: 这是继2019年获评…之后，汇川区…获得的又一块…: the holder opens the clause after 之后
SUCCESSION = re.compile(r"(?:这是|这也是|此为)?继")
SUCCESSION_END = re.compile(r"之后[，,]")


def _holder_after_succession(ctx: SentenceContext, cue_start: int) -> list[Mention]:
    """Who opens the clause after ``继…之后，`` (none named: the article's city)."""
    after = SUCCESSION_END.search(ctx.text, cue_start)
    if after is None:
        return []
    lead = TOPIC_LEAD.match(ctx.text, after.end())
    start = lead.end() if lead else after.end()
    first = next(iter(ctx.within(start, len(ctx.text))), None)
    if first is not None and first.type in HOLDER_TYPES and first.span.start - ctx.base == start:
        return [first]
    return []


TRAILING_BRACKET = re.compile(r"[(（][^()（）]*[)）]$")
#: ★, ①, 01, 1. before a card's heading
HEADING_MARK = re.compile(r"(?:[^\w“”\"「《(（]|[\u2460-\u2473]|\d{1,2}(?=[\s.、．]))+[\s.、．]*")


def heading_holder(ctx: SentenceContext) -> Mention | None:
    """The company or cluster a card's heading line names, and nothing else (★ 贵州汇天航空装备
    有限公司（简称“汇天航空”）, ① 航空航天装备产业集群): the holder of the line under it."""
    text = ctx.text.rstrip()
    if text.endswith(("。", "!", "?", ";")):
        return None  # a sentence (！？； are folded to ASCII), not a heading line
    start = mark.end() if (mark := HEADING_MARK.match(text)) else 0
    end = bracket.start() if (bracket := TRAILING_BRACKET.search(text)) else len(text)
    topic = _topic_of(ctx, start, end)
    return topic if topic is not None and topic.span.end - ctx.base == end else None


def _item_goes_on_after_place(
    ctx: SentenceContext, known: list[Mention], c_start: int, window: str
) -> bool:
    """Whether a list's first item begins with a place and goes on with a name of no other
    recognised holder (厦门钨业 in 厦门钨业、金龙汽车), not a place listed alone (济南、淄博)."""
    place = known[0]
    comma = window.find("、")
    if place.type not in PLACE_TYPES or comma < 0:
        return False
    rest_start = place.span.end - ctx.base
    rest = ctx.text[rest_start : c_start + comma]
    return (
        len(rest) >= 2
        and re.fullmatch(r"[\u4e00-\u9fff]+", rest) is not None
        and not ctx.within(rest_start, c_start + comma)
    )


def _place_of_next(mention: Mention, holders: list[Mention]) -> bool:
    """海南省海口市入选…: a province (or city) written right before its city (or district)
    only says where that one is."""
    return mention.type in PLACE_TYPES and any(
        m.type in PLACE_TYPES and m.span.start == mention.span.end for m in holders
    )


#: 去年包头稀土…产业集群…: words before the topic a clause opens with
TOPIC_LEAD = re.compile(r"(?:去年|今年|前年|上年|当年|目前|同时|此外|其中|近年来)*")


def _topic_before(ctx: SentenceContext, c_start: int) -> Mention | None:
    """The cluster or company that opens the clause before ``c_start``: the topic a clause
    with no subject of its own goes on speaking of (…集群…，跻身…; X公司投资…，并入选…)."""
    before = [(s, e) for s, e in clauses(ctx.text) if e <= c_start]
    return _topic_of(ctx, *before[-1]) if before else None


def _cluster_referred_to(ctx: SentenceContext, c_start: int) -> Mention | None:
    """The cluster 该集群 stands for: the last one opening a clause before it in the sentence."""
    for start, end in reversed([(s, e) for s, e in clauses(ctx.text) if e <= c_start]):
        topic = _topic_of(ctx, start, end)
        if topic is not None and topic.type is EntityType.INDUSTRY_CLUSTER:
            return topic
    return None


def _topic_of(ctx: SentenceContext, start: int, end: int) -> Mention | None:
    if bullet := BULLET.match(ctx.text, start, end):
        start = bullet.end()
    if lead := TOPIC_LEAD.match(ctx.text, start, end):
        start = lead.end()
    first = next(iter(ctx.within(start, end)), None)
    if (
        first is not None
        and first.type is EntityType.COMPANY
        and first.span.start - ctx.base == start
    ):
        return first
    cluster = CLUSTER.search(ctx.text, start, end)
    item = cluster_name(ctx, start, cluster) if cluster else None
    if cluster is None or item is None:
        return None
    places = "".join(m.surface for m in ctx.within(start, item.start) if m.type in PLACE_TYPES)
    if ctx.text[start : item.start] != places:
        return None  # the clause opens with something else (把…, 全市…)
    return cluster_mention(ctx, item, cluster, single=True)


def _short_name_from_place(ctx: SentenceContext, place: Mention, end: int) -> Mention | None:
    """叙州光能被认定为…: a company's short name that begins with a place, when the article
    writes that name inside a legal name (宜宾叙州光能科技有限公司)."""
    if place.type not in PLACE_TYPES:
        return None
    start = place.span.start - ctx.base
    name = ctx.text[start:end]
    if len(name) - len(place.surface) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]{4,12}", name):
        return None
    if not re.search(re.escape(name) + LEGAL_NAME_TAIL, ctx.document.text):
        return None
    return ctx.mention_for(Item(start, end, name), EntityType.COMPANY, "pattern:holder")


LEGAL_NAME_TAIL = r"[\u4e00-\u9fff]{0,10}(?:有限公司|有限责任公司|集团)"


# ----------------------------------------------------------------------------- support
#: 入选…试点城市，将获得中央财政奖补资金支持: a fund that follows a title in the same sentence
FUND_SUPPORT = re.compile(
    r"(?:将|可)?获得(?P<x>[\u4e00-\u9fff]{2,16}(?:资金|基金|奖补|补助|补贴))(?:的)?支持"
)
#: 试点城市…可获得最高1.5亿元的中央财政奖补资金: a sum granted to the titled place
FUND_GRANTED = re.compile(
    r"获得(?:最高|不超过|共计|累计)?\d+(?:\.\d+)?[万亿]?元的?"
    r"(?P<x>[\u4e00-\u9fff]{2,16}?(?:资金|奖补|补助|补贴)(?!资金))"
)
#: 入选…试点，获得中央财政专项奖补资金8000万元: the sum after the fund
FUND_RECEIVED = re.compile(
    r"获得(?P<x>[\u4e00-\u9fff]{2,16}?(?:资金|奖补|补助|补贴))(?:共计|累计)?\d+(?:\.\d+)?[万亿]?元"
)
#: a sentence that speaks of the title, or of the pilot or demonstration it makes the place
TITLE_CONTEXT = re.compile(r"入选|获评|获批|认定为|被评为|试点|示范")
PROGRAMME_HEAD = re.compile(
    r"(?:资金|基金|专项|计划|工程|贷款|补助|补贴|奖补|政策|项目|行动|平台)$"
)
#: 将设立专项授信额度，重点支持示范区…: a fund set up for the designated place, in a sentence
#: that speaks of the title or of the support it brings
FUND_ARRANGED = re.compile(
    r"(?:安排|设立|设置|提供)(?P<x>[\u4e00-\u9fff]{2,16}?(?:资金|基金|额度|贷款|债券))"
    r"[，,]?(?:重点|优先)支持"
)
#: what a bare 给予倾斜 must favour to be a programme's support: money, a quota, a scheme
FUNDING = re.compile(r"(?:资金|基金|专项|计划|工程|贷款|补助|补贴|奖补|额度)$")
SUPPORT_IN = re.compile(
    r"在(?P<list>[^，,。；;在]+?)(?:的[\u4e00-\u9fff]{1,6}?|项目遴选|项目评审)?"
    r"(?:等方面|方面|等领域|安排上|上|中)"
    r"(?:[，,]?(?:同等条件下)?[对向][^，。；、]{1,12}|[，,]?同等条件下)?$"
)
SUPPORT_APPLYING = re.compile(
    r"(?:申报|申请|争取|安排)(?P<list>[^，,。；;]+?)(?:等项目|项目|等)?时(?:将|可|均)?"
    r"(?:[，,]?(?:同等条件下)?(?:对[^，。；、]{1,12})?)?$"
)
AWARD_IN_SENTENCE = re.compile(r"入选|获评|获批|认定为|被评为|成为")
AWARD_OR_SUPPORT = re.compile(rf"{AWARD_IN_SENTENCE.pattern}|列入|{SUPPORT_CUE.pattern}")
SUPPORT_INCLUSION = re.compile(
    r"优先(?:纳入|列入|推荐|支持申报)(?:申报)?(?P<x>[\u4e00-\u9fff]{4,30}?)(?:创建|申报|建设)?"
    r"(?:范围|名单|计划|试点|(?<=基金)投资项目)"  # 优先推荐申报国家制造业转型升级基金投资项目
)
#: one of these is in every match of SUPPORT_CUE, SUPPORT_INCLUSION and the FUND_ patterns
SUPPORT_WORDS = ("支持", "优先", "倾斜", "获得")


def priority_support(ctx: SentenceContext) -> Iterator[Fact]:
    """``获A、B和C优先支持`` and ``在A、B等方面获得优先支持``: programmes supporting the city,
    each once however many cues of the sentence name it."""
    return once_each(_priority_support(ctx))


def _priority_support(ctx: SentenceContext) -> Iterator[Fact]:
    text = ctx.text
    for cue in SUPPORT_CUE.finditer(text):
        lead = last_match(SUPPORT_LEAD, text, 0, cue.start())
        if cue.group() == "倾斜" and not text.endswith(("给予", "予以"), 0, cue.start()):
            lead = None
        if lead is None:
            # 对示范城市在A和B的项目安排上，同等条件下优先支持: no verb, but 在…上 names the list
            before = text[: cue.start()]
            if not SUPPORT_IN.search(before):
                continue
            start, end = cue.start(), cue.start()
        else:
            start, end = lead.end(), cue.start()
            before = text[: lead.start()]
        # 在申报A、B等项目时将获得优先支持: the list starts right after the verb
        applying = SUPPORT_APPLYING.search(before)
        # 在A、B等方面(对示范区)给予优先支持; 在A、B的投资布局上…予以优先支持
        if inner := applying or SUPPORT_IN.search(before):
            start, end = inner.start("list"), inner.end("list")
        # after 在 or 申报 the list starts at once, no verb is looked for (外经贸发展专项资金)
        enumeration = enumeration_before(text, start, end, max_item=48, lead=inner is None)
        if enumeration is None:
            continue
        clause_start = next((s for s, e in clauses(text) if s <= start < e), 0)
        subject = place_before(ctx, clause_start, start)
        known = ctx.lexicon.names("programmes")
        for raw in enumeration.items:
            parts = split_conjoined(raw, known)
            if len(parts[0].text) <= 4 and not PROGRAMME_HEAD.search(parts[0].text):
                parts = (raw,)  # 省级工业和信息化产业转型升级专项资金: 和 inside one name
            for item in parts:
                if len(item.text.replace("“", "").replace("”", "")) > 26:
                    continue  # no name runs so long: a clause read as an item
                if cue.group() == "倾斜" and not FUNDING.search(item.text):
                    continue  # 在展会展位分配等方面给予倾斜: favoured, but not by a programme
                item = _without_lead(_without_lead(item, APPLYING), QUANTIFIER)
                programme = ctx.mention_for(item, EntityType.PROGRAMME, "pattern:support-list")
                yield make_fact(
                    ctx, Relation.PRIORITY_SUPPORT, subject, programme, "rule:priority-support"
                )
    fund_support = FUND_SUPPORT.finditer(text) if AWARD_IN_SENTENCE.search(text) else iter(())
    titled = TITLE_CONTEXT.search(text)
    fund_granted = [*FUND_GRANTED.finditer(text), *FUND_RECEIVED.finditer(text)] if titled else []
    for match in [*SUPPORT_INCLUSION.finditer(text), *fund_support, *fund_granted]:
        item = Item(match.start("x"), match.end("x"), match["x"])
        programme = ctx.mention_for(item, EntityType.PROGRAMME, "pattern:support-inclusion")
        yield make_fact(
            ctx,
            Relation.PRIORITY_SUPPORT,
            place_before(ctx, 0, match.start()),
            programme,
            "rule:priority-support",
        )
    # 河北省科技厅将安排X资金，重点支持我县…: the place before is the funder's, the beneficiary
    # follows 支持 (the article's city, or the title's holder); the sentence speaks of the
    # title or of support besides
    for match in FUND_ARRANGED.finditer(text):
        if AWARD_OR_SUPPORT.search(text[: match.start()] + text[match.end() :]):
            item = Item(match.start("x"), match.end("x"), match["x"])
            programme = ctx.mention_for(item, EntityType.PROGRAMME, "pattern:support-arranged")
            yield make_fact(
                ctx, Relation.PRIORITY_SUPPORT, None, programme, "rule:priority-support"
            )


#: words an item of a support list may open with: 申报A、争取B; 多个/相关/一批…
APPLYING = re.compile(r"申报|申请|争取")
QUANTIFIER = re.compile(r"(?:多个|多项|各类|相关|一批|部分)+")


def _without_lead(item: Item, lead: re.Pattern[str]) -> Item:
    """The item without the words ``lead`` matches at its start, if a name of 2 or more remains."""
    match = lead.match(item.text)
    if match is None or len(item.text) - match.end() < 2:
        return item
    return Item(item.start + match.end(), item.end, item.text[match.end() :], item.size)


LISTING = re.compile(
    r"(?:(?:公布|发布|公示|揭晓|评选出?)(?:了)?的?|在)"
    # 在X名单中: the verb may be left out
    r"(?P<d>(?:(?!公布|发布|公示|揭晓|评选)[^,，。;；]){3,40})"
    r"(?:名单|名录|榜单|排行榜|评价结果|结果)(?:中|上)?[,，]"
)
#: 在赛迪顾问发布的2023年全国综合实力百强县市中，晋江位列第4位: a ranking named without 榜单
HUNDRED_LIST = re.compile(
    r"(?:公布|发布|揭晓)(?:了)?的?"
    r"(?P<d>[^,，。;；]{2,30}?百强(?:(?!榜单|名单|名录|排行)[\u4e00-\u9fff]){0,4}?)中[,，]"
)
BRACKETED_COMPANIES = re.compile(rf"{COUNT_DIGITS}家[(（](?P<list>[^()（）]+?)等?[)）]")
#: 在…名单中，南山新增A、B等5家企业: the companies a list adds, after their place
NEWLY_LISTED = re.compile(r"新增|新添|又有|共有")  # not 有 alone: 有限公司
#: A、B等4家(南山)企业: companies counted after their list
COMPANY_COUNT = re.compile(
    rf"等(?:{COUNT_DIGITS}|[一二两三四五六七八九十]+)家[\u4e00-\u9fff]{{0,4}}?(?:企业|公司)"
)
AMONG_THEM = re.compile(r"(?:名列|位列|入选|列入)其中|赫然在列")
LISTED = re.compile(r"榜上有名|成功入选|入选|上榜|位列|分列|名列|分别位列|居|排名")
#: one of these is in every match of LISTING, HUNDRED_LIST and BRACKETED_COMPANIES
LISTING_WORDS = ("名单", "名录", "榜单", "排行榜", "结果", "百强", "家(", "家（")


def listings(ctx: SentenceContext) -> Iterator[Fact]:
    """``在赛迪顾问发布的2020年全国工业百强区榜单中，顺德区、南海区分列第1位和第2位``: a list
    or ranking published by a body, and who is on it (with their ranks)."""
    text = ctx.text
    yield from _bracketed_holders(ctx)
    for listing in [*LISTING.finditer(text), *HUNDRED_LIST.finditer(text)]:
        clause_end = next((e for s, e in clauses(text) if s >= listing.end()), len(text))
        cue = LISTED.search(text, listing.end(), clause_end)
        among = AMONG_THEM.search(text, listing.end()) if cue is None else None
        if cue is not None:
            holders: Sequence[Mention | None] = _listed_holders(
                ctx, listing.end(), cue.start()
            ) or _counted_companies(ctx, listing.end(), cue.start())
        elif among is not None:  # …名单，全国共9个城市入围，鞍山市名列其中
            c_start = max(s for s, _ in clauses(text) if s <= among.start())
            holders = _listed_holders(ctx, c_start, among.start())
        elif added := NEWLY_LISTED.search(text, listing.end(), clause_end):
            holders = _counted_companies(ctx, added.end(), clause_end)
        else:
            continue
        if not holders:
            continue
        name = re.sub(r"^(?:(?:19|20)\d\d年?度?)", "", listing["d"]).strip('“”"《》')
        if len(name) < 4:
            continue
        start = listing.start("d") + len(listing["d"]) - len(name)
        designation = ctx.mention_for(
            Item(start, start + len(name), name), EntityType.DESIGNATION, "pattern:listing"
        )
        by = [
            m
            for m in ctx.within(0, listing.start())
            if m.type in (EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION)
        ]
        year = re.match(r"(?:19|20)\d\d", listing["d"])
        places = re.findall(r"第(\d+)(?:位|名)", text[cue.start() : clause_end]) if cue else []
        ranks = [rank_of(Decimal(place)) for place in places]  # 第0位 is none, yet a place
        for index, holder in enumerate(holders):
            yield make_fact(
                ctx,
                Relation.DESIGNATION_AWARD,
                holder,
                designation,
                "rule:listings",
                ("date", year.group() if year else date_of(ctx)),
                ("level", level_of(name)),
                extra=tuple(by[:1]),
            )
            rank = ranks[index] if index < len(ranks) else None
            if rank is not None and holder is not None and holder.type is EntityType.CITY:
                quantity = Quantity(
                    Decimal(rank),
                    "位",
                    year.group() if year else None,
                    name,
                    holder.span,
                    rank=rank,
                )
                yield Fact(
                    Relation.OBSERVATION, holder, quantity, ctx.sentence.span, "rule:listings-rank"
                )


def _bracketed_holders(ctx: SentenceContext) -> Iterator[Fact]:
    """``新增国家级专精特新“小巨人”企业6家（A、B等）``: a title, a count, and in brackets the
    companies that hold it (a work report's shape)."""
    text = ctx.text
    for match in BRACKETED_COMPANIES.finditer(text):
        designation = next(
            (
                m
                for m in ctx.within(0, match.start())
                if m.type is EntityType.DESIGNATION and m.span.end - ctx.base == match.start()
            ),
            None,
        )
        listed = enumeration_before(text, match.start("list"), match.end("list"), lead=False)
        if designation is None or listed is None:
            continue
        for item in listed.items:
            holder = ctx.mention_for(item, EntityType.COMPANY, "pattern:bracketed-holder")
            yield make_fact(
                ctx,
                Relation.DESIGNATION_AWARD,
                holder,
                designation,
                "rule:listings",
                ("date", date_of(ctx)),
                ("level", level_of(designation.surface)),
            )


def _counted_companies(ctx: SentenceContext, start: int, end: int) -> list[Mention]:
    """``A、B、C等5家企业`` between ``start`` and ``end``: the companies named (the count says
    the list is longer than written)."""
    counted = COMPANY_COUNT.search(ctx.text, start, end)
    if counted is None:
        return []
    enumeration = enumeration_before(ctx.text, start, counted.start())
    if enumeration is None:
        return []
    return [ctx.mention_for(i, EntityType.COMPANY, "pattern:listed") for i in enumeration.items]


def _listed_holders(ctx: SentenceContext, start: int, end: int) -> list[Mention | None]:
    """Who is on a list: places, companies or clusters named before 入选/位列 (None: the
    article's city, written 我区榜上有名)."""
    window = ctx.text[start:end]
    if re.search(COUNT_DIGITS + r"(?:家|个|项)|共有", window):
        return []
    if TIME_OR_ADVERB.sub("", window).strip("，, ") in THE_PLACE_ITSELF:
        return [None]
    if cluster := CLUSTER.search(ctx.text, start, end):
        item = cluster_name(ctx, start, cluster)
        if item is not None:
            return [cluster_mention(ctx, item, cluster, single=True)]
    named = [
        m
        for m in ctx.within(start, end)
        if m.type in (EntityType.CITY, EntityType.DISTRICT, EntityType.COMPANY)
    ]
    if named:
        return [m for m in named if not _place_of_next(m, named)]  # 遵义市汇川区: 汇川区
    enumeration = enumeration_before(ctx.text, start, start + len(TIME_OR_ADVERB.sub("", window)))
    if enumeration is None:
        return []
    return [
        ctx.mention_for(
            item,
            EntityType.DISTRICT if item.text.endswith(("区", "县")) else EntityType.COMPANY,
            "pattern:listed",
        )
        for item in enumeration.items
    ]
