"""Liferay 6.x/7.x portals (the Hanoi district portals): asset publisher, journal content, VCMS."""

from __future__ import annotations

from .selector import SelectorProfile

__all__ = ["LIFERAY"]

# Friendly URLs go through "/-/<mapping>/"; raw portlet URLs carry p_p_id and <namespace>_cur.
URL_PATTERNS = (
    r"/-/view_content/",
    r"/-/asset_publisher/",
    r"/-/journal_content/",
    r"/-/(?:tin-tuc|content)/",
    r"[?&]p_p_id=",
    r"[?&]_[0-9A-Za-z_]+_cur=\d",
    r"/web/guest(?:/|$)",
)
PAGE_MARKERS = (
    "//*[starts-with(@id, 'p_p_id_')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' portlet-boundary ')]",
    "//script[contains(., 'Liferay.Portlet') or contains(., 'Liferay.ThemeDisplay')]",
    "//link[contains(@href, '/html/css/main.css') or contains(@href, '/o/frontend-theme')]",
)

# Listing rows: asset publisher "abstracts" and "title list", VCMS category view, custom ADTs.
LISTING_ROWS = (
    ".asset-abstract",
    "ul.title-list > li",
    "ul.wd-communication > li",
    ".wd-introduction > .wd-intro-content",
    ".asset-publisher .news-item",
    ".journal-content-article .news-item",
)
ROW_LINK = (
    ".asset-title a[href]",
    "h3 a.text-link",
    "h3 a[href]",
    "a[href*='/-/']",
    "a[href]",
)
ROW_DATE = (
    ".metadata-publish-date",
    ".metadata-entry.metadata-publish-date",
    ".asset-metadata .metadata-entry",
    ".wd-date",
    ".date",
)
# 6.1 page iterator ("Tiếp"), 6.2 lfr-pagination buttons, 7.x clay pagination, VCMS yiiPager.
NEXT_PAGE = (
    ".taglib-page-iterator .page-links a.next",
    ".taglib-page-iterator a.next",
    "(//ul[contains(@class, 'lfr-pagination-buttons')]/li[not(contains(@class, 'disabled'))]"
    "/a[contains(., 'Tiếp') or contains(., 'tiếp') or contains(., 'Sau') or contains(., 'sau')"
    " or contains(., 'Next')])",
    ".lfr-pagination .pagination li:not(.disabled) a[aria-label*='Next']",
    ".pagination li.page-item:not(.disabled) a[title*='tiếp']",
    ".yiiPager li.next a",
)
LISTING_CATEGORY = (
    ".portlet-asset-publisher .portlet-title-text",
    ".wd-boxs:has(.wd-communication) > .wd-tlh1-2",
    "h1.portlet-title",
    ".asset-publisher-title",
)

TITLE = (
    ".asset-full-content .header-title",
    ".taglib-header .header-title",
    ".wd-tlh3-4",
    ".journal-content-article h1",
    ".asset-full-content .asset-title",
    ".news-detail .title",
    # Hanoi's content viewer portlet (hanoicontentviewer, /-/view_content/ pages): h1.hn-vc-title,
    # span.hn-vc-date, div.hn-vc-body.journal-content-article, inside div.hn-viewcontent.
    ".hn-vc-title",
)
# The left "Tin mới" box reuses the VCMS classes (.wd-date, .wd-introduction): anchor on the
# article title (.wd-tlh3-4), which only the article view prints.
DATE_LINE = (
    ".wd-tlh3-4 ~ .wd-date",
    ".asset-full-content .metadata-publish-date",
    ".asset-metadata .metadata-publish-date",
    ".journal-content-article .date-time",
    ".news-detail .date",
    ".hn-vc-date",
)
DATE_META = (
    "meta[property='article:published_time']::attr(content)",
    "meta[name='dc.date.issued']::attr(content)",
)
BYLINE = (
    ".wd-actor",
    ".asset-full-content .metadata-author",
    ".journal-content-article .author",
)
# The VCMS view keeps title, date, lead and body as siblings inside .wd-introduction;
# the shared body cleaning cuts the title and date line off. A bare .journal-content-article
# is not listed: sidebars hold Web Content Display portlets too ("Văn bản mới", "Thông báo"),
# and which column is the main one depends on the layout template.
BODY = (
    ".asset-full-content .journal-content-article",
    ".wd-introduction:has(> .wd-tlh3-4)",
    ".asset-full-content .asset-content",
    ".hn-vc-body",
)
BODY_DROP = (
    ".taglib-social-bookmarks",
    ".asset-links",
    ".lfr-discussion-container",
    ".taglib-ratings",
    ".wd-bortop",
    "ul.wd-other-news",
)
# Only the title of the portlet that shows the article: every sidebar portlet has one too.
CATEGORY = (
    ".portlet-boundary:has(.asset-full-content) .portlet-title-text",
    ".wd-boxs:has(.wd-tlh3-4) > .wd-tlh1-2",
    ".breadcrumb li.current-parent > a",
)
ATTACHMENTS = (
    "a.wd-download-pdf::attr(href)",
    ".asset-full-content .taglib-icon[href*='/documents/']::attr(href)",
)

LIFERAY = SelectorProfile(
    name="liferay",
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
    attachments=ATTACHMENTS,
)
