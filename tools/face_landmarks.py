"""Record the 68 face landmarks of the sample face photos, for the simulated face camera.

``python -m tools.face_landmarks`` writes ``assets/faces/landmarks.json``: for each photo
``<name>.jpg`` in that folder, the 68 (x, y) points dlib's shape predictor finds on its one
face. The simulated camera (:mod:`drivers.cameras.face_frames`) paints blinks and turns the
head from them without importing dlib itself, so a sequence is the same on every machine.
Needs the ``face`` extra; run again only when a photo changes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import cv2
import dlib

from kiosk.face.models import model_path

FOLDER = Path(__file__).resolve().parents[1] / "assets" / "faces"


def main() -> int:
    detector = dlib.get_frontal_face_detector()
    predictor = dlib.shape_predictor(str(model_path("shape_predictor_68_face_landmarks.dat")))
    points: dict[str, list[list[int]]] = {}
    for photo in sorted(FOLDER.glob("*.jpg")):
        image = cv2.imread(str(photo), cv2.IMREAD_COLOR)
        if image is None:
            print(f"{photo.name}: unreadable", file=sys.stderr)
            return 1
        rgb = cv2.cvtColor(image, cv2.COLOR_BGR2RGB)
        faces = detector(rgb, 1)
        if len(faces) != 1:
            print(f"{photo.name}: {len(faces)} faces, expected one", file=sys.stderr)
            return 1
        shape = predictor(rgb, faces[0])
        points[photo.stem] = [[shape.part(i).x, shape.part(i).y] for i in range(68)]
    text = json.dumps(points, separators=(",", ":"))
    (FOLDER / "landmarks.json").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
