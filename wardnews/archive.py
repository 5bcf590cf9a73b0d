"""Where a crawl's records go: to the local writer process, into archive.db, or to Redis.

One crawl process holds one sink, and every record goes through it: `push(kind, payload)`
for events, `store_item(item, stats)` for scraped items, and (unless it `writes_warc`
itself) `capture(row)` for the WARC middleware's captures.

* ProcessSink (wardnews.localwriter, the default of a local crawl): a child process
  normalises, writes WARC records and commits, on the machine's second core.
* LocalSink (`-s ARCHIVE_WRITER_PROCESS=0`): the crawl process applies everything itself.
* RedisSink (`-s REDIS_URL=...`): crawlers on many machines push the same records, as JSON
  events, onto one Redis list, and `wardnews.writer` drains it into archive.db.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from wardnews.store import ArchiveStore

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from wardnews.localwriter import ProcessSink

__all__ = ["get_sink", "get_store", "LocalSink", "RedisSink", "items_key"]


def items_key(settings: Any, spider_name: str = "ward_news") -> str:
    """The Redis list events go to: 'ward_news:items' (scrapy-redis' own items key)."""
    return settings.get("REDIS_ITEMS_KEY", "%(spider)s:items") % {"spider": spider_name}


class LocalSink:
    """Events applied to the local ArchiveStore, in the crawl process."""

    distributed = False
    writes_warc = False
    normalises = False  # items arrive normalised by pipelines.normalize
    parses = False  # article pages are read in the crawl process
    problem: str | None = None

    def __init__(self, store: ArchiveStore):
        self.store = store

    def push(self, kind: str, payload: dict[str, Any]) -> None:
        from pipelines.storage import apply_event

        apply_event(self.store, {"_kind": kind, **payload})

    def store_item(self, item: dict[str, Any], stats: Any) -> None:
        from pipelines.storage import apply_event, count_item

        count_item(stats, item, apply_event(self.store, item))

    def capture(self, capture: dict[str, Any]) -> None:
        self.store.add_capture(capture)

    def sync(self, stats: Any) -> None:
        """Everything is applied already; commit it."""
        self.store.flush()

    def close(self, stats: Any = None) -> None:
        self.store.close()


class RedisSink:
    """Events pushed to Redis as JSON, in order, for the single writer."""

    distributed = True
    writes_warc = False
    normalises = True  # the writer normalises
    parses = False  # crawlers read their pages: the one writer is the scarce part
    problem: str | None = None

    def __init__(self, redis_url: str, key: str):
        import redis

        self.server = redis.Redis.from_url(redis_url)
        self.key = key

    def push(self, kind: str, payload: dict[str, Any]) -> None:
        """Queue one event: {"_kind": kind, ...payload}."""
        self.server.rpush(self.key, json.dumps({"_kind": kind, **payload}, ensure_ascii=False))

    def capture(self, capture: dict[str, Any]) -> None:
        self.push("capture", capture)

    def sync(self, stats: Any) -> None:
        """The writer's counts reach the shared crawl's verdict, not this crawler's stats."""

    def close(self, stats: Any = None) -> None:
        self.server.close()


def get_store(crawler: Crawler) -> ArchiveStore:
    """The crawl's ArchiveStore (one per crawler, opened on first use)."""
    store = getattr(crawler, "_ward_store", None)
    if store is None:
        settings = crawler.settings
        store = ArchiveStore(
            settings["ARCHIVE_DB"],
            flush_items=settings.getint("ARCHIVE_FLUSH_ITEMS"),
            flush_seconds=settings.getfloat("ARCHIVE_FLUSH_SECONDS"),
        )
        crawler._ward_store = store  # type: ignore[attr-defined]
    return store


def get_sink(crawler: Crawler) -> LocalSink | RedisSink | ProcessSink:
    """The crawl's sink: Redis when REDIS_URL is set, else the writer process (or in-process)."""
    sink = getattr(crawler, "_ward_sink", None)
    if sink is None:
        settings = crawler.settings
        if settings.get("REDIS_URL"):
            sink = RedisSink(settings["REDIS_URL"], items_key(settings))
        elif settings.getbool("ARCHIVE_WRITER_PROCESS", True):
            from wardnews.localwriter import ProcessSink

            def stop_crawl(problem: str) -> None:
                from scrapy.utils.defer import deferred_from_coro

                engine = crawler.engine
                if engine is not None and engine.running and engine.spider is not None:
                    deferred_from_coro(engine.close_spider_async(reason="writer_died"))

            # The store is opened (and its schema made) before the writer opens the file.
            sink = ProcessSink(settings, get_store(crawler), on_death=stop_crawl)
        else:
            sink = LocalSink(get_store(crawler))
        crawler._ward_sink = sink  # type: ignore[attr-defined]
    return sink
