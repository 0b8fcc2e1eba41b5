"""Find the encoding of an article's bytes, or say exactly why none fits.

Read are UTF-8 (with or without a BOM), UTF-16 (with a BOM, or without one when its NUL
bytes give it away), GB18030 with its subsets GBK and GB2312, and Big5. UTF-8 is tried
before the legacy encodings because legacy Chinese text is practically never valid UTF-8;
GB18030 and Big5 accept many of the same byte strings, so each reading is scored by how
much of it is common Chinese (:func:`chinese_score`) and the better one wins, GB18030 on a
tie. A page's ``<meta charset>`` settles that choice when it names one of them.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from kg.errors import InputError
from kg.segment import normalise

SUPPORTED = "UTF-8, UTF-16, GB18030 or Big5"

#: The 2,500 most frequent hanzi, most frequent first: characters of GB2312 level 1 (the
#: 3,755 the standard itself calls common) ranked by their frequency in jieba's dictionary
#: (words weighted by count); together 97.5% of its running text. ``tests/test_load.py``
#: derives the table again and compares.
COMMON_HANZI = (
    "一是人了不在有大中国和为这上他个地年来我会以到时要出的生学说道民家子也成行下们于后就发自之"
    "对得主长可过天作分方用多你着部能市等业全里工公经本都而高政法面门动日进区事代那去心小同北定"
    "开产前其军还然起种所如现理机体表力好外与文当两实重新三么只山水关明从化平建又制南内西没此将"
    "员名手最东头者月间无安看见各城十相但已些正口通想度加第她合院物性战由位常点海意场武使次二向"
    "治因立数样身情入原问把路被并利石老教万知级量任江及应省资委务元美特期世湖回系比气汉总展电科"
    "金先声提品设或义王社很统处四首共马形己儿司太目基领队直计别女权话少流命至报米给打变果书清活"
    "几州华解议更称程今决张导术府才保交放管结师便走达族反再题色五京河接条规县式白它改风光运信受"
    "什组听布百济党指论强做取技黄神选记斯真却职号界件花类何眼兵传带空干农边据集联古广完质阳难增"
    "历史专官每住商即步认车台林必死游举线言皇土团收考求德叫近备研争非具李众连调感转笑革该持始英"
    "克士尔让拉思根格造较际亲单朝红型价校约器字段周亚深候则功属积快图火千准究往极育装许参半令吃"
    "观鱼精办像帝八复影告远群包整构料随划算象容示投势热值夫网望源息语股铁断派速怎需片爱律纪支早"
    "况病境证编越局推满且列觉服双未居除乐企引标确织初青志率项飞球察节龙响药站施均消客失轻存低甚"
    "般击曾防请离落显罗营足素视护副食创余照兴占巴虽洲村费易试星木黑左宝置跟央识维采六底宫房音环"
    "案批切斗富乡另倒若按查故突责严桥模仅胜杀围席态破承招杨负层须父供续状域似依银范修找九致密终"
    "血旅钱赛独细效玉冲获习医演毛尽脸弹楼艺航陆右协七攻镇检写苏宗章注阿抗弟坐验封紧劳户优财养适"
    "陈喜卫排射哥油刻留急降念云微伤例景拿绝阶座刘刚害印亿沙母酒助闻超审待压升送监策略限竟香配藏"
    "敌呢差仍兰温园树征善波哪词岛止预怕继皮执味份角草男普答益谁船惊核街夏宣掌田久著画辑奇尼剑吧"
    "谈背免孩礼材愿洋春架筑括晚乱乎讲尚良友临激刀夜室既敢邦挥昌板胡欧福港叶简苦担句岁荆贵娘守辖"
    "威宜衣帮块堂额错剧充欢够孙班呼阵销坚练脚退读测吴希宁换版异某顾曲楚典朱毒菜判救宋茶洪含顺啊"
    "鲜败货矿端兄归冷忙买险康评肉吗厂永哈沉散遗停笔假输牛洞松渐顶训录否述毕督控丰献姑忽爷互亮纳"
    "襄登咱钟伯臣雄季脑介鄂召饭暗扩祖齐短烈赶牌恩诉移诗础露届蒙静喝盘卖植授伊湾博痛减穿逐秘庭陵"
    "固禁票灵杂姓泽吸侧庆妈遇追甲馆补唐炮沿殿刺怪彩俄旧警索岸轮妇载靠附毫怀软骨探雷旁罪枪牙迎序"
    "慢盛雨墙恶谷顿危稳熟概酸操诸绿佛荣针托宽折野付午肯库厚缺罢耳屋嘴末谢培巨页瓦款犯困店智拥雪"
    "翻圣戏旗吉婚奖岩疑币圆歌廷健卡烧析讨跑烟误仙疗舞亡闭汽伸脱秋姐繁侵川莫麻秀借寻私岗卷跳丽横"
    "驻套兼您君丁束纸夺袁灯坏坦丝径购阴床瞧择墓宪峰遍鲁庙掉丹桃御舰避售怒课播拔奥延虚隐粮络遭摇"
    "潜庄混厅婆奴鼓赵访睡震予童徐韦殖抓拜吨扬址洛休纵逃染纷贸透汇灭蛋森仪塔距狐融郡缓聚盖拍迹忠"
    "释润粉孔岭搜紫虑促抵钢塞寺津液码虎坛珍硬梁奔累役偏迫凡损壁哭替税综伦冰盟挂韩竞乌尤弱铺妹秦"
    "尊竹珠迅脉泥鬼纯睛刑途隆潮幅杯握谋剂幸奉乘抱朋谓频崇壮骑恐享鸡虫绍铜呈泛械摆欲奶敬措爆暴签"
    "猛郭嘉障缩亦废搞胞埃曰撤暖寒订俗绩阻盐萨勒忘奏孝贴灰梅触玩默胸醒莲篇柱裁啦淡抢捕闹纺截讯朗"
    "誉雅忍梦伙勇峡徒丈尾迷唱泉泰佳残闪伍呀疾署剩贼冠倾豆申贫诺麦泪羊尖辈镜涉贡爹缘摩妻殊贝零映"
    "甘骂糖岳饮奋棉雕跃汗冒渡努赞启阁斤裂患伏池鹿洗劲晋倍圈媒箭沟锋胆凭挑抬闯隔弄曹汤苗迁叹唯振"
    "储贯彻桌祭符僧衡炸旋凤喊黎郎援肥磁忌赏辽祥董仁辛瑞询敏浪貌毁昨巧腿抽荷陷焦净腹弃乃湘亩滑狗"
    "冬宏皆番尸伟桂览恢龄绕趣晶坡魏摸伴墨浓绪舍蓝荡阅井鸿旦惯症鸟扎窗辞聘穷堰宇键荒递恨隶厉杜闲"
    "腰袭侍灾涨叔湿寨幕豪郑磨浮薄券赤腐译租氧戴邓煤肠牧孤妙旨堡册锅胖柳阔吹丘趋锦颜悬陶拳诚尺晓"
    "插蒋艇勤穴摄燕垂罚辆戒稀腾粗袋绘炎氏肩枝泊狂估杭扑臂哲寡偷懂琴悲盾炒稍矛愈籍颁吐呆违亭眉撞"
    "贷刊巡屈堆曼饰碎滚悉寄迟描污辅魔烦鼻盗餐幼凉仗冈澳驾菌肚肃爸仰抚慈扶仿盆炼纲倘杰碗忧惜扫暂"
    "祝跨渔宾漫寿猪涌凝邻赴恰劝仇践顷赋悄莱拟贤愤姆乏轰粒逼傅陕昆溶葬燃魂挺腊耐犹辉乳陪颇斜棋熊"
    "浅沈返翼丧拖惨俊驱袖惠涂添牵咸详碰割侯柔纤档糊岂跪拒覆绣吓宿偶揭赖烤卢娃颗邮扇伐循衰弦凯羽"
    "枚帅锁疏搭俱帐胶赫埋蒸壳彼脏箱浙弯瓜挡拱筹疆肿膜刷杆凶债甜泡玄贾谱夹乾遣薪灌咬尘填廊钻丛狼"
    "牢脊熙卒碑漠躲削徽踏贺朵遵狠菲撒扰蛇锡炉纹亏匹鉴慕跌慌穆邀芳爬豫吾奸棒淮捷耕艘齿醉脂兽滴盈"
    "卵滋柴溪碍瓶辩遂怨拨肌俘挖恒励鸣肝偿腔秒拦允塑拆靖耗凌披胁吏纽烂尝辟耶艰佩敦疼荐厘匠柏悠壤"
    "拾乔轴妖喷掩璃孟歇轨猜晨坊桑堤畅瞎氨辨鞋昏恭畜浩迪雾丢咨擦洁窝飘捉搬奈肤愁砖幽辣嘛赢藕挤舒"
    "狮耀诊扣篮尿唤梯勾霍侠舌筋枢屏衙殷栏纠链恋惧笼冶寸弥晃叙吊哩稿娜剥拼欺囊榜汪逆堪骗猎棺胎俩"
    "郊掘匆缝乙藻携慧函辱嫩扯癌悟滩祸秉慰驰狱砍糕吞漏纬茅渠催踪叛浑牲杖鞭腺邪欣汝碳彭咐椒绳颈漆"
    "遥夷郁斑忆阀卑宴抑逻嫁扭胃仔恼贪兆庸疯侦鹰驶斩鹤猴瘦蜂赐闷柄椅轿拓扮砂傻粘辐啥伪抛玻昂侨吟"
    "刃吕饱玛碱冯仓钦哼庞儒叉泄臭艾蓉鼠捧舱坝瘤勃帽敲吻契舟夸葡剪抖霸艳聪仆躺瑶谦炭卧袍猫珊溜漂"
    "衔苍坑串浆碧巷咽铸押惩迈锐颤滨疲履盒宅喀缠饿翁幻逢扁旱罕怜姻蓄惟磷帕掠劫稻撑姿肾胀慎哨摔谨"
    "鹅丑塘肺镑趁蜀兑哦贞葛仲惑蔡踢妥筒诞朴萄饼狭赔绵诱卜陀呵抹疫辰顽蓬倡摊浦矩账翠煌茂畏劣氛廉"
    "鸭瓷戈秩弗悔尉挣拐芦鼎睁脾聊株枯纱冻唇茫哀芬轩蛮棍醇晕嫂宙酷郧欠孕鹏槽栖吩姚昭罐叠墩盼舆芒"
    "斥酬捐斋眠脆萧皱卿蚀淋卓翰钉丫宰阐翅沃挨霖哄爵衫逊铭戚旺硕擅嫌赌隋肖饶沪雇罩煎掷摘誓冤坤屁"
    "竭宛菱厌矮潭渊俺崖氢棚喇涵裕溃堵媳抄怔蒂肢泌甫寂颠撰逝霜羞佐铅帖硫蹈痕瞬挽爽娶柯屯韵婴悦螺"
    "凑兹烛歼毅杉慨钧渗蜜遮窑厦谐匈柜喉愧栽扔苯谊肆霞吵夕壶赚尹窄弓谭盲勋饲窟俞嗣煮巾裤膨奠瞪愚"
    "膏喘姜膀蔬糟僚妄畴喂耻牺旭妨硅崩雌陛卸砸贩竖攀伞晒惹裹屠汁擒鳞佣渴掀雀龟唉泼亥僵屡瞒刮钩桐"
    "谅隙盯霉侄逸浸爪坟咳宠脖彪虹甸衍讼虾芝涛巩熔嘿峻怖磕掏洒枣滞舅昔哑焕娱芯捞衷旬矣茨蜡喻婶挪"
    "琉枕娇豹傲厨腕巢氯燥焚乖嘱禄赠晌铃雁姨焰蹄虏潘饥捏缔歪蕴鸦嘻俯锻骤吁剿禽勉膝捣茎晴厢匀梨涯"
    "蒲驼匪撕樊搏缚垄寓斌劈旷舵薛沸丸泳绸炬缴贱躯褐嚷酶"
)
#: Punctuation and symbols of Chinese text that width folding does not turn into ASCII.
_COMMON_MARKS = "。、“”‘’《》〈〉【】「」『』〔〕—…·•～％℃×÷±≤≥①②③④⑤⑥⑦⑧⑨⑩"
_COMMON = frozenset(COMMON_HANZI) | frozenset(_COMMON_MARKS)

#: A legacy reading judged on at least this many non-ASCII characters must have at least
#: this share of common ones, or it is taken for mojibake (mixed or mis-declared bytes).
_JUDGE_FROM = 8
_MIN_SCORE = 0.5
#: More control characters than this share of the text (and a few) make it binary.
_MAX_CONTROL_SHARE = 0.05
_MAX_CONTROLS_ANYWAY = 8
#: Control characters other than tab and line ends.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

#: Legacy families, each tried narrowest codec first so the name recorded says what the
#: file is; GBK and GB2312 decode exactly as GB18030 does.
_GB = ("gb2312", "gbk", "gb18030")
_BIG5 = ("big5", "cp950")
_FAMILY_NAMES = {_GB: "GB18030", _BIG5: "Big5"}
_DECLARED = {
    "gb2312": _GB,
    "gbk": _GB,
    "x-gbk": _GB,
    "cp936": _GB,
    "gb18030": _GB,
    "big5": _BIG5,
    "big5-hkscs": _BIG5,
    "x-x-big5": _BIG5,
    "cp950": _BIG5,
}
_CP1252 = {bytes([b]).decode("cp1252", "ignore"): b for b in range(128, 256)}
_CP1252.pop("", None)
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF file (WebP image, WAV sound)"),
    (b"%PDF-", "a PDF document; extract its text first"),
    (b"PK\x03\x04", "a ZIP archive (.docx, .xlsx?); extract its text first"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc, .xls); extract its text first"),
    (b"\x1f\x8b", "gzip-compressed data; decompress it first"),
    (b"\x7fELF", "an executable"),
)
_HTML_START = re.compile(
    rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta)\b", re.I | re.S
)
_META_CHARSET = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # a Python codec name that decodes the file again, e.g. "gbk", "utf-8-sig"


def decode(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode an article's bytes, detecting the encoding; ``declared`` is a page's charset.

    >>> decode("洛阳工业稳中向好".encode("gbk")).encoding  # GBK text of GB2312 characters
    'gb2312'
    >>> decode("洛陽工業穩中向好".encode("big5")).encoding
    'big5'
    >>> decode("\\ufeff洛阳".encode("utf-16-le")).text
    '洛阳'

    Raises:
        InputError: binary content, or bytes no supported encoding reads as text (the
            message names the problem and its byte offset, without the file's name).
    """
    if kind := binary_kind(data):
        raise InputError(f"binary content ({kind}); expected a text article")
    if data.startswith(codecs.BOM_UTF8):
        decoded = _decode_after_bom(data, 3, "utf-8", "utf-8-sig")
    elif data.startswith(codecs.BOM_UTF16_LE):
        decoded = _decode_after_bom(data, 2, "utf-16-le", "utf-16")
    elif data.startswith(codecs.BOM_UTF16_BE):
        decoded = _decode_after_bom(data, 2, "utf-16-be", "utf-16")
    elif b"\x00" in data:
        decoded = _decode_nul_bytes(data)
    else:
        decoded = _decode_utf8_or_legacy(data, declared)
    controls = len(CONTROL.findall(decoded.text))
    if controls > max(_MAX_CONTROLS_ANYWAY, _MAX_CONTROL_SHARE * len(decoded.text)):
        raise InputError(
            f"binary content ({controls} control characters in {len(decoded.text)} read as "
            f"{decoded.encoding}); expected a text article"
        )
    return decoded


def binary_kind(data: bytes) -> str | None:
    """What a binary file is, from its first bytes (magic numbers), else None."""
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)


def looks_like_html(data: bytes) -> bool:
    """Whether the bytes start like an HTML page (whatever the file is called)."""
    return bool(_HTML_START.match(data.removeprefix(codecs.BOM_UTF8), 0, 1024))


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` near its top, lower-cased."""
    match = _META_CHARSET.search(data, 0, 4096)
    return match.group(1).decode("ascii").lower() if match else None


def chinese_score(text: str) -> float:
    """The share of non-ASCII, non-space characters that are common Chinese (hanzi in
    either script, or punctuation); 1.0 when there are none.

    >>> chinese_score("洛阳工业。"), chinese_score("洛陽工業。"), chinese_score("娲涢槼")
    (1.0, 1.0, 0.0)
    """
    sample = _non_ascii(text)
    if not sample:
        return 1.0
    folded = normalise("".join(sample))
    return sum(1 for ch in folded if ch in _COMMON or ch < "\x80") / len(sample)


def _common_hanzi(text: str) -> int:
    return sum(1 for ch in normalise(text[:400]) if ch in _COMMON and ch not in _COMMON_MARKS)


def _non_ascii(text: str, limit: int = 20_000) -> list[str]:
    return [ch for ch in text[:limit] if ch >= "\x80" and not ch.isspace()]


def _decode_after_bom(data: bytes, bom: int, codec: str, recorded: str) -> Decoded:
    """A file with a BOM: its encoding is certain, so an error in it is reported as is."""
    try:
        return Decoded(data[bom:].decode(codec), recorded)
    except UnicodeDecodeError as exc:
        error = UnicodeDecodeError(codec, data, exc.start + bom, exc.end + bom, exc.reason)
        name = codec.upper().replace("-LE", "LE").replace("-BE", "BE")
        raise InputError(f"not valid {name} despite its BOM ({_where(data, error)})") from exc


def _decode_nul_bytes(data: bytes) -> Decoded:
    """NUL bytes: UTF-16 without a BOM if one byte order reads as Chinese text (the NULs
    are the high bytes of ASCII characters and of hanzi like 开 U+5F00); else binary."""
    readings = []
    if len(data) % 2 == 0:
        for codec in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if not CONTROL.search(text):
                readings.append((chinese_score(text), len(_non_ascii(text)), Decoded(text, codec)))
    score, non_ascii, best = max(readings, key=lambda r: r[:2], default=(0.0, 0, None))
    if best and score >= _MIN_SCORE and non_ascii:
        return best
    raise InputError(
        f"binary content (NUL byte at offset {data.index(0)}); expected a text article "
        "(UTF-16 needs a BOM unless it is plainly recognisable)"
    )


def _decode_utf8_or_legacy(data: bytes, declared: str | None) -> Decoded:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        if twice := _encoded_twice(text):
            raise InputError(
                f"UTF-8 encoded twice: it reads {text[:6]!r}… for {twice[:6]!r}… (mojibake "
                "of bytes taken for Latin-1 or cp1252 and saved as UTF-8 again); decode it once"
            )
        return Decoded(text, "utf-8")
    # Legacy bytes may form a few two-byte UTF-8 characters, never a run of common hanzi:
    # text that reads as Chinese UTF-8 up to the error is broken UTF-8 (cut off, or mixed).
    before = data[: utf8_error.start].decode("utf-8")
    if _common_hanzi(before) >= 3 and chinese_score(before) >= _MIN_SCORE:
        if utf8_error.end == len(data) and utf8_error.reason == "unexpected end of data":
            raise InputError(
                f"not valid UTF-8: the file ends inside a character (offset "
                f"{utf8_error.start}); it looks cut off"
            ) from utf8_error
        raise InputError(
            f"not valid UTF-8 ({_where(data, utf8_error)}, after valid UTF-8 text: "
            "mixed encodings?)"
        ) from utf8_error
    families = [_GB, _BIG5]
    preferred = _DECLARED.get(declared or "")
    if preferred:
        families.sort(key=lambda f: f is not preferred)
    readings: list[tuple[tuple[str, ...], Decoded]] = []
    furthest: tuple[UnicodeDecodeError, str] = (utf8_error, "UTF-8")
    for family in families:
        try:
            readings.append((family, _decode_family(data, family)))
        except UnicodeDecodeError as exc:
            if exc.start > furthest[0].start:
                furthest = (exc, _FAMILY_NAMES[family])
    if not readings:
        error, name = furthest
        why = _where(data, error) + ("" if name == "UTF-8" else f"; the text before it is {name}")
        if declared and not preferred and declared not in ("utf-8", "utf8"):
            why += f"; the page declares charset={declared}, which kg does not read"
        raise InputError(f"not valid {SUPPORTED} ({why})") from error
    if preferred and readings[0][0] is preferred:
        return readings[0][1]
    scored = [(chinese_score(decoded.text), -i, decoded) for i, (_, decoded) in enumerate(readings)]
    score, _, best = max(scored, key=lambda s: s[:2])
    if score < _MIN_SCORE and len(_non_ascii(best.text)) >= _JUDGE_FROM:
        sample = "".join(_non_ascii(best.text, 400)[:8])
        raise InputError(
            f"not valid UTF-8, and read as {best.encoding} it is mostly rare characters "
            f"({sample}…): mis-encoded or mixed bytes? Convert it to UTF-8"
        )
    return best


def _encoded_twice(text: str) -> str | None:
    """The text that UTF-8 read as cp1252 (Latin-1 where cp1252 has no character) and
    encoded as UTF-8 again once was (the classic mojibake, 洛阳 → æ´›é˜³), if it is that."""
    if not re.search(r"[\xc2-\xef][\x80-\xbf\u0152-\u2122]", text):
        return None
    try:
        original = bytes(_CP1252.get(ch, ord(ch)) for ch in text).decode("utf-8")
    except ValueError:  # a character beyond one byte, or bytes that are no UTF-8
        return None
    return original if _common_hanzi(original) and chinese_score(original) >= _MIN_SCORE else None


def _decode_family(data: bytes, family: tuple[str, ...]) -> Decoded:
    """The narrowest codec of the family that decodes ``data``.

    Raises:
        UnicodeDecodeError: the widest does not either.
    """
    for codec in family[:-1]:
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeDecodeError:
            continue
    return Decoded(data.decode(family[-1]), family[-1])


def _where(data: bytes, exc: UnicodeDecodeError) -> str:
    if exc.end >= len(data) and exc.reason in ("unexpected end of data", "truncated data"):
        return f"the file ends inside a character at offset {exc.start}"
    if exc.encoding.startswith("utf-16"):
        return f"{exc.reason} at offset {exc.start}"
    return f"invalid byte 0x{data[exc.start]:02X} at offset {exc.start}"
