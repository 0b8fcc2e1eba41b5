"""The registry of relation rules: one function per relation, each reading one sentence.

A rule takes a ``SentenceContext`` and yields ``Fact`` records; list items it finds
(companies in ``A、B等5家企业``) become new mentions carried by its facts. Added rule sets
register the same way.
"""

from __future__ import annotations

from kg.relate.awards import designations, listings, priority_support
from kg.relate.context import Rule
from kg.relate.figures import observations, table_rows
from kg.relate.industries import clusters, industry_tiers
from kg.relate.projects import company_presence, investments, policies

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
}
