"""Unit rules of the extract stage: decoding, dates, authors, titles, paragraph furniture."""

from __future__ import annotations

import codecs
from datetime import date

import pytest

from ingest.extract import decode_html, extract
from ingest.extract.authors import clean_name, split_byline
from ingest.extract.body import reconcile
from ingest.extract.boilerplate import clean_paragraphs, drop_furniture
from ingest.extract.dates import normalise_date, url_date
from ingest.extract.metadata import _cut_site
from ingest.extract.visible_dates import header_zone, headline_date, parse_displayed_dates


def test_decode_prefers_valid_utf8_over_a_wrong_declaration() -> None:
    page = '<meta charset="iso-8859-1"><p>café</p>'.encode()
    assert "café" in decode_html(page)


def test_decode_uses_declared_legacy_charset() -> None:
    page = '<meta charset="windows-1256"><p>مرحبا</p>'.encode("cp1256")
    assert "مرحبا" in decode_html(page)


def test_decode_bom_and_junk() -> None:
    assert decode_html(codecs.BOM_UTF16_LE + "<p>hi</p>".encode("utf-16-le")) == "<p>hi</p>"
    assert isinstance(decode_html(b"\xff\xfe\xfa\x00\x81"), str)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-03-05T10:00:00+02:00", "2024-03-05T10:00:00+02:00"),
        ("2024-03-05T10:00:00Z", "2024-03-05T10:00:00+00:00"),
        ("2024-03-05T10:00:00", "2024-03-05"),  # no offset: local time of unknown zone, keep the day
        ("2024-03-05", "2024-03-05"),
        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05T10:00:00+00:00"),
        ("1970-01-01", None),
        ("yesterday", None),
        (None, None),
    ],
)
def test_normalise_date(raw: str | None, expected: str | None) -> None:
    assert normalise_date(raw) == expected


def test_url_date() -> None:
    assert url_date("https://x.example/2023/12/22/story/") == date(2023, 12, 22)
    assert url_date("https://x.example/news/2023-12-22-story") == date(2023, 12, 22)
    assert url_date("https://x.example/2023/13/45/story") is None
    assert url_date(None) is None


def test_displayed_dates_formats_and_ambiguity() -> None:
    text = "Updated March 5, 2024 · 5 Mar 2024 · 2024-03-05 · 5 de marzo de 2024"
    assert parse_displayed_dates(text) == [date(2024, 3, 5)] * 4
    assert parse_displayed_dates("03/05/2024") == []  # day or month first: no way to tell
    assert parse_displayed_dates("03/05/2024", {date(2024, 5, 3)}) == [date(2024, 5, 3)]
    assert parse_displayed_dates("25/12/2023") == [date(2023, 12, 25)]


def test_headline_zone_and_date() -> None:
    page = "Home World Storm hits coast Storm hits coast By Ana Ruiz Updated June 2, 2024 Winds of 120 km/h..."
    zone = header_zone(page, "Storm hits coast", "Winds of 120 km/h")
    assert "Ana Ruiz" in zone[0] and "Winds" not in zone[0]
    assert headline_date(zone) == date(2024, 6, 2)


def test_byline_splitting_and_names() -> None:
    assert split_byline("By Jane Doe and John Roe") == ["Jane Doe", "John Roe"]
    assert split_byline("Dylan Bailey, MS, RD") == ["Dylan Bailey"]
    assert clean_name("ByAmy Roeder", None) == "Amy Roeder"
    for not_a_person in ("Staff Reporter", "The Editorial Board", "Reuters", "john.doe", "Updated 5 min ago"):
        assert clean_name(not_a_person, None) is None
    assert clean_name("Gulf Ledger", "Gulf Ledger") is None
    assert clean_name("Ahmed al Mansouri", None) == "Ahmed al Mansouri"


def test_names_lose_glued_months_and_credentials() -> None:
    assert clean_name("Simone M. Scully December", None) == "Simone M. Scully"
    assert clean_name("Lauren Manaker MS", None) == "Lauren Manaker"
    assert clean_name("Nelson C.J.", None) == "Nelson C.J."


def test_byline_from_header_text() -> None:
    from ingest.extract.authors import _clean_all, _from_header

    assert _clean_all(_from_header(" Author: Nirmita Panchal Published: Feb 6, 2024"), None) == ["Nirmita Panchal"]
    assert _clean_all(_from_header(" Denise Everheart August 23, 2023 "), None) == ["Denise Everheart"]
    assert _clean_all(_from_header(" New York City said on May 5, 2024 that"), None) == []


def test_title_site_suffix_cut() -> None:
    assert _cut_site("Port reopens | Harbour Daily", "Harbour Daily", []) == "Port reopens"
    assert _cut_site("Harbour Daily | Port reopens", "Harbour Daily", []) == "Port reopens"
    assert _cut_site("Port reopens - Harbour", None, []) == "Port reopens"
    assert (
        _cut_site("Port reopens - Acme Consulting - Sea Advice", "Acme Consulting - Sea Advice", []) == "Port reopens"
    )
    assert _cut_site("Iran - Iraq talks resume after long pause", None, []) == (
        "Iran - Iraq talks resume after long pause"
    )


def test_furniture_paragraphs() -> None:
    kept = drop_furniture(
        [
            "Advertisement",
            "Sign up for our daily newsletter to get the news in your inbox.",
            "Read more: Officials outline the plan",
            "© 2024 Example Media. All rights reserved.",
            "The minister said copyright law would change next year.",
            "Photo: Example Agency",
        ]
    )
    assert kept == ["The minister said copyright law would change next year."]


def test_headline_repeated_in_body_is_dropped() -> None:
    assert clean_paragraphs(["Storm hits coast", "Winds reached the coast."], ["Storm hits coast"]) == [
        "Winds reached the coast."
    ]


def test_reconcile_candidates() -> None:
    article = [f"Sentence number {i} of the article tells what happened in the town square today." for i in range(8)]
    extra = [
        f"Unrelated teaser {i} about another topic entirely, with its own different words here." for i in range(30)
    ]
    trimmed, source = reconcile(article + extra, article)
    assert (trimmed, source) == (article, "dom+jsonld")
    other = [f"Cookie notice line {i}: we use cookies to improve the experience on this site." for i in range(8)]
    assert reconcile(other, article) == (article, "jsonld")
    assert reconcile(article, article[:1]) == (article, "dom")  # a short JSON-LD body is only a teaser
    assert reconcile(article, [*article[:-1], "And it was cut here…"]) == (article, "dom")


# --- small pages for the metadata rules ------------------------------------------------------------------

_BODY = "<p>" + " ".join(f"The council met on day {i} to discuss the harbour budget and repairs." for i in range(12))


def _page(head: str = "", body: str = "", h1: str = "Harbour budget approved") -> str:
    return f"<html><head>{head}</head><body><article><h1>{h1}</h1>{body}{_BODY}</p></article></body></html>"


def _ld(obj: dict) -> str:
    import json

    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def test_declared_author_that_is_not_a_person_name_is_kept() -> None:
    from ingest.extract import extract

    # Teams, single first names and handles are what the byline says when a field declares them.
    for declared in ("Everfit Team", "Susan", "kirstin boatto"):
        page = _page(f'<meta name="author" content="{declared}">')
        assert extract(page).authors == [declared]
    for junk in ("https://example.com/staff", "262588213843476", "Updated: May 5"):
        assert extract(_page(f'<meta name="author" content="{junk}">')).authors == []


def test_organization_or_site_author_only_when_no_person_is_found() -> None:
    from ingest.extract import extract

    org = {"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Harbour Daily"}}
    site = '<meta property="og:site_name" content="Harbour Daily">'
    assert extract(_page(site + _ld(org))).authors == ["Harbour Daily"]
    byline = '<p class="byline">By Ana Ruiz</p>'
    assert extract(_page(site + _ld(org), byline)).authors == ["Ana Ruiz"]
    # A template that lost the person's name leaves only the outlet after a comma: not a byline.
    lost = {"@type": "NewsArticle", "author": {"@type": "Person", "name": ", The Daily Journal"}}
    assert extract(_page(_ld(lost))).authors == []


def test_byline_element_pieces_and_labelled_teams() -> None:
    from ingest.extract import extract

    # Name and role in separate elements: the role is not a second author.
    role = '<div class="post-author"><b>Celeste Longacre</b><span>Content Marketing Coordinator</span></div>'
    assert extract(_page(body=role)).authors == ["Celeste Longacre"]
    # "By" + a team, an outlet desk or a single name: a labelled byline, kept as printed.
    for byline, expected in (
        ("By the Lavazza Team", "the Lavazza Team"),
        ("Posted by BeauHD on Friday December 19, 2025", "BeauHD"),
        ("Podium Staff", "Podium Staff"),
    ):
        page = _page(body=f'<div class="byline">{byline}</div>')
        assert extract(page).authors == [expected]


def test_caption_and_byline_dates() -> None:
    # A weekday after a lower-case word is a photo caption, not the dateline.
    assert parse_displayed_dates("snow near the resort, Thursday, Dec. 21, 2023") == []
    assert parse_displayed_dates("Gemma Peplow @gemmapeplow Sunday 17 December 2023") == [date(2023, 12, 17)]
    # "by X on <date>" and a dateline opening with "On" are datelines, though "on" usually starts a sentence.
    assert parse_displayed_dates("by ALLIN ONE on Jan 22, 2025") == [date(2025, 1, 22)]
    assert parse_displayed_dates(" On January 12, 2025") == [date(2025, 1, 12)]
    assert parse_displayed_dates("the mayor said on January 12, 2025") == []
    # After a verb or "to"/"through" a date is the story's ("the deadline is April 15, 2025"), not a dateline.
    assert parse_displayed_dates("The end of the tax season is April 15, 2025. If you are late") == []
    assert parse_displayed_dates("an extension to October 15, 2025, to file") == []
    assert parse_displayed_dates("Updated to January 12, 2025") == [date(2025, 1, 12)]  # a label still wins


def test_dateline_at_the_body_start_when_nothing_else_dates_the_page() -> None:
    from ingest.extract import extract

    standfirst = "<p>Why the harbour budget matters to everyone who lives near the water this year.</p>"
    byline = "<p>Daisy Smith Dec 05, 2023 2 Share</p>"
    page = _page(body=standfirst + byline)
    assert extract(page, url="https://news.example/harbour-budget").published == "2023-12-05"


def test_mojibake_repaired_in_fields() -> None:
    from ingest.extract.metadata import clean_field

    assert clean_field("A DIY Investorâ\x80\x99s Guide") == "A DIY Investor’s Guide"
    assert clean_field("cafÃ© au lait") == "café au lait"
    assert clean_field("Déjà vu — Ãlvaro") == "Déjà vu — Ãlvaro"  # not one round of mojibake: left alone


def test_h1_extras_dropped_for_the_machine_title() -> None:
    from ingest.extract import extract

    og = '<meta property="og:title" content="Preparing a transition in Debusine">'
    for h1 in ("Dec 18 2025 Preparing a transition in Debusine", "Blog: Preparing a transition in Debusine"):
        assert extract(_page(og, h1=h1)).title == "Preparing a transition in Debusine"
    # A longer printed headline is the headline, not extras.
    longer = "Preparing a transition in Debusine, step by step"
    assert extract(_page(og, h1=longer)).title == longer


def test_h1_section_labels_set_off_by_a_bar_are_dropped() -> None:
    from ingest.extract import extract

    ld = _ld({"@type": "NewsArticle", "headline": "Council vetoes the harbour wall budget"})
    for h1 in (
        "Politics | Council vetoes the harbour wall budget",
        "College Sports | Council vetoes the harbour wall budget",
        "Opinion | Council vetoes the harbour wall budget | Editorial",
    ):
        assert extract(_page(ld, h1=h1)).title == "Council vetoes the harbour wall budget"
    # A longer part beside the bar is a subtitle, kept with the printed headline.
    longer = "Council vetoes the harbour wall budget | What the vote means for the seafront"
    assert extract(_page(ld, h1=longer)).title == longer


def test_trailing_media_tag_is_not_part_of_the_title() -> None:
    from ingest.extract import extract

    og = '<meta property="og:title" content="Harbour wall fails in the storm (video)">'
    assert extract(_page(og, h1="Harbour wall fails in the storm (video)")).title == "Harbour wall fails in the storm"
    assert extract(_page(og, h1="Harbour wall fails in the storm [Watch]")).title == "Harbour wall fails in the storm"
    # Other bracketed parts are the publisher's wording.
    kept = "The different types of sea walls (Infographic)"
    assert extract(_page(f'<meta property="og:title" content="{kept}">', h1=kept)).title == kept


def test_machine_date_shown_by_the_headline_beats_the_first_shown_date() -> None:
    from ingest.extract import extract

    ld = _ld({"@type": "BlogPosting", "headline": "Harbour budget approved", "datePublished": "2025-01-16"})
    # The first date after the headline is an update stamp without its label; the article's own date,
    # also in the JSON-LD, is printed before the headline.
    page = (
        f"<html><head>{ld}</head><body><div class=meta>Jan 16, 2025</div><h1>Harbour budget approved</h1>"
        f"<div class=stamp>Ana Ruiz July 15, 2025</div><article>{_BODY}</p></article></body></html>"
    )
    assert extract(page).published == "2025-01-16"


def test_generational_suffix_kept_and_sentence_words_cut_from_header_bylines() -> None:
    from ingest.extract.authors import _clean_all, _from_header

    assert clean_name("George T. Conway III", None) == "George T. Conway III"
    assert clean_name("John Garcia Jr.", None) == "John Garcia Jr"
    assert _clean_all(_from_header(" By Trevor Jones Last updated: January 12, 2026"), None) == ["Trevor Jones"]
    assert _clean_all(_from_header(" By Eric Ries Is a startup advisor"), None) == ["Eric Ries"]
    assert _clean_all(_from_header(" By Mary Ann Ruiz on May 5, 2024"), None) == ["Mary Ann Ruiz"]


def test_person_author_that_lost_its_name_is_skipped() -> None:
    from ingest.extract import extract

    lost = _ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": ", USA TODAY"}})
    page = _page(lost, '<div class="gnt_ar_by">By <a>Brian Truitt</a></div>')
    assert extract(page).authors == ["Brian Truitt"]


def test_h1_sharing_only_the_site_name_is_not_the_headline() -> None:
    from ingest.extract import extract

    head = (
        '<meta property="og:site_name" content="Nationwide">'
        '<meta property="og:title" content="Smart home security concerns | Nationwide">'
    )
    assert extract(_page(head, h1="Return to Nationwide Website")).title == "Smart home security concerns"


def _dated_page(head: str, shown_before: str, shown_after: str, body_top: str) -> str:
    body = " ".join(["The council met on a quiet evening to weigh the plan for the old harbour wall."] * 6)
    return (
        f"<html><head><title>Harbour wall plan approved</title>{head}</head><body>"
        f"<div>{shown_before}</div><h1>Harbour wall plan approved</h1><div>{shown_after}</div>"
        f"<article><p>{body_top}</p><p>{body}</p><p>{body}</p></article></body></html>"
    )


def test_date_with_offset_keeps_its_day_against_a_url_day() -> None:
    # 07:30 at -05:00 is the publisher's local morning: no UTC shift to correct from the URL's day.
    head = '<meta property="article:published_time" content="2023-12-20T07:30:00-05:00">'
    got = extract(_dated_page(head, "", "", ""), url="https://x.example/news/2023-12-19-harbour")
    assert (got.published or "")[:10] == "2023-12-20"


def test_date_in_url_and_metadata_agree_over_a_sidebar_date() -> None:
    head = '<meta property="article:published_time" content="2021-01-18T19:55:00+01:00">'
    page = _dated_page(head, "", "Recent articles: August 9, 2021", "")
    got = extract(page, url="https://x.example/2021/01/18/harbour")
    assert (got.published or "")[:10] == "2021-01-18"


def test_date_before_headline_prefers_the_unlabelled_one() -> None:
    page = _dated_page("", "December 22, 2022 · Updated January 2, 2026", "", "")
    assert (extract(page).published or "")[:10] == "2022-12-22"


def test_date_opening_the_body_that_matches_the_update_is_the_shown_date() -> None:
    head = (
        '<meta property="article:published_time" content="2023-12-15T14:18:00Z">'
        '<meta property="article:modified_time" content="2023-12-17T17:23:00Z">'
    )
    page = _dated_page(head, "", "", "Sunday 17 December 2023 17:23, UK")
    assert (extract(page).published or "")[:10] == "2023-12-17"


def test_title_h1_that_is_the_site_name_in_the_title_tag_is_skipped() -> None:
    body = "<p>" + " ".join(["Rendering every pixel the same way on every screen took some care."] * 8) + "</p>"
    page = (
        "<html><head><title>Building a pixel-perfect UI pipeline - Part 1 | Playful Tones</title></head>"
        f"<body><header><h1>Playful Tones</h1></header><article>{body}</article></body></html>"
    )
    assert extract(page).title == "Building a pixel-perfect UI pipeline - Part 1"


def test_title_truncated_jsonld_headline_gives_way_to_the_whole_one() -> None:
    whole = "Fix It Friday: We Help 4 Readers Arrange Their Living Rooms (Including One Trick That Always Works)"
    cut = whole[:60]
    body = "<p>" + " ".join(["Moving the sofa away from the wall changed the whole room for the better."] * 8) + "</p>"
    page = (
        f'<html><head><title>{whole} - Emily Home</title><meta property="og:title" content="{whole} - Emily Home">'
        f'<script type="application/ld+json">{{"@type": "BlogPosting", "headline": "{cut}"}}</script>'
        f"</head><body><article>{body}</article></body></html>"
    )
    assert extract(page).title == whole


def test_furniture_patterns_with_a_word_list_still_match() -> None:
    furniture = ["Sign up for our newsletter to get the latest updates", "© 2024 Example Ltd. All rights reserved."]
    text = ["Readers who subscribe to the paper get the crossword as well as the news, she said."]
    assert drop_furniture(furniture + text) == text


def test_language_declared_english_is_checked_on_text_in_another_language() -> None:
    from ingest.extract.language import page_language
    from ingest.extract.structured import PageData

    dutch = " ".join(["De gemeente heeft het plan voor de nieuwe haven goedgekeurd na een lange discussie."] * 15)
    english = " ".join(["The council approved the plan for the new harbour after a long debate in the town hall."] * 15)
    assert page_language(PageData(html_lang="en"), dutch) == "nl"
    assert page_language(PageData(html_lang="en"), english) == "en"


def test_dom_paragraphs_leaves_the_head_in_place() -> None:
    from ingest.extract.body import dom_paragraphs
    from ingest.extract.parse import parse_html

    text = " ".join(["The harbour wall was rebuilt over the winter by a crew of twelve."] * 10)
    tree = parse_html(f'<html><head><meta name="author" content="Ana Ruiz"></head><body><p>{text}</p></body></html>')
    assert tree is not None
    assert dom_paragraphs(tree, None, len(text))
    assert tree[0].tag == "head" and tree.find("head/meta").get("content") == "Ana Ruiz"


def test_slashed_date_read_month_first_only_for_us_english() -> None:
    assert parse_displayed_dates("03/01/2017", month_first=True) == [date(2017, 3, 1)]
    assert parse_displayed_dates("03.01.2017", month_first=True) == []  # dotted: day-first countries
    assert parse_displayed_dates("03/01/2017", {date(2017, 1, 3)}, month_first=True) == [date(2017, 1, 3)]
    page = _dated_page("", "", "03/01/2017 by Agatha Caleo", "").replace("<html>", '<html lang="en-US">')
    assert (extract(page).published or "")[:10] == "2017-03-01"
    assert (extract(page.replace('lang="en-US"', 'lang="en-GB"')).published or "")[:10] != "2017-03-01"


def test_older_date_opening_the_body_beats_metadata_restamped_on_save() -> None:
    head = (
        '<meta property="article:published_time" content="2025-06-24">'
        '<meta property="article:modified_time" content="2025-06-24">'
    )
    page = _dated_page(head, "", "", "August 25, 2024")
    assert (extract(page).published or "")[:10] == "2024-08-25"


def test_update_stamp_opening_the_body_dates_a_page_without_other_dates() -> None:
    from ingest.extract import extract

    standfirst = "<p>Why the harbour budget matters to everyone who lives near the water this year.</p>"
    byline = "<p>Written by Daisy Smith. Updated Feb 11, 2026. 8 min read</p>"
    page = _page(body=standfirst + byline)
    assert extract(page, url="https://guides.example/harbour-budget").published == "2026-02-11"


def test_update_stamp_opening_the_body_matches_a_utc_modified_time_a_day_off() -> None:
    from ingest.extract import extract

    # Modified 01:52 UTC on the 16th is the evening of the 15th where the page is written; the page shows
    # the update as the article's date, as it would under the headline.
    ld = _ld(
        {
            "@type": "BlogPosting",
            "headline": "Harbour budget approved",
            "datePublished": "2025-01-04T00:00:00Z",
            "dateModified": "2025-12-16T01:52:13Z",
        }
    )
    page = _page(ld, body="<p>Last Updated: December 15th 2025</p>")
    assert extract(page, url="https://guides.example/harbour-budget").published == "2025-12-15"


def test_dateline_with_a_time_keeps_the_local_day_of_a_utc_timestamp() -> None:
    from ingest.extract import extract

    ld = _ld({"@type": "NewsArticle", "headline": "Harbour budget approved", "datePublished": "2023-12-25T22:03:00Z"})
    standfirst = "<p>Why the harbour budget matters to everyone who lives near the water this year.</p>"
    # 22:03 UTC is the next morning where the paper is printed: its dateline, with the time, says so.
    timed = _page(ld, body=standfirst + "<p>Marina Tatas 10 min read December 26, 2023 - 9:03AM</p>")
    assert extract(timed, url="https://paper.example/harbour-budget").published == "2023-12-26"
    # A date the story mentions, without a time, does not move the day.
    mentioned = _page(ld, body=standfirst + "<p>WASHINGTON (December 26, 2023) — The council met.</p>")
    assert extract(mentioned, url="https://paper.example/harbour-budget").published == "2023-12-25T22:03:00+00:00"


def test_line_break_inside_the_h1_separates_words() -> None:
    from ingest.extract import extract

    page = _page(h1="Harbour budget approved<br>What the vote means for the seafront")
    assert extract(page).title == "Harbour budget approved What the vote means for the seafront"


def test_h1_in_capitals_takes_the_machine_titles_casing() -> None:
    from ingest.extract import extract

    og = '<meta property="og:title" content="Weekend Coding Agent">'
    assert extract(_page(og, h1="WEEKEND<br>CODING<br> <span>AGENT</span>")).title == "Weekend Coding Agent"
