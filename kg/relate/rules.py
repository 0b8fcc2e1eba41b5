"""The registry of relation rules: one function per relation, each reading one sentence.

A rule takes a ``SentenceContext`` and yields ``Fact`` records; list items it finds
(companies in ``A、B等5家企业``) become new mentions carried by its facts. Added rule sets
register the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.recognise.patterns import DESIGNATION_CUES
from kg.relate.awards import LISTING_WORDS, SUPPORT_WORDS, designations, listings, priority_support
from kg.relate.context import Rule
from kg.relate.figures import captioned_figures, observations, table_rows
from kg.relate.industries import clusters, industry_tiers
from kg.relate.projects import COMPANY_LIST_WORDS, company_presence, investments, policies

RULES: dict[str, Rule] = {
    "industry-tiers": industry_tiers,
    "clusters": clusters,
    "designations": designations,
    "priority-support": priority_support,
    "investments": investments,
    "policies": policies,
    "company-presence": company_presence,
    "listings": listings,
    "figures": observations,
    "table-rows": table_rows,
    "captioned-figures": captioned_figures,
}


def _any_of(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(word) for word in words))


#: For a rule, a pattern a sentence must match for the rule to find anything in it: one of
#: its cue words, for the figures a digit, 万/亿 (after a Chinese numeral) or a rank's 第/首位.
#: relate runs the rule on those sentences only. Most sentences hold nothing for most rules,
#: and a rule costs several microseconds a sentence to find that out. A rule not listed here
#: reads every sentence.
TRIGGERS: dict[Rule, re.Pattern[str]] = {
    designations: _any_of(DESIGNATION_CUES),
    priority_support: _any_of(SUPPORT_WORDS),
    listings: _any_of(LISTING_WORDS),
    company_presence: _any_of(COMPANY_LIST_WORDS),
    observations: re.compile(r"\d|万|亿|第|首位"),
}
