"""kg.store.memory: freed memory handed back to the system."""

from __future__ import annotations

import platform
import sys

import pytest

from kg.store.memory import release_freed_memory


def _rss_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        return int(f.read().split("VmRSS:")[1].split()[0]) // 1024


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
    reason="malloc_trim is glibc's",
)
def test_freed_blocks_between_live_ones_are_handed_back() -> None:
    # 300 MB of blocks too large for Python's own small-object arenas, one in 50 kept: the
    # rest is freed but stays with the process, pinned by the blocks kept between it.
    blocks = [bytes(1000 + i % 50) for i in range(300_000)]
    kept = blocks[::50]
    del blocks
    before = _rss_mb()
    assert release_freed_memory()
    after = _rss_mb()
    assert before - after > 150, (before, after)
    assert len(kept) == 6000


def test_what_a_rebuild_holds_is_kept_out_of_the_collectors_walks() -> None:
    import gc

    from kg.store.memory import held_apart

    assert gc.get_freeze_count() == 0
    with held_apart() as hold:
        held = [[i] for i in range(1000)]  # read once, kept to the end
        hold()
        assert gc.get_freeze_count() >= len(held)
        assert not any(gc.is_tracked(x) and x in gc.get_objects(0) for x in held[:3])
    assert gc.get_freeze_count() == 0  # handed back to the collector at the end


def test_a_freeze_made_elsewhere_is_not_undone() -> None:
    import gc

    from kg.store.memory import held_apart

    def collected(x: object) -> bool:  # in a generation the collector walks
        return any(o is x for o in gc.get_objects())

    earlier = [[1], [2]]
    gc.freeze()  # as kg.store.apart does around its fork
    try:
        assert not collected(earlier)
        with held_apart() as hold:
            later = [[3], [4]]
            hold()
            assert collected(later)  # nothing more frozen here...
        assert not collected(earlier)  # ...and nothing unfrozen
    finally:
        gc.unfreeze()
