"""Canonical names for the people and organisations a ledger mentions: "Mr. Trump" is "Donald Trump"."""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from claimex import lexicon

DOMINANT_SHARE = 0.8  # a bare surname joins the full name holding this share of the full-name sightings
_INITIAL = re.compile(r"^[A-Za-z]\.?$")
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_POSSESSIVE = re.compile(r"['’]s?$")
_CONNECTORS = frozenset({"of", "and", "for", "the", "&", "on", "in"})
_PERSON_HINTS = frozenset({"person", "per", "speaker"})
_ORG_HINTS = frozenset({"org", "organisation", "organization", "norp", "gpe", "source"})
_UNKNOWN = "unknown"  # a single capitalised word without a hint: a surname or a short organisation name


@dataclass(frozen=True)
class Entity:
    """One person or organisation under its canonical name, with every surface form seen."""

    id: str  # sha256 of the canonical name, 20 hex chars
    name: str
    kind: str  # "person" | "org" | "other"
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class _Form:
    surface: str
    tokens: tuple[str, ...]  # cleaned: no title, possessive, leading "the", suffix or middle initial
    kind: str

    @property
    def key(self) -> str:
        return " ".join(token.lower() for token in self.tokens)


@functools.cache
def _data() -> dict[str, Any]:
    return lexicon.load("entities")


@functools.cache
def _titles() -> tuple[tuple[str, ...], ...]:
    titles = {tuple(str(title).lower().split()) for title in _data()["titles"]}
    return tuple(sorted(titles, key=lambda title: (-len(title), title)))


def _words(key: str) -> frozenset[str]:
    return frozenset(str(word).lower() for word in _data()[key])


def _strip_titles(tokens: list[str]) -> list[str]:
    stripped = True
    while stripped:
        stripped = False
        for title in _titles():
            head = tuple(token.lower() for token in tokens[: len(title)])
            if head == title and len(tokens) > len(title):
                tokens = tokens[len(title) :]
                stripped = True
                break
    return tokens


def _hint(kind: str | None) -> str | None:
    if kind is None:
        return None
    lowered = kind.lower()
    if lowered in _PERSON_HINTS:
        return "person"
    if lowered in _ORG_HINTS:
        return "org"
    return "other"


def _form(surface: str, hint: str | None) -> _Form:
    text = _PARENTHESES.sub("", " ".join(surface.split())).strip(" ,.;:")
    tokens = [_POSSESSIVE.sub("", token) for token in text.split()]
    tokens = [token for token in tokens if token]
    if not any(token[:1].isupper() for token in tokens) or all(
        token.lower() in _words("descriptions") for token in tokens
    ):
        return _Form(surface, tuple(text.split()), "other")
    kind = _hint(hint)
    if tokens[0].lower() == "the" and len(tokens) > 1:
        tokens = tokens[1:]
    if kind is None:
        named = tokens[1:] if len(tokens) > 1 else tokens
        is_org = any(token.lower() in _words("org_words") for token in named)
        kind = "org" if is_org else "person" if len(tokens) > 1 else _UNKNOWN
    if kind != "org":
        tokens = _strip_titles(tokens)
        while len(tokens) > 1 and tokens[-1].lower() in _words("suffixes"):
            tokens = tokens[:-1]
        tokens = [token.rstrip(",") for token in tokens]
        generation = tokens[-1].lower().rstrip(".")
        if len(tokens) > 1 and generation in _words("generations"):
            # "Donald Trump Jr." is not "Donald Trump": the generation stays, spelt one way.
            tokens = [
                *tokens[:-1],
                generation.capitalize() + "." if len(generation) == 2 else generation.upper(),
            ]
        if len(tokens) > 2:
            tokens = [tokens[0], *(t for t in tokens[1:-1] if not _INITIAL.match(t)), tokens[-1]]
        descriptions = _words("descriptions")
        if all(token.lower() in descriptions or not token[:1].isupper() for token in tokens):
            return _Form(surface, tuple(text.split()), "other")  # "Republican Lawmakers", "U.S. officials"
    return _Form(surface, tuple(tokens), kind)


def _initials(tokens: tuple[str, ...]) -> str:
    return "".join(token[0] for token in tokens if token.lower() not in _CONNECTORS).upper()


@dataclass
class _Index:
    """The multi-word names a single word may stand for, looked up by surname, initials and first word
    (built once: scanning every name for every single word is quadratic in the ledger's names)."""

    by_surname: dict[str, list[str]]
    by_initials: dict[str, list[str]]
    by_first: dict[str, list[str]]  # organisations by their first word
    truncatable: list[str]  # organisations whose words after the first are generic ("Metropolitan Police")


def _index(groups: dict[str, list[_Form]]) -> _Index:
    org_words = _words("org_words")
    index = _Index(defaultdict(list), defaultdict(list), defaultdict(list), [])
    for key, members in groups.items():
        head = members[0]
        if len(head.tokens) < 2 or head.kind == "other":
            continue
        index.by_initials[_initials(head.tokens)].append(key)
        if head.kind == "person":
            index.by_surname[key.split()[-1]].append(key)
        if head.kind == "org":
            index.by_first[head.tokens[0].lower()].append(key)
            if all(token.lower() in org_words for token in head.tokens[1:]):
                index.truncatable.append(key)
    return index


def _short_form_target(form: _Form, groups: dict[str, list[_Form]], index: _Index) -> str | None:
    """The one multi-word name a single-word form stands for, or None when none or several fit."""
    word = form.tokens[0]
    if _ACRONYM.match(word):
        fits = set(index.by_initials.get(word.replace(".", "").upper(), ()))
    elif len(word) >= 3:
        # "Goldman" for "Goldman Sachs"; a truncation ("the Met") only before generic words.
        low = word.lower()
        fits = set(index.by_first.get(low, ()))
        fits |= {key for key in index.truncatable if groups[key][0].tokens[0].lower().startswith(low)}
    else:
        fits = set()
    return fits.pop() if len(fits) == 1 else None


def _surname_target(
    form: _Form, groups: dict[str, list[_Form]], counts: Counter[str], index: _Index
) -> str | None:
    sightings = {
        key: sum(counts[member.surface] for member in groups[key])
        for key in index.by_surname.get(form.key, ())
    }
    if not sightings:
        return None
    ranked = sorted(sightings.items(), key=lambda item: (-item[1], item[0]))
    if len(ranked) == 1 or ranked[0][1] >= DOMINANT_SHARE * sum(sightings.values()):
        return ranked[0][0]
    return None


def _canonical(members: list[_Form], counts: Counter[str]) -> tuple[str, str]:
    def rank(form: _Form) -> tuple[int, bool, int, str]:
        shouting = form.surface.isupper() and not _ACRONYM.match(form.surface)
        return (-len(form.tokens), shouting, -counts[form.surface], " ".join(form.tokens))

    best = min(members, key=rank)
    return " ".join(best.tokens), best.kind


def canonical_entities(names: Iterable[tuple[str, str | None]]) -> list[Entity]:
    """Unify the (surface name, kind hint) pairs seen across a ledger into canonical entities.

    Forms that clean to the same name (titles, possessives, "the", degrees, middle initials and case
    removed; "Jr." kept) are one entity. A single word then joins a multi-word name: a surname the one
    person whose name ends with it, or the one holding >= 80% of those sightings; else an acronym the one
    name whose initials it spells, or a short form ("Goldman", "the Met") the one organisation it begins.
    A surname wins over an organisation's first word; ambiguity leaves the word its own entity. Two full
    names never merge, and descriptions ("a spokesman", "U.S. officials") stay as they are, kind "other".
    """
    counts: Counter[str] = Counter()
    hints: dict[str, Counter[str | None]] = defaultdict(Counter)
    for surface, hint in names:
        if surface.strip():
            counts[surface] += 1
            hints[surface][hint] += 1
    forms = []
    for surface in sorted(counts):
        hint = sorted(hints[surface].items(), key=lambda item: (-item[1], str(item[0])))[0][0]
        forms.append(_form(surface, hint))

    groups: dict[str, list[_Form]] = defaultdict(list)
    singles: list[_Form] = []
    for form in forms:
        if len(form.tokens) == 1 and form.kind != "other":
            singles.append(form)
        else:
            groups[form.key].append(form)
    index = _index(groups)
    for form in singles:
        org = _short_form_target(form, groups, index) if form.kind != "person" else None
        person = _surname_target(form, groups, counts, index) if form.kind != "org" else None
        target = person or org  # a full name's surname is stronger evidence than an organisation's first word
        if target is None and form.kind == _UNKNOWN:
            form = _Form(form.surface, form.tokens, "org" if _ACRONYM.match(form.surface) else "person")
        groups[target or form.key].append(form)

    entities = []
    for members in groups.values():
        name, kind = _canonical(members, counts)
        if kind == "org" and len({member.surface for member in members}) == 1:
            name = members[0].surface  # one form, nothing unified: the article's own wording ("The council")
        aliases = tuple(sorted({name, *(member.surface for member in members)}))
        entity_id = hashlib.sha256(name.encode("utf-8")).hexdigest()[:20]
        entities.append(Entity(entity_id, name, kind, aliases))
    return sorted(entities, key=lambda entity: (entity.name, entity.kind))


def alias_map(entities: Iterable[Entity]) -> dict[str, str]:
    """Each surface form to its entity's canonical name; a form claimed twice keeps the first entity."""
    mapping: dict[str, str] = {}
    for entity in entities:
        for alias in entity.aliases:
            mapping.setdefault(alias, entity.name)
    return mapping
