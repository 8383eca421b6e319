"""人证核验: the face check (is the live face in front of the camera the card holder's?).

Nothing here imports dlib or numpy until a check starts (:mod:`kiosk.face.models`).
"""
