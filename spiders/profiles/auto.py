"""AUTO: the profile for pages no CMS profile recognises, built on structural heuristics only."""

from __future__ import annotations

from parsel import Selector

from .article import ArticleContext
from .base import Listing, RawArticle, as_selector
from .listing import find_article_links, listing_heading
from .pagination import find_next_pages

__all__ = ["AUTO", "AutoProfile"]


class AutoProfile:
    """Reads any listing or article page: repeated link blocks, densest text block, nearby date."""

    name = "auto"

    def matches(self, url: str, page: str | Selector | None = None) -> bool:
        """AUTO reads every page; it is what detection falls back to."""
        return True

    def parse_listing(self, page: str | Selector, url: str) -> Listing:
        """Article links (largest repeated group in the main content), next page, section."""
        root = as_selector(page).root
        entries, holder = find_article_links(root, url)
        return Listing(
            articles=entries,
            next_urls=find_next_pages(root, url, near=holder),
            category=listing_heading(root, holder),
        )

    def parse_article(self, page: str | Selector, url: str) -> RawArticle:
        """Title, date line, machine date, byline, body and the rest, inferred from structure."""
        return ArticleContext(as_selector(page).root, url).build()


AUTO = AutoProfile()
