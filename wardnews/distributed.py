"""Distributed mode: `-s REDIS_URL=redis://host:port` puts the crawl on scrapy-redis.

The frontier (scheduler queue) and the seen-set (dupefilter) live in Redis, so crawl
processes on several machines share one crawl; items and captures go to one Redis list
that a single writer (`scrapy writer`) drains into archive.db through the same
normalisation and storage code as a local crawl.
"""

from __future__ import annotations

from typing import Any

__all__ = ["RedisAddon"]


class RedisAddon:
    """Scrapy add-on: when REDIS_URL is set, switch scheduler, dupefilter and pipelines."""

    def update_settings(self, settings: Any) -> None:
        if not settings.get("REDIS_URL"):
            return
        settings.set("SCHEDULER", "scrapy_redis.scheduler.Scheduler", priority="spider")
        settings.set("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter",
                     priority="spider")
        settings.set("SCHEDULER_PERSIST", True, priority="spider")
        # Items leave the crawler raw; the writer normalises them (one writer, in order).
        settings.set("ITEM_PIPELINES", {"scrapy_redis.pipelines.RedisPipeline": 800},
                     priority="spider")
