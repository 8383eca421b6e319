"""dlib's face models, loaded only when a face check starts.

The trained models ship in the ``face_recognition_models`` package (the ``face`` extra):
nothing is downloaded at run time. Their folder is found without importing that package
(its ``__init__`` imports ``pkg_resources``, slow and deprecated). :class:`FaceModels` is
made by the composition root and loaded on the first check, never at start-up: importing
this module imports neither dlib nor numpy.
"""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path
from typing import Any

DETECTOR = "hog"
LANDMARKS = "shape_predictor_68_face_landmarks.dat"
EMBEDDING = "dlib_face_recognition_resnet_model_v1.dat"


class FaceModelsMissing(RuntimeError):
    """The ``face`` extra is not installed."""


def model_path(name: str) -> Path:
    """The file of one of the packaged models."""
    spec = importlib.util.find_spec("face_recognition_models")
    if spec is None or not spec.submodule_search_locations:
        raise FaceModelsMissing("face_recognition_models is not installed (pip extra 'face')")
    path = Path(next(iter(spec.submodule_search_locations))) / "models" / name
    if not path.is_file():
        raise FaceModelsMissing(f"face model {name} is missing")
    return path


class FaceModels:
    """The detector, the 68-point landmark predictor and the 128-d embedding network; loaded
    once, on first use, from whichever thread gets there first."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loaded: tuple[Any, Any, Any] | None = None

    @property
    def loaded(self) -> bool:
        return self._loaded is not None

    def get(self) -> tuple[Any, Any, Any]:
        """(detector, landmark predictor, embedding network); loads them the first time."""
        with self._lock:
            if self._loaded is None:
                try:
                    import dlib
                except ImportError as exc:
                    raise FaceModelsMissing("dlib is not installed (pip extra 'face')") from exc
                self._loaded = (
                    dlib.get_frontal_face_detector(),
                    dlib.shape_predictor(str(model_path(LANDMARKS))),
                    dlib.face_recognition_model_v1(str(model_path(EMBEDDING))),
                )
            return self._loaded
