"""The only writer of archive.db: every record a crawl yields, applied to the ArchiveStore."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Any

from wardnews.archive import get_sink
from wardnews.store import ArchiveStore
from wardnews.warc import utc_now

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

__all__ = ["StoragePipeline", "apply_event", "is_degraded"]

# Fields whose coverage tells a healthy extraction from a broken one.
COVERAGE_FIELDS = ("title", "published_at", "body_text", "author", "ward_code")

# What portals print on the "not found" / "error" page they serve with status 200.
_ERROR_PAGE = re.compile(
    r"\b(?:trang|nội dung|bài viết|đường dẫn|liên kết|page|url)\b[^.!?\n]{0,30}?"
    r"(?:không (?:còn )?tồn tại|không tìm thấy|đã bị (?:xóa|xoá|gỡ)|not found|does not exist)"
    r"|\b(?:lỗi|error)\s*404\b|\b404\s*[-–:]?\s*(?:not found|không tìm thấy)"
    r"|có lỗi xảy ra|an error (?:has )?occurred",
    re.I,
)
# Error pages are short; a real article that mentions such a phrase is not.
_ERROR_PAGE_MAX_BODY = 300


def _looks_like_error_page(title: str, body: str) -> bool:
    """Whether a page is a soft 404 / error page: short, and saying so."""
    return len(body) < _ERROR_PAGE_MAX_BODY and bool(
        _ERROR_PAGE.search(title) or _ERROR_PAGE.search(body)
    )


def _squash(text: str) -> str:
    return " ".join(text.split())


def is_degraded(new: dict[str, Any], old: dict[str, Any] | None) -> str | None:
    """Why a fetched version must not replace the stored one (None when it may).

    An error page served with 200, an empty or truncated body must never overwrite what
    the archive already holds: compare with the stored version. An error page is not
    archived as a new article either.
    """
    new_body = new.get("body_text") or ""
    title = new.get("title") or ""
    if _looks_like_error_page(title, new_body):
        return f"fetched page is an error page served as an article: {title[:80]!r}"
    if old is None:
        return None
    old_body = old.get("body_text") or ""
    if not title:
        return "fetched version has no title"
    if len(new_body) < 40 <= len(old_body):
        return "fetched version has an empty body"
    if len(old_body) >= 400 and len(new_body) < 0.3 * len(old_body):
        return f"fetched body is {len(new_body)} chars, stored one {len(old_body)}"
    truncated = new.get("page_truncated") or (new.get("_raw") or {}).get("page_truncated")
    if truncated and len(new_body) < len(old_body):
        return (
            f"fetched page ends before </html> and its body is shorter"
            f" ({len(new_body)} chars, stored one {len(old_body)})"
        )
    squashed_new, squashed_old = _squash(new_body), _squash(old_body)
    if len(squashed_new) < 0.8 * len(squashed_old) and squashed_old.startswith(squashed_new):
        return (
            f"fetched body is the first {len(squashed_new)} chars of the stored one"
            f" ({len(squashed_old)}): cut off"
        )
    return None


def apply_event(store: ArchiveStore, event: dict[str, Any], stats: Any = None) -> str | None:
    """Apply one record ({"_kind": ...}) to the store; return what happened to an article."""
    kind = event.get("_kind")
    now = utc_now()
    if kind == "article":
        ward = event.get("ward_row")
        if ward is not None:
            row = dataclasses.asdict(ward) if dataclasses.is_dataclass(ward) else dict(ward)
            store.upsert_wards([row])
        raw = event.get("_raw") or {}
        fetched = [u for u in (raw.get("requested_url"), raw.get("fetched_url")) if u]
        reason = is_degraded(event, store.current(event["url"]))
        if reason:
            # Recorded against the URL the crawl fetched, so the next crawl retries it.
            store.add_failure(
                {
                    "url": fetched[0] if fetched else event["url"],
                    "source": event["source"],
                    "kind": "degraded",
                    "reason": reason,
                    "capture_id": event.get("capture_id"),
                    "at": now,
                    "run_id": raw.get("run_id"),
                    "page_kind": "article",
                }
            )
            return "degraded"
        outcome = store.add_article(event, now)
        for url in dict.fromkeys([*fetched, event["url"]]):
            store.resolve_failures(url, now)
        if outcome == "new":
            store.upsert_source({"name": event["source"], "last_new_article_at": now})
        return outcome
    if kind == "capture":
        store.add_capture({k: v for k, v in event.items() if k != "_kind"})
    elif kind == "touch":
        store.touch(event["url"], now, event.get("capture_id"))
        store.resolve_failures(event["url"], now)
        return "unchanged"
    elif kind == "removed":
        store.resolve_failures(event["url"], now)
        return "removed" if store.mark_removed(event["url"], now, event["reason"]) else None
    elif kind == "failure":
        store.add_failure({k: v for k, v in event.items() if not k.startswith("_")})
    elif kind == "listing_ok":
        store.resolve_failures(event["url"], now)
    elif kind == "attachment":
        store.link_attachment_capture(event["url"], event["capture_id"])
    elif kind == "source":
        store.upsert_source({k: v for k, v in event.items() if not k.startswith("_")})
    elif kind == "wards":
        store.upsert_wards(event["rows"])
    elif kind == "run":
        store.record_run(event["run"], event["per_source"])
    return None


class StoragePipeline:
    """Hand every record to the crawl's sink, which stores it in batches and counts what
    happened per source (in this process, or in the writer process)."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.sink = get_sink(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StoragePipeline:
        return cls(crawler)

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        self.sink.store_item(item, self.crawler.stats)
        return item


def count_item(stats: Any, item: dict[str, Any], outcome: str | None) -> None:
    """Stats the health check reads: outcomes and field coverage, per source."""
    source = item.get("source") or "-"
    if outcome:
        stats.inc_value(f"archive/{outcome}")
        stats.inc_value(f"source/{source}/{outcome}")
    if item.get("_kind") == "article":
        stats.inc_value(f"source/{source}/items")
        for field in COVERAGE_FIELDS:
            if item.get(field):
                stats.inc_value(f"source/{source}/has/{field}")
