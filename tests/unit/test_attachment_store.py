"""The terminal's attachment store on a real SQLite file: one sealed copy per hash, linked
to each application naming it, purged only when every one of them is past retention."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from sqlalchemy import text

from kiosk.store import Store
from kiosk.sync.attachments import open_attachment, purge, waiting_uploads
from kiosk.sync.crypto import FieldCipher
from kiosk.sync.outbox import iso, utcnow
from tests.sample_submissions import SAMPLE_SCAN, accept_submission, sample_submission


def _sent(store: Store, submission_id: int, days_ago: int) -> None:
    with store.session(write=True) as s:
        s.execute(
            text("UPDATE outbox SET state='sent', sent_at=:at WHERE submission_id=:id"),
            {"at": iso(utcnow() - timedelta(days=days_ago)), "id": submission_id},
        )


def test_the_same_file_in_two_applications_is_kept_once_until_both_are_past_retention(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    first = accept_submission(store, sample_submission("R1", scan=True))
    second = accept_submission(store, sample_submission("R2", scan=True))
    with store.session() as s:
        assert s.execute(text("SELECT count(*) FROM attachment")).scalar() == 1
        assert s.execute(text("SELECT count(*) FROM submission_attachment")).scalar() == 2
    assert waiting_uploads(store, first) == waiting_uploads(store, second) == [SAMPLE_SCAN.sha256]
    cipher = FieldCipher.for_data_dir(store.path.parent)
    assert open_attachment(store, cipher, SAMPLE_SCAN.sha256) == SAMPLE_SCAN.data

    _sent(store, first, days_ago=30)
    assert purge(store, utcnow(), 7) == 0  # the second application still needs it
    _sent(store, second, days_ago=3)
    assert purge(store, utcnow(), 7) == 0  # acknowledged, but within retention
    _sent(store, second, days_ago=8)
    assert purge(store, utcnow(), 7) == 1
    with store.session() as s:
        sealed, purged = s.execute(text("SELECT sealed, purged_at FROM attachment")).one()
    assert sealed is None and purged
    # Logs say how many, never which file: no bytes and no hash.
    assert SAMPLE_SCAN.sha256 not in caplog.text
    assert SAMPLE_SCAN.data[:64].decode("latin-1") not in caplog.text


def test_the_sealed_copy_is_bound_to_its_hash(store: Store) -> None:
    accept_submission(store, sample_submission("R1", scan=True))
    other = "f" * 64
    with store.session(write=True) as s:
        # Move the sealed blob to another hash's row: it must not open there.
        s.execute(
            text(
                "INSERT INTO attachment (sha256, media_type, size_bytes, pages, sealed, "
                "created_at) SELECT :other, media_type, size_bytes, pages, sealed, created_at "
                "FROM attachment"
            ),
            {"other": other},
        )
    cipher = FieldCipher.for_data_dir(store.path.parent)
    with pytest.raises(Exception, match="does not open"):
        open_attachment(store, cipher, other)
