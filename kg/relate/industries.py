"""Rules about industries: tiers a city gives them, and its industrial clusters."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.recognise.lexicon import Lexicon, LexiconEntry
from kg.records import EntityType, Fact, Mention, Quantity, Relation
from kg.relate.context import (
    BULLETS,
    PLACE_TYPES,
    SentenceContext,
    last_match,
    make_fact,
    place_before,
)
from kg.relate.lists import (
    LEAD_CUES,
    Enumeration,
    Item,
    clauses,
    enumeration_before,
    split_conjoined,
    split_items,
)
from kg.relate.quantities import (
    COUNT_DIGITS,
    QUANTITY,
    find_periods,
    normalised_unit,
    parse_number,
)


# ----------------------------------------------------------------------------- tiers
def industry_tiers(ctx: SentenceContext) -> Iterator[Fact]:
    """``发展A、B等5个新兴产业`` and ``打造电子信息“一号产业”``: industries in a tier."""
    text = ctx.text
    tier_word = ctx.lexicon.finder("tiers")
    if tier_word.search(text) is None:
        return
    aliases = ctx.lexicon.longest_first("tiers")
    yield from _tier_heading(ctx, aliases)
    for c_start, c_end in clauses(text):
        if tier_word.search(text, c_start, c_end) is None:
            continue
        clause = text[c_start:c_end]
        taken: list[tuple[int, int]] = []
        for alias, entry in [(alias, entry) for alias, entry in aliases if alias in clause]:
            tier = entry.id
            for found in _occurrences(alias, clause):
                a_start, a_end = c_start + found, c_start + found + len(alias)
                if any(a_start < e and s < a_end for s, e in taken):
                    continue
                taken.append((a_start, a_end))
                not_a_tier = text.startswith(NOT_A_TIER_AFTER, a_end) and not (
                    text.startswith("为", a_end) and COUNTED_TIER.search(text, c_start, a_start)
                )
                if not_a_tier or "被" in text[c_start:a_start]:
                    continue  # clusters have their own rule; “X为支撑” states a role, unless
                    # a counted list comes before (以A、B三大新兴产业为支撑); a tier word inside
                    # a title (被…确定为…战略性新兴产业集群发展工程) is no tier
                end = _list_end_before(text, c_start, a_start)
                if end is None:
                    continue
                enumeration = enumeration_before(text, c_start, end)
                if enumeration is None:
                    continue
                known = ctx.lexicon.names("industries")
                subject = place_before(ctx, c_start, a_start)
                declared = enumeration.count or _count_between(text, end, a_start)
                listed = Enumeration(enumeration.items, declared, enumeration.end)
                for item in split_items(listed, known):
                    if (
                        item.text.endswith(("产业", "行业"))
                        and len(item.text) <= 4
                        and item.text[:-2] not in known
                    ):
                        continue  # 新兴产业, 优势产业: a tier word, not an industry
                    if any(
                        m.type is EntityType.GOVERNMENT_BODY
                        for m in ctx.within(item.start, item.end)
                    ):
                        continue
                    industry = ctx.mention_for(item, EntityType.INDUSTRY, "pattern:tier-list")
                    yield make_fact(
                        ctx,
                        Relation.INDUSTRY_PRIORITY,
                        subject,
                        industry,
                        "rule:industry-tiers",
                        ("tier", tier),
                        ("count", str(declared or "")),
                    )


#: 一号产业：汽车零部件 / 主导产业：A、B / ◆ 2个主导产业：A、B: a table of tiers written as
#: lines, a bullet and a count allowed before the tier
TIER_HEADING = re.compile(
    rf"\s*(?:[{BULLETS}]\s*)?"
    r"(?:(?P<count>\d{1,2}|[一二两三四五六七八九十])[个大类]\s*)?"
    r"(?P<tier>[\u4e00-\u9fff]{2,8})[：:]\s*(?P<list>[^。；;：:]+?)[。；;]?\s*$"
)


def _tier_heading(
    ctx: SentenceContext, aliases: tuple[tuple[str, LexiconEntry], ...]
) -> Iterator[Fact]:
    """A sentence that is a tier word, a colon and a list of industries: the article's city
    gives them that tier. Each item is a short name (no figures, no clause)."""
    heading = TIER_HEADING.match(ctx.text)
    if heading is None:
        return
    tier = next((entry.id for alias, entry in aliases if alias == heading["tier"]), None)
    if tier is None:
        return
    start, end = heading.span("list")
    verb = next((c for c in LEAD_CUES if len(c) >= 2 and ctx.text.startswith(c, start)), "")
    start += len(verb)  # 未来产业：前瞻布局氢能、合成生物
    enumeration = enumeration_before(ctx.text, start, end, lead=False)
    if enumeration is None or any(
        len(item.text) > 12 or re.search(r"[\d，,]", item.text) for item in enumeration.items
    ):
        return
    known = ctx.lexicon.names("industries")
    for item in split_items(enumeration, known):
        industry = ctx.mention_for(item, EntityType.INDUSTRY, "pattern:tier-heading")
        yield make_fact(
            ctx,
            Relation.INDUSTRY_PRIORITY,
            None,
            industry,
            "rule:industry-tiers",
            ("tier", tier),
            ("count", str(parse_number(heading["count"])) if heading["count"] else ""),
        )


def _occurrences(word: str, text: str) -> Iterator[int]:
    """Where ``word`` starts in ``text``, left to right, occurrences not overlapping (as
    ``re.finditer(re.escape(word), text)`` finds them, without compiling a pattern)."""
    found = text.find(word)
    while found >= 0:
        yield found
        found = text.find(word, found + len(word))


def _count_between(text: str, start: int, end: int) -> int | None:
    """The count declared between a list and its tier word: 列为五大支柱产业 → 5."""
    match = re.search(
        rf"(?P<n>{COUNT_DIGITS}|[一二两三四五六七八九十]+)(?:个|大|类|项|条)", text[start:end]
    )
    return int(parse_number(match["n"])) if match else None


_COUNT = rf"(?:{COUNT_DIGITS}|[一二两三四五六七八九十]+)(?:个|大|类|项|条)"
LIST_TO_TIER = re.compile(
    rf"(?:(?:等|列为|作为|确定为|定位为|是[\u4e00-\u9fff]{{0,8}}?的|是|为)(?:{_COUNT})?|{_COUNT})"
    r"(?:[“”\"「」]?[\u4e00-\u9fff]){0,4}?[“”\"「」]?$"  # 为“四辅”支柱产业: quotes between
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
    rf"(?P<count>等(?:(?:{COUNT_DIGITS}|[一二两三四五六七八九十]+)个)?"
    rf"|(?:{COUNT_DIGITS}|[一二两三四五六七八九十]+)个|(?<=[\u4e00-\u9fff])[两二三四五六七八九十]大)?"
    r"(?P<adj>(?:(?!等|[两二三四五六七八九十]个|(?<=[\u4e00-\u9fff])[两二三四五六七八九十]大)"
    r"[\u4e00-\u9fff]){0,12}?)(?:产业)?集群"
)
#: 以A、B三大战略性新兴产业为支撑: a list's count right before its tier word
COUNTED_TIER = re.compile(r"、[^、，,]+(?:\d{1,2}|[一二两三四五六七八九十])[个大]$")
NOT_A_TIER_AFTER = ("集群", "产业集群", "为", "发展工程", "名单", "称号", "试点", "示范", "工程")
CLUSTER_NOT = re.compile(
    r"(?:先进制造业|特色产业|特色|产业|制造业)$|的|是|入选|成为|获|为|被|确定|^[年级亿万千百个]"
    r"|^(?:入选|该|这些|这个|各|相关|重点|示范|培育|首个|一批|其他|国家级|省级|战略性新兴)"
    r"|^(?:这|上述)?[两二三四五六七八九十\d]+(?:大|个)$"
    r"|列入|纳入|^入|第[一二三四五六七八九十\d]+批|首批"  # 被…列入第一批…集群: a title, not a name
    r"|^在"  # 在全省县域特色产业集群中排名第五: the scope of a rank
    r"|^(?:支持|给予|分别)"  # 支持产业集群发展, 分别给予集群运营主体…: a policy's measures
)
CLUSTER_VERB = re.compile(r"把|将|推进|推动|加快|打造|壮大|培育|发展|支持|给予")
CLUSTER_PRONOUN = re.compile(r"^(?:这|上述)?(?P<n>[两二三四五六七八九十\d]+)(?:大|个)$")
LIST_BEFORE_COUNT = re.compile(r"(?:作为|列为|等)(?:[两二三四五六七八九十\d]+)(?:大|个)")


def clusters(ctx: SentenceContext) -> Iterator[Fact]:
    """``形成A、B等6个千亿级主导产业集群`` and ``生物医药产业集群突破百亿``."""
    text = ctx.text
    if "集群" not in text:
        return  # every CLUSTER match ends with it; most sentences are spared the search
    titles = [
        (m.span.start - ctx.base, m.span.end - ctx.base)
        for m in ctx.mentions
        if m.type is EntityType.POLICY
    ]
    for c_start, c_end in clauses(text):
        for match in CLUSTER.finditer(text, c_start, c_end):
            if any(start <= match.start() < end for start, end in titles):
                continue  # 《…加快推进汽车产业集群高质量发展若干政策》 names no cluster
            subject = place_before(ctx, c_start, match.start())
            pronoun = False
            if match["count"]:
                enumeration = enumeration_before(text, c_start, match.start())
                if enumeration is None:
                    continue
                items, count = enumeration.items, str(enumeration.count or "")
            elif pronoun := bool(CLUSTER_PRONOUN.match(match["adj"])):
                items, count = _listed_before(ctx, match.start()), ""  # 两大产业集群: the two above
            else:
                item = cluster_name(ctx, c_start, match)
                items, count = ((item,) if item else ()), ""
            tier = tier_in(ctx.lexicon, match["adj"] + "产业")
            for item in items:
                cluster = cluster_mention(ctx, item, match, single=not (match["count"] or pronoun))
                industry = ctx.mention_for(item, EntityType.INDUSTRY, "pattern:cluster-industry")
                yield make_fact(
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
                    yield make_fact(
                        ctx,
                        Relation.INDUSTRY_PRIORITY,
                        subject,
                        industry,
                        "rule:clusters-tier",
                        ("tier", tier),
                        ("count", count),
                    )


def tier_in(lexicon: Lexicon, phrase: str) -> str | None:
    """The tier a phrase ends with: 千亿级主导产业 → pillar."""
    tiers = lexicon.longest_first("tiers")
    return next((entry.id for name, entry in tiers if phrase.endswith(name)), None)


def _listed_before(ctx: SentenceContext, end: int) -> tuple[Item, ...]:
    """The items of the last ``A和B作为两大…`` list before ``end`` in the sentence."""
    last = last_match(LIST_BEFORE_COUNT, ctx.text, 0, end)
    if last is None:
        return ()
    clause_start = max((s for s, e in clauses(ctx.text) if s <= last.start()), default=0)
    enumeration = enumeration_before(ctx.text, clause_start, last.start())
    if enumeration is None:
        return ()
    known = ctx.lexicon.names("industries")
    return tuple(i for raw in enumeration.items for i in split_conjoined(raw, known))


def cluster_mention(
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


def cluster_name(ctx: SentenceContext, c_start: int, match: re.Match[str]) -> Item | None:
    """The industry a single cluster is named after: 东莞新一代电子信息产业集群 → 新一代电子信息."""
    start, end = match.start("adj"), match.end("adj")
    for mention in ctx.within(c_start, end):
        if mention.type in PLACE_TYPES and mention.span.end - ctx.base <= end:
            start = max(start, mention.span.end - ctx.base)  # 东莞 is where, not what
    head = ctx.text[start:end]
    head = head[head.rfind("的") + 1 :]  # 两市联合申报的成德高端能源装备集群
    head = re.sub(
        r"^(?:[年月日度]|此外|其中|同时|目前|全市|我市|该市|首个|一批|去年|今年|前年|上年|当年)+",
        "",
        head,
    )
    if verb := last_match(CLUSTER_VERB, head, 0, len(head) - 2):
        head = head[verb.end() :]  # 我们将把汽车产业集群打造成… → 汽车
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
