"""Big caches kept out of the garbage collector's way: a full collection no longer walks the matching index."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from makelaar.domain.records import OrganisationData
from makelaar.services import longlived, matching, organisations
from makelaar.storage.store import Store


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


@pytest.fixture(autouse=True)
def thawed() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()  # the rest of the suite collects as usual
    matching.invalidate()


def test_a_small_cache_is_left_alone() -> None:
    assert longlived.settle(longlived.SETTLE_FROM - 1) is False
    assert gc.get_freeze_count() == 0


def test_a_big_cache_is_frozen_and_earlier_cyclic_garbage_still_freed() -> None:
    earlier = Node()
    gone = weakref.ref(earlier)
    gc.freeze()  # as an earlier settle did while the node was in use
    del earlier
    gc.collect()
    assert gone() is not None  # frozen: the collector does not see the cycle

    assert longlived.settle(longlived.SETTLE_FROM) is True
    assert gone() is None  # the earlier frozen objects were handed back and collected first
    assert gc.get_freeze_count() > 0  # what is alive now is out of the collector's sight


def test_building_a_big_index_settles_it(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    with store.begin() as s:
        for name in ("Stichting Buurtmoestuin", "Voedselbank Oost", "Repair Café De Kern"):
            organisations.save_organisation(s, OrganisationData(name=name, description="Helpt bewoners."))
    monkeypatch.setattr(longlived, "SETTLE_FROM", 3)
    settled: list[bool] = []
    settle = longlived.settle

    def counted(size: int) -> bool:
        settled.append(settle(size))
        return settled[-1]

    monkeypatch.setattr(longlived, "settle", counted)
    with store.begin() as s:
        matching.get_index(s)
    assert settled == [True]
    assert gc.get_freeze_count() > 0
    with store.begin() as s:  # the same store unchanged: the cached index, nothing settled again
        matching.get_index(s)
    assert settled == [True]
