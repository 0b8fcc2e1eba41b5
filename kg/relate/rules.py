"""Relation rules: one function per relation, each reading one sentence at a time.

A rule takes a ``SentenceContext`` and yields ``Fact`` records; list items it finds
(companies in ``A、B等5家企业``) become new mentions carried by its facts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kg.recognise.lexicon import Lexicon
from kg.recognise.patterns import DESIGNATION_CUES
from kg.records import Document, EntityType, Fact, Mention, Quantity, Relation, Sentence, Span
from kg.relate.lists import (
    COUNT_AFTER,
    Enumeration,
    Item,
    clauses,
    enumeration_before,
    split_conjoined,
    split_items,
)
from kg.relate.quantities import QUANTITY, find_periods, normalised_unit, parse_number

PLACE_TYPES = (EntityType.CITY, EntityType.DISTRICT, EntityType.PROVINCE)
HOLDER_TYPES = (
    *PLACE_TYPES,
    EntityType.COMPANY,
    EntityType.GOVERNMENT_BODY,
    EntityType.ORGANIZATION,
)
DESIGNATION_TRAILERS = ("榜单", "名单", "称号", "荣誉", "行列", "之一", "名录", "荣誉称号")
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
SUPPORT_CUE = re.compile(r"(?:优先|重点|倾斜)支持|优先推荐|优先安排")
SUPPORT_LEAD = re.compile(r"(?:获得|获|享受|给予|得到)")
INVEST_CUE = re.compile(r"(?:成功)?(?:引进|引入|招引|签约|签下|落户|落地|入驻)")
ISSUE_CUE = re.compile(r"印发|制定|出台|发布|颁布|编制|修订")
DATE_IN_TEXT = re.compile(r"(?:(?P<y>(?:19|20)\d\d)年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日")


@dataclass(frozen=True, slots=True)
class SentenceContext:
    document: Document
    sentence: Sentence
    mentions: tuple[Mention, ...]  # recognised mentions inside the sentence, in text order
    lexicon: Lexicon
    year_hint: str | None = None  # the last year the article named before this sentence
    period_hint: str | None = None  # the last period it named (2020-01/2020-09)
    reference: date | None = None  # the article's date, or an assumed one (see relate)

    @property
    def text(self) -> str:
        return self.sentence.normalised

    @property
    def base(self) -> int:
        return self.sentence.span.start

    def span(self, start: int, end: int) -> Span:
        return Span(self.base + start, self.base + end)

    def within(self, start: int, end: int) -> list[Mention]:
        """Recognised mentions inside [start, end) of the sentence text."""
        lo, hi = self.base + start, self.base + end
        return [m for m in self.mentions if lo <= m.span.start and m.span.end <= hi]

    def mention_for(self, item: Item, type_: EntityType, rule: str) -> Mention:
        """The mention an enumeration item stands for: a recognised one, or a new one."""
        for mention in self.within(item.start, item.end):
            if mention.span == self.span(item.start, item.end) and mention.type == type_:
                return mention
        entry = self.lexicon.lookup(item.text)
        key = None
        canonical = None
        if entry is not None and entry.type == type_:
            file = entry.source.split(".", 1)[0]
            key, canonical = f"{file}:{entry.id}", entry.label
        return Mention(self.span(item.start, item.end), item.text, type_, key, rule, canonical)


Rule = Callable[[SentenceContext], Iterator[Fact]]


def last_match(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text[start:end]``."""
    found = None
    for found in pattern.finditer(text, start, end):  # noqa: B007 - the last one is wanted
        pass
    return found


def _fact(
    ctx: SentenceContext,
    relation: Relation,
    subject: Mention | None,
    obj: Mention,
    rule: str,
    *qualifiers: tuple[str, str],
    extra: tuple[Mention, ...] = (),
) -> Fact:
    kept = tuple(q for q in qualifiers if q[1])
    return Fact(relation, subject, obj, ctx.sentence.span, rule, kept, extra)


def _place_before(ctx: SentenceContext, clause_start: int, position: int) -> Mention | None:
    """The first place named before ``position``; of 深圳市南山区, the district."""
    places = [m for m in ctx.within(clause_start, position) if m.type in PLACE_TYPES]
    if not places:
        return None
    place = places[0]
    for following in places[1:]:
        if following.span.start != place.span.end:
            break
        place = following
    return place


# ----------------------------------------------------------------------------- tiers
def industry_tiers(ctx: SentenceContext) -> Iterator[Fact]:
    """``发展A、B等5个新兴产业`` and ``打造电子信息“一号产业”``: industries in a tier."""
    text = ctx.text
    aliases = sorted(
        ((name, entry.id) for entry in ctx.lexicon.entries("tiers") for name in entry.names),
        key=lambda pair: -len(pair[0]),
    )
    for c_start, c_end in clauses(text):
        clause = text[c_start:c_end]
        taken: list[tuple[int, int]] = []
        for alias, tier in aliases:
            for match in re.finditer(re.escape(alias), clause):
                a_start, a_end = c_start + match.start(), c_start + match.end()
                if any(a_start < e and s < a_end for s, e in taken):
                    continue
                taken.append((a_start, a_end))
                if text.startswith(("集群", "产业集群", "为"), a_end):
                    continue  # clusters have their own rule; “X为支撑” states a role
                end = _list_end_before(text, c_start, a_start)
                if end is None:
                    continue
                enumeration = enumeration_before(text, c_start, end)
                if enumeration is None:
                    continue
                known = {n for e in ctx.lexicon.entries("industries") for n in e.names}
                subject = _place_before(ctx, c_start, a_start)
                declared = enumeration.count or _count_between(text, end, a_start)
                listed = Enumeration(enumeration.items, declared, enumeration.end)
                for item in split_items(listed, known):
                    if item.text.endswith(("产业", "行业")) and len(item.text) <= 4:
                        continue
                    industry = ctx.mention_for(item, EntityType.INDUSTRY, "pattern:tier-list")
                    yield _fact(
                        ctx,
                        Relation.INDUSTRY_PRIORITY,
                        subject,
                        industry,
                        "rule:industry-tiers",
                        ("tier", tier),
                        ("count", str(declared or "")),
                    )


def _count_between(text: str, start: int, end: int) -> int | None:
    """The count declared between a list and its tier word: 列为五大支柱产业 → 5."""
    match = re.search(r"(?P<n>\d+|[一二两三四五六七八九十]+)(?:个|大|类|项|条)", text[start:end])
    return int(parse_number(match["n"])) if match else None


_COUNT = r"(?:\d+|[一二两三四五六七八九十]+)(?:个|大|类|项|条)"
LIST_TO_TIER = re.compile(
    rf"(?:(?:等|列为|作为|确定为|定位为|是|为)(?:{_COUNT})?|{_COUNT})[\u4e00-\u9fff]{{0,4}}?$"
)


def _list_end_before(text: str, clause_start: int, alias_start: int) -> int | None:
    """Where the list before a tier word ends: at ``等N个…``, ``列为五大…`` or the quote
    before it."""
    window = text[clause_start:alias_start]
    if match := LIST_TO_TIER.search(window.rstrip('“”"「」')):
        return clause_start + match.start()
    stripped = window.rstrip('“”"「」')
    if stripped and stripped[-1] not in "等个" and len(stripped) < len(window):
        return clause_start + len(stripped)
    if match := re.search(
        r"是[\u4e00-\u9fff]{0,12}?的?$", window
    ):  # 家电是佛山最具竞争力的优势产业
        return clause_start + match.start()
    return None


# ----------------------------------------------------------------------------- clusters
CLUSTER = re.compile(
    r"(?P<count>等?(?P<n>\d+|[一二两三四五六七八九十]+)个)?(?P<adj>[\u4e00-\u9fff]{0,12}?)(?:产业)?集群"
)
CLUSTER_NOT = re.compile(
    r"(?:先进制造业|特色产业|产业|制造业)$|的|是|入选|成为|获|^[年级亿万千百]"
    r"|^(?:入选|该|这些|这个|各|相关|重点|示范|培育|首个|一批|其他|国家级|省级|战略性新兴)"
    r"|^(?:这|上述)?[两二三四五六七八九十\d]+(?:大|个)$"
)
CLUSTER_PRONOUN = re.compile(r"^(?:这|上述)?(?P<n>[两二三四五六七八九十\d]+)(?:大|个)$")
LIST_BEFORE_COUNT = re.compile(r"(?:作为|列为|等)(?:[两二三四五六七八九十\d]+)(?:大|个)")


def clusters(ctx: SentenceContext) -> Iterator[Fact]:
    """``形成A、B等6个千亿级主导产业集群`` and ``生物医药产业集群突破百亿``."""
    text = ctx.text
    for c_start, c_end in clauses(text):
        for match in CLUSTER.finditer(text, c_start, c_end):
            subject = _place_before(ctx, c_start, match.start())
            pronoun = False
            if match["count"]:
                enumeration = enumeration_before(text, c_start, match.start())
                if enumeration is None:
                    continue
                items, count = enumeration.items, str(enumeration.count or "")
            elif pronoun := bool(CLUSTER_PRONOUN.match(match["adj"])):
                items, count = _listed_before(ctx, match.start()), ""  # 两大产业集群: the two above
            else:
                item = _cluster_name(ctx, c_start, match)
                items, count = ((item,) if item else ()), ""
            tier = _tier_in(ctx.lexicon, match["adj"] + "产业")
            for item in items:
                cluster = _cluster_mention(ctx, item, match, single=not (match["count"] or pronoun))
                industry = ctx.mention_for(item, EntityType.INDUSTRY, "pattern:cluster-industry")
                yield _fact(
                    ctx,
                    Relation.CLUSTER_PRESENCE,
                    subject,
                    cluster,
                    "rule:clusters",
                    ("count", count),
                    extra=(industry,),
                )
                size = _cluster_size(ctx, item, match, cluster)
                if size is not None:
                    yield size
                if tier is not None:
                    yield _fact(
                        ctx,
                        Relation.INDUSTRY_PRIORITY,
                        subject,
                        industry,
                        "rule:clusters-tier",
                        ("tier", tier),
                        ("count", count),
                    )


def _tier_in(lexicon: Lexicon, phrase: str) -> str | None:
    """The tier a phrase ends with: 千亿级主导产业 → pillar."""
    names = sorted(
        ((n, e.id) for e in lexicon.entries("tiers") for n in e.names),
        key=lambda pair: -len(pair[0]),
    )
    return next((tier for name, tier in names if phrase.endswith(name)), None)


def _listed_before(ctx: SentenceContext, end: int) -> tuple[Item, ...]:
    """The items of the last ``A和B作为两大…`` list before ``end`` in the sentence."""
    last = last_match(LIST_BEFORE_COUNT, ctx.text, 0, end)
    if last is None:
        return ()
    clause_start = max((s for s, e in clauses(ctx.text) if s <= last.start()), default=0)
    enumeration = enumeration_before(ctx.text, clause_start, last.start())
    if enumeration is None:
        return ()
    known = {n for e in ctx.lexicon.entries("industries") for n in e.names}
    return tuple(i for raw in enumeration.items for i in split_conjoined(raw, known))


def _cluster_mention(
    ctx: SentenceContext, item: Item, match: re.Match[str], *, single: bool
) -> Mention:
    """A single cluster is named as written, place included (苏州工业园区生物医药产业集群); an item
    of a list (5500亿电子信息、…等6个产业集群) by its industry + 产业集群."""
    if single:
        start = item.start
        for mention in ctx.within(0, item.start):
            if mention.type in PLACE_TYPES and mention.span.end - ctx.base == item.start:
                start = mention.span.start - ctx.base
        surface = ctx.text[start : match.end()]
        return Mention(
            ctx.span(start, match.end()),
            surface,
            EntityType.INDUSTRY_CLUSTER,
            f"cluster:{item.text}",
            "pattern:cluster",
        )
    return Mention(
        ctx.span(item.start, item.end),
        item.text,
        EntityType.INDUSTRY_CLUSTER,
        f"cluster:{item.text}",
        "pattern:cluster-list",
        canonical=f"{item.text}产业集群",
    )


def _cluster_name(ctx: SentenceContext, c_start: int, match: re.Match[str]) -> Item | None:
    """The industry a single cluster is named after: 东莞新一代电子信息产业集群 → 新一代电子信息."""
    start, end = match.start("adj"), match.end("adj")
    for mention in ctx.within(c_start, end):
        if mention.type in PLACE_TYPES and mention.span.end - ctx.base <= end:
            start = max(start, mention.span.end - ctx.base)  # 东莞 is where, not what
    head = ctx.text[start:end]
    head = head[head.rfind("的") + 1 :]  # 两市联合申报的成德高端能源装备集群
    head = re.sub(r"^(?:[年月日度]|此外|其中|同时|目前|全市|我市|该市|首个|一批)+", "", head)
    start = end - len(head)
    head = re.sub(r"(?:千亿|百亿|万亿|五千亿)级$|级$", "", head)
    if (
        len(head) < 2
        or CLUSTER_NOT.search(head)
        or not match.group().endswith("产业集群")
        and (ctx.text[match.end() : match.end() + 2] in ("名单", "称号"))
    ):
        return None
    return Item(start, start + len(head), head)


SIZE_AFTER = re.compile(
    r"(?:规模)?(?:均|都)?(?:已|已经)?(?P<approx>突破|超过|超|达到|达|近)"
    r"(?P<q>\d+(?:\.\d+)?(?:万亿|亿)元?|[百千万]亿元?)(?:[,，](?:达到|达)(?P<exact>\d+(?:\.\d+)?(?:万亿|亿)元?))?"
)


def _cluster_size(
    ctx: SentenceContext, item: Item, match: re.Match[str], cluster: Mention
) -> Fact | None:
    """The size written before a listed cluster (5500亿电子信息) or after a named one
    (…产业集群规模突破3000亿元，达到3126亿元), as an observation of the cluster."""
    approximation = None
    if item.size:
        written, end = item.size, item.start
    elif after := SIZE_AFTER.match(ctx.text, match.end()):
        if after["exact"]:
            written, end = after["exact"], after.end("exact")
        else:
            written, end = after["q"], after.end("q")
            approximation = None if after["approx"] in ("达到", "达") else after["approx"]
    else:
        return None
    if written[0] in "百千万":
        written = "一" + written  # 百亿 alone is one 百亿
    quantity = QUANTITY.fullmatch(written)
    if quantity is None:
        return None
    periods = [
        p for p in find_periods(ctx.text[:end], ctx.reference, ctx.year_hint) if not p.is_base
    ]
    name = cluster.canonical or cluster.surface
    value = Quantity(
        parse_number(quantity["num"]),
        normalised_unit(quantity["mag"], quantity["unit"]),
        periods[-1].period if periods else None,
        name if name.endswith("规模") else f"{name}规模",
        ctx.span(end - len(written), end),
        approximation,
    )
    return Fact(Relation.OBSERVATION, cluster, value, ctx.sentence.span, "rule:cluster-size")


# ----------------------------------------------------------------------------- designations
def designations(ctx: SentenceContext) -> Iterator[Fact]:
    """``X获评工信部“D”``, ``A、B等15家企业获评D``, ``A、B荣列《D》榜单``."""
    text = ctx.text
    cue_pattern = re.compile("|".join(sorted(DESIGNATION_CUES, key=len, reverse=True)))
    for c_start, c_end in clauses(text):
        cue = cue_pattern.search(text, c_start, c_end)
        if cue is None:
            continue
        designation = _designation_after(ctx, cue.end(), c_end)
        if designation is None:
            continue
        holders = _holders_before(ctx, c_start, cue.start())
        count = COUNT_AFTER.search(text, c_start, cue.start()) or HOLDER_COUNT.search(
            text, c_start, cue.start()
        )
        if count is not None:
            yield _count_of_holders(ctx, designation, count)
        if holders is None:
            continue
        by = next(
            (
                m
                for m in ctx.within(c_start, c_end)
                if m.type in (EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION)
                and m.span.end <= designation.span.start
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
        level = _level(designation.surface)
        receivers: list[Mention | None] = list(holders) or [None]  # None: the article's city
        for holder in receivers:
            yield _fact(
                ctx,
                Relation.DESIGNATION_AWARD,
                holder,
                designation,
                "rule:designations",
                ("date", _date_of(ctx)),
                ("level", level),
                ("count", str(int(parse_number(count["n"]))) if count else ""),
                extra=(by,) if by else (),
            )


HOLDER_COUNT = re.compile(r"(?P<n>\d+)(?P<unit>家|个|项|所|座)(?:企业)?")


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
    if (index := phrase.rfind("的")) >= 0 and len(phrase) - index > 4:
        phrase_start, phrase = phrase_start + index + 1, phrase[index + 1 :]
    if match := re.match(r"(?:(?:19|20)\d\d年度?|为)", phrase):
        phrase_start, phrase = phrase_start + match.end(), phrase[match.end() :]
    for trailer in DESIGNATION_TRAILERS:
        if phrase.endswith(trailer) and len(phrase) > len(trailer) + 2:
            phrase = phrase[: -len(trailer)]
    phrase = phrase.strip('“”"《》')
    if not (4 <= len(phrase) <= 30) or not phrase.endswith(DESIGNATION_HEADS):
        return None
    if re.search(r"首个|首家|第一个|唯一|之一|重要|最大|主力|典型|缩影|关键", phrase):
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


TIME_OR_ADVERB = re.compile(
    r"(?:于|在)?(?:(?:19|20)\d\d年)?(?:\d{1,2}月)?(?:\d{1,2}日)?"
    r"(?:正式|已经|已|先后|均|还|也|成功|再次|首次|此前|近日|日前|凭借[^,，]*)*$"
)


def _holders_before(ctx: SentenceContext, c_start: int, cue_start: int) -> list[Mention] | None:
    """Who received it: named holders, [] for the article's city, None when unnamed (15家入选).

    Whoever stands after 被 is the awarder, not a holder (被世界经济论坛评为).
    """
    window = ctx.text[c_start:cue_start]
    if (passive := window.find("被")) >= 0:
        cue_start, window = c_start + passive, window[:passive]
    window_end = c_start + len(TIME_OR_ADVERB.sub("", window))
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
    if known and first == c_start:
        return [m for m in known if m.type != EntityType.GOVERNMENT_BODY] or known
    if "等" in window or "、" in window:
        end = c_start + window.find("等") if "等" in window else window_end
        enumeration = enumeration_before(ctx.text, c_start, end)
        if enumeration is not None:
            known_names = {n for e in ctx.lexicon.entries("company_suffixes") for n in e.names}
            return [
                ctx.mention_for(i, EntityType.COMPANY, "pattern:holder-list")
                for raw in enumeration.items
                for i in split_conjoined(raw, known_names)
            ]
    if re.search(r"\d+(?:家|个|项)", window):
        return None  # 15家入选…: holders the text does not name
    # a name at the start of the clause, up to a place in it (三一重工长沙18号工厂 → 三一重工)
    name_end = first if first is not None else window_end
    name = ctx.text[c_start:name_end]
    if not name.strip():
        return [m for m in known if m.type != EntityType.GOVERNMENT_BODY] if known else []
    if re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9]{2,12}", name) and not name.startswith(
        ("我", "全", "该", "其中", "此外", "同时", "企业")
    ):
        item = Item(c_start, name_end, name)
        return [ctx.mention_for(item, EntityType.COMPANY, "pattern:holder")]
    return None


def _level(name: str) -> str:
    if name.startswith(("国家", "全国", "中国")):
        return "national"
    if name.startswith(("省", "全省")) or re.match(r"[\u4e00-\u9fff]{2,3}省", name):
        return "provincial"
    if name.startswith(("市级", "市")):
        return "municipal"
    return ""


def _date_of(ctx: SentenceContext) -> str:
    match = DATE_IN_TEXT.search(ctx.text)
    published = ctx.reference
    if match is None:
        periods = [p for p in find_periods(ctx.text, published, ctx.year_hint) if not p.is_base]
        return periods[0].period if periods and "/" not in periods[0].period else ""
    year = match["y"] or (str(published.year) if published else None)
    if year is None:
        return ""
    return f"{year}-{int(match['m']):02d}-{int(match['d']):02d}"


# ----------------------------------------------------------------------------- support
SUPPORT_INCLUSION = re.compile(
    r"优先(?:纳入|列入|推荐|支持申报)(?P<x>[\u4e00-\u9fff]{4,30}?)(?:创建|申报|建设)?"
    r"(?:范围|名单|计划|试点)"
)


def priority_support(ctx: SentenceContext) -> Iterator[Fact]:
    """``获A、B和C优先支持`` and ``在A、B等方面获得优先支持``: programmes supporting the city."""
    text = ctx.text
    for cue in SUPPORT_CUE.finditer(text):
        lead = last_match(SUPPORT_LEAD, text, 0, cue.start())
        if lead is None:
            continue
        start, end = lead.end(), cue.start()
        if inner := re.search(
            r"在(?P<list>.+?)(?:等方面|方面|等领域|安排上|上)$", text[: lead.start()]
        ):
            start, end = inner.start("list"), inner.end("list")
        enumeration = enumeration_before(text, start, end, max_item=48)
        if enumeration is None:
            continue
        subject = _place_before(ctx, 0, start)
        known = {n for e in ctx.lexicon.entries("programmes") for n in e.names}
        for raw in enumeration.items:
            for item in split_conjoined(raw, known):
                if len(item.text) > 24:
                    continue
                item = _without_quantifier(item)
                programme = ctx.mention_for(item, EntityType.PROGRAMME, "pattern:support-list")
                yield _fact(
                    ctx, Relation.PRIORITY_SUPPORT, subject, programme, "rule:priority-support"
                )
    for match in SUPPORT_INCLUSION.finditer(text):
        item = Item(match.start("x"), match.end("x"), match["x"])
        programme = ctx.mention_for(item, EntityType.PROGRAMME, "pattern:support-inclusion")
        yield _fact(
            ctx,
            Relation.PRIORITY_SUPPORT,
            _place_before(ctx, 0, match.start()),
            programme,
            "rule:priority-support",
        )


def _without_quantifier(item: Item) -> Item:
    match = re.match(r"(?:多个|多项|各类|相关|一批|部分)+", item.text)
    if match is None or len(item.text) - match.end() < 2:
        return item
    return Item(item.start + match.end(), item.end, item.text[match.end() :], item.size)


# ----------------------------------------------------------------------------- investments
PROJECT_STARTED = re.compile(r"项目[\u4e00-\u9fff]{0,4}(?:开工|动工|签约|落地|落户|投产|开建|竣工)")


def investments(ctx: SentenceContext) -> Iterator[Fact]:
    """``引进A、B等亿元以上项目217个``, ``A、B等企业的增资扩产项目相继动工`` and ``X有限公司
    …项目开工建设``: companies that brought projects in. The sentence must speak of
    investment; the clause names the projects."""
    text = ctx.text
    if not INVEST_CUE.search(text) and not re.search(r"投资|开工|动工|投产|增资", text):
        return
    for c_start, c_end in clauses(text):
        if "项目" not in text[c_start:c_end]:
            continue
        yield from _listed_investors(ctx, c_start, c_end)
        yield from _single_investor(ctx, c_start, c_end)


def _listed_investors(ctx: SentenceContext, c_start: int, c_end: int) -> Iterator[Fact]:
    text = ctx.text
    cue = INVEST_CUE.search(text, c_start, c_end)
    stop = text.find("等", c_start, c_end)
    if stop < 0:
        return
    # the list follows the cue (引进A、B等…), or precedes it (A、B等项目相继签约)
    list_start = cue.end() if cue is not None and cue.start() < stop else c_start
    if cue is None and not text.startswith(("企业", "公司", "集团"), stop + 1):
        return
    enumeration = enumeration_before(text, list_start, stop, max_item=40)
    if enumeration is None:
        return
    count = re.search(r"项目(?P<n>\d+)个|(?P<m>\d+)个[\u4e00-\u9fff]{0,8}项目", text[stop:c_end])
    number = (count["n"] or count["m"]) if count else ""
    subject = _place_before(ctx, c_start, list_start)
    for raw in enumeration.items:
        item = _company_of_project(ctx, raw)
        if item is not None:
            company = ctx.mention_for(item, EntityType.COMPANY, "pattern:investor-list")
            yield _fact(
                ctx, Relation.INVESTMENT, subject, company, "rule:investments", ("count", number)
            )


def _single_investor(ctx: SentenceContext, c_start: int, c_end: int) -> Iterator[Fact]:
    """A clause that opens with a company and ends with its project starting."""
    if "等" in ctx.text[c_start:c_end] or not PROJECT_STARTED.search(ctx.text, c_start, c_end):
        return
    first = next(iter(ctx.within(c_start, c_end)), None)
    if (
        first is not None
        and first.type is EntityType.COMPANY
        and first.span.start - ctx.base == c_start
    ):
        yield _fact(ctx, Relation.INVESTMENT, None, first, "rule:investments")


PROJECT_DESCRIPTION = re.compile(
    r"(?:年产|第\d|\d|[一二三四]期|新建|扩建|改扩建|生产线|研发|智能|高效|柔性|服务器|整机|基地|"
    r"产业园|项目)"
)


def _company_of_project(ctx: SentenceContext, item: Item) -> Item | None:
    """The company an item names: ``天马微电子第6代柔性显示模组项目`` → 天马微电子."""
    for mention in ctx.within(item.start, item.end):
        if mention.type is EntityType.COMPANY and mention.span.start - ctx.base == item.start:
            return Item(item.start, mention.span.end - ctx.base, mention.surface)
    match = PROJECT_DESCRIPTION.search(item.text, 2)
    text = item.text[: match.start()] if match else item.text
    if not 2 <= len(text) <= 12:
        return None
    return Item(item.start, item.start + len(text), text)


# ----------------------------------------------------------------------------- policies
IMPLEMENT_CUE = re.compile(r"实施|落实|贯彻|执行|推进|按照|根据|依据")


def policies(ctx: SentenceContext) -> Iterator[Fact]:
    """Policy documents the city issued: a policy name after 印发/制定/出台 in the sentence, or
    after 落实/贯彻 when the title names the city itself (落实《佛山市…若干措施》)."""
    text = ctx.text
    city_names = _city_names(ctx)
    for mention in ctx.mentions:
        if mention.type != EntityType.POLICY:
            continue
        start = mention.span.start - ctx.base
        issued = ISSUE_CUE.search(text, 0, start)
        implemented = IMPLEMENT_CUE.search(text, 0, start) and mention.surface.startswith(
            city_names
        )
        if not issued and not implemented:
            continue
        subject = _place_before(ctx, 0, start)
        yield _fact(ctx, Relation.POLICY_ISSUANCE, subject, mention, "rule:policies")


def _city_names(ctx: SentenceContext) -> tuple[str, ...]:
    names = {"我市", "本市", "全市"}
    for mention in ctx.mentions:
        if mention.type in (EntityType.CITY, EntityType.DISTRICT):
            names |= {mention.surface, mention.canonical or mention.surface}
    return tuple(names)


COMPANY_LIST_HEAD = re.compile(
    r"等(?:\d+家)?(?:上下游|龙头|重点|骨干|知名|配套|链主|头部)?(?:企业|公司)"
)


def company_presence(ctx: SentenceContext) -> Iterator[Fact]:
    """``集聚京东方、维信诺、彩虹光电等上下游企业120余家``: companies the city has."""
    text = ctx.text
    for c_start, c_end in clauses(text):
        head = COMPANY_LIST_HEAD.search(text, c_start, c_end)
        if head is None or re.search(
            "|".join(DESIGNATION_CUES) + r"|签约|引进|项目", text[c_start:c_end]
        ):
            continue  # designations and investments have their own rules
        enumeration = enumeration_before(text, c_start, head.start())
        if enumeration is None:
            continue
        subject = _place_before(ctx, c_start, head.start())
        for item in enumeration.items:
            if ctx.lexicon.lookup(item.text) is not None:
                continue  # an industry or a place, not a company
            company = ctx.mention_for(item, EntityType.COMPANY, "pattern:company-list")
            yield _fact(ctx, Relation.COMPANY_PRESENCE, subject, company, "rule:company-presence")


LISTING = re.compile(
    r"(?:公布|发布|公示|揭晓|评选出?)(?:了)?的?(?P<d>[^,，。;；]{3,40})"
    r"(?:名单|榜单|排行榜|评价结果|结果)(?:中|上)?[,，]"
)
LISTED = re.compile(r"榜上有名|成功入选|入选|上榜|位列|分列|名列|分别位列|居|排名")


def listings(ctx: SentenceContext) -> Iterator[Fact]:
    """``在赛迪顾问发布的2020年全国工业百强区榜单中，顺德区、南海区分列第1位和第2位``: a list
    or ranking published by a body, and who is on it (with their ranks)."""
    text = ctx.text
    for listing in LISTING.finditer(text):
        clause_end = next((e for s, e in clauses(text) if s >= listing.end()), len(text))
        cue = LISTED.search(text, listing.end(), clause_end)
        if cue is None:
            continue
        holders = _listed_holders(ctx, listing.end(), cue.start())
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
        ranks = [int(r) for r in re.findall(r"第(\d+)(?:位|名)", text[cue.start() : clause_end])]
        for index, holder in enumerate(holders):
            yield _fact(
                ctx,
                Relation.DESIGNATION_AWARD,
                holder,
                designation,
                "rule:listings",
                ("date", year.group() if year else _date_of(ctx)),
                ("level", _level(name)),
                extra=tuple(by[:1]),
            )
            if index < len(ranks) and holder.type is EntityType.CITY:
                rank = Decimal(ranks[index])
                quantity = Quantity(
                    rank, "位", year.group() if year else None, name, holder.span, rank=ranks[index]
                )
                yield Fact(
                    Relation.OBSERVATION, holder, quantity, ctx.sentence.span, "rule:listings-rank"
                )


def _listed_holders(ctx: SentenceContext, start: int, end: int) -> list[Mention]:
    """Who is on a list: places, companies or clusters named before 入选/位列."""
    window = ctx.text[start:end]
    if re.search(r"\d+(?:家|个|项)|共有", window):
        return []
    if cluster := CLUSTER.search(ctx.text, start, end):
        item = _cluster_name(ctx, start, cluster)
        if item is not None:
            return [_cluster_mention(ctx, item, cluster, single=True)]
    named = [
        m
        for m in ctx.within(start, end)
        if m.type in (EntityType.CITY, EntityType.DISTRICT, EntityType.COMPANY)
    ]
    if named:
        return named
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


RULES: dict[str, Rule] = {
    "industry-tiers": industry_tiers,
    "clusters": clusters,
    "designations": designations,
    "priority-support": priority_support,
    "investments": investments,
    "policies": policies,
    "company-presence": company_presence,
    "listings": listings,
}
