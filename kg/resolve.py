"""Resolve mentions to entities: one entity per thing within an article, keys stable across
articles (恒达 = 恒达电子, 工信部 = 工业和信息化部, 郑州 = 郑州市, 市工信局 = 郑州市工信局)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from kg.recognise.lexicon import Lexicon
from kg.recognise.overlaps import OverlapPolicy, longest_first
from kg.records import Document, Entity, EntityType, Fact, Mention, Span
from kg.segment import normalise

#: Places are real mentions even inside a longer name (河南 in 河南省质量标杆, 晋江市 in
#: 晋江市工业和信息化局).
_NESTABLE = (EntityType.CITY, EntityType.DISTRICT, EntityType.PROVINCE)
_NAMES_WITH_PLACES = (EntityType.COMPANY, EntityType.ORGANIZATION)
_AREAS = (EntityType.CITY, EntityType.DISTRICT)
_QUOTES = re.compile(r"[“”\"'‘’《》「」『』]")


def fact_mentions(facts: Iterable[Fact]) -> list[Mention]:
    """Mentions that facts carry (list items found by relation rules included)."""
    found: list[Mention] = []
    for fact in facts:
        if fact.subject is not None:
            found.append(fact.subject)
        if isinstance(fact.object, Mention):
            found.append(fact.object)
        found.extend(fact.extra)
    return found


def settle(
    mentions: Iterable[Mention], facts: Iterable[Fact], *, overlaps: OverlapPolicy = longest_first
) -> tuple[Mention, ...]:
    """All mentions of the article: those facts use always stay; others only where they
    overlap none of them (so 新能源 inside 华拓新能源 goes)."""
    used = list(dict.fromkeys(fact_mentions(facts)))
    used_spans = {(m.span.start, m.span.end) for m in used}
    covered = {i for s, e in used_spans for i in range(s, e)}  # offsets a used mention spans
    empty = [s for s, e in used_spans if s == e]
    # 河南 in 河南省质量标杆 is a mention of the province; 陕西 in 陕西法士特齿轮有限责任公司 is not
    names = {(m.span.start, m.span.end) for m in [*used, *mentions] if m.type in _NAMES_WITH_PLACES}
    places = [
        m
        for m in mentions
        if m.type in _NESTABLE
        and not any(
            s <= m.span.start and m.span.end <= e and (s, e) != (m.span.start, m.span.end)
            for s, e in names
        )
    ]
    rest = [
        m
        for m in mentions
        if m.type not in _NESTABLE and not _overlaps_any(m.span, used_spans, covered, empty)
    ]
    kept = {*used, *overlaps(rest), *overlaps(places)}
    return tuple(sorted(kept, key=lambda m: (m.span.start, m.span.end, m.type, m.rule)))


def _overlaps_any(
    span: Span, spans: set[tuple[int, int]], covered: set[int], empty: list[int]
) -> bool:
    """Whether ``span`` overlaps one of ``spans``, looked up by the offsets they cover."""
    if span.start == span.end:
        return any(span.start < e and s < span.end for s, e in spans)
    return not covered.isdisjoint(range(span.start, span.end)) or any(
        span.start < p < span.end for p in empty
    )


def _offsets(span: Span) -> tuple[int, int]:
    return span.start, span.end  # the order of spans, without a Python call per comparison


def resolve(
    doc: Document, mentions: tuple[Mention, ...], lexicon: Lexicon
) -> tuple[tuple[Entity, ...], Entity | None]:
    """Group mentions into entities and find the city the article is about.

    Returns the entities (sorted by key) and the article's city, if it names one.
    """
    city_key = _article_city(doc, mentions)
    city_label = None
    if city_key is not None:
        city_label = next(m.canonical or m.surface for m in mentions if m.key == city_key)
    groups: dict[tuple[EntityType, str], list[Mention]] = defaultdict(list)
    for mention in mentions:
        groups[(mention.type, _group_key(mention, city_label))].append(mention)
    _merge_short_names(groups, lexicon)
    _merge_unlevelled_designations(groups)
    _merge_policy_short_titles(groups)
    entities = []
    for (type_, key), members in groups.items():
        lexicon_id = next(
            (
                m.key
                for m in members
                if m.key
                and ":" in m.key
                and not m.key.startswith(("body:", "local-body:", "cluster:"))
            ),
            None,
        )
        entities.append(
            Entity(
                key=key,
                type=type_,
                labels=_labels(members, city_label, doc.text),
                mentions=tuple(sorted({m.span for m in members}, key=_offsets)),
                lexicon_id=lexicon_id,
                shared_name=_shared_name(key, members, city_label),
            )
        )
    entities.sort(key=lambda e: (e.type, e.key))
    city = next((e for e in entities if e.type in _AREAS and e.lexicon_id == city_key), None)
    return tuple(entities), city


def _article_city(doc: Document, mentions: tuple[Mention, ...]) -> str | None:
    """The lexicon key of the place the article is about: the most mentioned city, the title
    counting triple; a district or county when the title names it and no city, or when it is
    named more than twice as often as any city (a city written as the district's prefix,
    上海市金山区, not counted)."""
    title_start = doc.text.find(doc.meta.title, doc.body_start) if doc.meta.title else -1
    title_end = title_start + len(doc.meta.title) if title_start >= 0 else 0
    counts: dict[EntityType, Counter[str]] = {
        EntityType.CITY: Counter(),
        EntityType.DISTRICT: Counter(),
    }
    in_title: set[EntityType] = set()
    # 上海市金山区: a city written right before its district only says where the district is
    district_starts = {m.span.start for m in mentions if m.type is EntityType.DISTRICT}
    for mention in mentions:
        if mention.type is EntityType.CITY and mention.span.end in district_starts:
            continue
        if mention.type in counts and mention.key and mention.key.startswith("divisions:"):
            titled = mention.span.end <= title_end
            counts[mention.type][mention.key] += 3 if titled else 1
            if titled:
                in_title.add(mention.type)
    kind = EntityType.CITY
    top = {type_: max(c.values(), default=0) for type_, c in counts.items()}
    # a county-level city's article names its prefecture once or twice, itself throughout
    if in_title == {EntityType.DISTRICT} or top[EntityType.DISTRICT] > 2 * top[EntityType.CITY]:
        kind = EntityType.DISTRICT
    if not counts[kind]:
        return None
    return sorted(counts[kind].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _group_key(mention: Mention, city_label: str | None) -> str:
    if mention.key and mention.key.startswith("local-body:"):
        _, level, body = mention.key.split(":", 2)
        if level == "市" and city_label:
            return f"body:{_full_city(city_label)}{body}"
        return mention.key
    if mention.key and mention.key.startswith("cluster:"):
        # a cluster is a place's: 大连's 电子信息 cluster is not 淮南's, in a corpus of both
        place = f"{name_key(_full_city(city_label))}/" if city_label else ""
        return f"cluster:{place}{name_key(mention.key.removeprefix('cluster:'))}"
    if mention.key and mention.key.startswith("body:"):
        _, name = mention.key.split(":", 1)
        return f"body:{name}"
    if mention.key and mention.type is EntityType.DESIGNATION:
        # 国家级 and 省级 服务型制造试点示范 are two titles of one lexicon row
        level = _designation_level(mention.surface)
        return f"{mention.key}-{level}" if level else mention.key
    if mention.key:
        return mention.key
    return f"name:{name_key(mention.canonical or mention.surface)}"


def _designation_level(name: str) -> str:
    if name.startswith(("国家", "全国", "中国")):
        return "national"
    if name.startswith("省") or re.match(r"[\u4e00-\u9fff]{1,3}省", name):
        return "provincial"
    if name.startswith("市"):
        return "municipal"
    return ""


def _full_city(label: str) -> str:
    return label if label.endswith(("市", "州", "盟", "地区")) else label + "市"


def name_key(name: str) -> str:
    """The normalised form under which names of one thing meet (quotes and spaces dropped)."""
    return _QUOTES.sub("", normalise(name)).replace(" ", "")


def _merge_short_names(
    groups: dict[tuple[EntityType, str], list[Mention]], lexicon: Lexicon
) -> None:
    """Merge a company's short name into its longer form: 恒达 → 恒达电子 or 恒达智能装备股份有限
    公司, when the rest of the longer name is made of company head words and legal forms (and a
    bracketed place: 友达光电（昆山）有限公司)."""
    heads = [name for name, _ in lexicon.longest_first("company_suffixes")]

    def only_heads(rest: str) -> bool:
        while rest:
            head = next((h for h in heads if rest.startswith(h)), None)
            if head is None:
                return False
            rest = rest[len(head) :]
        return True

    companies = sorted((k for k in groups if k[0] == EntityType.COMPANY), key=lambda k: len(k[1]))
    for short in companies:
        short_name = short[1].removeprefix("name:")
        for long in companies:
            long_name = long[1].removeprefix("name:")
            if long == short or short not in groups or long not in groups:
                continue
            # 友达光电(昆山)有限公司: the place of a subsidiary, in brackets, is no head word
            rest = re.sub(r"\([^()]*\)", "", long_name[len(short_name) :])
            if long_name.startswith(short_name) and only_heads(rest):
                groups[long].extend(groups.pop(short))
                break


def _as_written(mention: Mention, text: str) -> str:
    """The mention in the article's own script: surfaces are normalised (simplified, half-width)
    one char per char, so the original is the same span of the text unless a rule composed
    the surface (“1+6”实施意见 → 1+6实施意见)."""
    original = text[mention.span.start : mention.span.end]
    if len(original) == len(mention.surface) and normalise(original) == mention.surface:
        return original
    return mention.surface


def _merge_policy_short_titles(groups: dict[tuple[EntityType, str], list[Mention]]) -> None:
    """《若干政策》 after 《西安市加快硬科技产业发展若干政策》 is the same document."""
    policies = sorted((k for k in groups if k[0] is EntityType.POLICY), key=lambda k: len(k[1]))
    for short in policies:
        name = short[1].removeprefix("name:")
        longer = [k for k in policies if k != short and k[1].endswith(name) and k in groups]
        if len(name) >= 4 and len(longer) == 1 and short in groups:
            groups[longer[0]].extend(groups.pop(short))


def _merge_unlevelled_designations(groups: dict[tuple[EntityType, str], list[Mention]]) -> None:
    """A title written without its level (质量标杆) is the national one when the article also
    names that (全国质量标杆)."""
    for type_, key in list(groups):
        national = (type_, f"{key}-national")
        if type_ is EntityType.DESIGNATION and national in groups and (type_, key) in groups:
            groups[national].extend(groups.pop((type_, key)))


def _labels(members: list[Mention], city_label: str | None, text: str) -> tuple[str, ...]:
    """Names as written first (in text order, original script), then canonical forms."""
    ordered = sorted(members, key=lambda m: _offsets(m.span))
    written = [_QUOTES.sub("", _as_written(m, text)) for m in ordered]
    canonical = _canonical(ordered, city_label)
    if any(m.rule == "pattern:cluster-list" for m in members):
        written, canonical = canonical, written  # 电子信息、…等产业集群: 电子信息产业集群
    if any(m.type == EntityType.DESIGNATION for m in members):
        written.sort(key=len, reverse=True)  # 全国质量标杆 before the bare 质量标杆
    return tuple(dict.fromkeys(n for n in written + canonical if n))


_LEVELS = {"national": "国家级", "provincial": "省级", "municipal": "市级"}


def _shared_name(key: str, members: list[Mention], city_label: str | None) -> str | None:
    """The one name every article gives the node of ``key``: the lexicon's (工信部:
    工业和信息化部; 河南省质量标杆: 省级质量标杆), else the normalised name the key is made of
    (華拓智能: 华拓智能). None for a cluster, whose node is its place's."""
    kind, _, rest = key.partition(":")
    if kind in ("name", "body"):
        return rest
    if kind == "cluster":
        return None
    name = next(iter(_canonical(members, city_label)), None)
    level = next((word for suffix, word in _LEVELS.items() if key.endswith(f"-{suffix}")), None)
    if name and level and not name.startswith(("国家", "全国", "中国", level)):
        name = level + name
    return name


def _canonical(members: list[Mention], city_label: str | None) -> list[str]:
    """The lexicon's names of the mentions, in text order (市工信局 in a 郑州 article:
    郑州市工信局)."""
    names = []
    for mention in sorted(members, key=lambda m: _offsets(m.span)):
        name = mention.canonical
        if mention.key and mention.key.startswith("local-body:") and city_label:
            name = f"{_full_city(city_label)}{mention.key.split(':', 2)[2]}"
        if name:
            names.append(name)
    return names
