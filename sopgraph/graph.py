"""Build the RDF graph from resolved entities and the facts of every document.

The graph is made in parts (:meth:`GraphSource.parts`): what statements share (entity
descriptions, topic ancestors, the build's ``prov:Activity``), then one small part per
statement (its own triples, its assertions and the facts they reify). A writer can stream
the parts to disk one at a time; :func:`build_rdf` is their union as one rdflib graph.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, SKOS
from rdflib.term import Node

from .model import Extraction
from .namespace import DEFAULT_BASE_IRI, SCHEMA, SG
from .resolve import KIND_PATHS, Entity, Resolution, slugify
from .topics import TopicScheme

BASE_CLASSES = {"person": SG.Person, "organization": SG.Organization, "venue": SG.Venue,
                "paper": SG.Paper, "topic": SG.Topic, "program": SG.Program}
SUBCLASSES = {"University": SG.University, "Company": SG.Company, "ResearchGroup": SG.ResearchGroup}
PREDICATES = {name: getattr(SG, name) for name in (
    "appliesTo", "appliesToProgram", "prospectiveAdvisor", "affiliation", "studiedAt", "workedAt",
    "mentoredBy", "authorOf", "publishedIn", "year", "interestedIn")}

Triple = tuple[Node, Node, Node]


class IriMinter:
    """Mints deterministic IRIs under a base IRI: ``{base}{kind}/{slug}``."""

    def __init__(self, base: str = DEFAULT_BASE_IRI):
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self._taken: dict[str, str] = {}

    def entity(self, entity: Entity) -> URIRef:
        if entity.kind == "topic" and entity.attributes.get("iri"):
            return URIRef(entity.attributes["iri"])
        kind = KIND_PATHS[entity.kind]
        name = entity.key.split(":", 1)[1]
        if name.startswith("gaz:"):
            name = name[4:]
        return URIRef(f"{self.base}{kind}/{slugify(name)}")

    def statement(self, scope: str) -> URIRef:
        return URIRef(f"{self.base}statement/{slugify(scope)}")

    def assertion(self, statement: URIRef, triple: tuple) -> URIRef:
        """One IRI per (statement, triple): stable across builds, never shared by two statements."""
        key = "\n".join(t.n3() for t in (statement, *triple))
        return URIRef(f"{self.base}assertion/{hashlib.sha1(key.encode('utf-8', 'surrogatepass')).hexdigest()[:20]}")


def new_graph() -> Graph:
    """An empty graph with sopgraph's prefixes bound."""
    g = Graph()
    g.bind("sg", SG._NS)
    g.bind("schema", SCHEMA)
    g.bind("skos", SKOS)
    g.bind("owl", OWL)
    g.bind("prov", PROV)
    return g


def _entity_triples(iri: URIRef, entity: Entity) -> Iterator[Triple]:
    yield iri, RDF.type, BASE_CLASSES[entity.kind]
    if entity.is_applicant:
        yield iri, RDF.type, SG.Applicant
    for subtype in sorted(entity.subtypes):
        if subtype in SUBCLASSES:
            yield iri, RDF.type, SUBCLASSES[subtype]
    if entity.kind == "topic":
        yield iri, RDF.type, SKOS.Concept
    yield iri, RDFS.label, Literal(entity.label)
    for alias in entity.alt_labels:
        yield iri, SKOS.altLabel, Literal(alias)
    attrs = entity.attributes
    if "url" in attrs:
        yield iri, SCHEMA.url, Literal(attrs["url"], datatype=XSD.anyURI)
    if "country" in attrs:
        yield iri, SCHEMA.addressCountry, Literal(attrs["country"])
    if "email" in attrs:
        yield iri, SG.email, Literal(attrs["email"])
    if "homepage" in attrs:
        yield iri, SG.homepage, Literal(attrs["homepage"], datatype=XSD.anyURI)
    if "venueType" in attrs:
        yield iri, SG.venueType, Literal(attrs["venueType"])
    if "broader" in attrs:  # a phrase narrower than a scheme concept ("stochastic optimization")
        yield iri, SKOS.broader, URIRef(attrs["broader"])


def _assertion_triples(mint: "IriMinter", statement: URIRef, triple: Triple, *, evidence: str, start: int,
                       end: int, rule: str, confidence: float | None = None, text: str = "",
                       activity: URIRef | None = None) -> Iterator[Triple]:
    """Reify ``triple`` as an sg:Assertion saying where it was read (RDF reification + PROV-O).

    Reification rather than RDF-star or one named graph per fact: every RDF 1.1 parser and
    SPARQL 1.1 store reads it, and "why does the graph say this?" is one query away.
    """
    node = mint.assertion(statement, triple)
    yield node, RDF.type, SG.Assertion
    yield node, RDF.subject, triple[0]
    yield node, RDF.predicate, triple[1]
    yield node, RDF.object, triple[2]
    yield node, PROV.wasDerivedFrom, statement
    if rule:
        yield node, SG.rule, Literal(rule)
    if evidence:
        yield node, SG.evidence, Literal(evidence)
    if start >= 0 and end >= start:
        yield node, SG.startOffset, Literal(start, datatype=XSD.integer)
        yield node, SG.endOffset, Literal(end, datatype=XSD.integer)
        yield node, SG.line, Literal(text.count("\n", 0, start) + 1, datatype=XSD.positiveInteger)
    if confidence is not None:
        yield node, SG.confidence, Literal(Decimal(str(confidence)), datatype=XSD.decimal)
    if activity is not None:
        yield node, PROV.wasGeneratedBy, activity


def _topic_ancestor_triples(scheme: TopicScheme, iris: Iterable[str], described: set[URIRef]) -> Iterator[Triple]:
    """Each used concept's ``skos:broader`` chain, so roll-up queries work; concepts not in
    ``described`` (already typed and labelled as entities) get their type and label too."""
    todo = sorted(set(iris))
    done: set[str] = set()
    while todo:
        iri = todo.pop()
        if iri in done:
            continue
        done.add(iri)
        topic = scheme.get(iri)
        if topic is None:
            continue
        node = URIRef(iri)
        if node not in described:
            yield node, RDF.type, SG.Topic
            yield node, RDF.type, SKOS.Concept
            yield node, RDFS.label, Literal(topic.pref_label)
        for parent in topic.broader:
            yield node, SKOS.broader, URIRef(parent)
            todo.append(parent)


@dataclass(frozen=True)
class BuildInfo:
    """What produced a graph: sopgraph's version, the spaCy model, and (optionally) when."""

    tool_version: str
    model: str
    ended: str | None = None
    """An xsd:dateTime; left out by default so that the same inputs give the same bytes."""


def _activity_iri(mint: "IriMinter", info: BuildInfo, statements: Sequence[URIRef]) -> URIRef:
    key = "\n".join([info.tool_version, info.model, *sorted(str(s) for s in statements)])
    return URIRef(f"{mint.base}build/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:20]}")


def _activity_triples(activity: URIRef, mint: "IriMinter", info: BuildInfo,
                      statements: Sequence[URIRef]) -> Iterator[Triple]:
    """The build as a prov:Activity that used the statements, and sopgraph as its agent."""
    agent = URIRef(f"{mint.base}agent/sopgraph-{slugify(info.tool_version)}")
    yield activity, RDF.type, PROV.Activity
    yield activity, RDFS.label, Literal(f"sopgraph build ({len(statements)} statements)")
    yield activity, PROV.wasAssociatedWith, agent
    yield activity, SG.model, Literal(info.model)
    if info.ended:
        yield activity, PROV.endedAtTime, Literal(info.ended, datatype=XSD.dateTime)
    for statement in statements:
        yield activity, PROV.used, statement
    yield agent, RDF.type, PROV.SoftwareAgent
    yield agent, RDFS.label, Literal(f"sopgraph {info.tool_version}")
    yield agent, SCHEMA.softwareVersion, Literal(info.tool_version)


@dataclass(frozen=True)
class GraphSource:
    """Everything the graph is made of; :meth:`parts` streams it, :meth:`graph` builds it whole."""

    extractions: Sequence[Extraction]
    resolution: Resolution
    base_iri: str = DEFAULT_BASE_IRI
    min_confidence: float = 0.0
    topic_scheme: TopicScheme | None = None
    build_info: BuildInfo | None = None

    def parts(self) -> Iterator[list[Triple]]:
        """The graph as lists of triples whose union is :meth:`graph` (a triple may be in several).

        First what statements share: every entity's description and the topics' ancestors
        (altLabels two nodes of a class share already dropped), then the build's activity,
        then one part per statement. The shared part grows with the number of entities, the
        activity's with the number of statements (one ``prov:used`` each); a statement's part
        is as big as what that statement says.
        """
        mint = IriMinter(self.base_iri)
        resolution = self.resolution
        iris = {key: mint.entity(entity) for key, entity in resolution.entities.items()}
        shared = [t for key, entity in resolution.entities.items() for t in _entity_triples(iris[key], entity)]
        if self.topic_scheme is not None:
            used = [e.attributes[a] for e in resolution.entities.values() if e.kind == "topic"
                    for a in ("iri", "broader") if a in e.attributes]
            shared.extend(_topic_ancestor_triples(self.topic_scheme, used, set(iris.values())))
        dropped = _shared_alt_labels(shared)
        yield [t for t in shared if t not in dropped]
        del shared
        statements = [mint.statement(resolution.statement_keys[str(e.document.path)]) for e in self.extractions]
        activity = None
        if self.build_info is not None and self.extractions:
            activity = _activity_iri(mint, self.build_info, statements)
            yield list(_activity_triples(activity, mint, self.build_info, statements))
        for ext, statement in zip(self.extractions, statements):
            yield list(self._statement_triples(ext, statement, mint, iris, activity))

    def _statement_triples(self, ext: Extraction, statement: URIRef, mint: IriMinter, iris: dict[str, URIRef],
                           activity: URIRef | None) -> Iterator[Triple]:
        doc_id = str(ext.document.path)
        keys = self.resolution.mention_keys[doc_id]
        text = ext.document.text
        yield statement, RDF.type, SG.Statement
        yield statement, RDFS.label, Literal(ext.document.name)
        yield statement, SG.sourceFile, Literal(ext.document.name)
        yield statement, SG.author, iris[self.resolution.applicant_keys[doc_id]]
        for mention in ext.mentions:
            entity = iris[keys[mention.index]]
            yield statement, SG.mentions, entity
            surface = text[mention.start:mention.end] if 0 <= mention.start < mention.end else ""
            yield from _assertion_triples(mint, statement, (statement, SG.mentions, entity), evidence=surface,
                                          start=mention.start, end=mention.end, rule=mention.source or "mention",
                                          text=text, activity=activity)
        for fact in ext.facts:
            if fact.confidence < self.min_confidence:
                continue
            subject = iris[keys[fact.subject]]
            predicate = PREDICATES[fact.predicate]
            if fact.predicate == "year":
                obj = Literal(str(fact.object), datatype=XSD.gYear)
            else:
                obj = iris[keys[fact.object]]
            yield subject, predicate, obj
            yield from _assertion_triples(mint, statement, (subject, predicate, obj), evidence=fact.evidence,
                                          start=fact.start, end=fact.end, rule=fact.rule, confidence=fact.confidence,
                                          text=text, activity=activity)

    def graph(self) -> Graph:
        """The whole graph in memory: the union of :meth:`parts`."""
        g = new_graph()
        for part in self.parts():
            for triple in part:
                g.add(triple)
        return g


def build_rdf(extractions: list[Extraction], resolution: Resolution, *, base_iri: str = DEFAULT_BASE_IRI,
              min_confidence: float = 0.0, topic_scheme: TopicScheme | None = None,
              build_info: BuildInfo | None = None) -> Graph:
    """Turn resolved extractions into an RDF graph in the sopgraph vocabulary."""
    return GraphSource(extractions, resolution, base_iri=base_iri, min_confidence=min_confidence,
                       topic_scheme=topic_scheme, build_info=build_info).graph()


def _shared_alt_labels(triples: Iterable[Triple]) -> set[Triple]:
    """The ``skos:altLabel`` triples naming something that another node of its class is also
    called (by its label or an altLabel): such an alias ("Tan", "PhD") names neither reliably.

    Classes are taken in turn, and an alias dropped for one is not counted for the next,
    so a label or altLabel always identifies one node per class; labels are never dropped.
    """
    members: dict[Node, set[Node]] = {}
    names: dict[Node, set[tuple[Node, Node]]] = {}
    for s, p, o in triples:
        if p == RDF.type:
            members.setdefault(o, set()).add(s)
        elif p in (RDFS.label, SKOS.altLabel):
            names.setdefault(s, set()).add((p, o))
    dropped: set[Triple] = set()
    for cls in BASE_CLASSES.values():
        nodes = members.get(cls, set())
        owners: dict[str, set[Node]] = {}
        for node in nodes:
            for p, value in names.get(node, ()):
                if (node, p, value) not in dropped:
                    owners.setdefault(str(value).casefold(), set()).add(node)
        for node in nodes:
            for p, value in names.get(node, ()):
                if p == SKOS.altLabel and (node, p, value) not in dropped and len(owners[str(value).casefold()]) > 1:
                    dropped.add((node, p, value))
    return dropped


def _drop_shared_alt_labels(g: Graph) -> None:
    """Remove from ``g`` the altLabels two nodes of a class share (see :func:`_shared_alt_labels`)."""
    for triple in _shared_alt_labels(g):
        g.remove(triple)
