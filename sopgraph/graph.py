"""Build the rdflib graph from resolved entities and the facts of every document."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, SKOS

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


def _add_entity(g: Graph, iri: URIRef, entity: Entity) -> None:
    g.add((iri, RDF.type, BASE_CLASSES[entity.kind]))
    if entity.is_applicant:
        g.add((iri, RDF.type, SG.Applicant))
    for subtype in sorted(entity.subtypes):
        if subtype in SUBCLASSES:
            g.add((iri, RDF.type, SUBCLASSES[subtype]))
    if entity.kind == "topic":
        g.add((iri, RDF.type, SKOS.Concept))
    g.add((iri, RDFS.label, Literal(entity.label)))
    for alias in entity.alt_labels:
        g.add((iri, SKOS.altLabel, Literal(alias)))
    attrs = entity.attributes
    if "url" in attrs:
        g.add((iri, SCHEMA.url, Literal(attrs["url"], datatype=XSD.anyURI)))
    if "country" in attrs:
        g.add((iri, SCHEMA.addressCountry, Literal(attrs["country"])))
    if "email" in attrs:
        g.add((iri, SG.email, Literal(attrs["email"])))
    if "homepage" in attrs:
        g.add((iri, SG.homepage, Literal(attrs["homepage"], datatype=XSD.anyURI)))
    if "venueType" in attrs:
        g.add((iri, SG.venueType, Literal(attrs["venueType"])))


def _assert(g: Graph, mint: "IriMinter", statement: URIRef, triple: tuple, *, evidence: str, start: int, end: int,
            rule: str, confidence: float | None = None, text: str = "") -> None:
    """Reify ``triple`` as an sg:Assertion saying where it was read (RDF reification + PROV-O).

    Reification rather than RDF-star or one named graph per fact: every RDF 1.1 parser and
    SPARQL 1.1 store reads it, and "why does the graph say this?" is one query away.
    """
    node = mint.assertion(statement, triple)
    g.add((node, RDF.type, SG.Assertion))
    g.add((node, RDF.subject, triple[0]))
    g.add((node, RDF.predicate, triple[1]))
    g.add((node, RDF.object, triple[2]))
    g.add((node, PROV.wasDerivedFrom, statement))
    if rule:
        g.add((node, SG.rule, Literal(rule)))
    if evidence:
        g.add((node, SG.evidence, Literal(evidence)))
    if start >= 0 and end >= start:
        g.add((node, SG.startOffset, Literal(start, datatype=XSD.integer)))
        g.add((node, SG.endOffset, Literal(end, datatype=XSD.integer)))
        g.add((node, SG.line, Literal(text.count("\n", 0, start) + 1, datatype=XSD.positiveInteger)))
    if confidence is not None:
        g.add((node, SG.confidence, Literal(Decimal(str(confidence)), datatype=XSD.decimal)))


def _add_topic_ancestors(g: Graph, scheme: TopicScheme, iris: Iterable[str]) -> None:
    """Add each used concept's ``skos:broader`` chain so roll-up queries work."""
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
        if (node, RDFS.label, None) not in g:
            g.add((node, RDF.type, SG.Topic))
            g.add((node, RDF.type, SKOS.Concept))
            g.add((node, RDFS.label, Literal(topic.pref_label)))
        for parent in topic.broader:
            g.add((node, SKOS.broader, URIRef(parent)))
            todo.append(parent)


@dataclass(frozen=True)
class BuildInfo:
    """What produced a graph: sopgraph's version, the spaCy model, and (optionally) when."""

    tool_version: str
    model: str
    ended: str | None = None
    """An xsd:dateTime; left out by default so that the same inputs give the same bytes."""


def _add_activity(g: Graph, mint: "IriMinter", info: BuildInfo, statements: list[URIRef]) -> URIRef:
    """Record the build as a prov:Activity that used the statements."""
    key = "\n".join([info.tool_version, info.model, *sorted(str(s) for s in statements)])
    activity = URIRef(f"{mint.base}build/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:20]}")
    agent = URIRef(f"{mint.base}agent/sopgraph-{slugify(info.tool_version)}")
    g.add((activity, RDF.type, PROV.Activity))
    g.add((activity, RDFS.label, Literal(f"sopgraph build ({len(statements)} statements)")))
    g.add((activity, PROV.wasAssociatedWith, agent))
    g.add((activity, SG.model, Literal(info.model)))
    if info.ended:
        g.add((activity, PROV.endedAtTime, Literal(info.ended, datatype=XSD.dateTime)))
    for statement in statements:
        g.add((activity, PROV.used, statement))
    g.add((agent, RDF.type, PROV.SoftwareAgent))
    g.add((agent, RDFS.label, Literal(f"sopgraph {info.tool_version}")))
    g.add((agent, SCHEMA.softwareVersion, Literal(info.tool_version)))
    return activity


def build_rdf(extractions: list[Extraction], resolution: Resolution, *, base_iri: str = DEFAULT_BASE_IRI,
              min_confidence: float = 0.0, topic_scheme: TopicScheme | None = None,
              build_info: BuildInfo | None = None) -> Graph:
    """Turn resolved extractions into an RDF graph in the sopgraph vocabulary."""
    g = new_graph()
    mint = IriMinter(base_iri)
    iris = {key: mint.entity(entity) for key, entity in resolution.entities.items()}
    for key, entity in resolution.entities.items():
        _add_entity(g, iris[key], entity)
    for ext in extractions:
        doc_id = str(ext.document.path)
        statement = mint.statement(resolution.statement_keys[doc_id])
        keys = resolution.mention_keys[doc_id]
        g.add((statement, RDF.type, SG.Statement))
        g.add((statement, RDFS.label, Literal(ext.document.name)))
        g.add((statement, SG.sourceFile, Literal(ext.document.name)))
        g.add((statement, SG.author, iris[resolution.applicant_keys[doc_id]]))
        for mention in ext.mentions:
            entity = iris[keys[mention.index]]
            g.add((statement, SG.mentions, entity))
            surface = ext.document.text[mention.start:mention.end] if 0 <= mention.start < mention.end else ""
            _assert(g, mint, statement, (statement, SG.mentions, entity), evidence=surface, start=mention.start,
                    end=mention.end, rule=mention.source or "mention", text=ext.document.text)
        for fact in ext.facts:
            if fact.confidence < min_confidence:
                continue
            subject = iris[keys[fact.subject]]
            predicate = PREDICATES[fact.predicate]
            if fact.predicate == "year":
                obj = Literal(str(fact.object), datatype=XSD.gYear)
            else:
                obj = iris[keys[fact.object]]
            g.add((subject, predicate, obj))
            _assert(g, mint, statement, (subject, predicate, obj), evidence=fact.evidence, start=fact.start,
                    end=fact.end, rule=fact.rule, confidence=fact.confidence, text=ext.document.text)
    if topic_scheme is not None:
        used = [e.attributes["iri"] for e in resolution.entities.values() if e.kind == "topic" and "iri" in e.attributes]
        _add_topic_ancestors(g, topic_scheme, used)
    if build_info is not None and extractions:
        statements = [mint.statement(resolution.statement_keys[str(e.document.path)]) for e in extractions]
        activity = _add_activity(g, mint, build_info, statements)
        for assertion in list(g.subjects(RDF.type, SG.Assertion)):
            g.add((assertion, PROV.wasGeneratedBy, activity))
    _drop_shared_alt_labels(g)
    return g


def _drop_shared_alt_labels(g: Graph) -> None:
    """An alias that two things of one class share ("Tan", "PhD") names neither reliably.

    Such altLabels are removed, so that a label or altLabel always identifies one node per
    class; an rdfs:label itself is never removed.
    """
    for cls in BASE_CLASSES.values():
        owners: dict[str, set] = {}
        for node in g.subjects(RDF.type, cls):
            for prop in (RDFS.label, SKOS.altLabel):
                for value in g.objects(node, prop):
                    owners.setdefault(str(value).casefold(), set()).add(node)
        for node in list(g.subjects(RDF.type, cls)):
            for value in list(g.objects(node, SKOS.altLabel)):
                if len(owners[str(value).casefold()]) > 1:
                    g.remove((node, SKOS.altLabel, value))
