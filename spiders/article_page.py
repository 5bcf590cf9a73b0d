"""An article page read into its raw fields: in the crawl process, or in the writer.

Reading a page (decoding it, parsing it with lxml, running its profile) is the largest
part of what a crawl adds to Scrapy's own cost per page, and nothing the crawl does next
depends on it: the next requests come from listings (and from attachments, when
FETCH_ATTACHMENTS is on). So when the crawl has a writer process (wardnews.localwriter),
the spider may send a page unread (`page_record`) for the writer to read (`read_page`) on
the other core: as many pages as keep the two processes equally busy
(ProcessSink.writer_reads). Both ends run `read_article`, so an article is the same
either way.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import urldefrag, urlsplit

from parsel import Selector
from w3lib.encoding import http_content_type_encoding

from normalize.encoding import decode_html
from spiders.profiles import detect_profile, get_profile
from spiders.profiles.base import Profile, RawArticle
from wardnews.warc import utc_now

if TYPE_CHECKING:  # the writer process reads pages without importing Scrapy (~30 MB)
    from scrapy.http import TextResponse

__all__ = [
    "clean_url",
    "failure_record",
    "page_record",
    "page_text",
    "profile_for",
    "read_article",
    "read_page",
    "response_text",
    "source_fields",
]

logger = logging.getLogger(__name__)

# The request meta a page record carries over to the writer.
_META = ("source", "listing_url", "category", "capture_id", "redirect_urls", "kind")


def clean_url(url: str) -> str:
    return urldefrag(url)[0]


def page_text(body: bytes, content_type: bytes | None) -> tuple[str, str]:
    """A page's text and the charset it was read in (normalize.encoding.decode_html).

    Not Scrapy's guess: Scrapy trusts the Content-Type charset (a server default of
    iso-8859-1 over UTF-8 bytes) and cannot tell windows-1258 (tones as combining marks)
    from windows-1252; decode_html checks the bytes and NFC-normalises.
    """
    declared = http_content_type_encoding((content_type or b"").decode("latin-1"))
    return decode_html(body, declared)


def response_text(response: TextResponse) -> tuple[str, str]:
    """`page_text` of a Scrapy response (one already re-decoded is UTF-8 by now)."""
    if "redecoded" in response.flags:
        return response.text, response.encoding
    return page_text(response.body, response.headers.get(b"Content-Type"))


def profile_for(profile_name: str | None, url: str, selector: Selector) -> Profile:
    """The source's configured profile, else the one the page's markup calls for."""
    if profile_name:
        return get_profile(profile_name)
    return detect_profile(url, selector)


def is_section_url(url: str, listing_urls: list[str], listing_url: str | None) -> bool:
    """Whether a URL is the site's home page or one of its listing pages."""
    parts = urlsplit(url)
    if parts.path.strip("/") == "" and not parts.query:
        return True
    listings = {u.rstrip("/") for u in [*listing_urls, listing_url or ""] if u}
    return url.rstrip("/") in listings


def failure_record(
    meta: dict[str, Any],
    response_url: str,
    status: int | None,
    kind: str,
    reason: str,
    run_id: str | None,
) -> dict[str, Any]:
    """A `failures` row for a fetched page, against the URL the crawl asked for (the next
    crawl retries that one), not the end of a redirect chain."""
    requested = meta.get("redirect_urls", [response_url])[0]
    if requested != response_url:
        reason = f"{reason} (redirected to {response_url})"
    return {
        "_kind": "failure",
        "url": requested,
        "source": meta["source"],
        "kind": kind,
        "reason": reason,
        "status": status,
        "capture_id": meta.get("capture_id"),
        "at": utc_now(),
        "page_kind": meta.get("kind"),
        "run_id": run_id,
    }


def read_article(
    page_url: str,
    text: str,
    encoding: str,
    meta: dict[str, Any],
    source: dict[str, Any],
    page_truncated: bool,
    run_id: str | None,
) -> tuple[dict[str, Any] | None, str | None]:
    """(the article item, None), or (None, why it cannot be read) for a `parse` failure.

    `page_url` is where the page was fetched (the end of any redirects), `text` its
    decoded HTML (`page_text`); `source` holds the source's name, district, province,
    profile and listing_urls.
    """
    url = clean_url(meta.get("redirect_urls", [page_url])[0])
    try:
        # (Profiles resolve links against the page's <base> and URL themselves.)
        selector = Selector(text=text, type="html", base_url=page_url)
        profile = profile_for(source["profile"], page_url, selector)
        raw: RawArticle = profile.parse_article(selector, page_url)
    except Exception as exc:  # captured already: record, count, go on
        logger.warning("cannot parse article %s: %r", page_url, exc)
        return None, f"article parse error: {exc!r}"
    missing = [name for name in ("title", "body_html") if not getattr(raw, name)]
    if missing:
        logger.warning("article %s: no %s found", page_url, ", ".join(missing))
        return None, f"no {', '.join(missing)} found on page"
    canonical = clean_url(raw.canonical_url) if raw.canonical_url else url
    if urlsplit(canonical).netloc.lower() != urlsplit(url).netloc.lower():
        canonical = url  # a mirror or a misconfigured portal: keep the URL we fetched
    elif is_section_url(canonical, source["listing_urls"], meta.get("listing_url")):
        # Portals that point every page's canonical at the home or section page would
        # otherwise file all their articles under one URL.
        canonical = url
    return {
        "_kind": "article",
        "url": canonical,
        "fetched_url": page_url,
        "source": source["name"],
        "district": source["district"],
        "province": source["province"],
        "listing_url": meta.get("listing_url"),
        "listing_category": meta.get("category"),
        "category": raw.category,
        "title": raw.title,
        "published_raw": raw.published_raw,
        "published_meta": raw.published_meta,
        "byline_raw": raw.byline_raw,
        "author_meta": raw.author_meta,
        "body_html": raw.body_html,
        "attachments": list(raw.attachments),
        "capture_id": meta.get("capture_id"),
        "encoding": encoding,  # what the page was read as
        "profile": profile.name,
        "requested_url": url,
        "page_truncated": page_truncated,
        "run_id": run_id,
    }, None


def source_fields(source: Any) -> dict[str, Any]:
    """What read_article needs of a wardnews.sources.Source."""
    return {
        "name": source.name,
        "district": source.district,
        "province": source.province,
        "profile": source.profile,
        "listing_urls": list(source.listing_urls),
    }


def page_record(
    response: TextResponse, source: Any, page_truncated: bool, run_id: str | None
) -> dict[str, Any]:
    """An article page, unread, as an item for the writer process to read (`read_page`)."""
    content_type = response.headers.get(b"Content-Type")
    return {
        "_kind": "page",
        "url": response.url,
        "status": response.status,
        "content_type": content_type,
        "body": response.body,
        "meta": {k: response.meta[k] for k in _META if k in response.meta},
        "source": source_fields(source),
        "page_truncated": page_truncated,
        "run_id": run_id,
    }


def read_page(page: dict[str, Any], stats: Any) -> dict[str, Any]:
    """A `page_record` read: its article item, or its `parse` failure (counted in `stats`
    as the crawl would have: errors/parse and source/<name>/errors)."""
    text, encoding = page_text(page["body"], page["content_type"])
    meta = page["meta"]
    item, why = read_article(
        page["url"], text, encoding, meta, page["source"], page["page_truncated"], page["run_id"]
    )
    if item is not None:
        return item
    stats.inc_value("errors/parse")
    stats.inc_value(f"source/{meta['source']}/errors")
    return failure_record(meta, page["url"], page["status"], "parse", why or "", page["run_id"])
