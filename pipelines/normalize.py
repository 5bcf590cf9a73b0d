"""Thin glue: raw page strings -> the CONTRACT.md columns, raw text kept beside each result."""

from __future__ import annotations

import json
from typing import Any

from normalize.bylines import split_byline
from normalize.dates import event_date_after, published_and_day
from normalize.officials import find_mentions
from normalize.text import (
    clean_text,
    content_hash,
    fold,
    fold_for_search,
    html_to_text,
    sanitize_html,
)
from normalize.wards import match_ward

__all__ = ["NormalizePipeline", "normalize_article"]

_ATTACHMENT_KINDS = {
    "pdf": "document",
    "doc": "document",
    "docx": "document",
    "xls": "document",
    "xlsx": "document",
    "ppt": "document",
    "pptx": "document",
    "zip": "document",
    "rar": "document",
}


# Account names CMSs print as the author: never a person's byline.
_CMS_ACCOUNTS = {
    "admin",
    "administrator",
    "super user",
    "quan tri",
    "quan tri vien",
    "webmaster",
    "editor",
    "bien tap vien",
    "btv",
    "root",
    "user",
}


# json.dumps(x, ensure_ascii=False) with one encoder, not one built per call: same output.
_to_json = json.JSONEncoder(ensure_ascii=False).encode


def _attachment_kind(url: str) -> str:
    ext = url.split("?", 1)[0].rsplit(".", 1)[-1].lower()
    return _ATTACHMENT_KINDS.get(ext, "image")


def normalize_article(item: dict[str, Any]) -> dict[str, Any]:
    """A raw article item (as the spider yields it) -> a row for `articles` plus mentions."""
    problems: list[str] = []
    title = clean_text(item.get("title") or "")
    base_url = item.get("fetched_url") or item["url"]
    body_html = sanitize_html(item.get("body_html") or "", base_url)
    body_text = html_to_text(body_html)
    published_raw = clean_text(item.get("published_raw") or "") or None
    # (with its day, which find_event_date() would otherwise parse back from published_at)
    published_at, published_day = published_and_day(published_raw, item.get("published_meta"))
    if published_at is None and (published_raw or item.get("published_meta")):
        problems.append(
            f"published_at: cannot read {published_raw or item.get('published_meta')!r}"
        )
    elif published_at is None:
        problems.append("published_at: no date on the page")
    byline_raw = clean_text(item.get("byline_raw") or "") or None
    byline = split_byline(byline_raw) if byline_raw else None
    authors = byline.authors if byline else []
    author_org = byline.org if byline else None
    if not byline_raw and item.get("author_meta"):
        # <meta name=author> is often the CMS account ("admin", "Super User") or the
        # portal's own name: take people from it, never an organisation.
        meta = clean_text(item["author_meta"])
        if fold(meta) not in _CMS_ACCOUNTS:
            authors = split_byline(meta).authors
    if byline_raw and not authors and not (byline and (byline.org or byline.source)):
        problems.append(f"author: cannot split byline {byline_raw!r}")
    category = clean_text(item.get("category") or item.get("listing_category") or "") or None
    ward = match_ward(
        title=title,
        org=author_org,
        category=category,
        text=body_text[:600],
        district=item.get("district"),
        province=item.get("province"),
    )
    event_date = event_date_after(body_text, published_day)  # find_event_date(.., published_at)
    mentions = find_mentions(
        body_text,
        ward=ward.name if ward else None,
        district=ward.district if ward else item.get("district"),
    )
    author = ", ".join(authors) if authors else None
    capture = item.get("capture_id")
    provenance = {field: capture for field in ("title", "published_raw", "byline_raw", "body_html")}
    if item.get("category") is None and item.get("listing_category"):
        provenance["category"] = f"listing:{item.get('listing_url')}"
    return {
        "url": item["url"],
        "source": item["source"],
        "category": category,
        "title": title or None,
        "published_at": published_at,
        "published_raw": published_raw or item.get("published_meta"),
        "event_date": event_date,
        "author": author,
        "authors": _to_json(authors),
        "author_org": author_org,
        "byline_raw": byline_raw,
        "ward": ward.name if ward else None,
        "ward_code": ward.code if ward else None,
        "district": ward.district if ward else item.get("district"),
        "province": ward.province if ward else item.get("province"),
        "body_text": body_text,
        "body_html": body_html,
        "content_hash": content_hash(title, body_text),
        "capture_id": capture,
        "listing_url": item.get("listing_url"),
        "requested_url": item.get("requested_url"),
        "provenance": _to_json(provenance),
        "problems": _to_json(problems) if problems else None,
        "search_folded": fold_for_search(
            " ".join(filter(None, [title, author, ward.name if ward else None, body_text]))
        ),
        "mentions": [
            {
                "person": m.person,
                "position": m.position,
                "organisation": m.organisation,
                "ward_code": ward.code if ward else None,
            }
            for m in mentions
        ],
        "attachments": [
            {"url": u, "kind": _attachment_kind(u)} for u in item.get("attachments") or []
        ],
        "ward_row": ward,
    }


class NormalizePipeline:
    """Normalise article items; other kinds of records pass through untouched.

    Not enabled when the crawl's sink normalises (the writer process, or the Redis
    writer): articles then leave the crawl process raw, and are normalised there.
    """

    @classmethod
    def from_crawler(cls, crawler: Any) -> NormalizePipeline:
        from scrapy.exceptions import NotConfigured

        from wardnews.archive import get_sink

        if get_sink(crawler).normalises:
            raise NotConfigured("articles are normalised by the archive writer")
        return cls()

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        if item.get("_kind") != "article":
            return item
        return {"_kind": "article", **normalize_article(item), "_raw": item}
