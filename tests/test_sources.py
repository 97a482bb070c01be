from pathlib import Path

import pytest

from ingest.sources import (
    SourcesError,
    default_sources_path,
    host_delays,
    import_opml,
    load_sources,
    parse_sources,
    resolve_sources,
    sources_to_toml,
)

GOOD = """
[[source]]
name = "Gulf Herald"
homepage = "http://gulf-herald.example/"
feeds = ["http://gulf-herald.example/rss.xml", "http://gulf-herald.example/atom.xml"]
language = "en"
country = "AE"
host_delay_s = 2.5

[[source]]
name = "Levant Wire"
key = "lw"
feeds = ["https://levant-wire.example/feed"]
"""


def test_parse_sources_reads_fields_and_slugs_keys():
    sources = parse_sources(GOOD)
    assert [s.key for s in sources] == ["gulf-herald", "lw"]
    assert sources[0].feeds == ("http://gulf-herald.example/rss.xml", "http://gulf-herald.example/atom.xml")
    assert sources[0].host_delay_s == 2.5 and sources[0].country == "AE"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not toml [", "not valid TOML"),
        ("title = 'x'", "no [[source]]"),
        ("[[source]]\nfeeds=['http://a.example/f']", "'name' is required"),
        ("[[source]]\nname='A'", "'feeds' must be"),
        ("[[source]]\nname='A'\nfeeds=['file:///etc/passwd']", "http(s) URLs"),
        (
            "[[source]]\nname='A'\nfeeds=['http://a.example/f']\n[[source]]\nname='A'\nfeeds=['http://b.example/f']",
            "duplicate key",
        ),
        ("[[source]]\nname='A'\nfeeds=['http://a.example/f']\nhost_delay_s=-1", "non-negative"),
    ],
)
def test_parse_sources_rejects_bad_files_with_a_clear_reason(text: str, message: str):
    with pytest.raises(SourcesError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")):
        parse_sources(text, origin="s.toml")


def test_missing_sources_file_is_a_sources_error(tmp_path: Path):
    with pytest.raises(SourcesError, match="cannot read"):
        load_sources(tmp_path / "nope.toml")


def test_packaged_production_sources_load():
    sources = load_sources(default_sources_path())
    assert len(sources) >= 5
    assert all(f.startswith("https://") for s in sources for f in s.feeds)


def test_resolve_sources_from_feed_urls_groups_by_host():
    sources = resolve_sources(None, ["http://a.example/1.xml", "http://a.example/2.xml", "http://b.example/f"])
    assert [(s.name, len(s.feeds)) for s in sources] == [("a.example", 2), ("b.example", 1)]


def test_host_delays_come_from_sources():
    assert host_delays(parse_sources(GOOD)) == {"gulf-herald.example": 2.5}


def test_opml_import_groups_outlines_and_round_trips_to_toml(tmp_path: Path):
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        """<?xml version="1.0"?>
<opml version="2.0"><head><title>my feeds</title></head><body>
 <outline text="Security">
  <outline type="rss" text="Gulf Herald" xmlUrl="http://gulf-herald.example/rss.xml" htmlUrl="http://gulf-herald.example/"/>
  <outline type="rss" text="Gulf Herald Atom" xmlUrl="http://gulf-herald.example/atom.xml" htmlUrl="http://gulf-herald.example/"/>
  <outline type="rss" text="Levant &amp; Wire" xmlUrl="https://levant-wire.example/feed"/>
  <outline text="no feed here"/>
  <outline text="bad scheme" xmlUrl="ftp://x.example/feed"/>
 </outline></body></opml>""",
        "utf-8",
    )
    sources = import_opml(opml)
    assert [(s.name, len(s.feeds)) for s in sources] == [("Gulf Herald", 2), ("Levant & Wire", 1)]
    again = parse_sources(sources_to_toml(sources))
    assert [(s.key, s.feeds) for s in again] == [(s.key, s.feeds) for s in sources]


def test_opml_import_refuses_entity_expansion(tmp_path: Path):
    bomb = tmp_path / "bomb.opml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
        '<opml><body><outline text="&b;" xmlUrl="http://a.example/f"/></body></opml>',
        "utf-8",
    )
    with pytest.raises(SourcesError, match="not a readable OPML"):
        import_opml(bomb)
