"""components.gc_tuning: the server's collector settings are applied once per process."""

from __future__ import annotations

import gc

from components.perf import gc_tuning


def test_tuning_freezes_and_raises_thresholds_once(monkeypatch):
    before = gc.get_threshold()
    monkeypatch.setattr(gc_tuning, "_tuned", False)
    try:
        assert gc_tuning.tune_once() is True
        assert gc.get_threshold() == gc_tuning.THRESHOLDS
        assert gc.get_freeze_count() > 0
        assert gc_tuning.tune_once() is False  # the second call leaves everything as it is
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
