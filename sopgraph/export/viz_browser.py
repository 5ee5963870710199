"""Open a sopgraph HTML page in headless Chromium, offline (for tests, screenshots, benchmarks).

Uses Playwright for Python driving the system's Chromium (Debian's ``chromium`` package);
Playwright's own browser downloads are never used. Not imported by the library itself.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "chromium_missing", "launch", "open_page"]

#: Debian's Chromium; override with the ``SOPGRAPH_CHROMIUM`` environment variable.
CHROMIUM = Path(os.environ.get("SOPGRAPH_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def chromium_missing() -> str | None:
    """Why the browser cannot be used here (``None`` if it can): names what to install."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package 'playwright' is not installed (pip install -e '.[test]')"
    if not CHROMIUM.is_file():
        return f"{CHROMIUM} not found (apt-get install chromium, or set SOPGRAPH_CHROMIUM)"
    return None


@contextmanager
def launch() -> Iterator[object]:
    """Yield a Playwright ``Browser`` running the system Chromium headless."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def open_page(target, path: Path, *, width: int = 1400, height: int = 900, timeout_ms: int = 60_000):
    """Open ``path`` from ``file://`` with every network request aborted; wait until laid out.

    ``target`` is a Playwright ``Browser`` (a fresh context is made for the page) or a
    ``BrowserContext`` to reuse, which is much cheaper when opening many pages. Returns
    ``(page, console_errors, blocked_requests)``; the two lists keep filling while the page
    is used. Dialogs (``alert`` and friends) are recorded as console errors ``"dialog: …"``
    and dismissed.
    """
    context = target.new_context() if hasattr(target, "new_context") else target
    errors: list[str] = []
    blocked: list[str] = []

    def _route(route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page = context.new_page()
    page.set_viewport_size({"width": width, "height": height})
    page.route("**/*", _route)
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))

    def _dialog(dialog) -> None:
        errors.append(f"dialog: {dialog.type} {dialog.message}")
        dialog.dismiss()

    page.on("dialog", _dialog)
    page.goto(Path(path).resolve().as_uri())
    page.wait_for_selector("body[data-sg-state=ready]", timeout=timeout_ms)
    return page, errors, blocked
