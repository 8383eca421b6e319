"""What the apply flow lets a citizen sign on screen, and what the signed paper says.

Two kinds of paper are signed at the terminal: a material's written commitment (告知承诺书),
signed by the card holder instead of bringing a certificate, and, when an agent applies, the
principal's power of attorney (授权委托书), signed by the principal whose card was read here.
Both are refused before the pad opens unless consent was given and the words on screen are
exactly that paper's words; the drawn signature itself is checked last.
"""

from __future__ import annotations

from datetime import datetime

from kiosk.documents.signature import Signature, SignatureRejected, SignedFacts
from kiosk.documents.signature import check as check_signature
from kiosk.domain.application import Person
from kiosk.domain.catalog import Material, MaterialSource, ServiceItem
from kiosk.session_states import FlowError


def check_commitment_words(m: Material, text: str, consent: bool) -> None:
    """Refuse signing ``m``'s commitment: not offered, no consent, or not its own words."""
    if m.source is not MaterialSource.COMMITMENT or m.commitment is None:
        raise FlowError("commitment_not_offered", "this material cannot be committed")
    if not consent or not text.strip():
        raise FlowError("consent_missing", "the commitment needs consent and its text")
    if m.commitment.promise not in text or m.commitment.if_false not in text:
        # The signed words must be this material's own commitment, not a generic text.
        raise FlowError("commitment_text_mismatch", "the text is not this material's commitment")


def check_attorney_words(words: str, text: str, consent: bool) -> None:
    """Refuse signing the 授权委托书: ``words`` is its text, empty when the principal is not
    present (their card was not read here); ``text`` is what the screen showed."""
    if not words:
        raise FlowError("principal_not_present", "the principal's card was not read")
    if not consent or text != words:
        raise FlowError("attorney_consent_missing", "the authorisation needs consent and its words")


def signed_facts(
    item: ServiceItem,
    m: Material,
    text: str,
    signer: Person | None,
    signed_at: datetime,
    signature: Signature,
    *,
    attorney: bool,
) -> SignedFacts:
    """What the signed document of ``m`` will print besides the signature, once the
    ``signature`` drawn passes (``signature_empty`` / ``_dot`` / ``_too_small`` refused)."""
    try:
        check_signature(signature)
    except SignatureRejected as exc:
        raise FlowError(exc.reason, exc.message) from None
    return SignedFacts(
        title="授权委托书" if attorney else "告知承诺书",
        text=text,
        service=f"{item.name}（{item.code}）",
        material=m.name,
        signer_name=signer.masked_name if signer else "",
        signer_id_number=signer.masked_id_number if signer else "",
        signed_at=signed_at,
        signer_role="委托人" if attorney else "承诺人",
    )
