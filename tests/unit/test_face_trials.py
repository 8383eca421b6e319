"""False accepts and false rejects of the face check over the sim sequences, several seeds.

The full count (10 seeds) is ``python -m tools.face_trials``; its numbers are in
:mod:`kiosk.face.check`. Here 3 seeds × 10 kinds of check (30 checks) must make no mistake.
"""

from __future__ import annotations

import pytest

from kiosk.face.models import FaceModels
from tools.face_trials import TRIALS, run_trials, summary


@pytest.mark.slow
def test_no_false_accept_and_no_false_reject_over_the_sim_sequences() -> None:
    trials = run_trials(3, models=FaceModels())
    counts = summary(trials)
    wrong = [(name, seed, r.reason) for name, seed, should, r in trials if r.passed != should]
    assert counts["checks"] == 3 * len(TRIALS)
    assert counts["false_accepts"] == 0 and counts["false_rejects"] == 0, wrong
    holder = [r.distance or 1.0 for name, _, _, r in trials if name.startswith("holder-live")]
    others = [r.distance or 0.0 for name, _, _, r in trials if name.startswith("other")]
    assert max(holder) < 0.5 < min(others)
