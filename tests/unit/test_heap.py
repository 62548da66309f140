"""The collector's pauses: a phase ends with a collection, or, in a process that ends
after its build, with the heap frozen."""

import gc
import weakref

import pytest

from kgraph import heap


class _Node:
    pass


def _cycle() -> weakref.ref:
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    return weakref.ref(a)


@pytest.fixture
def ending(monkeypatch):
    monkeypatch.setattr(heap, "_ending", False)
    yield
    gc.unfreeze()


def test_a_phase_ends_by_freeing_its_cycles(ending):
    with heap.paused_gc():
        assert not gc.isenabled()
        ref = _cycle()
    assert ref() is None
    assert gc.isenabled()


def test_the_last_phase_frees_its_cycles_in_a_process_that_goes_on(ending):
    with heap.last_phase():
        ref = _cycle()
    assert ref() is None


def test_the_last_phase_of_a_process_that_ends_freezes_instead(ending):
    with heap.ends_after_build():
        with heap.last_phase():
            assert not gc.isenabled()
            ref = _cycle()
        assert ref() is not None  # left for the exit
        assert gc.get_freeze_count() > 0
        assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert ref() is None  # a process that goes on frees it after all
    with heap.last_phase():  # only the build inside
        ref = _cycle()
    assert ref() is None
