"""WordPress sites (ward and district blogs): standard theme markup, WP-PageNavi, block themes."""

from __future__ import annotations

from .selector import SelectorProfile

__all__ = ["WORDPRESS"]

# "?p=N" and "?cat=N" are WordPress's too, but old ASP/PHP sites use the same names.
URL_PATTERNS = (
    r"/wp-content/",
    r"/wp-json/",
    r"[?&]page_id=\d+",
)
PAGE_MARKERS = (
    "//meta[@name='generator'][starts-with(@content, 'WordPress')]",
    "//link[contains(@href, '/wp-content/') or contains(@href, '/wp-includes/')]",
    "//script[contains(@src, '/wp-content/') or contains(@src, '/wp-includes/')]",
    "//link[@rel='https://api.w.org/']",
)

LISTING_ROWS = (
    "main article",
    "#content article",
    "article.post",
    "article[id^='post-']",
    ".wp-block-post-template > li",
    "div.post",
    ".hentry",
)
ROW_LINK = (
    ".entry-title a[href]",
    ".wp-block-post-title a[href]",
    "a[rel='bookmark']",
    "h2 a[href]",
    "h3 a[href]",
)
ROW_DATE = (
    ".entry-meta .posted-on",
    "time.entry-date",
    ".wp-block-post-date",
    ".entry-date",
    ".post-date",
    ".entry-meta",
)
NEXT_PAGE = (
    ".nav-links a.next",
    "a.next.page-numbers",
    ".nav-previous a",
    "a.nextpostslink",
    ".wp-block-query-pagination-next",
    "link[rel='next']::attr(href)",
)
LISTING_CATEGORY = (
    ".page-header .page-title",
    "h1.archive-title",
    ".archive-header h1",
    "h1.page-title",
)

TITLE = (
    "h1.entry-title",
    "article .entry-title",
    "h1.post-title",
    "h1.single-title",
    ".wp-block-post-title",
    "article h1",
)
DATE_LINE = (
    ".entry-meta .posted-on",
    ".entry-header .posted-on",
    "time.entry-date.published",
    ".wp-block-post-date",
    ".td-post-header .td-post-date",
    ".entry-meta .entry-date",
    ".post-date",
    ".entry-meta time",
)
DATE_META = (
    "meta[property='article:published_time']::attr(content)",
    "time.entry-date.published::attr(datetime)",
    "time.published::attr(datetime)",
    ".entry-meta time::attr(datetime)",
)
# WordPress names the account that posted ("admin"); the reporter's byline ends the body.
BYLINE = (".entry-content .tac-gia", ".entry-content p.author")
BODY = (
    ".entry-content",
    ".wp-block-post-content",
    ".post-content",
    ".td-post-content",
    ".single-content",
    "[itemprop='articleBody']",
)
BODY_DROP = (
    ".sharedaddy",
    ".jp-relatedposts",
    ".addtoany_share_save_container",
    ".yarpp-related",
    ".post-tags",
    ".page-links",
    ".wpcnt",
)
CATEGORY = (
    ".cat-links a",
    ".entry-categories a",
    ".post-categories a",
    "a[rel~='category']",
    ".td-post-header .td-category a",
    "meta[property='article:section']::attr(content)",
)

WORDPRESS = SelectorProfile(
    name="wordpress",
    url_patterns=URL_PATTERNS,
    page_markers=PAGE_MARKERS,
    listing_rows=LISTING_ROWS,
    row_link=ROW_LINK,
    row_date=ROW_DATE,
    next_page=NEXT_PAGE,
    listing_category=LISTING_CATEGORY,
    title=TITLE,
    date_line=DATE_LINE,
    date_meta=DATE_META,
    byline=BYLINE,
    body=BODY,
    body_drop=BODY_DROP,
    category=CATEGORY,
)
