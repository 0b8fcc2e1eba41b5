"""Validate a kg graph against shapes.ttl (SHACL) and report what is wrong in words.

The shapes describe a well-formed graph of ontology.ttl. pyshacl-turbo (a Rust engine with
pySHACL's API and results, about nine times faster; a test checks it agrees with pySHACL)
checks them with the ontology's class hierarchy and named individuals (tiers, levels) added
to the data it checks (never to the caller's graph), so ``sh:targetClass kg:Statement``
reaches every kind of statement.
Warnings (a stricter reading of the ontology) are reported but do not make a graph
non-conforming.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from itertools import chain
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox
import pyshacl_turbo
from pyshacl_turbo import ReportableRuntimeError, ValidationFailure
from pyshacl_turbo.rdf import Input
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS, XSD
from rdflib.term import Node

from kg.config import ONTOLOGY_NS, RESOURCE_NS, BuildConfig, resource
from kg.errors import OntologyError, QueryError, ValidationError
from kg.query import data_file
from kg.rdf.iris import STATEMENT_NS
from kg.rdf.mapping import OxigraphTriple, oxigraph_triples
from kg.store import is_store

#: The SHACL shapes of a well-formed kg graph.
SHAPES_PATH = resource("shapes.ttl")

_FORMATS = {
    ".trig": ox.RdfFormat.TRIG,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
}
_PREFIXES = {
    ONTOLOGY_NS: "kg:",
    str(RDF): "rdf:",
    str(RDFS): "rdfs:",
    str(SKOS): "skos:",
    str(XSD): "xsd:",
    str(OWL): "owl:",
    "https://w3id.org/kg-cnip/shapes#": "kgsh:",
}
#: What each kind of constraint found, in words, for the lines of a report.
_PROBLEMS = {
    "MinCount": "missing",
    "QualifiedMinCount": "missing",
    "MaxCount": "too many",
    "Datatype": "wrong datatype",
    "LanguageIn": "wrong or no language tag",
    "Class": "wrong class",
    "Pattern": "does not match",
    "NodeKind": "not an IRI",
    "UniqueLang": "two in one language",
    "In": "not allowed",
    "MinLength": "empty",
    "MinInclusive": "too small",
    "LessThan": "too large",
}


class Severity(StrEnum):
    """How bad a result is; only violations make a graph non-conforming."""

    VIOLATION = "Violation"
    WARNING = "Warning"
    INFO = "Info"


@dataclass(frozen=True, slots=True)
class Violation:
    """One way a node breaks a shape."""

    focus: Node  # the node that breaks the shape
    path: Node | None  # the property, None where the node itself is wrong
    message: str  # the rule broken, in words (the shape's sh:message)
    severity: Severity
    shape: Node  # the named shape (a blank property shape is named by its node shape)
    constraint: str = ""  # the kind of constraint: MinCount, Datatype, Class, …
    value: Node | None = None  # the offending value, where there is one


@dataclass(frozen=True, slots=True)
class ValidationReport:
    conforms: bool
    violations: tuple[Violation, ...]  # sorted by severity, message, focus

    @property
    def errors(self) -> tuple[Violation, ...]:
        """The results that make the graph non-conforming."""
        return tuple(v for v in self.violations if v.severity is Severity.VIOLATION)


def validate(data: Graph) -> ValidationReport:
    """Check a graph (a Dataset counts as the union of its graphs) against shapes.ttl.

    The graph is not changed: the ontology's hierarchy goes into a copy.

    >>> from rdflib import URIRef
    >>> from kg.rdf.vocab import KG
    >>> g = Graph()
    >>> obs = URIRef("https://w3id.org/kg-cnip/id/statement/a-observation-0f")
    >>> _ = g.add((obs, RDF.type, KG.Observation))
    >>> report = validate(g)
    >>> report.conforms
    False
    >>> missing = sorted(
    ...     str(v.path).rsplit("#")[-1] for v in report.errors if v.constraint == "MinCount"
    ... )
    >>> print(*missing)
    area baseUnit baseValue evidence indicator period rule statedIn unit value

    Raises:
        OntologyError: ontology.ttl is missing or does not parse.
        ValidationError: shapes.ttl is missing or broken, or pyshacl cannot run the shapes.
    """
    if isinstance(data, Dataset):
        union = Graph()
        for s, p, o, _ in data.quads():
            union.add((s, p, o))
        data = union
    return _run(oxigraph_triples(data))


@dataclass(frozen=True, slots=True)
class Repair:
    """What ``drop_broken_statements`` did: the graph's report after it, and what it dropped."""

    report: ValidationReport  # of the graph as left: conforms unless something else broke
    dropped: tuple[Violation, ...]  # one violation of each statement dropped, in drop order


def drop_broken_statements(graph: Graph, *, rounds: int = 3) -> Repair:
    """Validate ``graph`` and remove from it (in place) every statement that breaks a rule.

    A statement (an observation, an award, …) stands alone: dropping one loses that fact,
    not the article. Its triples go, and so do the links to it (a cluster's ``kg:size``);
    a statement left broken by that is dropped the next round. Anything else that breaks a
    rule (an entity, a span) is left, and the report says the graph does not conform.

    Raises:
        OntologyError, ValidationError: as ``validate``.
    """
    dropped: list[Violation] = []
    report = validate(graph)
    for _ in range(rounds):
        broken = {
            v.focus: v
            for v in report.errors
            if isinstance(v.focus, URIRef) and str(v.focus).startswith(STATEMENT_NS)
        }
        if report.conforms or not broken:
            break
        for statement, violation in broken.items():
            graph.remove((statement, None, None))
            graph.remove((None, None, statement))
            dropped.append(violation)
        report = validate(graph)
    return Repair(report, tuple(dropped))


def validate_path(path: Path) -> ValidationReport:
    """Check the RDF at ``path``: a build folder (its kg.trig or kg.ttl), an RDF file or a
    store folder.

    A TriG or N-Quads file is checked as the union of its graphs, a store as its default
    graph (which holds that union).

    Raises:
        ValidationError: nothing usable is at ``path`` or the file does not parse (the file
            is named), or shapes.ttl is broken.
        OntologyError: ontology.ttl is missing or does not parse.
    """
    if is_store(path):
        try:
            store = ox.Store.read_only(str(path))
        except OSError as exc:
            raise ValidationError(f"{path}: cannot open the store ({exc})") from exc
        return _run(_plain(store.quads_for_pattern(None, None, None, ox.DefaultGraph()), path))
    try:
        file = data_file(path)
    except QueryError as exc:
        raise ValidationError(str(exc)) from exc
    if file.suffix not in _FORMATS:
        raise ValidationError(f"{file}: unknown RDF format; expected one of {', '.join(_FORMATS)}")
    try:
        # pyoxigraph parses a corpus many times faster than rdflib does.
        quads = list(ox.parse(path=str(file), format=_FORMATS[file.suffix]))
    except (SyntaxError, ValueError, OSError) as exc:
        raise ValidationError(f"{file}: cannot load RDF ({exc})") from exc
    return _run(_plain(quads, file))


def format_report(report: ValidationReport, *, per_rule: int = 20) -> str:
    """The report for a reader: results grouped by the rule they break (``per_rule`` shown
    of each), then a count line.

    >>> print(format_report(ValidationReport(True, ())), end="")
    0 violations, 0 warnings: the graph conforms.
    """
    groups: dict[tuple[int, str], list[Violation]] = defaultdict(list)
    order = list(Severity)
    for violation in report.violations:
        groups[(order.index(violation.severity), violation.message)].append(violation)
    lines: list[str] = []
    for (rank, message), members in sorted(groups.items()):
        lines.append(f"{order[rank].value}: {message} ({len(members)})")
        for v in members[:per_rule]:
            problem = _PROBLEMS.get(v.constraint, v.constraint)
            cells = [_short(v.focus), _short(v.path) if v.path is not None else "", problem]
            if v.value is not None and v.value != v.focus:
                cells.append(_short(v.value))
            lines.append("  " + "  ".join(c for c in cells if c))
        if len(members) > per_rule:
            lines.append(f"  … and {len(members) - per_rule} more")
        lines.append("")
    errors = len(report.errors)
    warnings = sum(v.severity is Severity.WARNING for v in report.violations)
    verdict = "the graph conforms" if report.conforms else "the graph does not conform"
    lines.append(
        f"{errors} violation{'s' if errors != 1 else ''}, "
        f"{warnings} warning{'s' if warnings != 1 else ''}: {verdict}."
    )
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------- internals
def _plain(quads: Iterable[ox.Quad], where: Path) -> list[OxigraphTriple]:
    """The triples of the quads (their union).

    Raises:
        ValidationError: a quad holds an RDF-star triple term, which kg data never does.
    """
    triples: list[OxigraphTriple] = []
    for quad in quads:
        subject, value = quad.subject, quad.object
        if isinstance(subject, ox.Triple) or isinstance(value, ox.Triple):
            raise ValidationError(f"{where}: RDF-star triple terms are not kg data")
        triples.append((subject, quad.predicate, value))
    return triples


def _run(triples: Iterable[OxigraphTriple]) -> ValidationReport:
    """Validate triples, with the ontology facts the shapes need added to them."""
    # N-Triples text that pyshacl-turbo parses natively: an rdflib graph would cost more to
    # build and hand over than the validation itself, and a pyoxigraph store would rewrite
    # literals to their canonical form ("5.0"^^xsd:decimal as "5") before they are checked.
    # A pyoxigraph term prints as N-Triples; lines of those are quicker to make than Triple
    # objects for ox.serialize.
    data = "".join(f"{s} {p} {o} .\n" for s, p, o in chain(triples, _ontology_triples()))
    try:
        _, results, _ = _program().validate(  # type: ignore[no-untyped-call]
            Input(data, "nt", None, {}), allow_warnings=True
        )
    except (ReportableRuntimeError, ValidationFailure, RuntimeError) as exc:
        raise ValidationError(f"{SHAPES_PATH}: the shapes cannot be run ({exc})") from exc
    shapes = _shapes()
    violations = tuple(sorted(_violations(results, shapes), key=_sort_key))
    conforms = not any(v.severity is Severity.VIOLATION for v in violations)
    return ValidationReport(conforms, violations)


@cache
def _shapes() -> Graph:
    try:
        return Graph().parse(SHAPES_PATH, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(f"{SHAPES_PATH}: cannot load the SHACL shapes ({exc})") from exc


@cache
def _program() -> pyshacl_turbo.CompiledShapes:
    """The shapes compiled once; ``advanced`` for the SPARQL target of kgsh:TextSpanQuote.
    No inference: the hierarchy is in the data (``_ontology_triples``)."""
    try:
        program: pyshacl_turbo.CompiledShapes = pyshacl_turbo.compile_shapes(  # type: ignore[no-untyped-call]
            _shapes(), advanced=True
        )
        return program
    except (ReportableRuntimeError, ValidationFailure, RuntimeError) as exc:
        raise ValidationError(f"{SHAPES_PATH}: the shapes cannot be run ({exc})") from exc


@cache
def _ontology_facts() -> tuple[tuple[Node, Node, Node], ...]:
    """What the shapes need of ontology.ttl: subclass axioms and the types of individuals."""
    path = BuildConfig().ontology_path
    try:
        ontology = Graph().parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise OntologyError(f"{path}: cannot load the ontology ({exc})") from exc
    schema = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
    schema.add(OWL.Ontology)
    facts = [(s, RDFS.subClassOf, o) for s, o in ontology.subject_objects(RDFS.subClassOf)]
    facts += [(s, RDF.type, o) for s, o in ontology.subject_objects(RDF.type) if o not in schema]
    return tuple(facts)


@cache
def _ontology_triples() -> tuple[OxigraphTriple, ...]:
    graph = Graph()
    for triple in _ontology_facts():
        graph.add(triple)
    return tuple(oxigraph_triples(graph))


def _violations(results: Graph, shapes: Graph) -> list[Violation]:
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        assert focus is not None
        source = results.value(result, SH.sourceShape)
        component = results.value(result, SH.sourceConstraintComponent)
        severity = results.value(result, SH.resultSeverity)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        found.append(
            Violation(
                focus=focus,
                path=results.value(result, SH.resultPath),
                message=messages[0] if messages else "breaks a shape",
                severity=Severity(str(severity).rsplit("#", 1)[-1])
                if severity
                else Severity.VIOLATION,
                shape=_named_shape(source, shapes),
                constraint=str(component).rsplit("#", 1)[-1].removesuffix("ConstraintComponent"),
                value=results.value(result, SH.value),
            )
        )
    return found


def _named_shape(shape: Node | None, shapes: Graph) -> Node:
    """A blank property shape is named by the node shape that holds it."""
    if isinstance(shape, BNode):
        parent = shapes.value(None, SH.property, shape)
        if parent is not None:
            return parent
    return shape if shape is not None else BNode()


def _sort_key(v: Violation) -> tuple[int, str, str, str, str]:
    return (
        list(Severity).index(v.severity),
        v.message,
        str(v.focus),
        str(v.path),
        str(v.value),
    )


def _short(term: Node) -> str:
    """A term as an analyst reads it: resources without the namespace, names decoded."""
    if isinstance(term, Literal):
        text = str(term)
        text = text if len(text) <= 40 else text[:39] + "…"
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype and term.datatype != XSD.string:
            return f'"{text}"^^{_short(term.datatype)}'
        return f'"{text}"'
    value = str(term)
    if value.startswith(RESOURCE_NS):
        return unquote(value.removeprefix(RESOURCE_NS))
    for namespace, prefix in _PREFIXES.items():
        if value.startswith(namespace):
            return prefix + value.removeprefix(namespace)
    return f"_:{value}" if isinstance(term, BNode) else f"<{value}>"
