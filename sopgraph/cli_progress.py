"""A progress bar for long CLI runs: rich, on stderr, only on a terminal, only when slow.

The library reports progress through a plain ``progress(done, total)`` callback; this
turns it into a bar. Nothing is drawn when stderr is not a terminal (pipes, CI logs, test
runners) or during the first seconds of a run, so quick builds stay quiet.
"""
from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    """Callable ``(done, total)`` that shows a transient rich bar after ``delay`` seconds."""

    def __init__(self, description: str = "reading", *, delay: float = 2.0, stream: TextIO | None = None):
        self.description = description
        self.delay = delay
        self.stream = stream if stream is not None else sys.stderr
        self.started = time.monotonic()
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self._progress = None
        self._task = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self._progress is None:
            if time.monotonic() - self.started < self.delay:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                      TimeRemainingColumn(), console=Console(file=self.stream), transient=True)
            self._progress.start()
            self._task = self._progress.add_task(self.description, total=total)
        self._progress.update(self._task, completed=done, total=total)

    def close(self) -> None:
        """Remove the bar (it is transient) and stop its refresh thread."""
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def __enter__(self) -> "ProgressBar":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
