"""The catalog format is written once, as the models in kiosk/domain/catalog.py: the committed
JSON Schema is generated from them and accepts exactly what they accept."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from kiosk.catalog.codec import catalog_schema, item_from_dict, item_from_json, item_to_dict
from kiosk.catalog.validation import SCHEMA_PATH, validate_catalog
from kiosk.domain.catalog import MaterialSource, ServiceItem
from tools.catalog.schema import schema_text


def test_the_committed_schema_is_the_one_the_models_generate() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(catalog_schema()), (
        "assets/catalog/catalog.schema.json is out of date: run python -m tools.catalog.schema"
    )


def test_the_schema_is_valid_json_schema_and_accepts_the_sample(
    sample_catalog: dict[str, Any],
) -> None:
    Draft202012Validator.check_schema(catalog_schema())
    assert Draft202012Validator(catalog_schema()).is_valid(sample_catalog)


def _services(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Three services of the sample that between them use every conditional rule, each first
    in its list (only first entries are changed): a form with a choice field, a shared
    material, and fees."""
    services = copy.deepcopy(doc["services"])
    chosen = [
        next(s for s in services if any("choices" in f for f in _fields(s))),
        next(s for s in services if any(m["source"] == "shared" for m in _materials(s))),
        next(s for s in services if not s["guide"]["fees"]["free"]),
    ]
    _first(_fields(chosen[0]), lambda f: "choices" in f)
    _first(_materials(chosen[1]), lambda m: m["source"] == "shared")
    trimmed = [_trimmed(s) for s in chosen]
    for s in trimmed:  # the steps left must still add up to the promise
        limit = s["guide"]["time_limit"]
        limit["promised_days"] = sum(step["time_limit_days"] for step in s["guide"]["steps"])
        limit["statutory_days"] = max(limit["statutory_days"], limit["promised_days"])
    return trimmed


def _fields(service: dict[str, Any]) -> list[dict[str, Any]]:
    return service["guide"].get("form", {}).get("fields", [])


def _materials(service: dict[str, Any]) -> list[dict[str, Any]]:
    return service["guide"]["materials"]


def _first(entries: list[dict[str, Any]], wanted: Callable[[dict[str, Any]], bool]) -> None:
    entries.insert(0, entries.pop(next(i for i, e in enumerate(entries) if wanted(e))))


def _trimmed(value: Any) -> Any:
    """At most two entries in every list (a choice field needs two): less to validate."""
    if isinstance(value, dict):
        return {key: _trimmed(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [_trimmed(inner) for inner in value[:2]]
    return value


def _places(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every key, and the first entry of every list, depth first."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield (*path, key)
            yield from _places(inner, (*path, key))
    elif isinstance(value, list) and value:
        yield (*path, 0)
        yield from _places(value[0], (*path, 0))


ODD_VALUES: tuple[Any, ...] = (None, "", " ", 7.5, -1, True, "x", "choice", "shared", [])
# Rules over two fields that JSON Schema cannot state: only the models enforce them (the
# promise within the statutory limit; the steps' days adding up to the promise).
MODELS_ONLY = ("time_limit", "steps")


def _mutants(service: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for place in _places(service):
        for value in (*ODD_VALUES, "<delete>"):
            mutant = copy.deepcopy(service)
            parent = mutant
            for key in place[:-1]:
                parent = parent[key]
            if value == "<delete>":
                if isinstance(parent, list):
                    continue
                del parent[place[-1]]
            else:
                parent[place[-1]] = copy.deepcopy(value)
            yield f"{service['code']}: {'.'.join(map(str, place))} = {value!r}", mutant


def test_the_models_and_the_schema_accept_the_same_services(sample_catalog: dict[str, Any]) -> None:
    schema = catalog_schema()
    service_schema = Draft202012Validator({"$ref": "#/$defs/ServiceItem", "$defs": schema["$defs"]})
    disagree = []
    for service in _services(sample_catalog):
        for label, mutant in _mutants(service):
            try:
                ServiceItem.model_validate(mutant)
                models = True
            except ValidationError:
                models = False
            if models != service_schema.is_valid(mutant) and not any(
                m in label for m in MODELS_ONLY
            ):
                disagree.append(f"{label}: models {'accept' if models else 'refuse'}")
    assert disagree == []


def test_every_problem_names_the_service_and_the_field(sample_catalog: dict[str, Any]) -> None:
    doc = copy.deepcopy(sample_catalog)
    s = doc["services"]
    s[0]["guide"]["fees"] = {"free": False, "basis": "收费标准", "items": []}
    s[1]["guide"]["materials"][0] |= {"source": "shared", "provider": " "}
    with_form = [x for x in s[4:] if "form" in x["guide"]]
    with_form[0]["guide"]["form"]["fields"][0]["type"] = "choice"
    fields = with_form[1]["guide"]["form"]["fields"]
    fields.append(copy.deepcopy(fields[-1]))
    s[2]["guide"]["form"] = None
    s[3]["popularity"] = 2.5
    found = {(i.code, i.field): i.message for i in validate_catalog(doc)}
    assert "not free" in found[(s[0]["code"], "guide.fees.items")]
    assert "department" in found[(s[1]["code"], "guide.materials[0].provider")]
    choice = (with_form[0]["code"], "guide.form.fields[0].choices")
    assert "two choices" in found[choice]
    assert "appears more than once" in found[(with_form[1]["code"], "guide.form.fields")]
    assert "null" in found[(s[2]["code"], "guide.form")]
    assert "2.5" in found[(s[3]["code"], "popularity")]


def test_a_whole_number_written_as_7_0_is_7(sample_catalog: dict[str, Any]) -> None:
    raw = copy.deepcopy(sample_catalog["services"][0])
    raw["popularity"] = float(raw["popularity"])
    assert item_from_dict(raw).popularity == sample_catalog["services"][0]["popularity"]
    assert isinstance(item_from_dict(raw).popularity, int)


def test_domain_objects_are_frozen_hashable_and_equal_by_value(
    sample_catalog: dict[str, Any],
) -> None:
    item = item_from_dict(sample_catalog["services"][0])
    again = item_from_json(json.dumps(sample_catalog["services"][0]))
    assert item == again and {item: "seen"}[again] == "seen"
    assert {m for m in item.guide.materials} == set(again.guide.materials)
    with pytest.raises(ValidationError):
        item.name = "别的名称"  # type: ignore[misc]
    assert isinstance(item.guide.materials[0].source, MaterialSource)


def test_an_item_written_back_has_exactly_the_keys_it_was_read_with(
    sample_catalog: dict[str, Any],
) -> None:
    for raw in sample_catalog["services"]:
        assert item_to_dict(item_from_dict(raw)) == raw


def test_a_face_check_action_needs_what_it_guards_in_models_and_schema(
    sample_catalog: dict[str, Any],
) -> None:
    # A service applied for at the terminal, with a commitment material and agents allowed:
    # each action may be listed; taking away what an action guards refuses it, in the models
    # and in the schema alike.
    schema = catalog_schema()
    service_schema = Draft202012Validator({"$ref": "#/$defs/ServiceItem", "$defs": schema["$defs"]})
    base = next(
        s
        for s in sample_catalog["services"]
        if "form" in s["guide"]
        and s["guide"]["agent_allowed"]
        and any(m["source"] == "commitment" for m in _materials(s))
    )

    def verdicts(service: dict[str, Any]) -> tuple[bool, bool]:
        try:
            ServiceItem.model_validate(service)
            models = True
        except ValidationError:
            models = False
        return models, service_schema.is_valid(service)

    def without(action: str) -> dict[str, Any]:
        s = copy.deepcopy(base)
        s["guide"]["face_check"] = [action]
        if action == "agent":
            s["guide"]["agent_allowed"] = False
        elif action == "apply":
            del s["guide"]["form"]
        elif action == "commitment":
            for m in _materials(s):
                if m["source"] == "commitment":
                    m["source"] = "citizen"
                    m.pop("commitment", None)
        return s

    every = copy.deepcopy(base)
    every["guide"]["face_check"] = ["apply", "commitment", "agent", "certificate"]
    assert verdicts(every) == (True, True)
    for action in ("agent", "apply", "commitment"):
        assert verdicts(without(action)) == (False, False), action
    twice = copy.deepcopy(base)
    twice["guide"]["face_check"] = ["apply", "apply"]
    assert verdicts(twice) == (False, False)
    unknown = copy.deepcopy(base)
    unknown["guide"]["face_check"] = ["selfie"]
    assert verdicts(unknown) == (False, False)
    # A service not applied for here may still need the check to print its certificate.
    printed = next(s for s in sample_catalog["services"] if s["code"] == "SB-005")
    assert printed["guide"]["face_check"] == ["certificate"] and "form" not in printed["guide"]
