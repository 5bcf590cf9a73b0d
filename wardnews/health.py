"""Loud crawls: a progress line while crawling; at the end, a verdict stored in crawl_runs.

A crawl is broken when a source that yielded articles before now yields no article links,
when no listing page of a source could be fetched, when errors exceed a ratio, or when
required fields are missing from most items (or far below the source's last good run: a
layout change). The verdict goes to the `health/failed` stat, which makes our `crawl`
command exit non-zero (Scrapy's own exits 0 whatever happened).
"""

from __future__ import annotations

import json
import os
import socket
import time
import uuid
from typing import TYPE_CHECKING, Any

from scrapy import signals
from twisted.internet import task

from pipelines.storage import COVERAGE_FIELDS, apply_event
from wardnews.archive import get_sink
from wardnews.warc import utc_now

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler

__all__ = ["CrawlHealth", "judge_source"]

# Fields most items must have; the others only count against the source's own history.
REQUIRED_FIELDS = ("title", "published_at", "body_text")


def judge_source(
    name: str,
    counts: dict[str, int],
    coverage: dict[str, float],
    had_articles: bool,
    baseline: dict[str, float] | None,
    min_coverage: float,
    coverage_drop: float,
    max_error_ratio: float,
    min_items_for_drop: int = 10,
) -> str | None:
    """The reason a source's run is broken, or None when it looks healthy."""
    fetched = counts["listing_pages"] + counts["article_pages"]
    if counts["listing_pages"] == 0 and counts["direct_articles"]:
        # Only article URLs were given (-a url=<article>): no listing to judge.
        if counts["items"] == 0:
            return f"source {name}: the article page(s) given could not be read"
        return None
    if counts["listing_pages"] == 0:
        return f"source {name}: no listing page could be fetched ({counts['errors']} errors)"
    if counts["listing_entries"] == 0:
        if had_articles:
            return f"source {name}: listing shows no article links any more (it did before)"
        return f"source {name}: no article links found on its listing"
    if had_articles and counts["listing_entries_alike"] == 0 and counts["known_shapes"]:
        return (
            f"source {name}: none of the {counts['listing_entries']} links on its listing"
            " look like its archived articles any more (layout changed?)"
        )
    attempts = fetched + counts["errors"]
    if attempts and counts["errors"] / attempts > max_error_ratio:
        return (
            f"source {name}: {counts['errors']} errors in {attempts} fetches"
            f" (> {max_error_ratio:.0%})"
        )
    if counts["items"] >= 3:
        for field in REQUIRED_FIELDS:
            if coverage.get(field, 0.0) < min_coverage:
                return (
                    f"source {name}: {field} found on {coverage.get(field, 0.0):.0%} of"
                    f" {counts['items']} articles (layout changed?)"
                )
    if counts["items"] >= min_items_for_drop:
        # A drop against the source's own history: meaningful only over enough items.
        for field, before in (baseline or {}).items():
            now = coverage.get(field, 0.0)
            if before >= 0.5 and now < before * coverage_drop:
                return (
                    f"source {name}: {field} coverage fell from {before:.0%} to {now:.0%}"
                    " (layout changed?)"
                )
    if counts["items"] == 0 and counts["article_pages"] > 0 and counts["parse_failures"]:
        return f"source {name}: {counts['parse_failures']} article pages, none could be read"
    return None


class CrawlHealth:
    """Extension: progress lines, the crawl_runs row, and the crawl's verdict."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        settings = crawler.settings
        self.interval = settings.getfloat("PROGRESS_INTERVAL")
        self.min_coverage = settings.getfloat("HEALTH_MIN_COVERAGE")
        self.coverage_drop = settings.getfloat("HEALTH_COVERAGE_DROP")
        self.max_error_ratio = settings.getfloat("HEALTH_MAX_ERROR_RATIO")
        self.min_items_for_drop = settings.getint("HEALTH_MIN_ITEMS_FOR_DROP")
        self.run_id = f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{uuid.uuid4().hex[:8]}"
        self.started_at = utc_now()
        self.t0 = time.monotonic()
        self.loop: task.LoopingCall | None = None
        self.history: dict[str, tuple[bool, dict[str, float] | None]] = {}
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlHealth:
        return cls(crawler)

    def spider_opened(self, spider: Spider) -> None:
        self.stats.set_value("crawl/run_id", self.run_id)
        store = getattr(spider, "store", None)
        for name in getattr(spider, "sources", {}):
            if store is not None:
                self.history[name] = (store.had_articles(name), store.last_good_coverage(name))
        self._record(spider, outcome="running", reason=None, finished=False)
        if self.interval > 0:
            self.loop = task.LoopingCall(self.progress)
            self.loop.start(self.interval, now=False)

    def progress(self) -> None:
        """One line: pages, articles, errors, rate."""
        get = self.stats.get_value
        pages = (get("crawl/listing_pages", 0) or 0) + (get("crawl/article_pages", 0) or 0)
        elapsed = max(time.monotonic() - self.t0, 1e-6)
        self.crawler.spider.logger.info(
            "progress: %d pages (%d listing), %d new, %d changed, %d unchanged, %d errors,"
            " %.1f pages/s",
            pages,
            get("crawl/listing_pages", 0) or 0,
            get("archive/new", 0) or 0,
            get("archive/changed", 0) or 0,
            get("archive/unchanged", 0) or 0,
            self._errors(),
            pages / elapsed,
        )

    def _errors(self) -> int:
        return sum(v for k, v in self.stats.get_stats().items() if k.startswith("errors/"))

    def _source_counts(self, name: str) -> dict[str, int]:
        get = self.stats.get_value
        keys = (
            "listing_pages",
            "article_pages",
            "listing_entries",
            "items",
            "errors",
            "new",
            "changed",
            "removed",
            "unchanged",
            "direct_articles",
            "listing_entries_alike",
        )
        counts = {k: int(get(f"source/{name}/{k}", 0) or 0) for k in keys}
        counts["parse_failures"] = int(get(f"source/{name}/errors_parse", 0) or 0)
        spider = self.crawler.spider
        counts["known_shapes"] = len(getattr(spider, "known_shapes", {}).get(name, ()))
        return counts

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        finalize = getattr(spider, "finalize", None)
        if finalize is not None:
            finalize(reason)
        verdicts: list[str] = []
        per_source: list[dict[str, Any]] = []
        for name in getattr(spider, "sources", {}):
            counts = self._source_counts(name)
            items = counts["items"]
            coverage = (
                {
                    f: round((self.stats.get_value(f"source/{name}/has/{f}", 0) or 0) / items, 3)
                    for f in COVERAGE_FIELDS
                }
                if items
                else {}
            )
            had, baseline = self.history.get(name, (False, None))
            verdict = judge_source(
                name,
                counts,
                coverage,
                had,
                baseline,
                self.min_coverage,
                self.coverage_drop,
                self.max_error_ratio,
                self.min_items_for_drop,
            )
            if verdict:
                verdicts.append(verdict)
            per_source.append(
                {
                    "run_id": self.run_id,
                    "source": name,
                    "listing_pages": counts["listing_pages"],
                    "article_pages": counts["article_pages"],
                    "articles_new": counts["new"],
                    "articles_changed": counts["changed"],
                    "articles_removed": counts["removed"],
                    "items": items,
                    "errors": counts["errors"],
                    "field_coverage": coverage,
                    "outcome": "failed" if verdict else "ok",
                    "reason": verdict,
                    "finished_at": utc_now(),
                }
            )
        if reason != "finished":
            verdicts.insert(0, f"crawl did not finish: {reason}")
        outcome = "failed" if verdicts else "ok"
        message = "; ".join(verdicts) or None
        if verdicts:
            self.stats.set_value("health/failed", message)
            spider.logger.error("CRAWL BROKEN: %s", message)
        else:
            spider.logger.info("crawl healthy: %s", self.run_id)
        self._record(
            spider,
            outcome=outcome,
            reason=message,
            finished=True,
            finish_reason=reason,
            per_source=per_source,
        )
        sink = get_sink(self.crawler)
        sink.close()

    def _record(
        self,
        spider: Spider,
        outcome: str,
        reason: str | None,
        finished: bool,
        finish_reason: str | None = None,
        per_source: list[dict[str, Any]] | None = None,
    ) -> None:
        get = self.stats.get_value
        stats = self.stats.get_stats()
        errors_by_kind = {
            k.split("/", 1)[1]: v for k, v in stats.items() if k.startswith("errors/")
        }
        status_counts = {
            k.rsplit("/", 1)[1]: v
            for k, v in stats.items()
            if k.startswith("downloader/response_status_count/")
        }
        coverage = {row["source"]: row["field_coverage"] for row in per_source or []}
        run = {
            "id": self.run_id,
            "started_at": self.started_at,
            "finished_at": utc_now() if finished else None,
            "sources": json.dumps(sorted(getattr(spider, "sources", {})), ensure_ascii=False),
            "mode": "full" if getattr(spider, "full", False) else "incremental",
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "pages_fetched": int(get("downloader/response_count", 0) or 0),
            "listing_pages": int(get("crawl/listing_pages", 0) or 0),
            "article_pages": int(get("crawl/article_pages", 0) or 0),
            "articles_new": int(get("archive/new", 0) or 0),
            "articles_changed": int(get("archive/changed", 0) or 0),
            "articles_unchanged": int(get("archive/unchanged", 0) or 0),
            "articles_removed": int(get("archive/removed", 0) or 0),
            "items": int(get("item_scraped_count", 0) or 0),
            "errors": sum(errors_by_kind.values()),
            "errors_by_kind": json.dumps(errors_by_kind, sort_keys=True),
            "status_counts": json.dumps(status_counts, sort_keys=True),
            "field_coverage": json.dumps(coverage, ensure_ascii=False, sort_keys=True),
            "outcome": outcome,
            "reason": reason,
            "finish_reason": finish_reason,
        }
        event = {"_kind": "run", "run": run, "per_source": per_source or []}
        sink = get_sink(self.crawler)
        if sink.distributed:
            sink.push("run", {"run": run, "per_source": per_source or []})
        else:
            apply_event(sink.store, event)
