from ingest.clean import (
    canonicalize_url,
    content_hash,
    fingerprints,
    normalize_text,
    simhash,
    strip_boilerplate_lines,
    url_id,
)


def test_canonical_url_strips_tracking_fragment_and_default_port():
    url = "HTTP://Gulf-Herald.Example:80/2024/01/story.html?utm_source=rss&utm_medium=feed&id=7&fbclid=x#comments"
    assert canonicalize_url(url) == "http://gulf-herald.example/2024/01/story.html?id=7"


def test_canonical_url_keeps_meaningful_query_sorted_and_path_case():
    assert canonicalize_url("https://x.example/News/A?b=2&a=1") == "https://x.example/News/A?a=1&b=2"
    assert canonicalize_url("https://x.example:8443/a") == "https://x.example:8443/a"
    assert canonicalize_url("https://x.example") == "https://x.example/"


def test_canonical_url_normalises_percent_encoding():
    assert canonicalize_url("https://x.example/a%20b/%7Euser") == canonicalize_url("https://x.example/a b/~user")


def test_url_id_is_stable_and_short():
    a = url_id("https://x.example/a")
    assert a == url_id("https://x.example/a") and len(a) == 16 and a != url_id("https://x.example/b")


def test_normalize_text_folds_spaces_and_invisible_characters_keeps_paragraphs():
    raw = "  Two\u00a0rockets\u200b hit  the base.\r\n\r\n\r\n\nNo one\u00adwas hurt.  "
    assert normalize_text(raw) == "Two rockets hit the base.\n\nNo onewas hurt."


def test_normalize_text_is_nfc():
    assert normalize_text("Re\u0301gion") == "R\u00e9gion"


def test_strip_boilerplate_lines_removes_only_whole_lines():
    text = (
        "Militants fired rockets.\nAdvertisement\nRead more: Houthis warn shipping\n"
        "Share this article\nThe advertisement said..."
    )
    assert strip_boilerplate_lines(text) == "Militants fired rockets.\nThe advertisement said..."


def test_content_hash_ignores_spacing_punctuation_and_case():
    assert content_hash("Two rockets hit Ain al-Asad.") == content_hash("two  rockets hit ain al asad")
    assert content_hash("Two rockets hit Ain al-Asad.") != content_hash("Three rockets hit Ain al-Asad.")


def test_simhash_values_are_stable():
    # Stored SimHashes are compared with new ones for near-duplicates: the function must never drift.
    text = (
        "Two rockets hit Ain al-Asad air base in Anbar on Tuesday, wounding three US service members, officials said."
    )
    assert simhash(text) == 6269899719440366789
    assert simhash("Houthi forces fired an anti-ship missile at a tanker in the Red Sea.") == 4756121256200417998
    assert simhash("") == 0 and simhash("one two") == 561697725256166493


def test_fingerprints_equal_the_two_hashes():
    for text in ("Two rockets hit Ain al-Asad.", "", "Ünïcode  text, with ﬁ ligature"):
        assert fingerprints(text) == (content_hash(text), simhash(text))
