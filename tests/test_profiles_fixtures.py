"""Invariants over every saved page in tests/fixtures/<profile>/, and AUTO against each profile."""

import json
from dataclasses import asdict
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from parsel import Selector
from w3lib.encoding import html_to_unicode

from normalize.bylines import is_byline
from spiders.profiles import AUTO, PROFILES, detect_profile, get_profile
from spiders.profiles.dateline import shows_date
from spiders.profiles.dom import html_to_text

FIXTURES = Path(__file__).parent / "fixtures"
PROFILE_DIRS = ("liferay", "wordpress", "joomla", "dnn", "auto")


def fixture_urls(folder: str) -> dict[str, str]:
    """The folder's urls.json: file name -> the URL the page was served at."""
    return json.loads((FIXTURES / folder / "urls.json").read_text(encoding="utf-8"))


@cache
def load_text(folder: str, name: str) -> str:
    """A fixture decoded the way Scrapy decodes a response (declared charset, then sniffing)."""
    _, text = html_to_unicode(None, (FIXTURES / folder / name).read_bytes())
    return text


def load(folder: str, name: str) -> tuple[Selector, str]:
    """A fixture parsed once, as Scrapy's response.selector, and its URL."""
    return Selector(text=load_text(folder, name)), fixture_urls(folder)[name]


def article_dict(article) -> dict:
    """A RawArticle as a dict, body_html shown as its plain text (what a reader would see)."""
    data = asdict(article)
    data["body_text"] = html_to_text(data.pop("body_html"))
    return data


def listing_dict(listing) -> dict:
    """A Listing as a plain dict."""
    return asdict(listing)


def parse(folder: str, name: str, profile=None):
    """Parse a fixture with the given profile (default: the folder's)."""
    sel, url = load(folder, name)
    profile = profile or get_profile(folder)
    if "_listing_" in name:
        return profile.parse_listing(sel, url)
    return profile.parse_article(sel, url)


ALL = [(folder, name) for folder in PROFILE_DIRS for name in fixture_urls(folder)]
ARTICLES = [(f, n) for f, n in ALL if "_article_" in n]
LISTINGS = [(f, n) for f, n in ALL if "_listing_" in n]
PROFILED_ARTICLES = [(f, n) for f, n in ARTICLES if f != "auto"]
PROFILED_LISTINGS = [(f, n) for f, n in LISTINGS if f != "auto"]


def _ids(pairs):
    return [f"{f}/{n}" for f, n in pairs]


def test_every_fixture_is_listed_in_its_urls_json():
    for folder in PROFILE_DIRS:
        on_disk = {p.name for p in (FIXTURES / folder).glob("*.html")}
        assert on_disk == set(fixture_urls(folder)), folder


def test_profiles_registry():
    assert list(PROFILES) == ["liferay", "wordpress", "joomla", "dnn", "auto"]
    assert PROFILES["auto"] is AUTO
    with pytest.raises(KeyError, match="unknown site profile"):
        get_profile("drupal")


@pytest.mark.parametrize(("folder", "name"), ALL, ids=_ids(ALL))
def test_detect_profile_picks_the_folder_profile(folder, name):
    sel, url = load(folder, name)
    assert detect_profile(url, sel).name == folder
    assert detect_profile(url, load_text(folder, name)).name == folder


@pytest.mark.parametrize(("folder", "name"), ARTICLES, ids=_ids(ARTICLES))
def test_article_invariants(folder, name):
    data = article_dict(parse(folder, name))
    assert data["fallbacks"] == [], "a profile's selectors missed on its own fixture"
    title, date_line, byline, body = (
        data["title"],
        data["published_raw"],
        data["byline_raw"],
        data["body_text"],
    )
    assert title and "\n" not in title and len(title.split()) >= 4
    assert date_line and shows_date(date_line) and len(date_line) <= 120
    assert byline is None or is_byline(byline)
    assert len(body) > 300
    paragraphs = body.split("\n\n")
    # Title, date line and byline are fields of their own, never left in the body.
    assert title not in paragraphs
    assert date_line not in body
    assert byline is None or byline.split(" - ")[-1] not in paragraphs[-1]
    for chrome in ("Các tin khác", "Tin liên quan", "Chia sẻ", "Quay lại", "In bài", "Bình luận"):
        assert chrome not in body
    for url in data["attachments"]:
        assert urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc
    assert data["canonical_url"] is None or data["canonical_url"].startswith("http")
    assert data["category"]


@pytest.mark.parametrize(("folder", "name"), PROFILED_ARTICLES, ids=_ids(PROFILED_ARTICLES))
def test_auto_reads_articles_like_the_profile(folder, name):
    profiled = article_dict(parse(folder, name))
    auto = article_dict(parse(folder, name, AUTO))
    for field in ("title", "published_raw", "byline_raw", "body_text"):
        assert auto[field] == profiled[field], field


@pytest.mark.parametrize(("folder", "name"), LISTINGS, ids=_ids(LISTINGS))
def test_listing_invariants(folder, name):
    sel, url = load(folder, name)
    listing = get_profile(folder).parse_listing(sel, url)
    assert listing.fallbacks == []
    assert len(listing.articles) >= 3
    urls = [e.url for e in listing.articles]
    assert len(urls) == len(set(urls))
    host = urlsplit(url).netloc
    for entry in listing.articles:
        assert urlsplit(entry.url).netloc == host
        assert entry.url != url
        assert entry.title and len(entry.title.split()) >= 4
        assert entry.date_raw is None or shows_date(entry.date_raw)
    assert len(listing.next_urls) == 1
    assert listing.next_urls[0] != url and urlsplit(listing.next_urls[0]).netloc == host
    assert listing.category


@pytest.mark.parametrize(("folder", "name"), PROFILED_LISTINGS, ids=_ids(PROFILED_LISTINGS))
def test_auto_reads_listings_like_the_profile(folder, name):
    profiled = listing_dict(parse(folder, name))
    auto = listing_dict(parse(folder, name, AUTO))
    assert auto["articles"] == profiled["articles"]
    assert auto["next_urls"] == profiled["next_urls"]


@pytest.mark.parametrize(("folder", "name"), ALL, ids=_ids(ALL))
def test_text_and_selector_input_agree_and_page_is_not_modified(folder, name):
    sel, url = load(folder, name)
    before = sel.get()
    profile = get_profile(folder)
    method = "parse_listing" if "_listing_" in name else "parse_article"
    from_selector = getattr(profile, method)(sel, url)
    from_text = getattr(profile, method)(load_text(folder, name), url)
    assert from_selector == from_text
    # The body is cleaned on a copy: Scrapy's response.selector stays as it was.
    assert sel.get() == before
    assert getattr(profile, method)(sel, url) == from_selector


def paragraphs_dict(result) -> dict:
    """A RawArticle or Listing as a dict; an article's body as its list of paragraph texts."""
    data = asdict(result)
    if "body_html" in data:
        data["body_paragraphs"] = html_to_text(data.pop("body_html")).split("\n\n")
    return data
