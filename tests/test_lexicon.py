"""Every data file loads, has its keys, and holds strings where lists of words are expected."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from claimex import lexicon
from claimex.errors import DataFileError
from claimex.normalise import tables


@pytest.mark.parametrize("name", sorted(lexicon.REQUIRED_KEYS))
def test_data_file_loads_with_required_keys(name: str) -> None:
    data = lexicon.load(name)
    assert set(lexicon.REQUIRED_KEYS[name]) <= set(data)


def _leaves(value: object) -> list[object]:
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in _leaves(v)]
    if isinstance(value, list):
        return [leaf for v in value for leaf in ([v] if not isinstance(v, list | dict) else _leaves(v))]
    return [value]


@pytest.mark.parametrize("name", sorted(lexicon.REQUIRED_KEYS))
def test_no_yaml_booleans_or_stray_types(name: str) -> None:
    # YAML reads bare on/no/yes as booleans and 1.0e6 as a string: both have bitten word lists before.
    for leaf in _leaves(lexicon.load(name)):
        assert not isinstance(leaf, bool), f"{name}: a bare yes/no/on/off became a boolean"
        assert isinstance(leaf, str | int | float)


def test_number_tables_hold_numbers() -> None:
    numbers = lexicon.load("numbers")
    for table in ("scales", "words", "fractions", "vague_plurals", "multipliers"):
        assert all(isinstance(v, int | float) for v in numbers[table].values()), table


def test_unknown_data_file_fails_loudly() -> None:
    with pytest.raises(DataFileError, match="unknown data file"):
        lexicon.load("no-such-file")


def test_malformed_data_file_fails_loudly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "units.yaml").write_text("time_units: [unclosed\n", encoding="utf-8")
    monkeypatch.setattr(lexicon.resources, "files", lambda package: tmp_path)
    lexicon.load.cache_clear()
    try:
        with pytest.raises(DataFileError, match="not valid YAML"):
            lexicon.load("units")
        (tmp_path / "data" / "units.yaml").write_text("percent: ['%']\n", encoding="utf-8")
        lexicon.load.cache_clear()
        with pytest.raises(DataFileError, match="lacks required keys"):
            lexicon.load("units")
    finally:
        lexicon.load.cache_clear()


SOURCES = [p for p in (Path(__file__).parent.parent / "claimex").rglob("*.py") if p.name != "tables.py"]


@pytest.mark.parametrize("name", sorted(tables.TABLES))
def test_every_declared_key_is_read(name: str) -> None:
    # Keys the code reads are declared by the record's fields (mypy checks the reads); each field is read.
    code = "\n".join(p.read_text(encoding="utf-8") for p in SOURCES)
    record = tables.TABLES[name]
    unread = [f.name for f in dataclasses.fields(record) if not re.search(rf"\.{f.name}\b", code)]
    assert not unread, f"{name}.yaml: no code reads {unread}"


@pytest.mark.parametrize("name", sorted(tables.TABLES))
def test_typed_tables_load(name: str) -> None:
    record = tables.load_table(name, tables.TABLES[name])
    assert dataclasses.is_dataclass(record)
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.__setattr__(dataclasses.fields(record)[0].name, None)


def test_an_undeclared_key_fails_loudly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "data").mkdir()
    text = (Path(__file__).parent.parent / "claimex" / "data" / "qualifiers.yaml").read_text(encoding="utf-8")
    (tmp_path / "data" / "qualifiers.yaml").write_text(text + "\nstray_table: [x]\n", encoding="utf-8")
    monkeypatch.setattr(lexicon.resources, "files", lambda package: tmp_path)
    lexicon.load.cache_clear()
    try:
        with pytest.raises(DataFileError, match="undeclared keys \\['stray_table'\\]"):
            tables.load_table("qualifiers", tables.QualifierTables)
    finally:
        lexicon.load.cache_clear()
