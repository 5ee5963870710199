"""Hand-run benchmark: peak memory of a build as the batch grows (issue 7).

Builds N small statements (plus the poison files: a zip bomb, a 3-million-character text,
a truncated and a looping PDF) in a fresh process each, for N = 200 and N = 2,000, and
prints peak RSS and time. The baseline is the 200-file run measured in the same
invocation; the ratio shows how memory grows with the batch (the extractions are held in
memory, about 20 KB each, so some growth per document is expected; the graph is streamed to
disk; a runaway input would show as a jump).

    .venv/bin/python benchmarks/bench_memory.py [--sizes 200 2000] [--workers 1]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from corpus_factory import pdf_bytes, statement, zip_bomb_bytes  # noqa: E402

CHILD = """
import json, resource, sys, time
from sopgraph.api import build, write_outputs
from sopgraph.limits import Limits
start = time.perf_counter()
result = build([sys.argv[1]], workers=int(sys.argv[3]), limits=Limits(max_chars=2_000_000))
write_outputs(result, sys.argv[2])
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": time.perf_counter() - start, "peak_kib": peak, "child_peak_kib": children,
                  "ok": sum(s.status == "ok" for s in result.statuses), "inputs": len(result.statuses)}))
"""


def make_corpus(folder: Path, n: int) -> None:
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"s{i:05}.txt").write_text(statement(i)[0], encoding="utf-8")
    (folder / "bomb.docx").write_bytes(zip_bomb_bytes(150_000_000))
    (folder / "huge.txt").write_text(("I am applying to Stanford University. " * 80_000)[:3_000_000], encoding="utf-8")
    (folder / "truncated.pdf").write_bytes(pdf_bytes(statement(0)[0].splitlines())[:350])
    (folder / "loop.pdf").write_bytes(pdf_bytes(statement(0)[0].splitlines(), loop=True))


def measure(n: int, workers: int, tmp: Path) -> dict:
    corpus = tmp / f"in-{n}"
    make_corpus(corpus, n)
    proc = subprocess.run([sys.executable, "-c", CHILD, str(corpus), str(tmp / f"out-{n}"), str(workers)],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000])
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = [(n, measure(n, args.workers, Path(tmp))) for n in args.sizes]
    base_n, base = rows[0]
    print(f"{'files':>6} {'ok':>6} {'seconds':>8} {'peak MiB':>9} {'ratio':>6}")
    for n, r in rows:
        peak = max(r["peak_kib"], r["child_peak_kib"]) / 1024
        base_peak = max(base["peak_kib"], base["child_peak_kib"]) / 1024
        print(f"{n:>6} {r['ok']:>6} {r['seconds']:>8.1f} {peak:>9.1f} {peak / base_peak:>6.2f}")
    print(f"files ratio {rows[-1][0] / base_n:.0f}x; peak RSS ratio is the figure to watch "
          "(baseline: the first size, same run)")


if __name__ == "__main__":
    main()
