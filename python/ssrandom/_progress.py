"""Progress bars for long command-line work (tqdm, on standard error).

A bar is shown only when it helps and cannot hurt: the work is large (at least :data:`LARGE` entities or ids),
standard error is a terminal, tqdm is installed and ``SSRANDOM_NO_PROGRESS`` is not set. Output meant for
programs (``--json``, standard output) is never touched.
"""

from __future__ import annotations

import os
import sys
from types import TracebackType
from typing import IO, Any, Optional, Sequence, Type

__all__ = ["LARGE", "enabled", "Steps", "iterate"]

#: Work of at least this many entities or ids gets a progress bar.
LARGE = 50_000


def enabled(size: int, stream: Optional[IO[str]] = None) -> bool:
    """Whether work of ``size`` items should show a progress bar on ``stream`` (default: standard error)."""
    stream = sys.stderr if stream is None else stream
    if size < LARGE or os.environ.get("SSRANDOM_NO_PROGRESS"):
        return False
    try:
        if not stream.isatty():
            return False
    except (AttributeError, ValueError):
        return False
    try:
        import tqdm  # noqa: F401 - only whether it is there
    except ImportError:
        return False
    return True


class Steps:
    """A bar over the named steps of one job (load, classify, draw, write …); a no-op when not enabled::

        with Steps(["load", "draw", "write"], enabled=enabled(n)) as steps:
            steps.next("load"); ...
    """

    def __init__(self, names: Sequence[str], enabled: bool, description: str = "ssrandom",
                 stream: Optional[IO[str]] = None) -> None:
        self._names = list(names)
        self._bar: Any = None
        if enabled:
            from tqdm import tqdm

            self._bar = tqdm(total=len(self._names), desc=description, unit="step", leave=False,
                             file=sys.stderr if stream is None else stream,
                             bar_format="{desc} {bar} {n_fmt}/{total_fmt} {elapsed}{postfix}")
        self._done = 0

    def next(self, name: str) -> None:
        """Marks the previous step done and shows ``name`` as the one running."""
        if self._bar is None:
            return
        self._bar.set_postfix_str(name, refresh=False)
        if self._done:
            self._bar.update(1)
        else:
            self._bar.refresh()
        self._done += 1

    def __enter__(self) -> "Steps":
        return self

    def __exit__(self, kind: Optional[Type[BaseException]], value: Optional[BaseException],
                 traceback: Optional[TracebackType]) -> None:
        if self._bar is not None:
            if kind is None and self._done:
                self._bar.update(1)
            self._bar.close()


def iterate(items: Any, total: int, enabled: bool, description: str = "ssrandom", unit: str = "it") -> Any:
    """``items`` wrapped in a tqdm bar on standard error when ``enabled``, else unchanged."""
    if not enabled:
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc=description, unit=unit, unit_scale=True, leave=False, file=sys.stderr)
