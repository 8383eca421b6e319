"""False accepts and false rejects of the face check on the simulated face camera.

``python -m tools.face_trials [SEEDS]`` runs checks over every sequence of ``sim:face`` with
seeds 0 … SEEDS-1 (default 10): the holder live asked to blink and turn left, and to blink
and turn right (both should pass); the holder turning only right asked to turn left, the
holder's printed photo (asked to blink and turn, or only to turn either way), two other
people, two people in view and nobody (all should fail).
Prints one line per check and a JSON summary; the numbers in :mod:`kiosk.face.check` come
from it. Needs the ``face`` extra.
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

from drivers.registry import make_camera
from kiosk.face.check import FaceCheck, FaceResult, camera_frames
from kiosk.face.liveness import Challenge
from kiosk.face.models import FaceModels
from kiosk.face.settings import FaceCheckSettings

REFERENCE = Path(__file__).resolve().parents[1] / "assets" / "faces" / "holder-id.jpg"

# (sequence, challenge, should pass)
TRIALS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("holder-live", ("blink", "left"), True),
    ("holder-live", ("blink", "right"), True),
    ("holder-right", ("blink", "left"), False),
    ("holder-photo", ("blink", "left"), False),
    ("holder-photo", ("left",), False),  # a turn alone: tilting the sheet must not pass
    ("holder-photo", ("right",), False),
    ("other-a-live", ("blink", "left"), False),
    ("other-b-live", ("blink", "left"), False),
    ("two-faces", ("blink", "left"), False),
    ("empty", ("blink", "left"), False),
)


def run_trials(
    seeds: int, settings: FaceCheckSettings | None = None, models: FaceModels | None = None
) -> list[tuple[str, int, bool, FaceResult]]:
    """(sequence, seed, should pass, result) for every trial."""
    models = models or FaceModels()
    settings = settings or FaceCheckSettings()
    reference = REFERENCE.read_bytes()
    out = []
    for seed in range(seeds):
        for sequence, actions, should_pass in TRIALS:
            check = FaceCheck(models, settings, reference)
            camera = make_camera(f"sim:face?seq={sequence}&seed={seed}")
            result = check.run(camera_frames(camera), Challenge(actions))  # type: ignore[arg-type]
            out.append((f"{sequence}:{'+'.join(actions)}", seed, should_pass, result))
    return out


def summary(trials: list[tuple[str, int, bool, FaceResult]]) -> dict[str, object]:
    genuine = [r for _, _, should, r in trials if should]
    impostor = [r for _, _, should, r in trials if not should]
    holder = [r.distance for name, _, _, r in trials if name.startswith("holder-live")]
    others = [r.distance for name, _, _, r in trials if name.startswith("other")]
    times = sorted(r.elapsed_s for r in genuine)
    return {
        "checks": len(trials),
        "false_rejects": sum(not r.passed for r in genuine),
        "genuine": len(genuine),
        "false_accepts": sum(r.passed for r in impostor),
        "impostor": len(impostor),
        "holder_distance": [min(d for d in holder if d), max(d for d in holder if d)],
        "other_distance_min": min(d for d in others if d is not None),
        "genuine_p50_s": statistics.median(times),
    }


def main() -> int:
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    trials = run_trials(seeds)
    for name, seed, should, r in trials:
        print(f"{name:28} seed={seed:2} want={'pass' if should else 'fail'} -> {r}")
    print(json.dumps(summary(trials)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
