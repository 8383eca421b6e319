"""What an agent (委托代办) brings, in every guide that allows one.

An application made for someone else needs the principal's written authorisation and the
agent's own identity document on top of the service's materials. These are the same for every
service, so the terminal adds them itself rather than trusting each catalog entry to repeat
them: a guide with ``agent_allowed`` lists them, and so do the notification slip and the slip
and receipt of an agent's application. Built on first use, not on import, so the first frame
does not build the catalog models.
"""

from __future__ import annotations

from functools import cache

from kiosk.domain.catalog import (
    Guide,
    LegalBasis,
    Material,
    MaterialForm,
    MaterialSource,
)


@cache
def power_of_attorney() -> Material:
    """授权委托书, signed by the principal."""
    return Material(
        name="授权委托书",
        form=MaterialForm.ORIGINAL,
        copies=1,
        source=MaterialSource.CITIZEN,
        provider="委托人",
        sample_template=None,
        common_errors=("未写明委托事项和权限", "委托人未亲笔签名或按指印", "未写明委托期限"),
        note="由委托人（申请人本人）签名，写明代办事项、权限和期限；监护人代办的可改为监护关系证明",
        basis=LegalBasis(law="《中华人民共和国民法典》", article="第一百六十五条"),
    )


@cache
def agent_id() -> Material:
    """The agent's own ID card."""
    return Material(
        name="受托人（代办人）本人居民身份证",
        form=MaterialForm.ORIGINAL,
        copies=1,
        source=MaterialSource.CITIZEN,
        provider="公安机关",
        sample_template=None,
        common_errors=("携带申请人的身份证代替代办人本人的证件",),
        note="现场核验后当场退还；在自助终端代办时读取代办人本人的身份证",
        basis=LegalBasis(law="《中华人民共和国居民身份证法》", article="第十四条"),
    )


def agent_materials(guide: Guide) -> tuple[Material, ...]:
    """What an agent brings for this service: none when the service allows no agent."""
    return (power_of_attorney(), agent_id()) if guide.agent_allowed else ()


@cache
def guardianship() -> Material:
    """A guardian's proof of guardianship, instead of an authorisation."""
    return Material(
        name="监护关系证明（户口簿、出生医学证明或指定监护的文书）",
        form=MaterialForm.ORIGINAL,
        copies=1,
        source=MaterialSource.CITIZEN,
        provider="公安机关、助产机构、人民法院或居（村）民委员会",
        sample_template=None,
        common_errors=("证明上看不出与申请人的监护关系",),
        note="监护人代为办理的，以监护关系证明代替授权委托书",
        basis=LegalBasis(law="《中华人民共和国民法典》", article="第二十三条"),
    )


def agent_application_materials(authorisation_kind: str) -> tuple[Material, ...]:
    """What the agent of one application must still show at the window: the authorisation
    (a guardian's proof of guardianship instead) and the agent's own ID card."""
    first = guardianship() if authorisation_kind == "guardian" else power_of_attorney()
    return (first, agent_id())


def authorisation_text(service: str, principal: str, agent: str) -> str:
    """The words of a 授权委托书 signed on screen by the principal: who authorises whom
    (``principal`` and ``agent`` as masked names, their numbers masked), for which
    ``service``, with what powers and until when. The signed document keeps these exact words
    and their hash; the case at central holds the full identities."""
    return (
        f"委托人{principal}委托受托人{agent}代为办理“{service}”。"
        "受托人可以代为填写和提交申请、提供申请材料、查询办理进度、领取受理回执和办理结果；"
        "受托人在上述权限内所作的行为，其后果由委托人承担。"
        "委托期限自签署之日起至本事项办结之日止。"
    )
