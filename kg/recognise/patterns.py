"""Pattern rules that find entities the lexicon cannot list: quoted names, titles,
bodies composed of a place and a body form, legal company names, bylines."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.byline import byline
from kg.recognise.lexicon import Lexicon
from kg.records import EntityType, Mention, Sentence, Span

QUOTED = re.compile(r"[“\"「『‘](?P<q>[^“”\"「」『』‘’\n,，。;；、]{1,40})[”\"」』’]")
BOOK_TITLE = re.compile(r"《(?P<q>[^《》\n]{2,80})》")
POLICY_HEADS = (
    "规划",
    "方案",
    "意见",
    "办法",
    "政策",
    "措施",
    "计划",
    "条例",
    "通知",
    "纲要",
    "决定",
    "规定",
    "细则",
    "指南",
    "指引",
    "清单",
    "目录",
    "若干政策",
    "实施意见",
)
LIST_HEADS = ("榜单", "名单", "排行榜", "排名", "百强")
INITIATIVE_HEADS = (
    "活动",
    "行动",
    "战略",
    "工程",
    "模式",
    "计划",
    "机制",
    "平台",
    "改革",
    "攻坚",
    "专项行动",
    "体系",
    "生态体系",
    "品牌",
    "制度",
    "服务",
    "工作法",
)
INITIATIVE_CUES = (
    "开展",
    "实施",
    "推进",
    "推行",
    "实行",
    "打造",
    "构建",
    "探索",
    "启动",
    "围绕",
    "深化",
    "落实",
    "依托",
    "全面推进",
    "深入开展",
    "积极构建",
)
DESIGNATION_CUES = (
    "被确定为",
    "确定为",
    "批复建设",
    "批准建设",
    "获批建设",
    "获评",
    "被认定为",
    "认定为",
    "入选",
    "评为",
    "荣获",
    "获得",
    "获批",
    "被评为",
    "荣列",
    "列入",
    "入围",
    "跻身",
    "授予",
    "命名为",
    "成为",
)
COMPANY_LEGAL = re.compile(
    r"(?P<name>[\u4e00-\u9fff（）()]{2,30}?(?:集团股份有限公司|股份有限公司|有限责任公司"
    r"|集团有限公司|有限公司))"
)
NAME_BREAKERS = re.compile(
    r".*(?:[,，、。;；:：“”《》\s]|与|和|由|是|为|在|及|引进|签约|携手|联合|落户|推动|支持|其中|此外|包括|走进|来到|了|的)"
)
#: Common Chinese surnames (linguistic vocabulary): a titled name must start with one.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古"
)
TITLED_PERSON = re.compile(
    r"(?:处长|副处长|局长|副局长|市长|副市长|区长|县长|书记|主任|副主任|总经理|副总经理|董事长|"
    r"总裁|副总裁|教授|研究员|院长|所长|主席|厂长|总监|负责人|首席经济学家|分析师)"
    rf"(?P<name>[{SURNAMES}][\u4e00-\u9fff]{{1,2}}?)"
    r"(?=告诉|介绍|表示|认为|指出|说|称|正在|强调|坦言|透露|解释|[,，:：。（(])"
)


def quoted_mentions(sentence: Sentence) -> Iterator[Mention]:
    """Names in quotation marks or book-title marks, typed by their head and context."""
    text, base = sentence.normalised, sentence.span.start
    for match in BOOK_TITLE.finditer(text):
        inner, after = match.group("q"), text[match.end() : match.end() + 4]
        span = Span(base + match.start("q"), base + match.end("q"))
        if after.startswith(LIST_HEADS) or inner.endswith(LIST_HEADS):
            yield Mention(span, inner, EntityType.DESIGNATION, None, "pattern:book-title-list")
        elif any(head in re.sub(r"[(（][^()（）]*[)）]$", "", inner)[-6:] for head in POLICY_HEADS):
            yield Mention(span, inner, EntityType.POLICY, None, "pattern:book-title-policy")
    for match in QUOTED.finditer(text):
        inner = match.group("q").strip()
        if len(inner) < 2:
            continue
        before, after = text[max(0, match.start() - 30) : match.start()], text[match.end() :]
        span = Span(base + match.start("q"), base + match.end("q"))
        kind = _quoted_kind(inner, before, after)
        head = next((h for h in POLICY_HEADS if after.startswith(h)), "")
        if kind is EntityType.POLICY and head:
            full = Span(span.start, base + match.end() + len(head))
            surface = inner + head
            yield Mention(full, surface, kind, None, "pattern:quoted-policy", canonical=surface)
        elif kind is EntityType.DESIGNATION and (tail := COMPANY_TAIL.match(after)):
            level = LEVEL_BEFORE.search(before)
            prefix = level.group() if level else ""
            full = Span(span.start - 1 - len(prefix), base + match.end() + tail.end())
            surface = prefix + inner + tail.group()
            yield Mention(full, surface, kind, None, "pattern:quoted-designation", surface)
        elif kind is EntityType.INITIATIVE and (tail := INITIATIVE_TAIL.match(after)):
            full = Span(span.start, base + match.end() + tail.end())
            surface = inner + tail.group()
            yield Mention(full, surface, kind, None, "pattern:quoted-initiative", surface)
        elif kind is not None:
            yield Mention(span, inner, kind, None, f"pattern:quoted-{kind.value.lower()}")


#: 专精特新“小巨人”企业, 省级“专精特新”中小企业: a quoted title of companies
COMPANY_TAIL = re.compile(r"(?:中小)?企业")
LEVEL_BEFORE = re.compile(r"(?:国家级|省级|市级|区级|国家|全国)?(?:专精特新)?$")
INITIATIVE_TAIL = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:活动|行动|战略|工程|模式|生态体系|体系|机制|计划|改革|攻坚战)"
)
DESIGNATION_PREFIX = re.compile(r"(?:国家级|省级|市级|区级|国家|全国|中国|省)?(?:制造业)?$")
PLACE_TYPES = (EntityType.CITY, EntityType.PROVINCE, EntityType.DISTRICT)


def extend_designation(mention: Mention, sentence: Sentence, places: list[Mention]) -> Mention:
    """A listed title with its level or place written before it: 单项冠军 → 国家制造业单项冠军,
    质量标杆 → 河南省质量标杆."""
    if mention.type is not EntityType.DESIGNATION:
        return mention
    start = mention.span.start
    place = next((p for p in places if p.span.end == start), None)
    if place is not None:
        start = place.span.start
    else:
        offset = start - sentence.span.start
        prefix = DESIGNATION_PREFIX.search(sentence.normalised[max(0, offset - 7) : offset])
        start -= len(prefix.group()) if prefix else 0
    if start == mention.span.start:
        return mention
    surface = sentence.normalised[
        start - sentence.span.start : mention.span.start - sentence.span.start
    ]
    return Mention(
        Span(start, mention.span.end),
        surface + mention.surface,
        mention.type,
        mention.key,
        mention.rule,
        mention.canonical,
    )


INDUSTRY_CONTEXT_AFTER = ("产业", "行业", "领域", "集群", "“", '"')
PROGRAMME_CUES = re.compile(r"(?:获|入选|纳入|获批|申报|争取|列入|支持)[\u4e00-\u9fff]{0,6}$")


def in_context(mention: Mention, sentence: Sentence, lexical: list[Mention]) -> bool:
    """Whether a lexicon match names the thing, not a word inside another phrase: an industry
    followed by 产业/行业 or listed with other industries (not 5G in 5G基站); a programme after
    获/入选/纳入 (not 产业基础再造 as a phrase of policy prose)."""
    text, base = sentence.normalised, sentence.span.start
    start, end = mention.span.start - base, mention.span.end - base
    if mention.type is EntityType.INDUSTRY:
        if text.startswith(INDUSTRY_CONTEXT_AFTER, end):
            return True
        comma_after = text.startswith("、", end)
        comma_before = start > 0 and text[start - 1] == "、"
        if not (comma_after or comma_before):
            return False
        neighbours = {m.span.start - base for m in lexical if m.type is EntityType.INDUSTRY} | {
            m.span.end - base for m in lexical if m.type is EntityType.INDUSTRY
        }
        return (comma_after and end + 1 in neighbours) or (comma_before and start - 1 in neighbours)
    if mention.type is EntityType.PROGRAMME:
        return bool(PROGRAMME_CUES.search(text[max(0, start - 10) : start]))
    if mention.type in (EntityType.CITY, EntityType.PROVINCE, EntityType.DISTRICT):
        return not any(
            text.find(idiom, max(0, end - len(idiom)), start + len(idiom)) >= 0
            for idiom in PLACE_IDIOMS
        )
    return True


#: set phrases that hold a place's short name: 真金白银 ("real money") is not 白银市
PLACE_IDIOMS = ("真金白银",)

DESIGNATION_CUE_BEFORE = re.compile("(?:" + "|".join(DESIGNATION_CUES) + r")[\u4e00-\u9fff]{1,8}$")
INITIATIVE_CUE_BEFORE = re.compile(
    "(?:" + "|".join(INITIATIVE_CUES) + r")(?:[“\"][^“”\"]{2,12}[”\"])+$"
)


#: “十四五”, “十三五”: a five-year plan's period, quoted inside names, itself no name
PLAN_PERIOD = re.compile(r"十?[一二三四五六七八九]?五")


def _quoted_kind(inner: str, before: str, after: str) -> EntityType | None:
    if inner.endswith(("产业", "产业集群")) or after.startswith(("产业", "行业")):
        return None  # tier words and industries are read by the relation rules
    if PLAN_PERIOD.fullmatch(inner):
        return None
    if before.endswith(DESIGNATION_CUES) or DESIGNATION_CUE_BEFORE.search(before):
        return EntityType.DESIGNATION
    if after.startswith(("实施意见", "政策体系", "若干政策", "政策")) or inner.endswith(
        POLICY_HEADS[:4]
    ):
        return EntityType.POLICY
    if after.startswith("企业") or after.startswith(LIST_HEADS):
        return EntityType.DESIGNATION
    if inner.endswith(INITIATIVE_HEADS) or after.startswith(INITIATIVE_HEADS):
        return EntityType.INITIATIVE
    if before.endswith(INITIATIVE_CUES) or INITIATIVE_CUE_BEFORE.search(before):
        return EntityType.INITIATIVE  # 围绕“芯屏汽合”“集终生智”: the second shares the cue
    if re.match(r"[\u4e00-\u9fff]{0,10}(?:体系|模式|机制|工程|行动)", after):
        return EntityType.INITIATIVE
    return None


UNQUOTED_POLICY = re.compile(
    r"(?:根据|按照|依据|依照|贯彻|落实)(?P<q>[\u4e00-\u9fff“”\"]{4,28}?(?:实施办法|管理办法|实施方案|"
    r"实施意见|指导意见|实施细则|若干措施|若干政策|规划|条例|通知))"
)


def unquoted_policies(sentence: Sentence) -> Iterator[Mention]:
    """Policy documents named without book-title marks after 根据/按照: 根据督查激励工作实施办法."""
    for match in UNQUOTED_POLICY.finditer(sentence.normalised):
        span = Span(sentence.span.start + match.start("q"), sentence.span.start + match.end("q"))
        if len(match["q"]) >= 6:
            yield Mention(span, match["q"], EntityType.POLICY, None, "pattern:unquoted-policy")


ZONE = re.compile(
    r"(?:高新技术产业开发区|经济技术开发区|高新区|经开区|开发区|新区|自贸区|综合保税区|保税区|工业园区|产业园区)"
)


def zone_mentions(sentence: Sentence, places: list[Mention]) -> Iterator[Mention]:
    """Development zones named after a place: 西安高新区, 苏州工业园区 (typed District)."""
    text, base = sentence.normalised, sentence.span.start
    for place in places:
        end = place.span.end - base
        if zone := ZONE.match(text, end):
            span = Span(place.span.start, base + zone.end())
            yield Mention(
                span,
                text[place.span.start - base : zone.end()],
                EntityType.DISTRICT,
                None,
                "pattern:zone",
            )


def body_mentions(sentence: Sentence, lexicon: Lexicon, places: list[Mention]) -> Iterator[Mention]:
    """Local government bodies: a place (郑州市, or a bare 市/省) followed by a body form."""
    text, base = sentence.normalised, sentence.span.start
    place_end = {m.span.end - base: m for m in places}
    for form in lexicon.finder("body_suffixes").finditer(text):
        start, name = form.start(), form[1]
        entry = lexicon.entry_named("body_suffixes", name)
        place = place_end.get(start)
        if place is not None and place.type in (
            EntityType.CITY,
            EntityType.PROVINCE,
            EntityType.DISTRICT,
        ):
            span = Span(place.span.start, base + start + len(name))
            canonical = f"{place.canonical or place.surface}{entry.label}"
            yield Mention(
                span,
                text[span.start - base : span.end - base],
                EntityType.GOVERNMENT_BODY,
                f"body:{canonical}",
                "pattern:place-body",
                canonical,
            )
        elif (
            start > 0
            and text[start - 1] in "市省区县"
            and (
                start < 2
                or not "\u4e00" <= text[start - 2] <= "\u9fff"
                or text[start - 2] in "我全本该"
            )
        ):
            level = text[start - 1]
            span = Span(base + start - 1, base + start + len(name))
            yield Mention(
                span,
                text[start - 1 : start + len(name)],
                EntityType.GOVERNMENT_BODY,
                f"local-body:{level}:{entry.label}",
                "pattern:local-body",
                f"{level}{entry.label}",
            )


def company_mentions(sentence: Sentence) -> Iterator[Mention]:
    """Companies named with a legal form (…股份有限公司, …有限公司)."""
    text, base = sentence.normalised, sentence.span.start
    if "公司" not in text:
        return  # every legal form ends so; the pattern is slow to fail at each character
    for match in COMPANY_LEGAL.finditer(text):
        name = match.group("name")
        cut = NAME_BREAKERS.match(name)
        offset = cut.end() if cut else 0
        if len(name) - offset < 4:
            continue
        if (bracket := max(name.rfind("("), name.rfind("（"))) > max(
            name.rfind(")"), name.rfind("）")
        ):
            offset = max(
                offset, bracket + 1
            )  # 比亚迪（比亚迪股份有限公司）: the legal name is inside
        while offset < len(name) and name[offset] in "()（）":
            offset += 1
        start = match.start("name") + offset
        legal = name[offset:]
        yield Mention(
            Span(base + start, base + match.end("name")),
            legal,
            EntityType.COMPANY,
            None,
            "pattern:company-legal-name",
        )
        yield from _short_name_beside(text, base, start, match.end("name"), legal)


SHORT_AFTER = re.compile(
    r"[(（](?:以下简称|以下称|下称|简称)?[“\"]?(?P<short>[\u4e00-\u9fffA-Za-z0-9]{2,10})[”\"]?"
    # （以下简称“鹿城稀土”，股票代码：600927）, （澄晖光伏，603977）: a listed company's code
    r"(?:[,，;；]\s*(?:股票代码|证券代码|代码)?[:：]?\s*[0-9]{6}(?:\.[A-Z]{2})?)?[)）]"
)
SHORT_BEFORE = re.compile(r"(?P<short>[\u4e00-\u9fffA-Za-z0-9]{2,10})[(（]$")


def _short_name_beside(text: str, base: int, start: int, end: int, legal: str) -> Iterator[Mention]:
    """``广东生益科技股份有限公司（生益科技）``, ``vivo（维沃移动通信有限公司）``: one company."""
    if after := SHORT_AFTER.match(text, end):
        span = Span(base + after.start("short"), base + after.end("short"))
        yield Mention(
            span,
            after["short"],
            EntityType.COMPANY,
            None,
            "pattern:company-short-name",
            canonical=legal,
        )
    if before := SHORT_BEFORE.search(text, 0, start):
        short = before["short"]
        cut = NAME_BREAKERS.match(short)
        short_start = before.start("short") + (cut.end() if cut else 0)
        short = text[short_start : before.end("short")]
        if len(short) >= 2:
            span = Span(base + short_start, base + before.end("short"))
            yield Mention(
                span, short, EntityType.COMPANY, None, "pattern:company-short-name", canonical=legal
            )


def byline_mentions(normalised: str, body_start: int) -> Iterator[Mention]:
    """Reporters, editors and the outlet from the byline, footer or front matter, and people
    named with their title in the text (处长何晓东)."""
    for part in byline(normalised, body_start):
        kind = EntityType.ORGANIZATION if part.role == "outlet" else EntityType.PERSON
        yield Mention(part.span, part.text, kind, None, f"pattern:byline-{part.role}")
    for match in TITLED_PERSON.finditer(normalised, body_start):
        span = Span(match.start("name"), match.end("name"))
        yield Mention(span, match["name"], EntityType.PERSON, None, "pattern:titled-person")
