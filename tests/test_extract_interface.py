"""The extract stage's public surface and its promise never to raise."""

from __future__ import annotations

import gzip
import json

import pytest

import ingest.extract
from ingest.extract import EXTRACTOR_VERSION, Extracted, extract, extract_file

ARTICLE = """<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<title>Drone strike reported near the border | Example News</title>
<link rel="canonical" href="/world/drone-strike">
<meta property="og:site_name" content="Example News">
<meta name="description" content="A short summary.">
<meta property="article:published_time" content="2024-03-05T08:30:00+02:00">
<meta name="author" content="By Jane Doe and John Roe">
</head><body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article><h1>Drone strike reported near the border</h1>
<p>A drone strike hit a convoy near the border on Tuesday morning, officials said, in the third such
attack this month. Local authorities said two vehicles were destroyed and several people were hurt.</p>
<p>The ministry of defence said it was investigating the incident and would publish its findings
within a week. Residents described hearing two loud explosions shortly after dawn.</p>
<p>Analysts said the attack fitted a pattern of strikes on supply routes that began last year and has
intensified since the winter, despite repeated calls for restraint from neighbouring states.</p>
</article><footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"""


def test_public_names_are_pinned() -> None:
    assert sorted(ingest.extract.__all__) == [
        "EXTRACTOR_VERSION",
        "Extracted",
        "decode_html",
        "extract",
        "extract_file",
        "read_page",
    ]


def test_article_fields() -> None:
    result = extract(ARTICLE, url="https://news.example.com/world/drone-strike?utm_source=x")
    assert isinstance(result, Extracted)
    assert result.text.startswith("A drone strike hit a convoy")
    assert "\n\nThe ministry of defence" in result.text
    assert "Copyright" not in result.text and "Home" not in result.text
    assert result.title == "Drone strike reported near the border"
    assert result.authors == ["Jane Doe", "John Roe"]
    assert result.published == "2024-03-05T08:30:00+02:00"
    assert result.language == "en"
    assert result.canonical_url == "https://news.example.com/world/drone-strike"
    assert result.description == "A short summary."
    assert result.site_name == "Example News"
    assert result.extractor_version == EXTRACTOR_VERSION


def test_to_dict_is_json_ready() -> None:
    record = extract(ARTICLE).to_dict()
    assert json.loads(json.dumps(record)) == record
    assert {
        "text",
        "title",
        "authors",
        "published",
        "language",
        "canonical_url",
        "description",
        "site_name",
        "extractor_version",
    } <= set(record)


@pytest.mark.parametrize(
    "page",
    [
        b"",
        "",
        b"\x00\x01\x02\xff" * 100,
        b"<html",
        b"<html><body></body></html>",
        "<p>",
        b"\xff\xfe\x00<",
        ARTICLE[: len(ARTICLE) // 3],
        "<" * 10000,
        "<div>" * 5000 + "deep" + "</div>" * 5000,
    ],
)
def test_bad_pages_never_raise(page: bytes | str) -> None:
    result = extract(page)
    assert isinstance(result, Extracted)
    assert isinstance(result.text, str)
    assert result.extractor_version == EXTRACTOR_VERSION


def test_empty_page_gives_empty_text() -> None:
    assert extract(b"").text == ""
    assert extract("<html><head><title>x</title></head><body></body></html>").text == ""


def test_extract_file_reads_gzip_by_magic_bytes(tmp_path) -> None:
    plain = tmp_path / "page.html"
    plain.write_text(ARTICLE, encoding="utf-8")
    packed = tmp_path / "page.bin"  # the name does not say gzip: the magic bytes do
    packed.write_bytes(gzip.compress(ARTICLE.encode("utf-8")))
    assert extract_file(plain).text == extract_file(packed).text != ""


def test_extract_file_missing_raises_oserror(tmp_path) -> None:
    with pytest.raises(OSError):
        extract_file(tmp_path / "missing.html")


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize("url", [None, "", "https://example.com/world/drone-strike", "https://example.com/\udcff"])
def test_reused_trafilatura_options_equal_the_ones_bare_extraction_builds(
    url: str | None, fast: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The body step copies one Extractor per pass instead of building one per page: every field must be
    what bare_extraction itself would build from the same arguments (caught here if trafilatura changes)."""
    import trafilatura.core
    from lxml.html import document_fromstring
    from trafilatura.settings import Extractor

    from ingest.extract.body import trafilatura_options

    built: list[Extractor] = []

    def capture(tree: object, options: Extractor, url: str | None = None) -> None:  # for trafilatura_sequence
        built.append(options)
        raise ValueError  # bare_extraction turns this into None

    monkeypatch.setattr(trafilatura.core, "trafilatura_sequence", capture)
    trafilatura.core.bare_extraction(
        document_fromstring(ARTICLE),
        url=url,
        fast=fast,
        include_comments=False,
        include_tables=True,
        output_format="python",
    )
    reused = trafilatura_options(url, fast)
    fields = Extractor.__slots__
    assert {k: getattr(reused, k) for k in fields} == {k: getattr(built[0], k) for k in fields}
