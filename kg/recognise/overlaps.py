"""How overlapping mentions are settled: one named function, passed where it is needed."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kg.records import Mention

OverlapPolicy = Callable[[Iterable[Mention]], list[Mention]]


def longest_first(mentions: Iterable[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions, then the earliest; result in text order.

    >>> from kg.records import EntityType, Span
    >>> a = Mention(Span(0, 4), "兴港新能", EntityType.COMPANY, None, "t")
    >>> b = Mention(Span(2, 4), "新能", EntityType.INDUSTRY, None, "t")
    >>> [m.surface for m in longest_first([b, a])]
    ['兴港新能']
    """
    kept: list[Mention] = []
    taken: list[tuple[int, int]] = []
    # offsets inside kept spans, so a span is checked per offset, not against every kept span;
    # empty spans cover no offset and are checked the long way
    covered: set[int] = set()
    empty: list[int] = []
    ordered = sorted(mentions, key=lambda m: (-len(m.span), m.span.start, m.rule))
    for mention in ordered:
        s, e = mention.span.start, mention.span.end
        if s < e:
            clash = not covered.isdisjoint(range(s, e)) or any(s < p < e for p in empty)
        else:
            clash = any(s < te and ts < e for ts, te in taken)
        if clash:
            continue
        kept.append(mention)
        taken.append((s, e))
        covered.update(range(s, e))
        if s == e:
            empty.append(s)
    return sorted(kept, key=lambda m: (m.span.start, m.span.end))
