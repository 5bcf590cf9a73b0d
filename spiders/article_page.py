"""An article page read into its raw fields: in the crawl process, or in the writer.

Reading a page (decoding it, parsing it with lxml, running its profile) is the largest
part of what a crawl adds to Scrapy's own cost per page, and nothing the crawl does next
depends on it: the next requests come from listings (and from attachments, when
FETCH_ATTACHMENTS is on). So when the crawl has a writer process (wardnews.localwriter),
the spider sends the page itself (`page_record`) and the writer reads it (`read_page`),
on the other core. Both ends run `read_article`, so an article is the same either way.
"""

from __future__ import annotations

import codecs
import logging
from typing import Any
from urllib.parse import urldefrag, urlsplit

from scrapy.http import HtmlResponse, TextResponse
from w3lib.encoding import http_content_type_encoding

from normalize.encoding import decode_html
from spiders.profiles import detect_profile, get_profile
from spiders.profiles.base import Profile, RawArticle
from wardnews.warc import utc_now

__all__ = ["clean_url", "decoded", "failure_record", "page_record", "read_article", "read_page"]

logger = logging.getLogger(__name__)

# The request meta a page record carries over to the writer.
_META = ("source", "listing_url", "category", "capture_id", "redirect_urls", "kind")


def clean_url(url: str) -> str:
    return urldefrag(url)[0]


def decoded(response: TextResponse) -> TextResponse:
    """The response re-decoded where Scrapy guessed the charset wrong.

    Scrapy trusts the Content-Type charset (a server default of iso-8859-1 over UTF-8
    bytes) and cannot tell windows-1258 (tones as combining marks) from windows-1252;
    normalize.encoding.decode_html checks the bytes and NFC-normalises.
    """
    if "redecoded" in response.flags:
        return response  # done already (an ad-hoc listing URL that is an article)
    declared = http_content_type_encoding(
        (response.headers.get(b"Content-Type") or b"").decode("latin-1")
    )
    text, encoding = decode_html(response.body, declared)
    try:
        same = codecs.lookup(encoding).name == codecs.lookup(response.encoding).name
    except LookupError:
        same = False
    if same and encoding not in ("cp1258", "windows-1258"):
        return response
    return response.replace(
        body=text.encode("utf-8"), encoding="utf-8", flags=[*response.flags, "redecoded"]
    )


def profile_for(profile_name: str | None, response: TextResponse) -> Profile:
    """The source's configured profile, else the one the page's markup calls for."""
    if profile_name:
        return get_profile(profile_name)
    return detect_profile(response.url, response.selector)


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
    response: TextResponse,
    meta: dict[str, Any],
    source: dict[str, Any],
    page_truncated: bool,
    run_id: str | None,
) -> tuple[dict[str, Any] | None, str | None]:
    """(the article item, None), or (None, why it cannot be read) for a `parse` failure.

    `response` is decoded already; `source` holds the source's name, district, province,
    profile and listing_urls.
    """
    url = clean_url(meta.get("redirect_urls", [response.url])[0])
    try:
        profile = profile_for(source["profile"], response)
        raw: RawArticle = profile.parse_article(response.selector, response.url)
    except Exception as exc:  # captured already: record, count, go on
        logger.warning("cannot parse article %s: %r", response.url, exc)
        return None, f"article parse error: {exc!r}"
    missing = [name for name in ("title", "body_html") if not getattr(raw, name)]
    if missing:
        logger.warning("article %s: no %s found", response.url, ", ".join(missing))
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
        "fetched_url": response.url,
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
        "encoding": response.encoding,
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
    response: HtmlResponse, source: Any, page_truncated: bool, run_id: str | None
) -> dict[str, Any]:
    """An article page, unread, as an item for the writer process to read (`read_page`)."""
    content_type = response.headers.get(b"Content-Type")
    return {
        "_kind": "page",
        "url": response.url,
        "status": response.status,
        "content_type": content_type,
        "body": response.body,
        "flags": list(response.flags),
        "meta": {k: response.meta[k] for k in _META if k in response.meta},
        "source": source_fields(source),
        "page_truncated": page_truncated,
        "run_id": run_id,
    }


def read_page(page: dict[str, Any], stats: Any) -> dict[str, Any]:
    """A `page_record` read: its article item, or its `parse` failure (counted in `stats`
    as the crawl would have: errors/parse and source/<name>/errors)."""
    headers = {b"Content-Type": page["content_type"]} if page["content_type"] else {}
    response = HtmlResponse(
        page["url"], status=page["status"], headers=headers, body=page["body"], flags=page["flags"]
    )
    response = decoded(response)
    meta = page["meta"]
    item, why = read_article(response, meta, page["source"], page["page_truncated"], page["run_id"])
    if item is not None:
        return item
    stats.inc_value("errors/parse")
    stats.inc_value(f"source/{meta['source']}/errors")
    return failure_record(meta, page["url"], page["status"], "parse", why or "", page["run_id"])
