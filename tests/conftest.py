"""Shared fixtures: the model (loaded once), the seed page, ../shared when it is beside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from claimex import pipeline
from claimex.extract import extract_page
from claimex.records import Extraction, Page

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "guardian-met-facial-recognition.txt"
SEED_PUBLISHED = "2025-07-31"
SHARED = ROOT.parent / "shared"


def read_original(path: Path) -> str:
    """The file as the contract reads it: UTF-8, newlines untranslated."""
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


@pytest.fixture(scope="session")
def nlp() -> Language:
    return pipeline.load()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return read_original(SEED)


@pytest.fixture(scope="session")
def seed_extraction(nlp: Language, seed_text: str) -> Extraction:
    return extract_page(nlp, Page(seed_text, str(SEED), SEED_PUBLISHED))


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


def ingest_seed(db: Path) -> Path:
    """Ingest the seed page into the ledger at `db` through the CLI, as a user would."""
    from click.testing import CliRunner

    from claimex.cli import cli

    result = CliRunner().invoke(
        cli, ["ingest", str(SEED), "--db", str(db), "--published", SEED_PUBLISHED, "-q"]
    )
    assert result.exit_code == 0, result.output
    return db
