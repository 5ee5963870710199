"""Benchmark: time from page load to "stabilized" of graph.html in headless Chromium.

    .venv/bin/python benchmarks/viz_stabilize.py [--sizes 200 1000 5000] [--capped 50000]

For each size, a synthetic applicant pool with that many entities (applicants, people,
organizations, papers, venues, topics; about 1.25 links per entity) is written with
``write_html(..., max_nodes=None)`` and opened offline from file://; the figure is
``performance.now()`` when the layout has settled and physics is switched off (the page
sets ``window.sopgraph.stabilizedMs``), i.e. milliseconds since navigation started.

Baseline, measured in the same run: the same page with the fixed vis-network options the
page used before sizes were taken into account (1000 stabilization iterations, Kamada-Kawai
initial layout, smooth edges); it is skipped above --baseline-max nodes as it takes minutes.
``--capped N`` also times an N-entity graph written with the default ``--max-nodes``.
Needs /usr/bin/chromium and the 'playwright' Python package.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from sopgraph.export import html as html_export
from sopgraph.export.viz_browser import chromium_missing, launch, open_page
from sopgraph.namespace import DEFAULT_BASE_IRI, SG

# (class(es), share of entities)
_MIX = [((SG.Applicant, SG.Person), 0.2), ((SG.Person,), 0.2), ((SG.University, SG.Organization), 0.1),
        ((SG.Paper,), 0.25), ((SG.Venue,), 0.05), ((SG.Topic,), 0.15), ((SG.Statement,), 0.05)]
_LINKS = {  # applicant property -> target class index in _MIX
    SG.studiedAt: 2, SG.prospectiveAdvisor: 1, SG.interestedIn: 5, SG.authorOf: 3,
}


def synthetic_pool(n: int, seed: int = 0) -> Graph:
    """A random applicant pool with ``n`` entities; hubs (popular topics, advisors) emerge
    because targets are drawn with a skewed distribution, as in real pools."""
    rng = random.Random(seed)
    g = Graph()
    by_kind: list[list[URIRef]] = []
    for k, (classes, share) in enumerate(_MIX):
        members = []
        for i in range(max(1, round(n * share))):
            node = URIRef(f"{DEFAULT_BASE_IRI}k{k}/{i}")
            for cls in classes:
                g.add((node, RDF.type, cls))
            g.add((node, RDFS.label, Literal(f"{classes[0].split('#')[-1]} {i}")))
            members.append(node)
        by_kind.append(members)

    def pick(kind: int) -> URIRef:
        pool = by_kind[kind]
        return pool[min(len(pool) - 1, int(rng.paretovariate(1.2)) - 1)] if rng.random() < 0.5 else rng.choice(pool)

    applicants, statements = by_kind[0], by_kind[6]
    for i, a in enumerate(applicants):
        if i < len(statements):
            g.add((statements[i], SG.author, a))
        for prop, kind in _LINKS.items():
            for _ in range(rng.randint(0, 2)):
                g.add((a, prop, pick(kind)))
    for paper in by_kind[3]:
        g.add((paper, SG.publishedIn, pick(4)))
    for person in by_kind[1]:
        g.add((person, SG.affiliation, pick(2)))
    return g


def time_page(browser, path: Path, timeout_s: float) -> tuple[float, int, int]:
    """Seconds from navigation start to stabilized, and the rendered node and edge counts."""
    page, errors, blocked = open_page(browser, path, timeout_ms=int(timeout_s * 1000))
    try:
        ms = page.evaluate("window.sopgraph.stabilizedMs")
        n, e = page.evaluate("[sopgraph.network.body.nodeIndices.length, sopgraph.network.body.edgeIndices.length]")
        if errors or blocked:
            raise RuntimeError(f"console errors {errors} / network requests {blocked}")
        return ms / 1000, n, e
    finally:
        page.context.close()  # open_page made a context for this page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 5000])
    parser.add_argument("--capped", type=int, nargs="*", default=[50_000])
    parser.add_argument("--baseline-max", type=int, default=1000)
    parser.add_argument("--timeout", type=float, default=180)
    args = parser.parse_args(argv)
    missing = chromium_missing()
    if missing:
        print(f"viz_stabilize: {missing}", file=sys.stderr)
        return 1

    def fixed_options(n_nodes: int, n_edges: int) -> dict:
        return json.loads(json.dumps(html_export._OPTIONS))

    rows = []
    with tempfile.TemporaryDirectory() as tmp, launch() as browser:
        # Warm-up: the first page of a fresh browser pays for starting its renderer process.
        html_export.write_html(synthetic_pool(50), Path(tmp) / "warmup.html")
        time_page(browser, Path(tmp) / "warmup.html", args.timeout)
        runs = [(n, None) for n in args.sizes] + [(n, html_export.DEFAULT_MAX_NODES) for n in args.capped]
        for n, cap in runs:
            g = synthetic_pool(n)
            path = Path(tmp) / f"g{n}.html"
            t0 = time.perf_counter()
            html_export.write_html(g, path, max_nodes=cap)
            write_s = time.perf_counter() - t0
            secs, drawn, links = time_page(browser, path, args.timeout)
            base = None
            if cap is None and n <= args.baseline_max:
                with mock.patch.object(html_export, "_options", fixed_options):
                    html_export.write_html(g, path, max_nodes=None)
                base, _, _ = time_page(browser, path, args.timeout)
            rows.append((n, cap, drawn, links, write_s, secs, base))
            ratio = f"{base / secs:5.1f}x faster" if base else "(baseline skipped)"
            print(f"{n:>7,} entities  max_nodes={cap or '-':<5} drawn {drawn:>6,} nodes {links:>6,} edges  "
                  f"write {write_s:5.2f}s  stabilized {secs:6.2f}s  baseline "
                  f"{f'{base:6.2f}s' if base else '     -'}  {ratio}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
