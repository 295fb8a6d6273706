"""Canonical entities: the name variants news uses for one person or organisation, and no more."""

from __future__ import annotations

import random

import pytest

from claimex.crosscheck.entities import Entity, alias_map, canonical_entities

LEDGER: list[tuple[str, str | None]] = [
    *[("Donald Trump", "PERSON")] * 5,
    *[("Trump", None)] * 9,
    ("President Trump", None),
    ("Mr. Trump", None),
    ("Donald J. Trump", "PERSON"),
    ("TRUMP", None),
    ("Trump's", None),
    ("Donald Trump Jr.", "PERSON"),
    ("Adam Schiff", "PERSON"),
    ("Adam B. Schiff", None),
    ("Rep. Adam Schiff", None),
    ("Schiff", None),
    ("Bill Clinton", "PERSON"),
    ("Hillary Clinton", "PERSON"),
    ("Clinton", None),
    ("FBI", "ORG"),
    ("Federal Bureau of Investigation", "ORG"),
    ("NRA", None),
    ("National Rifle Association", None),
    ("the Met", None),
    ("Metropolitan Police", None),
    ("Nancy Pelosi", None),
    ("Pelosi", None),
    ("House Speaker Nancy Pelosi", None),
    ("Labour", None),
    ("Labour Party", "ORG"),
    ("Goldman Sachs", "ORG"),
    ("Goldman", None),
    ("Trump administration", None),
    ("a spokesman", None),
    ("officials", None),
    ("Republican leaders", None),
    ("the company", None),
]


@pytest.fixture(scope="module")
def aliases() -> dict[str, str]:
    return alias_map(canonical_entities(LEDGER))


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("Trump", "Donald Trump"),
        ("President Trump", "Donald Trump"),
        ("Mr. Trump", "Donald Trump"),
        ("Donald J. Trump", "Donald Trump"),
        ("TRUMP", "Donald Trump"),
        ("Trump's", "Donald Trump"),
        ("Donald Trump Jr.", "Donald Trump Jr."),
        ("Adam B. Schiff", "Adam Schiff"),
        ("Rep. Adam Schiff", "Adam Schiff"),
        ("Schiff", "Adam Schiff"),
        ("Bill Clinton", "Bill Clinton"),
        ("Hillary Clinton", "Hillary Clinton"),
        ("Clinton", "Clinton"),  # two Clintons, neither dominant: stays its own entity
        ("FBI", "Federal Bureau of Investigation"),
        ("NRA", "National Rifle Association"),
        ("the Met", "Metropolitan Police"),
        ("Pelosi", "Nancy Pelosi"),
        ("House Speaker Nancy Pelosi", "Nancy Pelosi"),
        ("Labour", "Labour Party"),
        ("Goldman", "Goldman Sachs"),
        ("Trump administration", "Trump administration"),
        ("Republican leaders", "Republican leaders"),
        ("a spokesman", "a spokesman"),
        ("officials", "officials"),
        ("the company", "the company"),
    ],
)
def test_name_variants(aliases: dict[str, str], surface: str, canonical: str) -> None:
    assert aliases[surface] == canonical


def test_kinds() -> None:
    kinds = {entity.name: entity.kind for entity in canonical_entities(LEDGER)}
    assert kinds["Donald Trump"] == "person"
    assert kinds["Federal Bureau of Investigation"] == "org"
    assert kinds["Metropolitan Police"] == "org"
    assert kinds["a spokesman"] == kinds["the company"] == kinds["Republican leaders"] == "other"


def test_bare_surname_joins_the_dominant_full_name() -> None:
    names: list[tuple[str, str | None]] = [("Hillary Clinton", "PERSON")] * 9 + [("Bill Clinton", "PERSON")]
    aliases = alias_map(canonical_entities([*names, ("Clinton", None)]))
    assert aliases["Clinton"] == "Hillary Clinton"
    assert aliases["Bill Clinton"] == "Bill Clinton"
    even = [("Hillary Clinton", "PERSON")] * 7 + [("Bill Clinton", "PERSON")] * 3 + [("Clinton", None)]
    assert alias_map(canonical_entities(even))["Clinton"] == "Clinton"  # 70% does not dominate


def test_short_org_name_needs_evidence() -> None:
    assert alias_map(canonical_entities([("the Met", None)]))["the Met"] == "Met"
    # Two organisations it could shorten: no evidence for either, so it stays apart.
    names: list[tuple[str, str | None]] = [
        ("the Met", None),
        ("Met Office", "ORG"),
        ("Metropolitan Police", None),
    ]
    assert alias_map(canonical_entities(names))["the Met"] == "Met"


def test_two_full_names_never_merge() -> None:
    entities = canonical_entities([("Bill Clinton", None), ("Hillary Clinton", None), ("Clinton", None)])
    assert sorted(entity.name for entity in entities) == ["Bill Clinton", "Clinton", "Hillary Clinton"]


def test_aliases_map_back() -> None:
    entities = canonical_entities(LEDGER)
    mapping = alias_map(entities)
    assert set(mapping) == {surface for surface, _ in LEDGER} | {entity.name for entity in entities}
    for entity in entities:
        assert entity.name in entity.aliases
        assert all(mapping[alias] == entity.name for alias in entity.aliases)


def test_deterministic_in_any_order() -> None:
    expected = canonical_entities(LEDGER)
    shuffled = list(LEDGER)
    random.Random(15).shuffle(shuffled)
    assert canonical_entities(shuffled) == expected
    assert len({entity.id for entity in expected}) == len(expected)
    assert all(isinstance(entity, Entity) and len(entity.id) == 20 for entity in expected)


def test_groups_of_people_are_not_one_person() -> None:
    names: list[tuple[str, str | None]] = [
        ("Democratic Lawmakers", None),
        ("Republican Lawmakers", None),
        ("House Democrats", None),
        ("Democrats", None),
    ]
    aliases = alias_map(canonical_entities(names))
    assert aliases["Democratic Lawmakers"] != aliases["Republican Lawmakers"]
    assert aliases["House Democrats"] != aliases["Democrats"]
