"""Generate a synthetic sopgraph graph of N applicants as N-Triples.

The shape follows a reference graph built by sopgraph (the "dev graph"): for every
applicant property (advisors, interests, papers, studied at, …) the number of values per
applicant is drawn from the reference graph's empirical distribution; papers get a venue
and a year as often as in the reference. Popular advisors, universities and venues are
skewed (Zipf-like), as in real applicant pools. Topics are the real SKOS scheme shipped in
``sopgraph/data/topics.ttl`` with its ``skos:broader`` chains.

    python -m benchmarks.generate 100000 /tmp/bench/graph-100k.nt --reference /tmp/devref/graph.ttl
"""
from __future__ import annotations

import argparse
import itertools
import random
from importlib import resources
from pathlib import Path

import rdflib
from rdflib.namespace import RDF, SKOS

from sopgraph.namespace import SG

ID = "https://w3id.org/sopgraph/id/"
NS = "https://w3id.org/sopgraph/ontology#"
RDFS_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
BROADER = "<http://www.w3.org/2004/02/skos/core#broader>"
CONCEPT = "<http://www.w3.org/2004/02/skos/core#Concept>"
GYEAR = "<http://www.w3.org/2001/XMLSchema#gYear>"

APPLICANT_PROPS = ("prospectiveAdvisor", "interestedIn", "authorOf", "studiedAt", "appliesTo", "workedAt",
                   "mentoredBy", "appliesToProgram")


def reference_distribution(path: Path) -> dict[str, list[int]]:
    """Per applicant property, the list of value counts over the reference graph's applicants."""
    g = rdflib.Graph().parse(path)
    applicants = list(g.subjects(RDF.type, SG.Applicant))
    if not applicants:
        raise SystemExit(f"{path} has no sg:Applicant; build a real corpus first")
    dist = {p: [len(set(g.objects(a, SG[p]))) for a in applicants] for p in APPLICANT_PROPS}
    papers = set(g.subjects(RDF.type, SG.Paper))
    dist["_venue"] = [int(any(True for _ in g.objects(p, SG.publishedIn))) for p in papers] or [1]
    dist["_year"] = [int(any(True for _ in g.objects(p, SG.year))) for p in papers] or [1]
    dist["_statements"] = [len(set(g.subjects(SG.author, a))) for a in applicants]
    return dist


def topic_scheme() -> tuple[list[str], list[tuple[str, str]], dict[str, str]]:
    """Topic IRIs, (narrower, broader) pairs and labels from the shipped scheme."""
    g = rdflib.Graph().parse(data=(resources.files("sopgraph") / "data" / "topics.ttl").read_text("utf-8"), format="turtle")
    concepts = sorted(str(c) for c in g.subjects(RDF.type, SKOS.Concept))
    broader = [(str(a), str(b)) for a, b in g.subject_objects(SKOS.broader)]
    labels = {str(c): str(g.value(c, SKOS.prefLabel)) for c in g.subjects(RDF.type, SKOS.Concept)}
    return concepts, broader, labels


def _zipf_weights(n: int, s: float = 0.9) -> list[float]:
    return list(itertools.accumulate(1.0 / (rank ** s) for rank in range(1, n + 1)))


def generate(n: int, out: Path, reference: Path, seed: int = 7) -> int:
    """Write the synthetic graph; returns the number of triples."""
    rng = random.Random(seed)
    dist = reference_distribution(reference)
    concepts, broader, topic_labels = topic_scheme()
    pools = {"advisor": max(50, n // 5), "university": max(20, n // 50), "company": max(10, n // 200),
             "venue": 150, "program": max(20, n // 500), "mentor": max(50, n // 3)}
    weights = {k: _zipf_weights(v) for k, v in pools.items()}
    topic_weights = _zipf_weights(len(concepts), 0.7)
    lines = 0
    with open(out, "w", encoding="utf-8") as f:
        def t(s: str, p: str, o: str) -> None:
            nonlocal lines
            f.write(f"{s} {p} {o} .\n")
            lines += 1

        def node(kind: str, i: int) -> str:
            return f"<{ID}{kind}/{kind}-{i}>"

        def sg(term: str) -> str:
            return f"<{NS}{term}>"

        for c in concepts:
            t(f"<{c}>", TYPE, sg("Topic"))
            t(f"<{c}>", TYPE, CONCEPT)
            t(f"<{c}>", RDFS_LABEL, f'"{topic_labels[c]}"')
        for a, b in broader:
            t(f"<{a}>", BROADER, f"<{b}>")
        orgs = {"university": ("University",), "company": ("Company",)}
        for kind, extra in orgs.items():
            for i in range(pools[kind]):
                t(node(kind, i), TYPE, sg("Organization"))
                for cls in extra:
                    t(node(kind, i), TYPE, sg(cls))
                t(node(kind, i), RDFS_LABEL, f'"{kind.title()} {i}"')
        for i in range(pools["venue"]):
            t(node("venue", i), TYPE, sg("Venue"))
            t(node("venue", i), RDFS_LABEL, f'"VENUE{i}"')
        for i in range(pools["program"]):
            t(node("program", i), TYPE, sg("Program"))
            t(node("program", i), RDFS_LABEL, f'"Program {i}"')
        for kind in ("advisor", "mentor"):
            for i in range(pools[kind]):
                t(node(kind, i), TYPE, sg("Person"))
                t(node(kind, i), RDFS_LABEL, f'"{kind.title()} {i}"')
                uni = rng.choices(range(pools["university"]), cum_weights=weights["university"])[0]
                t(node(kind, i), sg("affiliation"), node("university", uni))

        def pick(kind: str, k: int) -> list[int]:
            return sorted(set(rng.choices(range(pools[kind]), cum_weights=weights[kind], k=k)))

        paper_id = 0
        for i in range(n):
            a = node("applicant", i)
            t(a, TYPE, sg("Person"))
            t(a, TYPE, sg("Applicant"))
            t(a, RDFS_LABEL, f'"Applicant {i}"')
            mentioned: list[str] = []

            def link(prop: str, targets: list[str]) -> None:
                for target in targets:
                    t(a, sg(prop), target)
                    mentioned.append(target)

            count = {p: rng.choice(dist[p]) for p in APPLICANT_PROPS}
            link("prospectiveAdvisor", [node("advisor", j) for j in pick("advisor", count["prospectiveAdvisor"])])
            link("mentoredBy", [node("mentor", j) for j in pick("mentor", count["mentoredBy"])])
            link("studiedAt", [node("university", j) for j in pick("university", count["studiedAt"])])
            link("appliesTo", [node("university", j) for j in pick("university", count["appliesTo"])])
            link("workedAt", [node("company", j) for j in pick("company", count["workedAt"])])
            link("appliesToProgram", [node("program", j) for j in pick("program", count["appliesToProgram"])])
            topics = set(rng.choices(concepts, cum_weights=topic_weights, k=count["interestedIn"]))
            link("interestedIn", [f"<{c}>" for c in sorted(topics)])
            papers = []
            for _ in range(count["authorOf"]):
                p = node("paper", paper_id)
                paper_id += 1
                papers.append(p)
                t(p, TYPE, sg("Paper"))
                t(p, RDFS_LABEL, f'"Paper {paper_id} on {topic_labels[rng.choice(concepts)]}"')
                if rng.choice(dist["_venue"]):
                    v = node("venue", pick("venue", 1)[0])
                    t(p, sg("publishedIn"), v)
                    mentioned.append(v)
                if rng.choice(dist["_year"]):
                    t(p, sg("year"), f'"{rng.randint(2012, 2025)}"^^{GYEAR}')
            link("authorOf", papers)
            for k in range(max(1, rng.choice(dist["_statements"]))):
                s = node("statement", i * 4 + k)
                t(s, TYPE, sg("Statement"))
                t(s, RDFS_LABEL, f'"statement-{i}-{k}.txt"')
                t(s, sg("author"), a)
                for m in sorted(set(mentioned)):
                    t(s, sg("mentions"), m)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of applicants")
    parser.add_argument("out", type=Path, help="output .nt file")
    parser.add_argument("--reference", type=Path, default=Path("output/graph.ttl"),
                        help="a graph built by sopgraph whose distribution to follow")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    triples = generate(args.n, args.out, args.reference, args.seed)
    print(f"wrote {args.out}: {args.n} applicants, {triples} triples")


if __name__ == "__main__":
    main()
