"""Regenerate docs/graph.png: build examples/, render graph.html, screenshot it in Chromium.

    .venv/bin/python scripts/screenshot_graph.py [--out docs/graph.png] [--select "Amara Okafor"]

Needs Debian's chromium (/usr/bin/chromium) and the 'playwright' Python package (the test
extra). The page is opened offline from file:// like the browser tests do.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "graph.png")
    parser.add_argument("--select", default="Amara Okafor",
                        help="entity to click so the side panel shows (empty: none)")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=850)
    args = parser.parse_args(argv)

    from sopgraph.api import build
    from sopgraph.export.html import write_html
    from sopgraph.export.viz_browser import chromium_missing, launch, open_page

    missing = chromium_missing()
    if missing:
        print(f"screenshot_graph: {missing}", file=sys.stderr)
        return 1
    result = build([ROOT / "examples"])
    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "graph.html"
        write_html(result.graph, page_path, title="sopgraph — examples/")
        with launch() as browser:
            page, errors, _ = open_page(browser, page_path, width=args.width, height=args.height)
            if args.select:
                page.fill("#sg-search", args.select)
                page.keyboard.press("Enter")
                page.wait_for_timeout(700)  # the focus animation
                page.evaluate("window.sopgraph.network.fit({animation: false})")
                page.wait_for_timeout(100)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out))
    if errors:
        print("screenshot_graph: console errors: " + "; ".join(errors), file=sys.stderr)
        return 1
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
