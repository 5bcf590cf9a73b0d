"""Where a crawl's records go: straight into archive.db, or onto a Redis queue for the writer.

One crawl process holds one sink. Locally the sink owns the ArchiveStore (the only writer
of archive.db). With REDIS_URL set, crawlers on many machines push the same records, as
JSON events, onto one Redis list, and `wardnews.writer` drains it into archive.db.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from wardnews.store import ArchiveStore

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

__all__ = ["get_sink", "get_store", "LocalSink", "RedisSink", "items_key"]


def items_key(settings: Any, spider_name: str = "ward_news") -> str:
    """The Redis list events go to: 'ward_news:items' (scrapy-redis' own items key)."""
    return settings.get("REDIS_ITEMS_KEY", "%(spider)s:items") % {"spider": spider_name}


class LocalSink:
    """Events applied to the local ArchiveStore."""

    distributed = False

    def __init__(self, store: ArchiveStore):
        self.store = store

    def capture(self, capture: dict[str, Any]) -> None:
        self.store.add_capture(capture)

    def close(self) -> None:
        self.store.close()


class RedisSink:
    """Events pushed to Redis as JSON, in order, for the single writer."""

    distributed = True

    def __init__(self, redis_url: str, key: str):
        import redis

        self.server = redis.Redis.from_url(redis_url)
        self.key = key

    def push(self, kind: str, payload: dict[str, Any]) -> None:
        """Queue one event: {"_kind": kind, ...payload}."""
        self.server.rpush(self.key, json.dumps({"_kind": kind, **payload}, ensure_ascii=False))

    def capture(self, capture: dict[str, Any]) -> None:
        self.push("capture", capture)

    def close(self) -> None:
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


def get_sink(crawler: Crawler) -> LocalSink | RedisSink:
    """The crawl's sink: Redis when REDIS_URL is set, else the local archive."""
    sink = getattr(crawler, "_ward_sink", None)
    if sink is None:
        settings = crawler.settings
        if settings.get("REDIS_URL"):
            sink = RedisSink(settings["REDIS_URL"], items_key(settings))
        else:
            sink = LocalSink(get_store(crawler))
        crawler._ward_sink = sink  # type: ignore[attr-defined]
    return sink
