"""Readers: HTML (trafilatura), JSONL, folders, and their metadata flowing into periods and the ledger."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimex.cli import cli
from claimex.errors import InputError
from claimex.read import Reader, read_path

DATA = Path(__file__).parent / "data"


def test_html_page_text_and_metadata() -> None:
    (page,) = read_path(str(DATA / "news-page.html"))
    assert page.title == "Council doubles recycling budget to £4.2m"
    assert page.published == "2025-03-14"
    assert page.url == "https://gazette.example/news/2025/mar/14/council-recycling-budget"
    assert page.outlet == "Example Gazette"
    assert "31,000 tonnes" in page.text
    assert "Home" not in page.text.split("\n\n") and "All rights reserved" not in page.text


def test_html_page_without_a_date_has_none() -> None:
    (page,) = read_path(str(DATA / "news-page-no-date.html"))
    assert page.published is None


def test_html_page_without_article_text_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="no article text"):
        list(read_path(str(DATA / "no-article.html")))


@pytest.mark.model
def test_html_date_resolves_last_year_like_the_option() -> None:
    result = CliRunner().invoke(cli, ["extract", str(DATA / "news-page.html"), "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    claims = {c["text"]: c for a in doc["articles"] for c in a["claims"]}
    assert doc["published"] == "2025-03-14"
    assert claims["12%"]["period"] == "2024"
    assert claims["31,000 tonnes"]["speaker"] == "Priya Shah" and claims["31,000 tonnes"]["quote"]


@pytest.mark.model
def test_html_without_date_leaves_relative_periods_empty() -> None:
    result = CliRunner().invoke(cli, ["extract", str(DATA / "news-page-no-date.html"), "--json"])
    claims = [c for a in json.loads(result.output)["articles"] for c in a["claims"]]
    assert claims and all(c["period"] is None for c in claims)


def test_jsonl_bad_line_is_reported_with_its_number(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"text": "Sales rose 5%."}),
        "{not json",
        json.dumps({"headline": "no text"}),
        json.dumps({"text": "Costs fell 3%.", "published": "2024-01-02", "url": "https://x.example/a"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    reader = Reader()
    pages = list(reader.read(str(path)))
    assert [p.source for p in pages] == [f"{path}#1", f"{path}#4"]
    assert pages[1].published == "2024-01-02" and pages[1].url == "https://x.example/a"
    assert [p.split(":")[-2] for p in reader.problems] == ["2", "3"]


@pytest.mark.model
def test_ingest_skips_a_bad_jsonl_line_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": "Sales rose 5% to £2m."}) + "\n{oops\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(tmp_path / "l.db"), "-q"])
    assert result.exit_code == 1
    assert f"{path}:2: not JSON" in result.output
    assert "new: 1 article," in result.output


def test_folder_reads_known_suffixes_and_reports_bad_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Prices rose 4%.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "notes.csv").write_text("a,b", encoding="utf-8")
    reader = Reader()
    pages = list(reader.read(str(tmp_path)))
    assert [Path(p.source).name for p in pages] == ["a.txt"]
    assert len(reader.problems) == 1 and "binary" in reader.problems[0]
    only_csv = Reader(suffixes=(".csv",))
    with pytest.raises(InputError, match="decode|no files|not"):
        list(only_csv.read(str(tmp_path / "sub")))


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 2000, encoding="utf-8")
    with pytest.raises(InputError, match="over the 1,000-byte limit"):
        list(Reader(max_bytes=1000, lenient=False).read(str(path)))
