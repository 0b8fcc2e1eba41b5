"""Write the broken-input corpus of this folder (``python tests/broken/make_broken.py``).

Each file is one kind of input an analyst's scraper leaves behind; ``expected.tsv`` says
what ``kg build`` must do with it. The texts are invented (cities and companies included).
Files too big to commit (an oversized article) are made by the test itself.
"""

from __future__ import annotations

import codecs
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent


def article(city: str, company: str, title: str, day: str) -> str:
    return (
        f"{title}\n"
        f"{day} 来源：{city[:2]}日报\n"
        f"近日，{city}召开新能源汽车产业发展推进会。会议提出，到2026年，"
        f"全市新能源汽车产业规模突破500亿元。\n"
        f"{company}年产10万套电驱动系统项目已于今年1月正式投产，总投资约32亿元。\n"
        f"{city}工业和信息化局负责人表示，将围绕整车、动力电池、电机电控三大环节延链补链，"
        "力争引进配套企业50家以上。\n"
        "（记者 周明远）\n"
    )


GOOD = article(
    "云岭市", "东澜智能装备股份有限公司", "云岭市新能源汽车产业链加快集聚", "2024年3月18日"
)
TRADITIONAL = (
    "汐川市半導體產業園首期項目竣工\n"
    "2023年11月6日 來源：汐川日報\n"
    "本報訊 汐川市半導體產業園首期項目日前竣工，雁湖微電子股份有限公司將率先進駐。"
    "該項目總投資約45億元，達產後預計年產值超過80億元。\n"
    "市經濟發展局表示，將加快培育積體電路、新型顯示等戰略性新興產業，"
    "推動製造業高質量發展。\n"
)
PAGE_GBK = """<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>白鹭市政府网 - 新闻中心</title>
<style>body { font-family: "宋体"; } .nav { color: #333; }</style>
<script>var 栏目 = "不是正文"; document.write("<p>也不是正文</p>");</script>
</head><body>
<nav><a href="/">首页</a> | <a href="/news">政务要闻</a> | <a href="/gk">信息公开</a></nav>
<!-- 统计代码：这段注释不是正文 -->
<div class="article">
<h1>白鹭市生物医药产业园再添龙头项目</h1>
<p class="info">发布时间：2024-05-21&nbsp;&nbsp;来源：白鹭日报</p>
<p>5月20日，白鹭市与青禾生物科技有限公司签约，年产2亿支疫苗项目落户白鹭市生物医药产业园，
总投资约18亿元。</p>
<p>市发展和改革委员会负责人表示，白鹭市将加快打造&ldquo;研发&mdash;中试&mdash;生产&rdquo;
全链条生物医药产业集群，预计2027年产业规模达到300亿元&amp;以上。</p>
</div>
<footer>版权所有 &copy; 白鹭市人民政府 网站标识码 0000000000</footer>
</body></html>
"""
MARKUP_ONLY = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>加载中</title>
<script src="/static/app.js"></script><style>#app { height: 100% }</style></head>
<body><div id="app"></div><noscript>请启用JavaScript</noscript>
<script>window.__STATE__ = {"page": "新闻"};</script></body></html>
"""
DECLARED_GBK_BUT_UTF8 = PAGE_GBK.replace("白鹭", "雁湖").replace("青禾", "望川")
ENGLISH = (
    "403 Forbidden\n\nYou don't have permission to access this resource.\n"
    "Additionally, a 403 Forbidden error was encountered while trying to use an ErrorDocument.\n"
)
JAPANESE = (
    "霁川市の新工場が稼働\n2024年2月8日\n"
    "霁川精機株式会社は、新しい電動車部品工場の操業を開始したと発表した。"
    "投資額は約120億円で、年間50万台分の部品を生産する計画だ。"
).replace("霁", "雨")  # 霁 has no Shift_JIS form


def files() -> dict[str, bytes]:
    rng = random.Random(6)
    good = GOOD.encode()
    random_bytes = bytes(rng.randrange(256) for _ in range(600)) + b"\x00\x00\x01\x00"
    return {
        # empty and blank
        "empty.txt": b"",
        "whitespace-only.txt": " \n\t\r\n\u3000\u3000\n \n".encode(),
        # binary
        "png-saved-as-page.html": bytes.fromhex(
            "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
            "0000000d49444154789c6300010000050001a5f645400000000049454e44ae426082"
        ),
        "pdf-saved-as-text.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n",
        "random-bytes-with-nuls.txt": random_bytes,
        # broken UTF-8 and bytes no encoding reads
        "truncated-utf8.txt": good[: good.index("亿元".encode()) + 4],
        "mixed-utf8-and-gbk.txt": GOOD[:40].encode() + GOOD[40:].encode("gbk"),
        "invalid-bytes.txt": b"\x81\x20\xff\xfe-" + GOOD.encode("gbk")[:60] + b"\xff\x80\x80",
        "shift-jis-page.txt": JAPANESE.encode("shift_jis"),
        "double-encoded-utf8.txt": GOOD.encode().decode("latin-1").encode(),
        "utf8-bom-then-gbk.txt": codecs.BOM_UTF8 + GOOD.encode("gbk"),
        "utf16le-odd-length.txt": codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le") + b"\x0a",
        # encodings that are read
        "utf8-bom.txt": codecs.BOM_UTF8
        + article(
            "东澜市", "云岭新材料有限公司", "东澜市新材料产业跑出加速度", "2024年1月9日"
        ).encode(),
        "utf16le-bom.txt": codecs.BOM_UTF16_LE
        + article(
            "青禾市", "白鹭动力电池有限公司", "青禾市动力电池项目开工", "2023年8月2日"
        ).encode("utf-16-le"),
        "utf16be-bom.txt": codecs.BOM_UTF16_BE
        + article(
            "望川市", "汐川电机有限公司", "望川市电机产业集群入选省级名单", "2023年9月14日"
        ).encode("utf-16-be"),
        "utf16le-no-bom.txt": article(
            "雁湖市", "青禾储能科技有限公司", "雁湖市储能产业园开园", "2023年10月30日"
        ).encode("utf-16-le"),
        "gb18030.txt": article(
            "霁川市", "霁川𠮷祥汽车零部件有限公司", "霁川市汽车零部件产业提质扩量", "2022年12月5日"
        ).encode("gb18030"),
        "gbk-page.html": PAGE_GBK.encode("gbk"),
        "declares-gbk-but-utf8.html": DECLARED_GBK_BUT_UTF8.encode(),
        "big5-traditional.txt": TRADITIONAL.encode("big5"),
        # layout and metadata
        "crlf.txt": article(
            "白鹭市", "望川新能源科技有限公司", "白鹭市光伏产业链补链成效显现", "2024年4月2日"
        )
        .replace("\n", "\r\n")
        .encode(),
        "one-long-line.txt": (GOOD.replace("\n", " ") * 50).encode(),
        "markup-only.html": MARKUP_ONLY.encode(),
        "control-characters.txt": article(
            "东澜市", "白鹭精密制造有限公司", "东澜市精密制造产业稳中有进", "2024年6月11日"
        )
        .replace("\n近日", "\n\x0c近日")
        .replace("（记者", "\x1b[0m（记者")
        .encode()
        + b"\x1a",
        "no-chinese-text.txt": ENGLISH.encode(),
        "bad-sidecar.txt": article(
            "青禾市", "东澜新能源汽车有限公司", "青禾市整车项目签约", "2024年7月1日"
        ).encode(),
        "bad-sidecar.meta.json": b'{"title": "\xe9\x9d\x92\xe7\xa6\xbe", "published": 2024-07-01,}',
        "front-matter-unclosed.md": ("---\ntitle: 望川市工业经济运行平稳\n" + GOOD).encode(),
        "front-matter-bad-line.md": (
            "---\ntitle: 望川市工业经济运行平稳\n作者 周明远\n---\n" + GOOD
        ).encode(),
        "front-matter-bad-date.md": (
            "---\ntitle: 望川市工业经济运行平稳\npublished: 2024-02-30\n---\n" + GOOD
        ).encode(),
        "html-saved-as-text.txt": PAGE_GBK.replace("白鹭", "东澜").encode("gbk"),
    }


if __name__ == "__main__":
    for name, data in files().items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")
