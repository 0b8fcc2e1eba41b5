"""Write a corpus of synthetic articles of the genre kg reads, for benchmarks.

    .venv/bin/python benchmarks/make_corpus.py 1000 /tmp/corpus --seed 7

Each article is invented: a city (a prefecture-level city of data/lexicons/divisions.tsv,
with its province) is named by a ministry, gets priority support from national
programmes, ranks its industries in tiers (industries.tsv), has clusters with sizes,
companies (random brand names with a suffix of company_suffixes.tsv) with honours
(designations.tsv) and investments, policy documents and a few dozen figures. Articles
are 800–4,000 characters long, in six layouts (a designation story, an economy report,
a feature with sub-headings, a wire item, a government press release, front matter);
about 4% are in traditional characters and some of the reports carry a pasted table.

Article ``i`` of seed ``S`` is the same text whatever the corpus size. Files are named
``cnADCODE-YYYY-MM-DD.txt`` after the city and the publication date (``-2``, ``-3`` …
where two articles would share a name). ``manifest.jsonl`` beside them holds, per
article, what the generator put in (city, industries by tier, clusters, companies,
titles, programmes, policies), and ``corpus.json`` the size and seed, so that a
benchmark can reuse a corpus it finds.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEXICONS = ROOT / "data" / "lexicons"
#: Bump when the templates change, so that a benchmark does not reuse an older corpus.
VERSION = 1

# ----------------------------------------------------------------------------- vocabulary
#: Lexicon ids of the industries each tier draws from (a city uses each industry once).
TIER_POOLS = {
    "leading": (
        "electronic-information new-energy-vehicles integrated-circuit new-display biomedicine "
        "construction-machinery petrochem-chem photovoltaics power-batteries rail-transit "
        "aerospace home-appliances high-end-equipment software new-materials automotive"
    ),
    "pillar": (
        "automotive equipment-manufacturing electronic-information new-materials biomedicine "
        "petrochem-chem food textile-apparel steel nonferrous-metals building-materials "
        "home-appliances energy liquor tobacco paper electric-power modern-food auto-parts "
        "light-industry high-end-equipment"
    ),
    "emerging": (
        "new-generation-it high-end-equipment new-materials biomedicine new-energy "
        "new-energy-vehicles energy-conservation-environmental digital-creative "
        "artificial-intelligence integrated-circuit industrial-internet robotics energy-storage "
        "lithium-batteries medical-devices intelligent-connected-vehicles low-altitude-economy "
        "big-data cloud-computing hydrogen new-display wind-power-equipment aviation-equipment "
        "ship-marine internet-of-things uav bio-manufacturing cybersecurity"
    ),
    "advantage": (
        "traditional-automotive textiles apparel food-manufacturing building-materials ceramics "
        "paper home-furnishing metallurgy chemicals liquor tea metal-products light-industry "
        "footwear agri-food-processing machinery refractories cement glass chemical-fibers "
        "rubber-plastics coal-chemical agricultural-machinery mining-machinery"
    ),
    "future": (
        "quantum-information brain-like-intelligence future-networks virtual-reality blockchain "
        "metaverse humanoid-robots embodied-intelligence 6g synthetic-biology cell-gene-therapy "
        "nuclear-fusion hydrogen-and-storage brain-computer-interface commercial-space "
        "satellite-internet space-information general-ai solid-state-batteries life-sciences "
        "large-models quantum-computing"
    ),
}
#: Titles a city receives, and who awards them (bodies.tsv / organizations.tsv labels or aliases).
CITY_TITLES = {
    "stable-growth-city": ("国务院办公厅", "工信部"),
    "service-manufacturing-demo-city": ("工信部", "工业和信息化部"),
    "software-city": ("工信部", "工业和信息化部"),
    "information-consumption-city": ("工信部", "工业和信息化部"),
    "gigabit-city": ("工信部", "工业和信息化部"),
    "ai-pilot-zone": ("工信部", "工业和信息化部"),
    "iov-pilot-zone": ("工信部", "工业和信息化部"),
    "innovative-city": ("科技部", "国家发展改革委"),
    "ip-demo-city": ("国家知识产权局",),
    "quality-city": ("市场监管总局",),
}
#: Titles a company receives (designations.tsv ids), with the words the genre writes around them.
COMPANY_TITLES = (
    "manufacturing-single-champion little-giant quality-benchmark green-factory "
    "intelligent-manufacturing-demo-factory 5g-factory service-manufacturing-demo "
    "tech-innovation-demo-enterprise china-manufacturing-500 enterprise-tech-center "
    "industrial-design-center green-supply-chain"
)
PROGRAMMES = (
    "intelligent-manufacturing-pilot traditional-industry-upgrading-zone "
    "manufacturing-hq-pilot-zone "
    "green-manufacturing-system small-micro-innovation-base industry-transformation-fund "
    "manufacturing-hq-special-fund industrial-foundation-reengineering sme-development-fund "
    "tech-renovation-fund manufacturing-transformation-fund first-set-equipment "
    "first-batch-materials central-budget-investment ultra-long-special-bonds equipment-renewal "
    "strategic-emerging-fund industrial-internet-project green-manufacturing-integration"
)
COMPANY_HEADS = (
    "科技 电子 新能源 材料 新材料 智能 智能科技 装备 生物 生物科技 医药 药业 食品 化工 机械 精密 "
    "光电 半导体 动力 电池 汽车 重工 电气 信息 软件 通信 能源 纺织 家居 环保 微电子 高科"
)
COMPANY_LEGAL = ("股份有限公司", "有限公司", "集团有限公司", "集团股份有限公司", "有限责任公司")
BRAND_CHARS = (
    "恒瑞鑫泰达昇宏凯博晟盛源润辰骏朗翔锐耀辉航睿弘嘉锦威融卓越峰岳澜沐禾铭钧琪璟玖尚拓驰迈腾"
    "启曜炬韬捷舜禹昊昱晖炜煜灿烨珑琨瑜璞翊翰霖澄泓汇溢沃丰裕颐康祺祥瑾钰铂钛铖骐骁鹏鸿鲲"
    "麒麟毅敦笃弈奕亦益逸懿焱淼垚鑫磊森"
)
#: Names of real companies in the seed article: never generated.
FORBIDDEN_BRANDS = ("三全", "思念", "好想你", "宇通", "比亚迪", "超聚变", "新开普", "安图", "福耀")
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚文华建玲辉晓红鹏宇浩欣婷雪琳晨思佳怡嘉雨博轩彬"
PRODUCTS = (
    "高端轴承 光伏组件 动力电池 碳化硅衬底 电子铜箔 锂电隔膜 工业机器人 医用耗材 液压件 数控刀具 "
    "储能电池 显示模组 特种钢材 覆铜板 光纤预制棒 智能电表 减速器 传感器 生物发酵 铝合金型材"
)


@dataclass(frozen=True, slots=True)
class City:
    adcode: str
    label: str  # 郑州市
    short: str  # 郑州
    province: str | None  # 河南省; None for 北京, 上海, 天津, 重庆
    districts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    cities: tuple[City, ...]
    tier_pools: dict[str, tuple[str, ...]]  # tier -> industry labels
    city_titles: tuple[tuple[str, tuple[str, ...]], ...]  # (title, awarding bodies)
    company_titles: dict[str, str]  # id -> label
    programmes: tuple[str, ...]
    outlets: tuple[str, ...]
    reserved: frozenset[str]  # names a brand must not contain (places, industries)


def _rows(name: str) -> list[dict[str, str]]:
    with (LEXICONS / name).open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def vocabulary() -> Vocabulary:
    """The generator's vocabulary, read from data/lexicons once."""
    divisions = _rows("divisions.tsv")
    by_id = {row["id"]: row for row in divisions}
    children: dict[str, list[str]] = {}
    for row in divisions:
        if row["type"] == "District" and row["label"].endswith(("区", "县")):
            children.setdefault(row["parent"], []).append(row["label"])
    cities = []
    for row in divisions:
        parent = by_id.get(row["parent"]) if row["parent"] else None
        short = row["aliases"].split("|")[0]
        if row["type"] != "City" or not row["label"].endswith("市") or len(short) < 2:
            continue
        if parent is not None and (parent["type"] != "Province" or parent["adcode"] >= "710000"):
            continue
        province = parent["label"] if parent else None
        cities.append(
            City(row["adcode"], row["label"], short, province, tuple(children.get(row["id"], ())))
        )
    industries = {row["id"]: row for row in _rows("industries.tsv")}
    pools = {
        tier: tuple(industries[i]["label"] for i in ids.split() if i in industries)
        for tier, ids in TIER_POOLS.items()
    }
    designations = {row["id"]: row["label"] for row in _rows("designations.tsv")}
    programmes = {row["id"]: row["label"] for row in _rows("programmes.tsv")}
    outlets = tuple(
        row["label"]
        for row in _rows("organizations.tsv")
        if row["kind"] == "media" and row["label"].endswith(("日报", "晚报", "新闻", "网"))
    )
    reserved = {
        name
        for row in [*divisions, *industries.values()]
        for name in [row["label"], *row["aliases"].split("|")]
        if len(name) >= 2
    }
    return Vocabulary(
        cities=tuple(cities),
        tier_pools=pools,
        city_titles=tuple(
            (designations[i], bodies) for i, bodies in CITY_TITLES.items() if i in designations
        ),
        company_titles={i: designations[i] for i in COMPANY_TITLES.split() if i in designations},
        programmes=tuple(programmes[i] for i in PROGRAMMES.split() if i in programmes),
        outlets=outlets,
        reserved=frozenset(reserved),
    )


# ----------------------------------------------------------------------------- the plan
@dataclass(slots=True, eq=False)
class Company:
    name: str  # 河南恒昇材料股份有限公司
    short: str  # 恒昇材料
    honours: list[str] = field(default_factory=list)
    invests: bool = False
    named: bool = False  # written in full once; the short name after that

    def mention(self) -> str:
        """The full name with its short form the first time, the short name afterwards."""
        if self.named:
            return self.short
        self.named = True
        return f"{self.name}（{self.short}）"


@dataclass(slots=True)
class Article:
    """What one article says; the templates write it, the manifest records it."""

    rng: random.Random
    city: City
    published: date
    tiers: dict[str, list[str]]
    clusters: list[str]
    companies: list[Company]
    title: tuple[str, str] | None  # (designation, awarded by)
    programmes: list[str]  # emptied when the text names no support
    policies: list[str] = field(default_factory=list)
    figures: int = 0

    @property
    def name(self) -> str:
        """The city as the text calls it: mostly the short name, sometimes the full one."""
        return self.city.label if self.rng.random() < 0.25 else self.city.short

    def period(self) -> str:
        """A period the article's figures can refer to, before the publication date."""
        year, month = self.published.year, self.published.month
        choices = [f"{year - 1}年", f"{year - 1}年全年"] if year > 2019 else []
        done = month - 1
        if done >= 2:
            dash = self.rng.choice("—-~")
            choices += [f"{year}年1{dash}{done}月", f"今年1{dash}{done}月"]
        for months, words in ((3, "一季度"), (6, "上半年"), (9, "前三季度")):
            if done >= months:
                choices += [f"{year}年{words}", f"今年{words}"]
        return self.rng.choice(choices or [f"{year}年1月"])

    def company(self, *, investor: bool = False) -> Company:
        pool = [c for c in self.companies if not investor or not c.invests]
        chosen = self.rng.choice(pool or self.companies)
        chosen.invests = chosen.invests or investor
        return chosen


def plan(vocab: Vocabulary, rng: random.Random) -> Article:
    city = rng.choice(vocab.cities)
    published = date(2019, 2, 1) + timedelta(days=rng.randrange(0, 2891))  # to 2026-12-31
    used: set[str] = set()
    tiers: dict[str, list[str]] = {}
    sizes = {"leading": (0.7, 1, 1), "pillar": (0.5, 3, 6), "emerging": (1.0, 3, 7)}
    sizes |= {"advantage": (0.6, 2, 6), "future": (0.65, 3, 6)}
    for tier, (chance, low, high) in sizes.items():
        if rng.random() >= chance:
            continue
        pool = [name for name in vocab.tier_pools[tier] if name not in used]
        chosen = rng.sample(pool, min(len(pool), rng.randint(low, high)))
        used.update(chosen)
        tiers[tier] = chosen
    core = tiers.get("leading", []) + tiers.get("pillar", []) + tiers.get("emerging", [])
    clusters = rng.sample(core, min(len(core), rng.randint(1, 3)))
    companies = [invent_company(vocab, rng, city) for _ in range(rng.randint(3, 9))]
    title = None
    if rng.random() < 0.75:
        label, bodies = rng.choice(vocab.city_titles)
        title = (label, rng.choice(bodies))
    programmes = rng.sample(vocab.programmes, rng.randint(2, 5))
    return Article(rng, city, published, tiers, clusters, companies, title, programmes)


def invent_company(vocab: Vocabulary, rng: random.Random, city: City) -> Company:
    """A company that does not exist: place + brand + head word + legal form, and its short
    name (brand + head word)."""
    while True:
        brand = "".join(rng.choice(BRAND_CHARS) for _ in range(rng.choice((2, 2, 2, 3, 4))))
        parts = {brand[i:j] for i in range(len(brand)) for j in range(i + 2, len(brand) + 1)}
        if not parts & vocab.reserved and not any(f in brand for f in FORBIDDEN_BRANDS):
            break
    head = rng.choice(COMPANY_HEADS.split())
    place = rng.choice(
        [city.short, (city.province or city.label)[:2], "", "", "中国"][: 4 if city.province else 3]
    )
    legal = rng.choice(COMPANY_LEGAL)
    return Company(f"{place}{brand}{head}{legal}", f"{brand}{head}")


# ----------------------------------------------------------------------------- sentences
# Each template writes one sentence (or a short paragraph) from the plan; the skeletons
# below choose and order them.

CN_NUMBERS = "零一二三四五六七八九十"


def _count(rng: random.Random, n: int) -> str:
    """``5个`` or ``五大``: the declared size of a list."""
    if n <= 10 and rng.random() < 0.4:
        return f"{CN_NUMBERS[n] if n != 2 else '两'}大"
    return f"{n}个"


def _pct(rng: random.Random, low: float = -3.0, high: float = 18.0) -> str:
    return f"{rng.uniform(low, high):.1f}"


def _money(rng: random.Random, low: float, high: float) -> str:
    value = rng.uniform(low, high)
    return f"{value:.1f}" if value < 1000 else f"{value:.0f}"


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _listing(names: Iterable[str]) -> str:
    return "、".join(names)


def s_title(a: Article) -> str:
    assert a.title is not None
    label, by = a.title
    d = a.published - timedelta(days=a.rng.randint(1, 9))
    body = f"{a.city.short}市工业和信息化局" if a.rng.random() < 0.5 else f"{a.city.short}市工信局"
    return a.rng.choice(
        (
            f"{d.month}月{d.day}日，记者从{body}获悉，{a.city.label}正式获评{by}“{label}”。",
            f"日前，{by}公布{a.published.year - 1}年度{label}名单，{a.name}榜上有名。",
            f"记者近日从{body}了解到，{a.name}被{by}确定为“{label}”，这是该市首次获此称号。",
        )
    )


def s_support(a: Article) -> str:
    programmes = a.programmes
    head, last = _listing(programmes[:-1]), programmes[-1]
    return a.rng.choice(
        (
            f"按照相关激励办法，{a.city.short}将在{head}和{last}等方面获得优先支持。",
            f"根据有关安排，{a.city.short}在激励期内可获{_listing(programmes)}优先支持。",
            f"入选后，{a.city.short}将在{_listing(programmes)}等方面享受倾斜支持。",
        )
    )


def s_leading(a: Article) -> str:
    (industry,) = a.tiers["leading"]
    return a.rng.choice(
        (
            f"{a.name}突出打造{industry}“一号产业”，产业链上下游配套日趋完善。",
            f"{a.name}坚持以{industry}为全市首位产业，持续做大产业规模。",
            f"作为{a.name}的第一主导产业，"
            f"{industry}去年实现营业收入{_money(a.rng, 300, 6000)}亿元。",
        )
    )


def s_tier(a: Article, tier: str) -> str:
    names = a.tiers[tier]
    listed, n = _listing(names), _count(a.rng, len(names))
    by_tier = {
        "pillar": (
            f"{a.name}将{listed}作为{n}主导产业，主导产业增加值占规上工业比重持续提升。",
            f"{a.name}明确以{listed}为{n}支柱产业。",
            f"{listed}等{n}支柱产业合计实现产值{_money(a.rng, 800, 9000)}亿元。",
        ),
        "emerging": (
            f"同时，着力发展{listed}等{n}新兴产业，新兴产业对工业增长的贡献率不断提高。",
            f"{a.name}大力培育{listed}等战略性新兴产业，"
            f"战略性新兴产业产值增长{_pct(a.rng, 3, 25)}%。",
            f"围绕{listed}等{n}战略性新兴产业，{a.name}实施了一批强链补链项目。",
        ),
        "advantage": (
            f"{listed}等{n}传统优势产业加快数字化、绿色化改造。",
            f"{a.name}改造提升{listed}等传统产业，完成技改项目{a.rng.randint(50, 900)}个。",
            f"在传统产业方面，{a.name}推动{listed}等{n}优势产业向高端化迈进。",
        ),
        "future": (
            f"{a.name}前瞻布局{listed}等{n}未来产业，谋划建设未来产业先导区。",
            f"面向未来，{a.name}积极培育{listed}等未来产业，抢占新赛道。",
            f"{a.name}聚焦{listed}等前沿产业，布局建设一批概念验证中心和中试平台。",
        ),
    }
    return a.rng.choice(by_tier[tier])


def s_clusters(a: Article) -> str:
    names = a.clusters
    if len(names) > 1 and a.rng.random() < 0.5:
        return (
            f"目前，{a.name}已形成{_listing(names)}等{len(names)}个千亿级产业集群，"
            f"其中{names[0]}产业集群规模突破{_money(a.rng, 1000, 5000)}亿元。"
        )
    return "".join(
        a.rng.choice(
            (
                f"{name}产业集群规模达到{_money(a.rng, 120, 4000)}亿元，"
                f"同比增长{_pct(a.rng, 2, 20)}%。",
                f"{a.published.year - 1}年，"
                f"{a.name}{name}产业集群规模超过{_money(a.rng, 100, 3000)}亿元。",
                f"{a.name}{name}产业集群入选工信部国家先进制造业集群名单。",
            )
        )
        for name in names
    )


def s_honour(a: Article, vocab: Vocabulary) -> str:
    company = a.company()
    key, label = a.rng.choice(list(vocab.company_titles.items()))
    company.honours.append(label)
    batch, year = a.rng.randint(2, 9), a.published.year - 1
    written = {
        "manufacturing-single-champion": f"工信部第{batch}批制造业单项冠军企业",
        "little-giant": "国家级专精特新“小巨人”企业",
        "quality-benchmark": f"{a.published.year - 1}年度全国质量标杆",
        "green-factory": "国家级绿色工厂",
        "intelligent-manufacturing-demo-factory": f"{year}年度智能制造示范工厂揭榜单位",
        "china-manufacturing-500": f"{a.published.year - 1}中国制造业企业500强",
    }.get(key, f"国家级{label}")
    product = a.rng.choice(PRODUCTS.split())
    name = company.mention()
    return a.rng.choice(
        (
            f"{name}入选{written}。",
            f"{name}凭借{product}产品入选{written}。",
            f"{name}获评{written}，成为全市该领域首家获此称号的企业。",
        )
    )


def s_honour_count(a: Article) -> str:
    names = [c.mention() for c in a.rng.sample(a.companies, min(2, len(a.companies)))]
    n = a.rng.randint(len(names) + 3, 60)
    return a.rng.choice(
        (
            f"{_listing(names)}等{n}家企业被认定为国家级专精特新“小巨人”企业。",
            f"全年新增国家级专精特新“小巨人”企业{n}家，累计达到{n + a.rng.randint(20, 200)}家。",
            f"{_listing(names)}等{n}家企业获评省级智能工厂和数字化车间。",
        )
    )


def s_investments(a: Article) -> str:
    investors = [a.company(investor=True) for _ in range(a.rng.randint(2, 3))]
    unique = list(dict.fromkeys(investors))
    names = _listing(c.mention() for c in unique)
    n, total = a.rng.randint(30, 400), _money(a.rng, 100, 3000)
    return a.rng.choice(
        (
            f"{a.period()}，{a.name}成功引进{names}等亿元以上工业项目{n}个，总投资{total}亿元。",
            f"招商引资方面，{a.name}新签约{names}等重点产业项目{n}个，计划总投资{total}亿元。",
        )
    )


def s_project(a: Article) -> str:
    company = a.company(investor=True)
    product = a.rng.choice(PRODUCTS.split())
    where = a.rng.choice(a.city.districts) if a.city.districts else a.city.short
    total = _money(a.rng, 5, 200)
    name = company.mention()
    return a.rng.choice(
        (
            f"{name}年产{a.rng.randint(2, 50)}万套{product}项目开工建设，总投资{total}亿元。",
            f"位于{where}的{name}{product}二期项目近日竣工投产，项目总投资{total}亿元。",
        )
    )


def s_policies(a: Article) -> str:
    year = a.published.year
    topics = (
        f"制造业高质量发展三年行动方案（{year}—{year + 2}年）",
        "加快推进新型工业化的实施意见",
        "支持专精特新中小企业发展若干措施",
        f"“十四五”{a.rng.choice(['先进制造业', '战略性新兴产业', '数字经济'])}发展规划",
        "推动工业企业技术改造若干政策",
        f"未来产业培育行动计划（{year}—{year + 3}年）",
    )
    chosen = [f"《{a.city.label}{t}》" for t in a.rng.sample(topics, a.rng.randint(1, 2))]
    a.policies += [p.strip("《》") for p in chosen]
    joined = "和".join(chosen)
    return a.rng.choice(
        (
            f"{a.name}先后印发{joined}，完善制造业政策体系。",
            f"政策方面，{a.name}已出台{joined}，对重点项目给予资金奖励。",
            f"为稳定市场预期，{a.name}制定实施{joined}。",
        )
    )


def s_ranking(a: Article) -> str:
    year = a.published.year - 1
    return (
        f"在赛迪顾问发布的{year}先进制造业百强市榜单中，"
        f"{a.city.short}位列第{a.rng.randint(1, 100)}位。"
    )


def _change(rng: random.Random, low: float = -3.0, high: float = 18.0) -> str:
    """``增长5.1%`` or ``下降2.3%``: a year-on-year change as the genre writes it."""
    value = rng.uniform(low, high)
    return f"增长{value:.1f}%" if value >= 0 else f"下降{-value:.1f}%"


#: Figures about the city; each is used at most once in an article.
FIGURES: tuple[Callable[[Article], str], ...] = (
    lambda a: (
        f"{a.period()}，全市规模以上工业增加值同比{_change(a.rng)}，"
        f"增速居全省第{a.rng.randint(1, 15)}位。"
    ),
    lambda a: (
        f"{a.period()}，{a.name}工业投资{_change(a.rng, -5, 30)}，"
        f"其中技改投资{_change(a.rng, -5, 35)}。"
    ),
    lambda a: f"规上工业总产值达到{_money(a.rng, 800, 20000)}亿元，同比{_change(a.rng)}。",
    lambda a: (
        f"截至{a.published.year - 1}年底，全市规模以上工业企业达到{a.rng.randint(400, 16000)}家。"
    ),
    lambda a: (
        f"高技术制造业增加值{_change(a.rng, -2, 30)}，占规上工业比重达{_pct(a.rng, 8, 45)}%。"
    ),
    lambda a: (
        f"累计建成5G基站{a.rng.randint(2, 90) / 10 + a.rng.randint(0, 5):.1f}万个，"
        f"全市上云企业{a.rng.randint(800, 60000)}家。"
    ),
    lambda a: f"全市亩均税收{_money(a.rng, 8, 60)}万元，较上年提高{_money(a.rng, 0.5, 5)}万元。",
    lambda a: (
        f"制造业增加值占地区生产总值比重为{_pct(a.rng, 18, 42)}%，"
        f"较上年提高{_pct(a.rng, 0.1, 3)}个百分点。"
    ),
    lambda a: (
        f"{a.period()}，全市工业出口交货值同比下降{_pct(a.rng, 0.5, 12)}%，"
        f"降幅比上半年收窄{_pct(a.rng, 0.2, 4)}个百分点。"
    ),
    lambda a: f"新能源汽车产量{_money(a.rng, 1, 80)}万辆，同比增长{_pct(a.rng, 10, 120)}%。",
    lambda a: (
        f"{a.period()}，规上工业营业收入{_money(a.rng, 500, 30000)}亿元，"
        f"利润总额{_money(a.rng, 20, 2000)}亿元。"
    ),
    lambda a: (
        f"全市累计拥有国家级制造业单项冠军企业{a.rng.randint(1, 60)}家，"
        f"居全国城市第{a.rng.randint(1, 30)}位。"
    ),
    lambda a: (
        f"{a.period()}，全市工业用电量{_money(a.rng, 20, 900)}亿千瓦时，{_change(a.rng, -4, 15)}。"
    ),
    lambda a: (
        f"全社会研发投入强度达到{_pct(a.rng, 1.2, 4.5)}%，"
        f"高新技术企业总数突破{a.rng.randint(300, 12000)}家。"
    ),
    lambda a: f"单位工业增加值能耗下降{_pct(a.rng, 1, 9)}%，完成年度目标任务。",
    lambda a: (
        f"{a.period()}，全市民间投资{_change(a.rng, -6, 15)}，制造业投资{_change(a.rng, -4, 28)}。"
    ),
    lambda a: (
        f"全市规上工业企业研发活动覆盖率超过{a.rng.randint(35, 80)}%，"
        f"建有省级以上企业技术中心{a.rng.randint(20, 400)}家。"
    ),
    lambda a: (
        f"目前，{a.name}中小微企业总量已达{_money(a.rng, 2, 40)}万家，"
        f"新增市场主体{a.rng.randint(5000, 90000)}户。"
    ),
    lambda a: (
        f"{a.period()}，工业产品产销率达到{_pct(a.rng, 94, 99.5)}%，"
        f"较上年同期提高{_pct(a.rng, 0.1, 2)}个百分点。"
    ),
    lambda a: (
        f"全市培育超百亿元企业{a.rng.randint(2, 40)}家、超十亿元企业{a.rng.randint(20, 300)}家。"
    ),
    lambda a: (
        f"{a.period()}，全市完成工业技改投资{_money(a.rng, 30, 900)}亿元，"
        f"实施技改项目{a.rng.randint(80, 1500)}个。"
    ),
    lambda a: (
        f"重点监测的{a.rng.randint(30, 300)}户工业企业中，"
        f"{a.rng.randint(55, 90)}%的企业产值实现正增长。"
    ),
    lambda a: (
        f"全市规上工业企业数字化研发设计工具普及率达{_pct(a.rng, 60, 92)}%，"
        f"关键工序数控化率达{_pct(a.rng, 45, 75)}%。"
    ),
    lambda a: (
        f"{a.period()}，全市实现外贸进出口总额{_money(a.rng, 100, 9000)}亿元，"
        f"同比{_change(a.rng, -10, 25)}。"
    ),
    lambda a: (
        f"全市集成电路产量{_money(a.rng, 1, 300)}亿块，"
        f"工业机器人产量{a.rng.randint(500, 60000)}套。"
    ),
    lambda a: (
        f"全年新增规上工业企业{a.rng.randint(40, 1500)}家，净增数居全省第{a.rng.randint(1, 12)}位。"
    ),
)
#: Figures about one industry of the city's tiers; used once per industry.
INDUSTRY_FIGURES: tuple[Callable[[Article, str], str], ...] = (
    lambda a, i: f"{i}产业实现产值{_money(a.rng, 50, 4000)}亿元，同比{_change(a.rng, -5, 30)}。",
    lambda a, i: (
        f"{i}产业增加值{_change(a.rng, -4, 25)}，"
        f"拉动全市规上工业增长{_pct(a.rng, 0.1, 3)}个百分点。"
    ),
    lambda a, i: (
        f"{i}领域新增规上企业{a.rng.randint(3, 80)}家，总数达到{a.rng.randint(60, 900)}家。"
    ),
    lambda a, i: f"{a.period()}，{i}产业营业收入突破{_money(a.rng, 100, 3000)}亿元。",
    lambda a, i: (
        f"全市{i}产业链重点企业{a.rng.randint(20, 400)}家，本地配套率提高到{_pct(a.rng, 20, 70)}%。"
    ),
)
#: Figures about one district of the city; used once per district.
DISTRICT_FIGURES: tuple[Callable[[Article, str], str], ...] = (
    lambda a, d: (
        f"{d}规上工业增加值{_change(a.rng, -4, 20)}，增速居全市第{a.rng.randint(1, 9)}位。"
    ),
    lambda a, d: (
        f"{d}全年签约亿元以上项目{a.rng.randint(5, 90)}个，总投资{_money(a.rng, 20, 900)}亿元。"
    ),
    lambda a, d: (
        f"{d}规上工业企业达到{a.rng.randint(60, 1800)}家，工业总产值{_money(a.rng, 80, 5000)}亿元。"
    ),
)

FILLERS: tuple[Callable[[Article], str], ...] = (
    lambda a: f"{a.name}坚持把制造业作为立市之本，以产业链为纽带推动上下游协同，营商环境持续优化。",
    lambda a: (
        f"记者在{a.rng.choice(a.city.districts or (a.city.label,))}走访时看到，"
        "多家企业生产线满负荷运转，订单已排到明年。"
    ),
    lambda a: (
        f"“企业有所呼，我们必有所应。”{a.city.short}市工信局一位负责人说，"
        "全市已建立重点企业服务专员制度。"
    ),
    lambda a: f"业内人士分析认为，{a.name}产业基础扎实、要素保障有力，正处在动能转换的关键期。",
    lambda a: f"{a.name}还建立了重点产业链“链长制”，由市领导牵头协调解决用地、用能、融资等问题。",
    lambda a: f"与此同时，{a.name}加快建设工业互联网平台，推动中小企业“上云用数赋智”。",
    lambda a: (
        f"据了解，{a.name}近年来持续开展“企业服务月”活动，累计帮助企业解决融资、"
        f"用工等问题{a.rng.randint(200, 9000)}个。"
    ),
    lambda a: (
        f"走进{a.rng.choice(a.city.districts or (a.city.label,))}的一家智能工厂，"
        "自动导引车在车间穿梭，机械臂精准完成焊接、装配等工序。"
    ),
    lambda a: (
        "“过去一条产线要几十名工人，现在只需要几名巡检人员。"
        f"”一家企业负责人{_person(a.rng)}告诉记者。"
    ),
    lambda a: "从传统制造到智能制造，从单打独斗到抱团发展，这座城市的工业版图正在重塑。",
)


def s_closing(a: Article) -> str:
    target_year = a.published.year
    return a.rng.choice(
        (
            f"{a.city.short}市工信局有关负责人表示，下一步将持续推进产业基础高级化和产业链现代化，"
            f"力争{target_year}年规上工业增加值增长{_pct(a.rng, 5, 10)}%以上。",
            f"据悉，到{target_year + 2}年，"
            f"{a.name}力争规上工业总产值突破{_money(a.rng, 1000, 30000)}亿元。",
            "“接下来，我们将继续做好要素保障，让更多项目早落地、早投产。"
            f"”{a.city.short}市工信局相关负责人表示。",
            f"下一步，{a.name}将聚焦稳增长、调结构、强主体，推动工业经济量质齐升。",
        )
    )


def figures(a: Article, room: int) -> list[str]:
    """Sentences of figures (and a little colour) up to about ``room`` characters: city
    figures first, then figures of its industries and districts, none used twice."""
    city = list(FIGURES)
    a.rng.shuffle(city)
    industries = [n for names in a.tiers.values() for n in names]
    districts = list(a.city.districts)
    a.rng.shuffle(districts)
    fillers = list(FILLERS)
    a.rng.shuffle(fillers)
    written: list[str] = []
    used = 0
    while used < room:
        roll = a.rng.random()
        if fillers and roll < 0.2:
            sentence = fillers.pop()(a)
        elif city and roll < 0.65:
            sentence = city.pop()(a)
            a.figures += 1
        elif industries and roll < 0.9:
            sentence = a.rng.choice(INDUSTRY_FIGURES)(a, industries.pop())
            a.figures += 1
        elif districts:
            sentence = a.rng.choice(DISTRICT_FIGURES)(a, districts.pop())
            a.figures += 1
        elif not (city or industries or fillers):
            break
        else:
            continue
        written.append(sentence)
        used += len(sentence)
    return written


def table(a: Article) -> str:
    """A table pasted from a statistics bulletin: units in a column, growth in another."""
    rows = (
        ("规模以上工业企业数", "家", str(a.rng.randint(400, 16000)), "——"),
        ("规模以上工业总产值", "亿元", _money(a.rng, 800, 20000), _pct(a.rng)),
        ("规模以上工业增加值", "亿元", _money(a.rng, 200, 6000), _pct(a.rng)),
        ("  其中：高技术制造业", "亿元", _money(a.rng, 30, 1500), _pct(a.rng, -2, 25)),
        ("工业投资", "亿元", _money(a.rng, 50, 2000), _pct(a.rng, -8, 30)),
        ("  其中：技改投资", "亿元", _money(a.rng, 20, 900), _pct(a.rng, -8, 30)),
    )
    a.figures += len(rows)
    lines = [f"附：{a.period()}{a.city.label}工业经济主要指标", ""]
    lines.append(f"  {'指标名称':<14}{'单位':<6}{'绝对值':<10}同比增长(%)")
    lines += [f"  {n:<14}{u:<6}{v:<10}{g}" for n, u, v, g in rows]
    return "\n".join(lines) + "\n\n（数据来源：" + a.city.label + "统计局）"


# ----------------------------------------------------------------------------- skeletons
@dataclass(frozen=True, slots=True)
class Layout:
    name: str
    headings: bool  # sub-headings between sections
    bracketed: bool  # 【sub-headings】, as a feature writes them
    figures_first: bool  # the figures follow the opening (a report), else they close


LAYOUTS = (
    Layout("designation", True, False, False),
    Layout("report", True, False, True),
    Layout("feature", True, True, False),
    Layout("wire", False, False, True),
    Layout("portal", True, False, False),
    Layout("front-matter", True, False, True),
)
HEADINGS = {
    "industries": ("{c}产业体系加快成形", "多点支撑的产业格局正在形成", "新赛道加速布局"),
    "companies": ("企业梯队不断壮大", "“小巨人”队伍持续扩容", "优质企业加速涌现"),
    "projects": ("重大项目加快落地", "招商引资提质增效", "项目建设跑出加速度"),
    "figures": ("工业经济稳中有进", "主要指标好于预期", "{c}工业“压舱石”作用凸显"),
    "policies": ("政策体系持续完善", "政策红利加快释放"),
}


def headline(a: Article) -> str:
    if a.title is not None and a.rng.random() < 0.6:
        return f"{a.city.short}获评“{a.title[0]}” 将获多项国家政策优先支持"
    industry = a.rng.choice(next(iter(a.tiers.values())))
    return a.rng.choice(
        (
            f"{a.city.short}{a.period()}规上工业增加值增长{_pct(a.rng, 1, 15)}%",
            f"{a.city.short}：{industry}领跑 工业经济稳中向好",
            f"{a.city.short}制造业“向新而行” 新兴产业增势强劲",
        )
    )


def byline(a: Article, layout: Layout, vocab: Vocabulary) -> tuple[list[str], str]:
    """The lines after the headline, and the footer."""
    d = a.published
    reporter, editor = _person(a.rng), _person(a.rng)
    outlet = a.rng.choice([*vocab.outlets, f"{a.city.short}日报", f"{a.city.short}新闻网"])
    stamp = f"{d.isoformat()} {a.rng.randint(7, 21):02d}:{a.rng.randint(0, 59):02d}"
    if layout.name == "wire":
        return [f"新华社{a.city.short}{d.month}月{d.day}日电（记者 {reporter}）"], "（完）"
    if layout.name == "portal":
        return [f"来源：{a.city.label}人民政府网站　发布时间：{d.isoformat()}"], (
            f"（{a.city.short}市工业和信息化局）"
        )
    lines = [f"来源：{outlet}　{stamp}" if a.rng.random() < 0.5 else stamp]
    lines.append(
        a.rng.choice(
            (
                f"【{outlet} 记者 {reporter}】",
                f"{outlet}讯（记者 {reporter} 通讯员 {_person(a.rng)}）",
                f"{outlet}记者 {reporter}",
            )
        )
    )
    footer = a.rng.choice((f"（责任编辑：{editor}）", f"【责任编辑:{editor} 】", f"编辑 {editor}"))
    return lines, footer


def opening(a: Article) -> list[str]:
    if a.title is not None and a.rng.random() < 0.8:
        return [s_title(a) + s_support(a)]
    a.programmes = []  # the article names no support
    if a.title is not None:
        return [s_title(a)]
    a.figures += 1
    return [f"{a.period()}，{a.name}工业经济运行总体平稳。" + FIGURES[0](a)]


def sections(a: Article, vocab: Vocabulary, layout: Layout) -> list[tuple[str, list[str]]]:
    """The article's sections in order, (heading key, paragraphs); the figures are left
    empty, to be filled to the article's length. Sections are written in reading order,
    so that a company is named in full where the text first mentions it."""
    body = ["industries", "companies", "projects", "policies"]
    a.rng.shuffle(body)
    order = ["opening", *body, "closing"]
    order.insert(1 if layout.figures_first else len(order) - 1, "figures")

    def industries() -> list[str]:
        out = [s_leading(a)] if "leading" in a.tiers else []
        tiers = ("pillar", "emerging", "advantage", "future")
        return out + [s_tier(a, t) for t in tiers if t in a.tiers] + [s_clusters(a)]

    writers: dict[str, Callable[[], list[str]]] = {
        "opening": lambda: opening(a),
        "industries": industries,
        "companies": lambda: (
            [s_honour(a, vocab) for _ in range(a.rng.randint(1, 3))] + [s_honour_count(a)]
        ),
        "projects": lambda: [s_investments(a)] + [s_project(a) for _ in range(a.rng.randint(0, 2))],
        "policies": lambda: [s_policies(a)] + ([s_ranking(a)] if a.rng.random() < 0.2 else []),
        "figures": list,
        "closing": lambda: [s_closing(a)],
    }
    out = []
    for key in order:
        sentences = writers[key]()
        out.append((key, sentences if key in ("opening", "closing") else _paragraphs(a, sentences)))
    return out


def _paragraphs(a: Article, sentences: list[str]) -> list[str]:
    out: list[str] = []
    for sentence in sentences:
        if out and a.rng.random() < 0.5:
            out[-1] += sentence
        else:
            out.append(sentence)
    return out


def render(a: Article, vocab: Vocabulary, layout: Layout) -> str:
    target = a.rng.randint(800, 4000) if layout.name != "wire" else a.rng.randint(800, 1300)
    title = headline(a)
    head, footer = byline(a, layout, vocab)
    parts = sections(a, vocab, layout)
    written = sum(len(p) for _, paragraphs in parts for p in paragraphs) + len(title) + 60
    stats = _paragraphs(a, figures(a, target - written))
    if layout.name == "report" and a.rng.random() < 0.35:
        stats.insert(min(1, len(stats)), table(a))
    parts = [(key, stats if key == "figures" else paragraphs) for key, paragraphs in parts]
    lines = [title, ""]
    if layout.name == "front-matter":
        lines = ["---", f"title: {title}", f"published: {a.published.isoformat()}", "---", *lines]
    lines += [*head, ""]
    for key, paragraphs in parts:
        if not paragraphs:
            continue
        if layout.headings and key in HEADINGS and a.rng.random() < 0.7:
            heading = a.rng.choice(HEADINGS[key]).format(c=a.city.short)
            lines += [f"【{heading}】" if layout.bracketed else heading, ""]
        for paragraph in paragraphs:
            lines += [paragraph, ""]
    if layout.name == "wire":
        lines[-2] += footer
    else:
        lines += [footer]
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- corpus
@cache
def _to_traditional() -> Callable[[str], str]:
    from opencc import OpenCC  # type: ignore[import-untyped]  # a kg dependency

    return OpenCC("s2t").convert  # type: ignore[no-any-return]


def make_article(seed: int, index: int) -> tuple[str, dict[str, object]]:
    """Article ``index`` of the corpus of ``seed``: its text and what it says."""
    vocab = vocabulary()
    rng = random.Random(f"{seed}:{index}")
    a = plan(vocab, rng)
    layout = rng.choice(LAYOUTS)
    text = render(a, vocab, layout)
    traditional = rng.random() < 0.04
    convert = _to_traditional() if traditional else (lambda s: s)
    if traditional:
        text = convert(text)
    truth: dict[str, object] = {
        "adcode": a.city.adcode,
        "city": convert(a.city.short),
        "city_label": convert(a.city.label),
        "province": convert(a.city.province) if a.city.province else None,
        "published": a.published.isoformat(),
        "layout": layout.name,
        "script": "traditional" if traditional else "simplified",
        "chars": len(text),
        "tiers": {tier: [convert(n) for n in names] for tier, names in a.tiers.items()},
        "clusters": [convert(f"{n}产业集群") for n in a.clusters],
        "companies": [
            {"name": convert(c.name), "short": convert(c.short), "honours": c.honours}
            | {"invests": c.invests}
            for c in a.companies
            if c.named
        ],
        "title": None if a.title is None else {"designation": a.title[0], "by": a.title[1]},
        "programmes": a.programmes,
        "policies": [convert(p) for p in a.policies],
        "figures": a.figures,
    }
    return text, truth


def generate(n: int, out_dir: Path, *, seed: int = 0) -> list[dict[str, object]]:
    """Write ``n`` articles into ``out_dir`` with ``manifest.jsonl`` and ``corpus.json``;
    return the manifest rows (what each article says, with its ``id`` and ``file``)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, object]] = []
    seen: dict[str, int] = {}
    for index in range(n):
        text, truth = make_article(seed, index)
        stem = f"cn{truth['adcode']}-{truth['published']}"
        seen[stem] = seen.get(stem, 0) + 1
        if seen[stem] > 1:
            stem = f"{stem}-{seen[stem]}"
        (out_dir / f"{stem}.txt").write_text(text, encoding="utf-8")
        rows.append({"id": stem, "file": f"{stem}.txt", "index": index} | truth)
    with (out_dir / "manifest.jsonl").open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    info = {"n": n, "seed": seed, "version": VERSION}
    (out_dir / "corpus.json").write_text(json.dumps(info) + "\n", encoding="utf-8")
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out_dir", type=Path, help="folder to write them to")
    parser.add_argument("--seed", type=int, default=0, help="random seed (0)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    rows = generate(args.n, args.out_dir, seed=args.seed)
    seconds = time.perf_counter() - start
    size = sum((args.out_dir / str(r["file"])).stat().st_size for r in rows)
    print(
        f"wrote {len(rows)} articles ({size / 1e6:.1f} MB) to {args.out_dir} in {seconds:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
