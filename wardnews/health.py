"""Loud crawls: a progress line while crawling; at the end, a verdict stored in crawl_runs.

A crawl is broken when a source that yielded articles before now yields no article links,
when no listing page of a source could be fetched, when errors exceed a ratio, or when
required fields are missing from most items (or far below the source's last good run: a
layout change). The verdict goes to the `health/failed` stat, which makes our `crawl`
command exit non-zero (Scrapy's own exits 0 whatever happened).

The verdict is computed from counters alone (`source/<name>/...` stats), so that a
distributed crawl can be judged the same way: its crawlers add their counters to one Redis
hash, the writer adds what it stored (new, changed, field coverage), and `judge_shared_crawl`
runs the same code over the sum once the crawl is over (see docs/DISTRIBUTED.md).
"""

from __future__ import annotations

import json
import os
import socket
import time
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from scrapy import signals
from twisted.internet import task

from pipelines.storage import COVERAGE_FIELDS
from wardnews.archive import get_sink
from wardnews.warc import utc_now

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler

    from wardnews.distributed import Keys

__all__ = [
    "CrawlHealth",
    "Limits",
    "SourceHistory",
    "judge_shared_crawl",
    "judge_source",
    "judge_sources",
    "run_row",
]

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


# The per-source counters (`source/<name>/<counter>` stats) a verdict reads, besides the
# coverage counts `source/<name>/has/<field>` and `errors_parse`.
SOURCE_COUNTERS = (
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


@dataclass(frozen=True)
class Limits:
    """The HEALTH_* thresholds."""

    min_coverage: float
    coverage_drop: float
    max_error_ratio: float
    min_items_for_drop: int = 10

    @classmethod
    def from_settings(cls, settings: Any) -> Limits:
        return cls(
            min_coverage=settings.getfloat("HEALTH_MIN_COVERAGE"),
            coverage_drop=settings.getfloat("HEALTH_COVERAGE_DROP"),
            max_error_ratio=settings.getfloat("HEALTH_MAX_ERROR_RATIO"),
            min_items_for_drop=settings.getint("HEALTH_MIN_ITEMS_FOR_DROP"),
        )


@dataclass(frozen=True)
class SourceHistory:
    """What the archive knew of a source before the crawl (its verdict depends on it)."""

    had_articles: bool = False
    baseline: dict[str, float] | None = None  # field coverage of its last good run
    known_shapes: int = 0  # URL shapes of its archived articles (spider.known_shapes)


def _count(stats: Mapping[str, Any], key: str) -> int:
    value = stats.get(key, 0) or 0
    return int(value) if isinstance(value, int | float) else 0


def source_counts(stats: Mapping[str, Any], name: str, known_shapes: int = 0) -> dict[str, int]:
    """The counters judge_source reads, from `source/<name>/...` stats."""
    counts = {k: _count(stats, f"source/{name}/{k}") for k in SOURCE_COUNTERS}
    counts["parse_failures"] = _count(stats, f"source/{name}/errors_parse")
    counts["known_shapes"] = known_shapes
    return counts


def source_coverage(stats: Mapping[str, Any], name: str, items: int) -> dict[str, float]:
    """Share of the source's articles (0-1) where each COVERAGE_FIELDS field was found."""
    if not items:
        return {}
    return {f: round(_count(stats, f"source/{name}/has/{f}") / items, 3) for f in COVERAGE_FIELDS}


def judge_sources(
    stats: Mapping[str, Any],
    names: Iterable[str],
    history: Mapping[str, SourceHistory],
    limits: Limits,
    run_id: str,
) -> tuple[list[str], list[dict[str, Any]]]:
    """Every source's verdict: (the reasons of the broken ones, the run_sources rows)."""
    verdicts: list[str] = []
    per_source: list[dict[str, Any]] = []
    for name in names:
        past = history.get(name) or SourceHistory()
        counts = source_counts(stats, name, past.known_shapes)
        items = counts["items"]
        coverage = source_coverage(stats, name, items)
        verdict = judge_source(
            name,
            counts,
            coverage,
            past.had_articles,
            past.baseline,
            limits.min_coverage,
            limits.coverage_drop,
            limits.max_error_ratio,
            limits.min_items_for_drop,
        )
        if verdict:
            verdicts.append(verdict)
        per_source.append(
            {
                "run_id": run_id,
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
    return verdicts, per_source


def crawl_outcome(verdicts: list[str], finish_reason: str) -> tuple[str, str | None]:
    """('ok' | 'failed', the reason: every verdict, '; '-joined)."""
    verdicts = list(verdicts)
    if finish_reason != "finished":
        verdicts.insert(0, f"crawl did not finish: {finish_reason}")
    return ("failed" if verdicts else "ok"), "; ".join(verdicts) or None


def run_row(
    stats: Mapping[str, Any],
    *,
    run_id: str,
    started_at: str | None,
    finished: bool,
    sources: Iterable[str],
    mode: str,
    host: str,
    pid: int | None,
    outcome: str,
    reason: str | None,
    finish_reason: str | None = None,
    per_source: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The crawl_runs row of a crawl whose counters are `stats` (Scrapy stat names)."""
    errors_by_kind = {k.split("/", 1)[1]: v for k, v in stats.items() if k.startswith("errors/")}
    status_counts = {
        k.rsplit("/", 1)[1]: v
        for k, v in stats.items()
        if k.startswith("downloader/response_status_count/")
    }
    coverage = {row["source"]: row["field_coverage"] for row in per_source or []}
    return {
        "id": run_id,
        "started_at": started_at,
        "finished_at": utc_now() if finished else None,
        "sources": json.dumps(sorted(sources), ensure_ascii=False),
        "mode": mode,
        "host": host,
        "pid": pid,
        "pages_fetched": _count(stats, "downloader/response_count"),
        "listing_pages": _count(stats, "crawl/listing_pages"),
        "article_pages": _count(stats, "crawl/article_pages"),
        "articles_new": _count(stats, "archive/new"),
        "articles_changed": _count(stats, "archive/changed"),
        "articles_unchanged": _count(stats, "archive/unchanged"),
        "articles_removed": _count(stats, "archive/removed"),
        "items": _count(stats, "item_scraped_count"),
        "errors": sum(errors_by_kind.values()),
        "errors_by_kind": json.dumps(errors_by_kind, sort_keys=True),
        "status_counts": json.dumps(status_counts, sort_keys=True),
        "field_coverage": json.dumps(coverage, ensure_ascii=False, sort_keys=True),
        "outcome": outcome,
        "reason": reason,
        "finish_reason": finish_reason,
    }


class CrawlHealth:
    """Extension: progress lines, the crawl_runs row, and the crawl's verdict.

    A crawler of a distributed crawl (REDIS_URL) sees only part of each source: it neither
    judges sources nor records a crawl_runs row. Its counters go to the shared crawl's
    Redis hash (LeasedScheduler) and `scrapy writer --until-empty` judges the whole crawl
    (judge_shared_crawl). It still exits 3 when it did not finish normally.
    """

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        settings = crawler.settings
        self.interval = settings.getfloat("PROGRESS_INTERVAL")
        self.limits = Limits.from_settings(settings)
        self.shared = bool(settings.get("REDIS_URL"))
        self.run_id = new_run_id()
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
        if self.shared:
            # The rows this crawler leads to (failures, captures) belong to the shared
            # crawl, whose crawl_runs row `scrapy push` opened.
            self.run_id = getattr(spider, "shared_crawl_id", lambda: None)() or self.run_id
        self.stats.set_value("crawl/run_id", self.run_id)
        store = getattr(spider, "store", None)
        for name in getattr(spider, "sources", {}):
            if store is not None:
                self.history[name] = (store.had_articles(name), store.last_good_coverage(name))
        if not self.shared:
            self._record(spider, outcome="running", reason=None, finished=False)
        if self.interval > 0:
            self.loop = task.LoopingCall(self.progress)
            self.loop.start(self.interval, now=False)

    def progress(self) -> None:
        """One line: pages, articles, errors, rate."""
        get_sink(self.crawler).sync(self.stats)  # the writer's counts so far
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

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        sink = get_sink(self.crawler)
        sink.sync(self.stats)  # the archive is up to date for finalize and the verdict
        finalize = getattr(spider, "finalize", None)
        if finalize is not None:
            finalize(reason)
        if self.shared:
            self._close_shared(spider, reason)
            return
        shapes = getattr(spider, "known_shapes", {})
        history = {
            name: SourceHistory(had, baseline, len(shapes.get(name, ())))
            for name, (had, baseline) in self.history.items()
        }
        sources = list(getattr(spider, "sources", {}))
        verdicts, per_source = judge_sources(
            self.stats.get_stats(), sources, history, self.limits, self.run_id
        )
        if sink.problem:
            verdicts.insert(0, sink.problem)
        outcome, message = crawl_outcome(verdicts, reason)
        if message:
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
        sink.close(self.stats)
        if sink.problem and not message:  # failed while committing the last batch
            self.stats.set_value("health/failed", sink.problem)
            spider.logger.error("CRAWL BROKEN: %s", sink.problem)

    def _close_shared(self, spider: Spider, reason: str) -> None:
        _, message = crawl_outcome([], reason)
        if message:
            self.stats.set_value("health/failed", message)
            spider.logger.error("CRAWLER STOPPED EARLY: %s", message)
        else:
            spider.logger.info(
                "crawler done; the shared crawl %s is judged by `scrapy writer --until-empty`",
                self.run_id,
            )
        get_sink(self.crawler).close()

    def _record(
        self,
        spider: Spider,
        outcome: str,
        reason: str | None,
        finished: bool,
        finish_reason: str | None = None,
        per_source: list[dict[str, Any]] | None = None,
    ) -> None:
        run = run_row(
            self.stats.get_stats(),
            run_id=self.run_id,
            started_at=self.started_at,
            finished=finished,
            sources=getattr(spider, "sources", {}),
            mode="full" if getattr(spider, "full", False) else "incremental",
            host=socket.gethostname(),
            pid=os.getpid(),
            outcome=outcome,
            reason=reason,
            finish_reason=finish_reason,
            per_source=per_source,
        )
        get_sink(self.crawler).push("run", {"run": run, "per_source": per_source or []})


def new_run_id() -> str:
    """A crawl_runs id: start time (UTC) and a random suffix, 20260101T010000-1a2b3c4d."""
    return f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{uuid.uuid4().hex[:8]}"


# --- the verdict of a distributed crawl -----------------------------------------------------


def shared_counters(server: Any, keys: Keys) -> dict[str, int]:
    """The summed counters of the shared crawl (crawlers' stats and the writer's)."""
    from wardnews.distributed import as_text

    return {as_text(k): int(v) for k, v in server.hgetall(keys.health).items()}


def judge_shared_crawl(
    server: Any, keys: Keys, limits: Limits
) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """The crawl_runs row and run_sources rows of the shared crawl, judged as a whole.

    Call it once the crawl is over (nothing queued or leased, no crawler alive, the events
    applied): it runs the local verdict (judge_source) per source over the counters every
    crawler and the writer added to `keys.health`, with each source's history as `scrapy
    push` read it from archive.db before the crawl. None when no crawler contributed.
    Judging again (more pushed to the same crawl) gives the same row id: an upsert.
    """
    from wardnews.distributed import RedisSources, as_text, crawler_hosts

    stats = shared_counters(server, keys)
    hosts = crawler_hosts(stats)
    if not hosts:
        return None
    crawl = {as_text(k): as_text(v) for k, v in server.hgetall(keys.crawl).items()}
    run_id = crawl.get("id") or new_run_id()
    registry = RedisSources(server, keys.sources)
    names = sorted(as_text(n) for n in server.hkeys(keys.sources))
    history = {}
    for name in names:
        state = registry.state(name)
        history[name] = SourceHistory(
            bool(state.get("had_articles")),
            state.get("last_good_coverage"),
            len(state.get("known_shapes") or ()),
        )
    verdicts, per_source = judge_sources(stats, names, history, limits, run_id)
    outcome, message = crawl_outcome(verdicts, "finished")
    run = run_row(
        stats,
        run_id=run_id,
        started_at=crawl.get("started_at"),
        finished=True,
        sources=names,
        mode="full" if crawl.get("full") == "1" else "incremental",
        host=", ".join(hosts),
        pid=None,
        outcome=outcome,
        reason=message,
        finish_reason="finished",
        per_source=per_source,
    )
    return run, per_source
