"""Chinese numerals: the digits, the multipliers, and the value of a numeral."""

from __future__ import annotations

from decimal import Decimal

CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_number(text: str) -> Decimal:
    """Value of a Chinese numeral without magnitude words: 三十五 → 35, 百 → 100.

    Raises:
        ValueError: a char of ``text`` is no digit or multiplier.
    """
    total, current = 0, 0
    for ch in text:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            total += (current or 1) * CN_UNITS[ch]
            current = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return Decimal(total + current)
