"""Rules about companies and documents: investment projects, company presence, policies."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.recognise.patterns import DESIGNATION_CUES
from kg.records import EntityType, Fact, Mention, Relation
from kg.relate.context import (
    PLACE_TYPES,
    SentenceContext,
    last_match,
    make_fact,
    once_each,
    place_before,
)
from kg.relate.lists import (
    Item,
    clauses,
    enumeration_before,
)
from kg.relate.quantities import COUNT_DIGITS

# ----------------------------------------------------------------------------- investments
PROJECT_STARTED = re.compile(
    r"项目[\u4e00-\u9fff\d]{0,6}?(?:开工|动工|签约|落地|落户|投产|开建|竣工)"
)
ISSUE_CUE = re.compile(r"印发|制定|出台|发布|颁布|编制|修订")
INVEST_CUE = re.compile(r"(?:成功)?(?:引进|引入|招引|签约|签下|落户|落地|入驻|增资扩产|增资)了?")
# 等(一批)(面板)企业: a list of companies, which an investment cue makes investors
INVESTOR_LIST_HEAD = re.compile(
    rf"等(?:一批|多家|{COUNT_DIGITS}家)?[\u4e00-\u9fff]{{0,4}}?(?:企业|公司|集团|厂商|龙头)"
)
CLAUSE_LEADS = ("其中", "此外", "同时", "随后", "近日", "目前")
CLAUSE_OPENINGS = ("", *CLAUSE_LEADS)  # what may stand before a clause's subject
COMPANY_OPENING = re.compile(
    rf"(?:{'|'.join(CLAUSE_LEADS)})?(?P<name>[\u4e00-\u9fffA-Za-z]{{2,8}}(?:公司|集团))(?=与|同|和)"
)
# 与芜湖签约, 与我市签署合作协议, 同武汉经开区签订协议 (after a company opening the clause)
SIGNED_WITH = re.compile(
    r"\s*(?:与|同|和)(?P<party>[^，。；、]{1,12}?)\s*(?:正式)?(?:签约|签署|签订)"
)


def investments(ctx: SentenceContext) -> Iterator[Fact]:
    """``引进A、B等亿元以上项目217个``, ``A、B等企业的增资扩产项目相继动工`` and ``X有限公司
    …项目开工建设``: companies that brought projects in. The sentence must speak of
    investment; the clause names the projects."""
    return once_each(_investments(ctx))


def _investments(ctx: SentenceContext) -> Iterator[Fact]:
    text = ctx.text
    if not INVEST_CUE.search(text) and not re.search(r"投资|开工|动工|投产|增资", text):
        return
    for c_start, c_end in clauses(text):
        if "项目" in text[c_start:c_end]:
            yield from _listed_investors(ctx, c_start, c_end)
            listed = list(_listed_projects(ctx, c_start, c_end))
            yield from listed or _single_investor(ctx, c_start, c_end)
        elif INVESTOR_LIST_HEAD.search(text, c_start, c_end) and INVEST_CUE.search(
            text, c_start, c_end
        ):
            yield from _listed_investors(ctx, c_start, c_end)  # 引进A、B等面板企业
        yield from _signing_company(ctx, c_start, c_end)
        yield from _settling_company(ctx, c_start, c_end)
        yield from _investing_company(ctx, c_start, c_end)
        yield from _company_investing_amount(ctx, c_start, c_end)


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
    if text.startswith(SECTORS, stop + 1):
        return  # 新签约物流、清洁能源等领域项目27个: sectors, not investors
    enumeration = enumeration_before(text, list_start, stop, max_item=40)
    if enumeration is None:
        return
    count = re.search(
        rf"项目(?P<n>{COUNT_DIGITS})个|(?P<m>{COUNT_DIGITS})个[\u4e00-\u9fff]{{0,8}}项目",
        text[stop:c_end],
    )
    number = (count["n"] or count["m"]) if count else ""
    subject = place_before(ctx, c_start, list_start)
    for raw in enumeration.items:
        item = _company_of_project(ctx, raw)
        if item is not None:
            company = ctx.mention_for(item, EntityType.COMPANY, "pattern:investor-list")
            yield make_fact(
                ctx, Relation.INVESTMENT, subject, company, "rule:investments", ("count", number)
            )


SECTORS = ("领域", "行业", "产业", "方面")
INVESTED_BY = re.compile(r"由$")
INVESTING = re.compile(r"(?:投资|出资)(?:建设|兴建|新建|设立)")


def _investing_company(ctx: SentenceContext, c_start: int, c_end: int) -> Iterator[Fact]:
    """``由奥迪一汽新能源汽车有限公司投资建设``: the company that builds the project."""
    for mention in ctx.within(c_start, c_end):
        start, end = mention.span.start - ctx.base, mention.span.end - ctx.base
        if (
            mention.type is EntityType.COMPANY
            and INVESTED_BY.search(ctx.text, c_start, start)
            and INVESTING.match(ctx.text, end)
        ):
            yield make_fact(ctx, Relation.INVESTMENT, None, mention, "rule:investments")


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
        yield make_fact(ctx, Relation.INVESTMENT, None, first, "rule:investments")


def _listed_projects(ctx: SentenceContext, c_start: int, c_end: int) -> Iterator[Fact]:
    """``A公司…项目、B科技…扩产项目、C有限公司…增资项目相继落户``: projects listed without 等,
    each named after its company, the last followed by their start."""
    text = ctx.text
    if "等" in text[c_start:c_end] or "、" not in text[c_start:c_end]:
        return
    started = PROJECT_STARTED.search(text, c_start, c_end)
    if started is None:
        return
    # A…总部、B…研发总部、C旗下…总部项目已于去年签约落户: the last item says 项目 for all
    enumeration = enumeration_before(text, c_start, started.start() + 2, max_item=40)
    if enumeration is None or len(enumeration.items) < 2:
        return
    subject = place_before(ctx, c_start, enumeration.items[0].start)
    for raw in enumeration.items:
        item = _company_of_project(ctx, raw)
        if item is not None:
            company = ctx.mention_for(item, EntityType.COMPANY, "pattern:investor-list")
            yield make_fact(ctx, Relation.INVESTMENT, subject, company, "rule:investments")


def _signing_company(ctx: SentenceContext, c_start: int, c_end: int) -> Iterator[Fact]:
    """``比亚迪股份有限公司与芜湖签约``, ``其中东风公司与武汉经开区签署协议``: a company opening
    the clause signs with a place; the investment is the place's city (the article's, unless
    another city is the party)."""
    # 东风公司与…: a name without legal form
    first = _opening_company(ctx, c_start, c_end, COMPANY_OPENING, "pattern:signing-company")
    if first is None:
        return
    signed = SIGNED_WITH.match(ctx.text, first.span.end - ctx.base, c_end)
    if signed is None:
        return
    party_start, party_end = signed.span("party")
    cities = [
        m
        for m in ctx.within(party_start, party_end)
        if m.type in (EntityType.CITY, EntityType.DISTRICT)
    ]
    subject = (
        cities[0] if cities and cities[0].key and cities[0].key.startswith("divisions:") else None
    )
    if subject is None and not re.search(r"[市区县]|政府|管委会", signed["party"]):
        return  # a company signing with another company is no investment in the city
    yield make_fact(ctx, Relation.INVESTMENT, subject, first, "rule:investments")


SETTLES = re.compile(r"\s*(?:正式|成功|已|已经)?(?:签约)?(?:落户|入驻|落地)")


def _settling_company(ctx: SentenceContext, c_start: int, c_end: int) -> Iterator[Fact]:
    """``四川蓉信建材科技有限公司签约落户安宁工业园区``: a recognised company opening the clause
    moves in; the investment is the article's city's unless the clause names another city."""
    first = next(iter(ctx.within(c_start, c_end)), None)
    if first is None or first.type is not EntityType.COMPANY:
        return
    start, end = first.span.start - ctx.base, first.span.end - ctx.base
    if ctx.text[c_start:start] not in CLAUSE_OPENINGS or not SETTLES.match(ctx.text, end):
        return
    yield make_fact(ctx, Relation.INVESTMENT, _city_in(ctx, end, c_end), first, "rule:investments")


def _city_in(ctx: SentenceContext, start: int, end: int) -> Mention | None:
    """The first city of the divisions lexicon named in [start, end): where an investment
    goes when the clause names a city other than the article's."""
    return next(
        (
            m
            for m in ctx.within(start, end)
            if m.type is EntityType.CITY and m.key and m.key.startswith("divisions:")
        ),
        None,
    )


# 投资15亿元的…项目, 在清河经济开发区增资5亿元, 追加投资3亿元 (after a company opening the clause)
# 也追加投资, 还将投资: adverbs between the company and its investing
INVESTS_AMOUNT = re.compile(
    r"\s*(?:[(（][^()（）]{1,40}[)）])?"  # （北辰铝业，600889）: its short name and code
    r"(?:今年|去年|近日|日前|也|还|又|再|将|已|拟)*(?:在[^，。；、]{1,15}?)?"
    r"(?:追加投资|投资|增资)(?:约|近|超)?\d"
)
SHORT_INVESTOR = re.compile(
    rf"(?:{'|'.join(CLAUSE_LEADS)})?(?P<name>[\u4e00-\u9fffA-Za-z]{{2,10}}?)"
    rf"(?={INVESTS_AMOUNT.pattern})"
)
PROJECT_WORDS = re.compile(r"项目|建设|扩建|新建|产能|生产线|工厂|基地|车间")
CLAUSE_STOP = re.compile(r"[；;。]")


def _opening_company(
    ctx: SentenceContext,
    c_start: int,
    c_end: int,
    named: re.Pattern[str],
    rule: str,
    heads: frozenset[str] | None = None,
) -> Mention | None:
    """The company that opens the clause (after a lead such as 其中): a recognised company
    mention, else the ``name`` group ``named`` matches there (ending with one of ``heads``,
    when given), as a new mention of ``rule``."""
    if referred := ctx.company_referred_to(c_start, c_end):
        return referred  # 晶科能源…。这家光伏龙头今年投资…
    first = next(iter(ctx.within(c_start, c_end)), None)
    if first is not None and first.type is EntityType.COMPANY:
        opens = ctx.text[c_start : first.span.start - ctx.base] in CLAUSE_OPENINGS
        return first if opens else None
    match = named.match(ctx.text, c_start, c_end)
    if match is None or (heads is not None and not match["name"].endswith(tuple(heads))):
        return None
    item = Item(match.start("name"), match.end("name"), match["name"])
    return ctx.mention_for(item, EntityType.COMPANY, rule)


def _company_investing_amount(ctx: SentenceContext, c_start: int, c_end: int) -> Iterator[Fact]:
    """``中车齐齐哈尔车辆有限公司增资3.2亿元建设…车间``, ``龙沃乳业投资15亿元的…项目开工``,
    ``X有限公司在清河经济开发区增资5亿元，扩建…生产线``: a company opening the clause puts an
    amount into a project (named before the next semicolon or stop). A short name counts when
    it ends with a company head word (乳业, 科技, 电子 …); the investment is the article's
    city's unless the clause names another city."""
    text = ctx.text
    heads = ctx.lexicon.names("company_suffixes")
    company = _opening_company(
        ctx, c_start, c_end, SHORT_INVESTOR, "pattern:investing-company", heads=heads
    )
    if company is None:
        return
    after = company.span.end - ctx.base
    if not INVESTS_AMOUNT.match(text, after, c_end):
        return
    stop = CLAUSE_STOP.search(text, after)
    if not PROJECT_WORDS.search(text, after, stop.start() if stop else len(text)):
        return
    subject = _city_in(ctx, after, c_end)
    yield make_fact(ctx, Relation.INVESTMENT, subject, company, "rule:investments")


PROJECT_DESCRIPTION = re.compile(
    r"(?:年产|第\d|\d|[一二三四]期|新建|扩建|改扩建|生产线|研发|智能|高效|柔性|服务器|整机|基地|"
    r"产业园|全球|项目|(?:中国|东南|西南|东北|西北|华东|华南|华北|华中|大湾区|区域)?总部)"
)


def _company_of_project(ctx: SentenceContext, item: Item) -> Item | None:
    """The company an item names, where its project's description begins: after a company
    head word (三安光电碳化硅芯片二期 → 三安光电), before a place (中兴通讯西安研发中心) or a
    project word (天马微电子第6代柔性显示模组项目 → 天马微电子)."""
    for mention in ctx.within(item.start, item.end):
        if mention.type is EntityType.COMPANY and mention.span.start - ctx.base == item.start:
            return Item(item.start, mention.span.end - ctx.base, mention.surface)
    if PROJECT_DESCRIPTION.match(item.text):
        return None  # 年产5GWh储能电池的项目: a project described, no company named
    cuts = [len(item.text)]
    if match := PROJECT_DESCRIPTION.search(item.text, 2):
        cuts.append(match.start())
    cuts += [
        m.span.start - ctx.base - item.start
        for m in ctx.within(item.start, item.end)
        if m.type in PLACE_TYPES and m.span.start - ctx.base - item.start >= 2
    ]
    heads = ctx.lexicon.names("company_suffixes")
    for start in range(2, len(item.text)):
        found = [h for h in heads if item.text.startswith(h, start)]
        if found:
            cuts.append(start + max(map(len, found)))
            break
    text = item.text[: min(cuts)]
    if not 2 <= len(text) <= 12:
        return None
    return Item(item.start, item.start + len(text), text)


# ----------------------------------------------------------------------------- policies
IMPLEMENT_CUE = re.compile(r"实施|落实|贯彻|执行|推进|按照|根据|依据")


def policies(ctx: SentenceContext) -> Iterator[Fact]:
    """Policy documents the city issued: a policy name after 印发/制定/出台 in the sentence, or
    after 落实/贯彻 when the title names the city itself (落实《佛山市…若干措施》)."""
    text = ctx.text
    city_names: tuple[str, ...] | None = None  # worked out for the first policy named
    for mention in ctx.mentions:
        if mention.type != EntityType.POLICY:
            continue
        city_names = city_names or _city_names(ctx)
        start = mention.span.start - ctx.base
        issued = ISSUE_CUE.search(text, 0, start)
        implemented = IMPLEMENT_CUE.search(text, 0, start) and mention.surface.startswith(
            city_names
        )
        if not issued and not implemented:
            continue
        subject = (
            _place_opening(ctx, mention)
            or _national_issuer(ctx, start)
            or place_before(ctx, 0, start)
        )
        yield make_fact(ctx, Relation.POLICY_ISSUANCE, subject, mention, "rule:policies")


def _national_issuer(ctx: SentenceContext, policy_start: int) -> Mention | None:
    """国家知识产权局印发的《…》: a ministry (a row of the national bodies lexicon) right before
    the issuing verb issued the policy, not the city the sentence may name."""
    cue = last_match(ISSUE_CUE, ctx.text, 0, policy_start)
    if cue is None:
        return None
    before = [m for m in ctx.within(0, cue.start()) if m.span.end - ctx.base == cue.start()]
    return next(
        (m for m in before if m.type is EntityType.GOVERNMENT_BODY and m.rule == "lexicon:bodies"),
        None,
    )


def _place_opening(ctx: SentenceContext, policy: Mention) -> Mention | None:
    """The place a policy's title opens with (《安宁市…若干政策措施》): its issuer, whatever
    place the sentence named before (落实云南省…要求，出台了《安宁市…》)."""
    opening = policy.span.start + (ctx.text[policy.span.start - ctx.base] in "《“")
    return next(
        (m for m in ctx.mentions if m.type in PLACE_TYPES and m.span.start == opening), None
    )


def _city_names(ctx: SentenceContext) -> tuple[str, ...]:
    names = {"我市", "本市", "全市"}
    for mention in ctx.mentions:
        if mention.type in (EntityType.CITY, EntityType.DISTRICT):
            names |= {mention.surface, mention.canonical or mention.surface}
    return tuple(names)


OTHER_RULES_CUE = re.compile("|".join(DESIGNATION_CUES) + r"|签约|引进|项目")
COMPANY_LIST_HEAD = re.compile(  # 等(一批)(龙头)企业
    rf"等(?:一批|多家|{COUNT_DIGITS}家)?(?:上下游|龙头|重点|骨干|知名|配套|链主|头部)?(?:企业|公司)"
)
COMPANY_LIST_WORDS = ("企业", "公司")  # one of them is in every match of COMPANY_LIST_HEAD


def company_presence(ctx: SentenceContext) -> Iterator[Fact]:
    """``集聚京东方、维信诺、彩虹光电等上下游企业120余家``: companies the city has."""
    text = ctx.text
    for c_start, c_end in clauses(text):
        head = COMPANY_LIST_HEAD.search(text, c_start, c_end)
        if head is None or OTHER_RULES_CUE.search(text, c_start, c_end):
            continue  # designations and investments have their own rules
        enumeration = enumeration_before(text, c_start, head.start())
        if enumeration is None:
            continue
        subject = place_before(ctx, c_start, head.start())
        for item in enumeration.items:
            if ctx.lexicon.lookup(item.text) is not None:
                continue  # an industry or a place, not a company
            company = ctx.mention_for(item, EntityType.COMPANY, "pattern:company-list")
            yield make_fact(
                ctx, Relation.COMPANY_PRESENCE, subject, company, "rule:company-presence"
            )
