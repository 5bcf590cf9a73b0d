"""Joomla 3/4 sites: com_content blog and list layouts, article view with schema.org markup."""

from __future__ import annotations

from .selector import SelectorProfile

__all__ = ["JOOMLA"]

URL_PATTERNS = (
    r"index\.php\?(?:[^#]*&)?option=com_content",
    r"/component/content/article/",
    r"[?&]view=article&",
)
PAGE_MARKERS = (
    "//meta[@name='generator'][contains(@content, 'Joomla')]",
    "//script[contains(@src, '/media/jui/') or contains(@src, '/media/system/js/')]",
    "//body[contains(@class, 'com_content')]",
    "//div[contains(@class, 'item-page')][@itemscope]",
    "//*[contains(@class, 'com-content-article')]",
    "//div[contains(@class, 'blog')]//div[contains(@class, 'items-leading')"
    " or contains(@class, 'items-row')]",
)

# Leading and intro articles are one list in two containers: one query with a union.
LISTING_ROWS = (
    ".blog .items-leading > div, .blog .items-row .item",
    ".com-content-category-blog .blog-item",
    ".blog-item",
    "table.category tbody tr",
    ".category-module > li",
)
ROW_LINK = (
    ".page-header h2 a[href]",
    "h2 a[href]",
    ".item-title a[href]",
    "td.list-title a[href]",
    "a.mod-articles-category-title",
    "a[href]",
)
ROW_DATE = (
    "dd.published",
    ".published",
    "dd.create",
    "td.list-date",
    ".mod-articles-category-date",
)
# Joomla 3 marks the pager's items (li.pagination-next); Joomla 4 only labels its links
# ("Đi tới trang sau" / "Go to next page") and shows "»" for the *last* page.
NEXT_PAGE = (
    "li.pagination-next a",
    ".pagination-next a",
    ".pagination li:not(.disabled) a[title='Trang sau']",
    ".pagination li:not(.disabled) a[title='Tiếp']",
    ".pagination a.page-link[aria-label*='trang sau']",
    ".pagination a.page-link[aria-label*='trang tiếp']",
    ".pagination a.page-link[aria-label*='next page']",
    ".pagination a.next",
)
LISTING_CATEGORY = (
    ".blog .subheading-category",
    ".com-content-category-blog > h1",
    ".com-content-category-blog .subheading-category",
    ".blog > h1",
    ".blog > h2",
    ".blog .page-header h1",
    ".category-list h2",
)

TITLE = (
    ".item-page .page-header h2",
    ".item-page .page-header h1",
    ".com-content-article .page-header h1",
    "[itemprop='headline']",
    ".item-page h2.item-title",
)
DATE_LINE = (
    ".article-info dd.published",
    "dd.published",
    ".article-info .published",
    "dd.create",
)
DATE_META = (
    "[itemprop='datePublished']::attr(datetime)",
    "[itemprop='datePublished']::attr(content)",
    "meta[property='article:published_time']::attr(content)",
)
# "Viết bởi Super User" (dd.createdby) is the account; the reporter signs the body's last line.
BYLINE = ("[itemprop='articleBody'] .tac-gia",)
BODY = (
    "[itemprop='articleBody']",
    ".com-content-article__body",
    ".item-page .article-body",
)
BODY_DROP = (".pagenav", ".tags", ".icons", ".content_rating", ".jc")
CATEGORY = (
    ".article-info dd.category-name a",
    "dd.category-name a",
    "dd.category-name",
)

JOOMLA = SelectorProfile(
    name="joomla",
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
