"""Loading heavy modules fast: the cyclic garbage collector paused while they import, and what they
made frozen afterwards, so no later collection scans it again.

torch's import alone builds enough objects to trigger full collections that cost ~100 ms of a
~1 s start (measured: `rnnx shape` 1.06 s with the collector running, 0.95 s paused). Nothing of
rnnx's own is kept alive by it: the collector is back on for the run itself.
Must not import anything beyond the stdlib.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside; everything alive at the end is frozen out of later ones."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
