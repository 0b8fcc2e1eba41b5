"""Generate ``kg/rdf/vocab.py``, the closed namespace of ontology.ttl's terms.

Run ``python -m kg.rdf.generate_vocab`` after editing ontology.ttl; a test fails
when vocab.py and the ontology disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.config import ONTOLOGY_NS, PROJECT_ROOT

VOCAB_PATH = Path(__file__).with_name("vocab.py")


def ontology_terms(ontology_path: Path) -> list[str]:
    """Local names of every term the ontology declares in its own namespace, sorted."""
    graph = Graph().parse(ontology_path, format="turtle")
    names = {
        str(s)[len(ONTOLOGY_NS) :]
        for s in graph.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(ONTOLOGY_NS)
    }
    return sorted(names)


def render_vocab(ontology_path: Path) -> str:
    terms = ontology_terms(ontology_path)
    lines = [
        '"""The kg ontology as a closed rdflib namespace. Generated: do not edit.',
        "",
        "Regenerate with ``python -m kg.rdf.generate_vocab`` after editing ontology.ttl.",
        '"""',
        "",
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        "",
        "class KG(DefinedNamespace):",
        "    _fail = True",
        f'    _NS = Namespace("{ONTOLOGY_NS}")',
        "",
    ]
    lines += [f"    {name}: URIRef" for name in terms]
    return "\n".join(lines) + "\n"


def main() -> int:
    VOCAB_PATH.write_text(render_vocab(PROJECT_ROOT / "ontology.ttl"), encoding="utf-8")
    print(f"wrote {VOCAB_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
