"""Candidate speakers and sources for one claim or quotation, each named by the finder that proposed it,
grouped by the answer they give and described by features for the ranker."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from claimex.components.attribution import (
    SUBJECTS,
    Attribution,
    Resolver,
    _source_phrase,
    is_cue,
    subject_of,
)
from claimex.records import Speaker

NAMES = ("PERSON", "ORG")
_THE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_DISTANCES = (2, 5, 10, 20, 40)
_COLON_NAME = re.compile(
    r"(?:^|[\s\-–—(\[])((?:[A-Z][\w’'.-]+ ){0,3}[A-Z][\w’'.-]+):\s*[\"“‘']?\s*\Z", re.MULTILINE
)


@dataclass
class DocIndex:
    """Per-document structures built once: sentence and paragraph of each token, names, cue verbs."""

    doc: Doc
    sent_starts: list[int] = field(default_factory=list)
    para: list[int] = field(default_factory=list)  # paragraph number of each token
    names: list[tuple[int, int, str]] = field(default_factory=list)  # (start, root, label) of PERSON/ORG
    cues: list[int] = field(default_factory=list)  # tokens that are cue verbs
    quotes: list[tuple[int, int]] = field(default_factory=list)  # character spans of quotations

    @classmethod
    def build(cls, doc: Doc, quotes: list[tuple[int, int]]) -> DocIndex:
        """Walk the doc once."""
        index = cls(doc, quotes=sorted(quotes))
        paragraph = 0
        for token in doc:
            if token.is_sent_start or token.i == 0:
                index.sent_starts.append(token.i)
            index.para.append(paragraph)
            if "\n" in token.text or "\n" in token.whitespace_:
                paragraph += 1
            if token.pos_ == "VERB" and is_cue(token):
                index.cues.append(token.i)
        index.names = [(e.start, e.root.i, e.label_) for e in doc.ents if e.label_ in NAMES]
        return index

    def sentence(self, i: int) -> int:
        """The number of the sentence holding token `i`."""
        return bisect.bisect_right(self.sent_starts, i) - 1

    def bounds(self, n: int) -> tuple[int, int]:
        """The token range of sentence `n` (empty when there is none)."""
        if n < 0 or n >= len(self.sent_starts):
            return 0, 0
        end = self.sent_starts[n + 1] if n + 1 < len(self.sent_starts) else len(self.doc)
        return self.sent_starts[n], end

    def quoted(self, i: int) -> bool:
        """Whether token `i` lies inside a quotation."""
        idx = self.doc[i].idx
        return any(a <= idx < b for a, b in self.quotes)

    def cues_in(self, start: int, end: int) -> list[int]:
        """Cue verbs among tokens start..end."""
        return self.cues[bisect.bisect_left(self.cues, start) : bisect.bisect_left(self.cues, end)]


@dataclass
class Target:
    """What is being attributed: a claim's number token, or a quotation's first and last tokens."""

    kind: str  # "c" (claim) or "q" (quote)
    first: int
    last: int


def key(found: Attribution) -> str:
    """The answer a candidate gives, normalised for grouping ("the Met" and "Met" agree)."""
    return _THE.sub("", found.named.lower()).strip()


_Saved = tuple[str | None, str | None, dict[str, tuple[Speaker, int, str | None]]]


def _snapshot(resolver: Resolver) -> _Saved:
    """What resolving may change: the names in focus, the speakers and their descriptions."""
    kept = {n: (sp, len(sp.descriptions), sp.organisation) for n, sp in resolver.speakers.items()}
    return resolver.last_person, resolver.last_org, kept


def _restore(resolver: Resolver, saved: _Saved) -> None:
    resolver.last_person, resolver.last_org, kept = saved
    resolver.speakers = {n: sp for n, (sp, _, _) in kept.items()}
    for sp, count, organisation in kept.values():
        del sp.descriptions[count:]
        sp.organisation = organisation


def _name(resolver: Resolver, index: DocIndex, root: int, rule: str) -> Attribution:
    name, _ = resolver.full_name(index.doc[root])
    return Attribution(speaker=name, rule=rule, at=root)


def _said_by(resolver: Resolver, index: DocIndex, cue: int, rule: str, span: tuple[int, int]) -> Attribution:
    subject = subject_of(index.doc[cue], span)
    if subject is None or not any(ch.isalpha() for ch in subject.text):
        return Attribution()
    found = resolver.resolve(subject)
    found.rule, found.cue, found.at = rule, index.doc[cue].lemma_.lower(), subject.i
    return found


def extra_candidates(
    target: Target, resolver: Resolver, index: DocIndex, previous: Attribution | None
) -> list[Attribution]:
    """Cheap finders beyond the cascade: every cue subject in the sentence (and the sentences either
    side), the nearest named person and organisation in the sentence and paragraph, the previous
    quotation's speaker, the person and organisation in focus, evidence nouns. The resolver is left as
    it was."""
    saved = _snapshot(resolver)
    doc = index.doc
    sent = index.sentence(target.first)
    last_sent = index.sentence(target.last)
    start, _ = index.bounds(sent)
    _, end = index.bounds(last_sent)
    span = (
        (doc[target.first].idx, doc[target.last].idx + len(doc[target.last]))
        if target.kind == "q"
        else (0, 0)
    )
    found: list[Attribution] = []
    cues = [
        c for c in index.cues_in(start, end) if not (target.kind == "q" and span[0] <= doc[c].idx < span[1])
    ]
    cues.sort(key=lambda c: min(abs(c - target.first), abs(c - target.last)))
    for n, cue in enumerate(cues):  # the nearest cue first
        found.append(_said_by(resolver, index, cue, "cue_nearest" if n == 0 else "cue_sentence", span))
    para = index.para[target.first]
    for n, rule in ((sent - 1, "cue_previous"), (last_sent + 1, "cue_next")):
        a, b = index.bounds(n)
        if a < b and index.para[a] == para:
            for cue in index.cues_in(a, b):
                if not index.quoted(cue):
                    found.append(_said_by(resolver, index, cue, rule, span))
    near: dict[str, tuple[int, int]] = {}  # rule -> (distance, root)
    for name_start, root, label in index.names:
        if index.para[root] != para or index.quoted(root) or target.first <= name_start <= target.last:
            continue
        same = start <= root < end
        rule = ("person_" if label == "PERSON" else "org_") + ("sentence" if same else "paragraph")
        if not same and root > target.first:
            continue
        distance = min(abs(root - target.first), abs(root - target.last))
        if rule not in near or distance < near[rule][0]:
            near[rule] = (distance, root)
    found += [_name(resolver, index, root, rule) for rule, (_, root) in sorted(near.items())]
    if target.kind == "q":
        found += _colon_name(index, resolver, doc[target.first].idx)
    if previous is not None and previous.speaker:
        found.append(Attribution(speaker=previous.speaker, rule="previous_quote", at=previous.at))
    if resolver.last_person:
        found.append(Attribution(speaker=resolver.last_person, rule="last_person"))
    if resolver.last_org:
        found.append(Attribution(speaker=resolver.last_org, rule="last_org"))
    nouns = resolver_source_nouns()
    for token in doc[start:end]:
        if token.pos_ == "NOUN" and token.lower_ in nouns and not index.quoted(token.i):
            found.append(
                Attribution(source=_source_phrase(token, token.i + 1), rule="evidence_noun", at=token.i)
            )
    _restore(resolver, saved)
    return [f for f in found if f.speaker or f.source]


def _colon_name(index: DocIndex, resolver: Resolver, start: int) -> list[Attribution]:
    """Capitalised words right before a colon that opens the quotation ("Ryan: ‘…’", "- Philip Bump:
    “…”"), whatever the entity recogniser made of them."""
    text = resolver.text
    match = _COLON_NAME.search(text, max(0, start - 60), start)
    if match is None:
        return []
    span = index.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    if span is None or not len(span):
        return []
    name, _ = resolver.full_name(span.root) if span.root.ent_type_ in NAMES else (match.group(1), "")
    return [Attribution(speaker=name, cue=":", rule="colon_name", at=span.root.i)]


def resolver_source_nouns() -> set[str]:
    """The evidence nouns of the attribution lexicon."""
    from claimex.components.attribution import _data

    return _data()["source_nouns"]


@dataclass
class Group:
    """One answer, the candidates that gave it, and its features."""

    answer: Attribution
    members: list[Attribution]
    features: list[str] = field(default_factory=list)


def _bucket(distance: int) -> str:
    return str(next((d for d in _DISTANCES if distance <= d), 99))


def group(target: Target, candidates: list[Attribution], index: DocIndex, resolver: Resolver) -> list[Group]:
    """Candidates grouped by answer (the cascade's wording kept when it is among them), plus "none" (the
    article's own voice), each with its features."""
    by_key: dict[str, list[Attribution]] = {}
    for found in candidates:
        if found.named:
            by_key.setdefault(key(found), []).append(found)
    # a document in longer words is the same document ("court documents released last year", "court
    # documents"); names are not ("Clinton", "Clinton Foundation")
    for longer in sorted(by_key, key=len, reverse=True):
        if any(m.speaker for m in by_key[longer]):
            continue
        shorter = next((k for k in by_key if k != longer and longer.startswith(k + " ")), None)
        if shorter is not None:
            by_key[shorter] += by_key.pop(longer)
    doc, p = index.doc, target.kind + ":"
    cue_here = bool(index.cues_in(*index.bounds(index.sentence(target.first))))
    para_n = index.para[target.first]
    groups = [
        Group(
            Attribution(rule="none"),
            [],
            [p + "r=none", p + f"none|cue={cue_here}", p + f"none|para={min(para_n, 3)}"],
        )
    ]
    fallback = next((key(c) for c in candidates if c.rule == "cascade"), "")
    groups[0].features += [p + f"none|cascade={bool(fallback)}", p + f"none|answers={min(len(by_key), 4)}"]
    known = {name.lower() for name in resolver.speakers}
    for answer_key, members in by_key.items():
        answer = next((m for m in members if m.rule == "cascade"), min(members, key=lambda m: len(m.named)))
        feats = {p + "bias", p + f"n={min(len(members), 4)}", p + f"words={min(len(answer_key.split()), 4)}"}
        chosen = any(m.rule == "cascade" for m in members)
        for m in members:
            feats.add(p + f"r={m.rule}")
            feats.add(p + f"r={m.rule}|cascade={chosen}")
            if m.cue:
                feats.add(p + f"r={m.rule}|cue={m.cue.lower()}")
        feats.add(
            p + "kind=" + ("both" if answer.speaker and answer.source else "s" if answer.speaker else "src")
        )
        if answer_key in known:
            feats.add(p + "known")
        located = [m for m in members if 0 <= m.at < len(doc)]
        if located:
            at = min((m.at for m in located), key=lambda i: min(abs(i - target.first), abs(i - target.last)))
            token = doc[at]
            side = "in" if target.first <= at <= target.last else "before" if at < target.first else "after"
            gap = index.sentence(at) - index.sentence(target.first if at < target.first else target.last)
            distance = min(abs(at - target.first), abs(at - target.last))
            placed = [
                "side=" + side,
                f"d={_bucket(distance)}",
                f"sent={max(-2, min(gap, 2))}",
                f"para={index.para[at] == para_n}",
                "lab=" + (token.ent_type_ or token.pos_),
                "dep="
                + (token.dep_ if token.dep_ in (*SUBJECTS, "pobj", "dobj", "appos", "compound") else "x"),
            ]
            feats |= {p + f for f in placed}
            if index.quoted(at):
                feats.add(p + "inq")
            for m in members:
                feats.add(p + f"r={m.rule}|d={_bucket(distance)}")
        else:
            feats.add(p + "unlocated")
        groups.append(Group(answer, members, sorted(feats)))
    return groups
