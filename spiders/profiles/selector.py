"""SelectorProfile: a CMS family described as data (URL shapes, page markers, selector lists).

Every selector field is a tuple tried in order; the first selector that finds something wins.
Selectors are CSS (parsel flavour, ``::attr(name)`` allowed) or XPath when they start with
'/', './' or '('. When a field's selectors all miss, the automatic extractor fills that field
only, and the field's name is listed in ``fallbacks`` so a crawl can notice a changed page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from lxml import etree
from parsel import Selector

from .article import ArticleContext
from .base import Listing, ListingEntry, RawArticle, as_selector
from .dateline import refine_date_element
from .dom import PageIndex, compile_query, first_match, is_element, norm_space, text_of
from .links import absolute_url, href_of, same_site, strip_params
from .listing import accept_article_url, find_article_links, listing_heading, row_date
from .pagemeta import clean_category
from .pagination import find_next_pages, is_disabled

__all__ = ["SelectorProfile"]

Queries = tuple[str, ...]


@dataclass(frozen=True)
class SelectorProfile:
    """How a CMS family's pages are recognised and which selectors read its listings, articles."""

    name: str
    url_patterns: Queries = ()  # regexes searched in the URL; any hit is enough
    page_markers: Queries = ()  # selectors that find something only on this CMS's pages
    listing_rows: Queries = ()  # one element per article in a listing
    row_link: Queries = ("a[href]",)  # inside a row: the article link (first hit)
    row_date: Queries = ()  # inside a row: the date shown
    next_page: Queries = ()  # the "next page" link(s)
    listing_category: Queries = ()  # the listing's section heading
    title: Queries = ()
    date_line: Queries = ()  # the element showing "Ngày đăng 03/01/2018 | 05:01"
    date_meta: Queries = ()  # machine-readable date strings (::attr selectors)
    byline: Queries = ()
    body: Queries = ()  # the article body; several nodes are concatenated in page order
    body_drop: Queries = ()  # inside the body: furniture to remove (share bars, tags)
    category: Queries = ()
    attachments: Queries = ()  # extra file links outside the body (::attr(href) selectors)
    _url_res: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_url_res", tuple(re.compile(p) for p in self.url_patterns))
        # Compile every selector now: a typo must fail at import, not in the middle of a crawl.
        for name in (
            "page_markers listing_rows row_link row_date next_page listing_category title "
            "date_line date_meta byline body body_drop category attachments"
        ).split():
            for query in getattr(self, name):
                compile_query(query)

    def extend(self, name: str | None = None, **fields: Queries) -> SelectorProfile:
        """A copy with site-specific selectors tried before this profile's own, field by field.

        For a district whose portal adds its own markup to a known CMS, e.g. from sources.yml:
        LIFERAY.extend("haibatrung", title=(".hn-vc-title",), body=(".hn-vc-body",)).
        """
        merged = {key: tuple(value) + getattr(self, key) for key, value in fields.items()}
        return replace(self, name=name or self.name, **merged)

    def matches(self, url: str, page: str | Selector | None = None) -> bool:
        """Whether the URL shape or the page's markup shows this CMS."""
        if any(p.search(url) for p in self._url_res):
            return True
        if page is None or (isinstance(page, str) and not page.strip()):
            return False
        root = as_selector(page).root
        return any(first_match(root, (marker,)) for marker in self.page_markers)

    # -- listing ---------------------------------------------------------------------------

    def _row_entry(
        self, row: etree._Element, url: str, index: PageIndex | None = None
    ) -> ListingEntry | None:
        links = [a for a in first_match(row, self.row_link, index) if is_element(a)]
        link = next((a for a in links if a.get("href")), None)
        if link is None:
            return None
        target = absolute_url(link.get("href"), url)
        if not accept_article_url(target, url):
            return None
        target = strip_params(target)
        title = text_of(link) or norm_space(link.get("title"))
        if not title:
            # An image link first: the title is in another link to the same page.
            for other in row.iter("a"):
                if strip_params(absolute_url(other.get("href"), url) or "") == target and text_of(
                    other
                ):
                    title = text_of(other)
                    break
        dates = [d for d in first_match(row, self.row_date, index) if is_element(d)]
        date_el = refine_date_element(dates[0], limit=row) if dates else row_date(row, link)
        date_raw = text_of(date_el) if date_el is not None else None
        if date_raw and date_el is not None and _inside(date_el, link):
            title = norm_space(title.replace(date_raw, "")).strip(" -–|")
        return ListingEntry(url=target, title=title or None, date_raw=date_raw or None)

    def parse_listing(self, page: str | Selector, url: str) -> Listing:
        """Article links, next page and section of a listing page."""
        root = as_selector(page).root
        index = PageIndex(root)
        fallbacks: list[str] = []
        rows = [r for r in first_match(root, self.listing_rows, index) if is_element(r)]
        entries: list[ListingEntry] = []
        seen: set[str] = set()
        for row in rows:
            entry = self._row_entry(row, url, index)
            if entry is not None and entry.url not in seen:
                seen.add(entry.url)
                entries.append(entry)
        holder = _common_parent(rows)
        if not entries:
            fallbacks.append("articles")
            entries, holder = find_article_links(root, url)
        next_urls = []
        for el in first_match(root, self.next_page, index):
            target = href_of(el, url) if is_element(el) else absolute_url(el, url)
            if is_element(el) and is_disabled(el):
                continue
            if target and target != url and same_site(target, url) and target not in next_urls:
                next_urls.append(target)
        if not next_urls:
            next_urls = find_next_pages(root, url, near=holder)
            if next_urls:
                fallbacks.append("next_urls")
        category = clean_category(_first_text(root, self.listing_category, index))
        if category is None:
            category = listing_heading(root, holder)
            if category:
                fallbacks.append("category")
        return Listing(
            articles=entries, next_urls=next_urls[:1], category=category, fallbacks=fallbacks
        )

    # -- article ---------------------------------------------------------------------------

    def parse_article(self, page: str | Selector, url: str) -> RawArticle:
        """Raw title, date line, byline, body and the rest of an article page."""
        root = as_selector(page).root
        index = PageIndex(root)
        ctx = ArticleContext(root, url)
        ctx.index = index
        ctx.track_fallbacks = True
        ctx.title_el = _first_element(root, self.title, index)
        ctx.date_el = _first_element(root, self.date_line, index)
        ctx.published_meta = next(
            (norm_space(v) for v in first_match(root, self.date_meta, index) if isinstance(v, str)),
            None,
        )
        ctx.body_nodes = _outermost(
            [el for el in first_match(root, self.body, index) if is_element(el)]
        )
        byline = _first_element(root, self.byline, index)
        ctx.byline_els = [byline] if byline is not None else []
        ctx.category = _first_text(root, self.category, index)
        ctx.body_drop = self.body_drop
        ctx.extra_attachments = [
            u
            for v in first_match(root, self.attachments, index)
            if isinstance(v, str) and (u := absolute_url(v, ctx.base))
        ]
        return ctx.build()


def _inside(el: etree._Element, outer: etree._Element) -> bool:
    return any(anc is outer for anc in el.iterancestors())


def _first_element(
    root: etree._Element, queries: Queries, index: PageIndex | None = None
) -> etree._Element | None:
    """First element with visible text among the first query's hits."""
    for query in queries:
        for el in first_match(root, (query,), index):
            if is_element(el) and text_of(el):
                return el
    return None


def _first_text(
    root: etree._Element, queries: Queries, index: PageIndex | None = None
) -> str | None:
    for query in queries:
        for value in first_match(root, (query,), index):
            text = text_of(value) if is_element(value) else norm_space(value)
            if text:
                return text
    return None


def _outermost(nodes: list[etree._Element]) -> list[etree._Element]:
    """Drop nodes nested in another selected node, so no text is taken twice."""
    chosen = set(nodes)
    return [n for n in nodes if not any(anc in chosen for anc in n.iterancestors())]


def _common_parent(rows: list[etree._Element]) -> etree._Element | None:
    if not rows:
        return None
    parent = rows[0].getparent()
    while parent is not None and not all(_inside(r, parent) for r in rows):
        parent = parent.getparent()
    return parent
