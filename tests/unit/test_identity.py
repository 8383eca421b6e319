"""Identity checks, code tables and masking."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date

import pytest

from drivers.cards.sim.card_files import default_cards_dir, load_card
from kiosk.domain.codes import NATIONS, Sex, nation_from_code
from kiosk.domain.id_numbers import gb11643_check_char, is_valid_foreign_old, is_valid_gb11643
from kiosk.domain.identity import (
    CardType,
    IdentityError,
    identity_from_card,
    mask_name,
    mask_number,
)

TODAY = date(2025, 6, 1)


def card(name: str):  # noqa: ANN201 - test helper
    return load_card(default_cards_dir() / name)


def test_the_reference_example_has_check_character_x() -> None:
    assert gb11643_check_char("11010519491231002") == "X"
    assert is_valid_gb11643("11010519491231002X")
    assert is_valid_gb11643("11010519491231002x")
    assert not is_valid_gb11643("110105194912310021")


def test_nation_table_is_complete_and_spells_deang_right() -> None:
    assert [f"{n:02d}" for n in range(1, 57)] + ["97", "98"] == list(NATIONS)
    assert NATIONS["46"] == "德昂"
    assert nation_from_code("5") == "维吾尔"
    assert nation_from_code("99") is None


@pytest.mark.parametrize(
    ("text", "masked"),
    [("张三丰", "张*丰"), ("张三", "张*"), ("阿依古丽", "阿**丽"), ("王", "*"), ("", "")],
)
def test_names_are_masked_in_the_middle(text: str, masked: str) -> None:
    assert mask_name(text) == masked


def test_an_id_number_shows_only_its_first_and_last_four() -> None:
    assert mask_number("11010519491231002X") == "1101**********002X"


def test_a_resident_card_becomes_a_checked_identity() -> None:
    identity = identity_from_card(card("resident.json"), TODAY)
    assert identity.card_type is CardType.RESIDENT
    assert identity.sex is Sex.MALE
    assert identity.nation == "汉"
    assert identity.birth_date == date(1980, 3, 15)
    assert identity.valid_to == date(2035, 6, 1)
    assert identity.age_on(TODAY) == 45
    assert identity.age_on(date(2025, 3, 14)) == 44


def test_an_identity_never_shows_the_full_name_or_number(caplog: pytest.LogCaptureFixture) -> None:
    identity = identity_from_card(card("resident.json"), TODAY)
    caplog.set_level(logging.INFO)
    logging.getLogger("test").info("visit by %s / %r / %s", identity, identity, [identity])
    for shown in (str(identity), repr(identity), f"{identity}", caplog.text):
        assert "110105198003150012" not in shown
        assert "张明丰" not in shown
    assert "张*丰" in str(identity)
    assert identity.masked_id_number == "1101**********0012"


def test_an_expired_card_is_refused_for_a_visit() -> None:
    with pytest.raises(IdentityError) as err:
        identity_from_card(card("resident_expired.json"), TODAY)
    assert err.value.reason == "card_expired"


def test_an_expired_card_can_still_be_reported_and_flagged() -> None:
    identity = identity_from_card(card("resident_expired.json"), TODAY, allow_expired=True)
    assert identity.is_expired_on(TODAY)
    assert not identity.is_expired_on(date(2018, 1, 1))  # valid through its last day


def test_a_long_term_card_never_expires() -> None:
    identity = identity_from_card(card("resident_long_term.json"), date(2090, 1, 1))
    assert identity.long_term and identity.valid_to is None
    assert identity.nation == "德昂"


def test_a_wrong_check_character_is_refused() -> None:
    bad = replace(card("resident.json"), id_number="110105198003150013")
    with pytest.raises(IdentityError) as err:
        identity_from_card(bad, TODAY)
    assert err.value.reason == "id_check_failed"


def test_a_birth_date_that_contradicts_the_number_is_refused() -> None:
    bad = replace(card("resident.json"), birth_date="19800316")
    with pytest.raises(IdentityError) as err:
        identity_from_card(bad, TODAY)
    assert err.value.reason == "invalid_card_data"


def test_a_nonsense_date_is_invalid_card_data() -> None:
    bad = replace(card("resident.json"), valid_to="20351340")
    with pytest.raises(IdentityError) as err:
        identity_from_card(bad, TODAY)
    assert err.value.reason == "invalid_card_data"


def test_an_hmt_permit_keeps_pass_number_and_issue_count() -> None:
    identity = identity_from_card(card("hmt_permit.json"), TODAY)
    assert identity.card_type is CardType.HMT_PERMIT
    assert identity.pass_number == "H12345678"
    assert identity.issue_count == 1
    assert identity.nation is None


def test_an_hmt_number_outside_81_to_83_is_refused() -> None:
    bad = replace(card("hmt_permit.json"), id_number="110105198003150012", birth_date="")
    with pytest.raises(IdentityError) as err:
        identity_from_card(bad, TODAY)
    assert err.value.reason == "id_check_failed"


def test_the_old_foreign_card_number_has_its_own_form() -> None:
    identity = identity_from_card(card("foreign_old.json"), TODAY)
    assert identity.id_number == "USA118506010012"
    assert identity.nationality == "USA"
    assert identity.name_en == "SMITH, JOHN ALEXANDER"
    assert is_valid_foreign_old("USA118506010012")
    assert not is_valid_foreign_old("US1118506010012")
    assert not is_valid_foreign_old("USA11850601001")  # 14 characters
    assert not is_valid_foreign_old("USA1185060100123")  # 16 characters
    assert not is_valid_foreign_old("USA11850601001X")


def test_an_old_foreign_card_is_not_refused_on_an_unpublished_digit_rule() -> None:
    # The digits need not code the holder's birth date (no such rule is published): the
    # SAM authenticated the card, so its number is checked for its form only.
    odd = replace(card("foreign_old.json"), id_number="USA110000009999")
    identity = identity_from_card(odd, TODAY)
    assert identity.id_number == "USA110000009999"
    bad = replace(card("foreign_old.json"), id_number="USA11000000999")
    with pytest.raises(IdentityError) as err:
        identity_from_card(bad, TODAY)
    assert err.value.reason == "id_check_failed"


def test_the_2023_foreign_card_uses_an_18_digit_number_starting_with_9() -> None:
    identity = identity_from_card(card("foreign_2023.json"), TODAY)
    assert identity.id_number.startswith("9")
    assert identity.sex is Sex.FEMALE
    assert identity.masked_name == "玛*"


def test_a_social_security_card_without_sex_takes_it_from_the_number() -> None:
    identity = identity_from_card(replace(card("social_security.json"), sex_code=""), TODAY)
    assert identity.sex is Sex.FEMALE


def test_an_unknown_card_type_is_unsupported() -> None:
    with pytest.raises(IdentityError) as err:
        identity_from_card(replace(card("resident.json"), card_type="bank"), TODAY)
    assert err.value.reason == "unsupported_card"
