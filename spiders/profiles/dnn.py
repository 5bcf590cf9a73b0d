"""ASP.NET e-portals and DotNetNuke (DNN) sites: news modules inside dnn_ctr* containers."""

from __future__ import annotations

from .selector import SelectorProfile

__all__ = ["DNN"]

# .aspx pages, DNN tab paths, news-module query strings.
URL_PATTERNS = (
    r"\.aspx(?:[?#/]|$)",
    r"/tabid/\d+/",
    r"[?&](?:ItemID|ItemId|NewsID|newsid)=\d+",
    r"/DesktopModules/",
    r"[?&]PageIndex=\d+",
)
PAGE_MARKERS = (
    "//input[@name='__VIEWSTATE']",
    "//*[starts-with(@id, 'dnn_')]",
    "//script[contains(@src, '/DesktopModules/') or contains(@src, 'dnncore')]",
    "//meta[@name='GENERATOR' or @name='generator'][contains(@content, 'DotNetNuke')]",
)

LISTING_ROWS = (
    "[id^='dnn_ctr'] .NewsItem",
    ".NewsList .NewsItem",
    ".news-list .news-item",
    "table[id*='dgNews'] tr",
    "table[id*='dlNews'] td.NewsItem",
    "[id^='dnn_ctr'] .ArticleList .Item",
)
ROW_LINK = (
    "a.NewsTitle[href]",
    ".NewsTitle a[href]",
    ".Title a[href]",
    "a[href*='ItemID=']",
    "a[href*='.aspx']",
    "h3 a[href]",
)
ROW_DATE = (".NewsDate", "span[id$='lblDate']", ".Date", ".SubHead")
NEXT_PAGE = (
    "a[id$='lnkNext']",
    "a[id$='hplNext']",
    ".PagingTable a.next",
    ".PagingTable a.CommandButton[title*='tiếp']",
    ".pager a.next",
)
# Module titles (.Head) are in every pane; the list's own is in the content pane, whose
# id is fixed (dnn_ContentPane) while its class is the skin's choice.
LISTING_CATEGORY = (
    "#dnn_ContentPane [id$='_dnnTITLE_lblTitle']",
    ".ContentPane [id$='_dnnTITLE_lblTitle']",
    "#dnn_ContentPane .TitleHead",
    "[id$='_lblCategory']",
)

# Module controls are ASP.NET labels named dnn_ctr<module>_<control>_lbl<Field>; the skin's
# own labels (dnn_dnnCURRENTDATE_lblDate: today's date, dnn_ctrN_dnnTITLE_lblTitle: the
# module's title) share the suffixes, so every id selector is anchored on both ends.
TITLE = (
    "[id^='dnn_ctr'] .NewsTitle",
    "[id^='dnn_ctr'][id$='_lblTitle']:not([id*='_dnnTITLE_'])",
    ".NewsDetail .Title",
)
DATE_LINE = (
    "[id^='dnn_ctr'] .NewsDate",
    "[id^='dnn_ctr'][id$='_lblDate']",
    "[id^='dnn_ctr'][id$='_lblPublishDate']",
    ".NewsDetail .Date",
)
DATE_META = ("meta[property='article:published_time']::attr(content)",)
BYLINE = ("[id^='dnn_ctr'][id$='_lblAuthor']", ".NewsAuthor", ".NewsDetail .Author")
# The news module's content span first; a bare Text/HTML module (.Normal) is the last resort.
BODY = (
    # The lead (NewsSummary) is article text; one union query keeps it with the body.
    ".NewsDetail .NewsSummary, .NewsDetail .NewsContent",
    "#dnn_ContentPane [id^='dnn_ctr'][id$='_lblSummary'],"
    " #dnn_ContentPane [id^='dnn_ctr'][id$='_lblContent']:not([id*='_HtmlModule_'])",
    ".NewsContent",
    "div[id$='_pnlContent']",
    ".NewsDetail .Content",
    "[id^='dnn_ctr'] .ContentPane .Normal",
)
BODY_DROP = (".NewsOther", ".SocialShare", "[id$='_pnlOther']", "[id$='_pnlComment']")
CATEGORY = (
    "[id$='_lblCategory']",
    ".NewsCategory",
    # The news module's own title is its category ("Hoạt động phường").
    "#dnn_ContentPane [id$='_dnnTITLE_lblTitle']",
    ".ContentPane [id$='_dnnTITLE_lblTitle']",
    "(//span[contains(@id, 'dnnBREADCRUMB')]//a[contains(@class, 'Breadcrumb')])[last()]",
)

DNN = SelectorProfile(
    name="dnn",
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
