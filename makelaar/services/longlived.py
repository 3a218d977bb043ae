"""Big caches that live until the data changes, kept out of the garbage collector's way.

Python's cyclic garbage collector now and then walks every object that survived earlier collections. With the
matching index of a large store in memory (some 260,000 objects for 20,000 organisations) one such full collection
took 150–250 ms: a stall of the window at a random moment, inside a save or a keystroke. Once such a cache is built,
``settle`` moves every object alive at that moment out of the collector's sight (``gc.freeze``). Frozen objects are
still freed as usual when nothing refers to them any more; only garbage in reference cycles among them would stay, so
each ``settle`` first hands the earlier frozen objects back and collects once (at a rebuild, which takes seconds
anyway).
"""

from __future__ import annotations

import gc
import threading

# Smaller caches cost a full collection little; settling them would cost each build a collection of its own.
SETTLE_FROM = 1_000

_lock = threading.Lock()


def settle(size: int) -> bool:
    """After building a cache of ``size`` records: move what is alive now out of the collector's sight. True when
    it did (the cache was big enough to be worth it)."""
    if size < SETTLE_FROM:
        return False
    with _lock:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
    return True
