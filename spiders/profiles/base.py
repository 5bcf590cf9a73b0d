"""What every site profile returns: plain dicts of raw strings, no normalisation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from parsel import Selector

__all__ = ["ListingEntry", "Listing", "RawArticle", "Profile", "as_selector"]


@dataclass
class ListingEntry:
    """One article link found on a listing page."""

    url: str  # absolute, built from the page's own URL
    title: str | None = None
    date_raw: str | None = None


@dataclass
class Listing:
    """What a listing page offers: article links (in page order) and the next page(s)."""

    articles: list[ListingEntry] = field(default_factory=list)
    next_urls: list[str] = field(default_factory=list)
    category: str | None = None
    # Fields a site profile's selectors missed, filled by the automatic extractor instead;
    # a profile that starts needing fallbacks has met a changed page ("fail loudly").
    fallbacks: list[str] = field(default_factory=list)


@dataclass
class RawArticle:
    """The raw strings an article page shows; the pipelines normalise them."""

    title: str | None = None
    published_raw: str | None = None  # the date line as shown: "Ngày đăng 03/01/2018 | 05:01"
    published_meta: str | None = None  # machine date: <time datetime>, article:published_time
    byline_raw: str | None = None  # "Minh Thuận - UBND phường Bách Khoa"
    body_html: str | None = None  # the article body only (byline removed), not sanitised yet
    category: str | None = None  # "Hoạt động các phường"
    canonical_url: str | None = None  # <link rel=canonical>, absolute
    author_meta: str | None = None  # <meta name=author>
    attachments: list[str] = field(default_factory=list)  # absolute URLs: images/PDF/DOC in body
    fallbacks: list[str] = field(default_factory=list)  # fields the profile missed, filled by AUTO


class Profile(Protocol):
    """A CMS family: recognises its pages and reads listings and articles."""

    name: str

    def matches(self, url: str, page: str | Selector) -> bool: ...

    def parse_listing(self, page: str | Selector, url: str) -> Listing: ...

    def parse_article(self, page: str | Selector, url: str) -> RawArticle: ...


def as_selector(page: str | Selector) -> Selector:
    """Accept HTML text or an already parsed parsel Selector (Scrapy's response.selector)."""
    return page if isinstance(page, Selector) else Selector(text=page)
