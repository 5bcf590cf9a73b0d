"""URL helpers: absolute links built from the page's own URL; what kind of page a link is."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from lxml import etree

__all__ = [
    "absolute_url",
    "href_of",
    "is_attachment",
    "is_not_article",
    "looks_like_article",
    "same_site",
    "strip_params",
]

ATTACHMENT_EXTENSIONS = frozenset(
    "pdf doc docx xls xlsx ppt pptx pps odt ods odp rtf zip rar 7z gz tar jpg jpeg png gif bmp "
    "webp tif tiff svg mp3 mp4 m4a wav wma wmv avi flv mov mkv swf".split()
)
_EXT = re.compile(r"\.([a-z0-9]{2,4})$", re.I)
# Document-library downloads that carry no extension: Liferay /documents/<group>/<folder>/...,
# DNN LinkClick.aspx?fileticket=..., ASP.NET download handlers.
_DOWNLOAD = re.compile(
    r"/documents/\d+/|/document_library/get_file|LinkClick\.aspx|fileticket=|/DownloadFile|"
    r"/download\.aspx|/image_gallery\?img_id=|/images\?img_id=",
    re.I,
)
# Pages that list or search rather than report: tag, category, author, search and login pages.
_NOT_ARTICLE_PATH = re.compile(
    r"/(?:tag|tags|the|category|categories|chuyen-muc|danh-muc|author|tac-gia|search|tim-kiem|"
    r"timkiem|login|dang-nhap|dangnhap|register|dang-ky|wp-login\.php|wp-admin|feed|rss|lien-he|"
    r"contact|sitemap|so-do-site|so-do-cong|print|in-bai)(?:/|$|\.|\?)",
    re.I,
)
_NOT_ARTICLE_QUERY = re.compile(
    r"(?:^|&)(?:s|q|search|keyword|keywords|tukhoa|tag|tagid|cat|author|searchword|print|lang)="
    r"|option=com_(?:search|users|contact|finder|tags)|view=(?:category|categories|featured|tag)"
    r"|(?:^|&)(?:task|format)=|p_p_lifecycle=[12]|ctl=(?:login|register|search)",
    re.I,
)
# What article addresses usually look like: a numeric id or a long slug.
_ARTICLE_SHAPE = re.compile(
    r"/-/view_content/|/-/asset_publisher/[^/]+/content/|/content/|\d{3,}|"
    r"[a-z0-9]+(?:-[a-z0-9]+){4,}|[?&](?:p|id|ItemID|ArticleID|NewsID|newsid|articleId)=\d+",
    re.I,
)
# Query parameters that never select content: trackers, and "where Back goes" (Liferay adds
# ?redirect=<listing URL> to every article link, so one article gets a new URL per listing page).
NOISE_PARAMS = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|redirect|_\w+_redirect|returnurl|backurl|p_p_auth)$", re.I
)
_JS_LOCATION = re.compile(
    r"""(?:location(?:\.href)?\s*=|location\.assign\(|window\.open\()\s*['"]([^'"]+)['"]"""
)


def absolute_url(href: str | None, base: str) -> str | None:
    """Resolve a link against the page URL; None for mailto:, tel:, javascript:, '#', data:."""
    if not href:
        return None
    href = href.strip().replace("&amp;", "&")
    if not href or href.startswith("#"):
        return None
    scheme = href.split(":", 1)[0].lower() if ":" in href[:12] else ""
    if scheme and scheme not in ("http", "https"):
        return None
    url = urljoin(base, href)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    # The fragment never changes the page fetched; dropping it keeps URLs comparable.
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def href_of(a: etree._Element, base: str) -> str | None:
    """The absolute target of a link, also when it is a '#' link that navigates in its onclick."""
    url = absolute_url(a.get("href"), base)
    if url is not None:
        return url
    # VCMS portlets (Liferay) page with <a href="#" onclick="self.location = '...'">.
    onclick = a.get("onclick") or ""
    match = _JS_LOCATION.search(onclick) or _JS_LOCATION.search(a.get("href") or "")
    if match:
        return absolute_url(match.group(1), base)
    return None


def _host(netloc: str) -> str:
    host = netloc.lower().rsplit("@", 1)[-1]
    return host[4:] if host.startswith("www.") else host


def same_site(url: str, base: str) -> bool:
    """Whether two URLs are on the same host (www. ignored, port kept): mirrors share 127.0.0.1."""
    return _host(urlsplit(url).netloc) == _host(urlsplit(base).netloc)


def is_attachment(url: str) -> bool:
    """Whether the URL is a file (image, PDF, office document, archive, media), not a page."""
    parts = urlsplit(url)
    match = _EXT.search(parts.path)
    if match and match.group(1).lower() in ATTACHMENT_EXTENSIONS:
        return True
    return bool(_DOWNLOAD.search(url))


def is_not_article(url: str) -> bool:
    """Whether the URL is a tag, category, author, search, login or print page."""
    parts = urlsplit(url)
    return bool(_NOT_ARTICLE_PATH.search(parts.path) or _NOT_ARTICLE_QUERY.search(parts.query))


def looks_like_article(url: str) -> bool:
    """Whether the URL has an article's shape: a numeric id, a long slug, a CMS content path."""
    parts = urlsplit(url)
    return bool(_ARTICLE_SHAPE.search(parts.path + ("?" + parts.query if parts.query else "")))


def strip_params(url: str, pattern: re.Pattern[str] = NOISE_PARAMS) -> str:
    """Drop query parameters whose names match pattern: '...?id=5&utm_source=fb' -> '...?id=5'."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not pattern.match(k)]
    if len(kept) == len(pairs):
        return url
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(kept), ""))


# Query keys that paginate or track, not identify a page.
_NON_IDENTITY_KEYS = {"page", "start", "cur", "p", "inheritredirect", "redirect", "ref"}


def url_shape(url: str) -> tuple[str, str, bool, tuple[str, ...]]:
    """What URLs of one kind share: directory (ids masked), extension, slug-ness, query keys.

    Articles of a site look alike (`/tin-tuc/<long-slug>-123`, `chi-tiet.aspx?ItemID=N`);
    a listing looks like its pages, not like the articles it links to.
    """
    parts = urlsplit(url)
    directory, _, last = parts.path.rstrip("/").rpartition("/")
    directory = re.sub(r"/\d+(?=/|$)", "/N", directory)
    # Opaque ids (Liferay portlet instances "aBc3dEf9GhIj") vary between links to one kind.
    directory = re.sub(
        r"/(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{8,}(?=/|$)", "/ID", directory
    )
    ext = last.rsplit(".", 1)[1].lower() if "." in last else ""
    slug = last.count("-") >= 4 or bool(re.search(r"\d{3,}", last))
    keys = tuple(sorted(
        k.lower() for k, _ in parse_qsl(parts.query)
        if k.lower() not in _NON_IDENTITY_KEYS and not k.lower().startswith("utm_")
        and not k.lower().endswith("_cur")
    ))
    return directory, ext, slug, keys
