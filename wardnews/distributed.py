"""Distributed mode: `-s REDIS_URL=redis://host:port` puts the crawl on scrapy-redis.

The frontier (scheduler queue) and the seen-set (dupefilter) live in Redis, so crawl
processes on several machines share one crawl; items and captures go to one Redis list
that a single writer (`scrapy writer`) drains into archive.db through the same
normalisation and storage code as a local crawl. `scrapy push` puts a crawl's start
requests (listing first pages, re-checks, retries, planned from archive.db) into Redis.

What scrapy-redis 0.9.1 gives as is: the Redis connection, the request queue
(PriorityQueue, pickled requests), the dupefilter (RFPDupeFilter) and RedisMixin (start
URLs read from a Redis list when the spider is idle). What we add on top, because a
crawler killed mid-way must lose nothing:

* leases: a request popped from the queue is recorded, in the same Lua call, in the
  crawler's lease hash, and removed only once Scrapy has finished with it (downloaded,
  parsed, every item pushed and every new request queued). A crawler's leases live as
  long as its heartbeat key; when the heartbeat expires (a SIGKILL, a lost machine) any
  other crawler puts its leased requests back on the queue.
* an atomic enqueue: "seen?" and "queue it" in one Lua call, so a crash between the two
  cannot mark a page as seen that nobody will fetch.
* a shared end of crawl: a crawler is idle only when the start list, the queue and every
  live crawler's leases are empty; it closes after MAX_IDLE_TIME_BEFORE_CLOSE seconds of
  that (scrapy-redis measures idle time from a class attribute set at import time).
* a shared verdict: each crawler adds its counters (the `source/<name>/...` stats the
  health check reads) to one Redis hash, in the same transaction that drops the leases of
  the requests they came from; the writer adds what it stored; `scrapy writer
  --until-empty` judges the sum (wardnews.health.judge_shared_crawl).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any

from scrapy import Request, signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.misc import load_object
from scrapy.utils.serialize import ScrapyJSONEncoder
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.pipelines import RedisPipeline
from scrapy_redis.scheduler import Scheduler
from scrapy_redis.spiders import RedisMixin
from twisted.internet import task

from wardnews.sources import Source, adhoc_source, load_sources, source_for_url
from wardnews.warc import utc_now

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

__all__ = [
    "DEFAULTS",
    "DistributedSpiderMixin",
    "Keys",
    "LeasedScheduler",
    "RedisAddon",
    "RedisEventPipeline",
    "RedisSources",
    "SharedCounters",
    "SharedShapes",
    "as_text",
    "crawler_hosts",
    "fingerprint",
    "frontier_size",
    "live_workers",
    "recover_dead_workers",
]

logger = logging.getLogger(__name__)

# Defaults of the distributed settings, applied by RedisAddon at "default" priority so
# that settings.py and `-s` win. (Also documented in docs/DISTRIBUTED.md.)
DEFAULTS: dict[str, Any] = {
    # A crawler closes after the whole shared frontier has been empty this long (0 = never).
    "MAX_IDLE_TIME_BEFORE_CLOSE": 60,
    # A crawler silent this long is dead: its in-flight requests go back on the queue.
    "REDIS_LEASE_SECONDS": 30.0,
    # How often a crawler refreshes its heartbeat and looks for work its peers queued (the
    # engine's own idle heartbeat is 5 s).
    "REDIS_POLL_INTERVAL": 0.5,
    "REDIS_START_URLS_KEY": "%(name)s:start_urls",
    "SCHEDULER_QUEUE_KEY": "%(spider)s:requests",
    "SCHEDULER_DUPEFILTER_KEY": "%(spider)s:dupefilter",
}

# --- Redis keys ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Keys:
    """Every Redis key of one spider's shared crawl."""

    spider: str
    start_urls: str  # list of JSON start entries ({"url", "meta", "headers", ...})
    requests: str  # sorted set of pickled requests (scrapy-redis PriorityQueue)
    dupefilter: str  # set of request fingerprints
    items: str  # list of JSON events for the writer
    sources: str  # hash: source name -> JSON source definition and walk state
    crawl: str  # hash: crawl-wide options (full), set by `scrapy push`
    walks: str  # hash: per source, listing walks pushed / ended / broken
    workers: str  # set of crawler ids that may hold leases
    health: str  # hash: the crawl's summed counters (crawlers' stats, writer's outcomes)

    @classmethod
    def from_settings(cls, settings: BaseSettings, spider: str = "ward_news") -> Keys:
        """The keys named by the settings: 'ward_news:requests', 'ward_news:items'..."""

        def get(name: str) -> str:
            return settings.get(name) or DEFAULTS.get(name) or ""

        return cls(
            spider=spider,
            start_urls=get("REDIS_START_URLS_KEY") % {"name": spider},
            requests=get("SCHEDULER_QUEUE_KEY") % {"spider": spider},
            dupefilter=get("SCHEDULER_DUPEFILTER_KEY") % {"spider": spider},
            items=(settings.get("REDIS_ITEMS_KEY") or "%(spider)s:items") % {"spider": spider},
            sources=f"{spider}:sources",
            crawl=f"{spider}:crawl",
            walks=f"{spider}:walks",
            workers=f"{spider}:workers",
            health=f"{spider}:health",
        )

    def heartbeat(self, worker: str) -> str:
        """The key that exists while crawler `worker` is alive."""
        return f"{self.spider}:worker:{worker}"

    def leases(self, worker: str) -> str:
        """Hash of the requests crawler `worker` has taken and not finished."""
        return f"{self.spider}:leases:{worker}"


def fingerprint(url: str, method: str = "GET") -> str:
    """The dupefilter's fingerprint of a plain request to `url` (what `--fresh` pre-seeds)."""
    return RFPDupeFilter(None, "").request_fingerprint(Request(url, method=method))


# --- Lua: the multi-key steps that must not be cut in half by a crash ------------------------

# KEYS: dupefilter, queue. ARGV: fingerprint, score, data, dont_filter (0/1).
_ENQUEUE = """
if ARGV[4] == '0' and redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""
# KEYS: queue, lease hash. ARGV: lease id. The lease field is "<score>:<id>" so that
# recovery can put the request back with its priority without unpickling it.
_POP_AND_LEASE = """
local top = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #top == 0 then return false end
redis.call('ZREM', KEYS[1], top[1])
local field = top[2] .. ':' .. ARGV[1]
redis.call('HSET', KEYS[2], field, top[1])
return {top[1], field}
"""
# KEYS: lease hash, queue, workers set, heartbeat. ARGV: worker id.
# Returns the number of requests put back, or -1 when the worker is alive after all.
_REQUEUE_LEASES = """
if redis.call('EXISTS', KEYS[4]) == 1 then return -1 end
local leased = redis.call('HGETALL', KEYS[1])
for i = 1, #leased, 2 do
  local score = string.match(leased[i], '^(.-):[^:]*$')
  redis.call('ZADD', KEYS[2], score, leased[i + 1])
end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[3], ARGV[1])
return #leased / 2
"""
# KEYS: walks hash. ARGV: source, complete (0/1). 1 when this was the last walk of the
# source pushed in this crawl, and every one of them reached the listing's end.
_WALK_ENDED = """
if ARGV[2] == '0' then redis.call('HSET', KEYS[1], ARGV[1] .. ':broken', 1) end
local ended = redis.call('HINCRBY', KEYS[1], ARGV[1] .. ':ended', 1)
local pushed = tonumber(redis.call('HGET', KEYS[1], ARGV[1] .. ':pushed') or '0')
if ended == pushed and redis.call('HEXISTS', KEYS[1], ARGV[1] .. ':broken') == 0 then
  return 1
end
return 0
"""


def as_text(value: Any) -> str:
    """A Redis reply as text: bytes decoded (UTF-8), anything else as str()."""
    return value.decode() if isinstance(value, bytes) else str(value)


def recover_dead_workers(server: Any, keys: Keys) -> int:
    """Put the leased requests of every crawler whose heartbeat expired back on the queue."""
    script = server.register_script(_REQUEUE_LEASES)
    recovered = 0
    for raw in server.smembers(keys.workers):
        worker = as_text(raw)
        n = script(
            keys=[keys.leases(worker), keys.requests, keys.workers, keys.heartbeat(worker)],
            args=[worker],
        )
        if n and n > 0:
            logger.warning(
                "crawler %s is gone: %d of its requests put back on the queue", worker, n
            )
            recovered += n
    return recovered


def live_workers(server: Any, keys: Keys) -> list[str]:
    """Ids of the crawlers whose heartbeat is alive."""
    workers = sorted(as_text(w) for w in server.smembers(keys.workers))
    with server.pipeline(transaction=False) as pipe:
        for worker in workers:
            pipe.exists(keys.heartbeat(worker))
        alive = pipe.execute()
    return [w for w, up in zip(workers, alive, strict=True) if up]


def frontier_size(server: Any, keys: Keys) -> dict[str, int]:
    """How much work the shared crawl has left: start entries, queued and leased requests."""
    workers = [as_text(w) for w in server.smembers(keys.workers)]
    with server.pipeline(transaction=False) as pipe:
        pipe.llen(keys.start_urls)
        pipe.zcard(keys.requests)
        for worker in workers:
            pipe.hlen(keys.leases(worker))
        start, queued, *leased = pipe.execute()
    return {"start": start, "queued": queued, "leased": sum(leased)}


# --- the shared counters of the crawl's verdict -----------------------------------------------

# The stats a crawler adds to the shared crawl's counters (integers only): what the health
# check and the crawl_runs row read.
SHARED_STATS = (
    "source/",
    "errors/",
    "crawl/",
    "downloader/response_count",
    "downloader/response_status_count/",
    "item_scraped_count",
)


class SharedCounters:
    """A crawler's stats, added to `keys.health` as they grow (HINCRBY of the increments).

    `queue(pipe)` puts the increments since the last commit on a Redis pipeline; once the
    pipeline has run, `commit(delta)` makes them the new base. A crawler also counts its
    pages under `crawler/<id>/pages` (which crawlers took part, on which hosts).
    """

    def __init__(self, stats: Any, key: str, worker: str):
        self.stats = stats
        self.key = key
        self.worker = worker
        self.sent: dict[str, int] = {}

    def delta(self) -> dict[str, int]:
        changed = {}
        for name, value in self.stats.get_stats().items():
            if (
                isinstance(value, int)
                and not isinstance(value, bool)
                and name.startswith(SHARED_STATS)
                and value != self.sent.get(name, 0)
            ):
                changed[name] = value - self.sent.get(name, 0)
        return changed

    def queue(self, pipe: Any) -> dict[str, int]:
        delta = self.delta()
        for name, n in delta.items():
            pipe.hincrby(self.key, name, n)
        pages = delta.get("downloader/response_count", 0)
        pipe.hincrby(self.key, f"crawler/{self.worker}/pages", pages)
        return delta

    def commit(self, delta: dict[str, int]) -> None:
        for name, n in delta.items():
            self.sent[name] = self.sent.get(name, 0) + n


def crawler_hosts(counters: dict[str, int]) -> list[str]:
    """Hosts of the crawlers that added to a shared crawl's counters."""
    workers = {k.split("/")[1] for k in counters if k.startswith("crawler/")}
    return sorted({w.rsplit(":", 2)[0] for w in workers})


# --- the add-on -----------------------------------------------------------------------------


class RedisAddon:
    """Scrapy add-on: when REDIS_URL is set, switch scheduler, dupefilter and pipelines.

    Add-ons run after settings.py and the spider's custom_settings are merged, so the
    "spider" priority used here beats settings.py ("project") while `-s` ("cmdline")
    still beats us.
    """

    def update_settings(self, settings: Any) -> None:
        if not settings.get("REDIS_URL"):
            return
        settings.set("SCHEDULER", "wardnews.distributed.LeasedScheduler", priority="spider")
        settings.set("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter", priority="spider")
        settings.set("SCHEDULER_PERSIST", True, priority="spider")
        # Items leave the crawler raw; the writer normalises them (one writer, in order).
        settings.set(
            "ITEM_PIPELINES", {"wardnews.distributed.RedisEventPipeline": 800}, priority="spider"
        )
        for name, value in DEFAULTS.items():
            settings.set(name, value, priority="default")


# --- items ----------------------------------------------------------------------------------


class RedisEventPipeline(RedisPipeline):
    """scrapy-redis' RedisPipeline, pushing each item as it comes, in the reactor thread.

    The parent pushes from a thread pool (deferToThread), so items of one crawler may
    overtake each other and the captures the WARC middleware pushes directly; it also uses
    the spider argument and Deferred results that Scrapy 2.19 deprecates. One RPUSH on a
    local network costs well under a millisecond. Text stays UTF-8 (no \\u escapes).
    """

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisEventPipeline:
        pipeline = cls.from_settings(crawler.settings)
        pipeline.serialize = ScrapyJSONEncoder(ensure_ascii=False).encode
        pipeline.key = pipeline.key % {"spider": crawler.spidercls.name}
        return pipeline

    def process_item(self, item: Any) -> Any:  # type: ignore[override]
        self.server.rpush(self.key, self.serialize(item))
        return item


# --- the scheduler --------------------------------------------------------------------------


class LeasedScheduler(Scheduler):
    """scrapy-redis' Scheduler with leases, an atomic enqueue and a heartbeat."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LeasedScheduler:
        scheduler = cls.from_settings(crawler.settings)
        scheduler.stats = crawler.stats
        scheduler.crawler = crawler
        settings = crawler.settings
        scheduler.lease_ms = int(
            1000 * settings.getfloat("REDIS_LEASE_SECONDS", DEFAULTS["REDIS_LEASE_SECONDS"])
        )
        scheduler.poll = settings.getfloat("REDIS_POLL_INTERVAL", DEFAULTS["REDIS_POLL_INTERVAL"])
        scheduler.keys = Keys.from_settings(settings, crawler.spidercls.name)
        host = socket.gethostname()
        scheduler.worker = f"{host}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        scheduler.counters = SharedCounters(crawler.stats, scheduler.keys.health, scheduler.worker)
        return scheduler

    def open(self, spider: Any) -> None:
        self.spider = spider
        self.queue = load_object(self.queue_cls)(
            server=self.server,
            spider=spider,
            key=self.queue_key % {"spider": spider.name},
            serializer=self.serializer,
        )
        if not self.df:
            self.df = load_object(self.dupefilter_cls).from_spider(spider)
        if self.flush_on_start:
            self.flush()
        self._enqueue = self.server.register_script(_ENQUEUE)
        self._pop = self.server.register_script(_POP_AND_LEASE)
        self._requeue = self.server.register_script(_REQUEUE_LEASES)
        self._leases: dict[Request, str] = {}
        self._seq = 0
        self._ticks = 0
        self._beat()
        recovered = recover_dead_workers(self.server, self.keys)
        queued = len(self.queue)
        logger.info(
            "crawler %s joined the shared crawl on %s (%d requests queued%s)",
            self.worker,
            self.keys.requests,
            queued,
            f", {recovered} recovered from dead crawlers" if recovered else "",
        )
        self._loop = task.LoopingCall(self._tick)
        self._loop.start(self.poll, now=False)

    def close(self, reason: str) -> None:
        if getattr(self, "_loop", None) is not None and self._loop.running:
            self._loop.stop()
        self._release_finished()
        self._share_counters()
        # Whatever is still leased was cut short (shutdown): it goes back on the queue.
        self.server.delete(self.keys.heartbeat(self.worker))
        back = self._requeue(
            keys=[
                self.keys.leases(self.worker),
                self.keys.requests,
                self.keys.workers,
                self.keys.heartbeat(self.worker),
            ],
            args=[self.worker],
        )
        if back and back > 0:
            logger.info("%d unfinished requests put back on the shared queue", back)
        if not self.persist:
            self.flush()

    def enqueue_request(self, request: Request) -> bool:
        fp = self.df.request_fingerprint(request)
        data = self.queue._encode_request(request)
        added = self._enqueue(
            keys=[self.df.key, self.queue.key],
            args=[fp, -request.priority, data, int(request.dont_filter)],
        )
        if not added:
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        self._release_finished()
        self._seq += 1
        popped = self._pop(
            keys=[self.queue.key, self.keys.leases(self.worker)], args=[f"{self._seq}"]
        )
        if not popped:
            return None
        data, field = popped
        request = self.queue._decode_request(data)
        self._leases[request] = as_text(field)
        if self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        # The engine asks this before declaring itself idle: release what is finished
        # first, so that peers do not wait on leases of work already done.
        self._release_finished()
        return len(self) > 0

    # --- leases ------------------------------------------------------------------------
    def _in_progress(self) -> set[Request] | None:
        # The engine keeps each request in its slot from download until its callback's
        # output has been processed (items through the pipelines, new requests queued);
        # Scrapy's own engine-status report reads the same set. It even waits for that set
        # to empty before closing the scheduler.
        slot = getattr(self.crawler.engine, "_slot", None)
        return slot.inprogress if slot is not None else None

    def _release_finished(self) -> None:
        busy = self._in_progress() if self._leases else None
        if busy is None:  # nothing leased, or no engine to ask: keep every lease
            return
        done = [r for r in self._leases if r not in busy]
        if done:
            # The counters of finished work go to the crawl's verdict with their leases, in
            # one transaction: a crawler killed afterwards has counted what it let go, and
            # what it still held is done (and counted) again by another.
            fields = [self._leases.pop(r) for r in done]
            with self.server.pipeline() as pipe:
                delta = self.counters.queue(pipe)
                pipe.hdel(self.keys.leases(self.worker), *fields)
                pipe.execute()
            self.counters.commit(delta)

    def _share_counters(self) -> None:
        """Add the counters that grew outside leased work (robots.txt...) to the verdict's."""
        if self.counters.delta():
            with self.server.pipeline() as pipe:
                delta = self.counters.queue(pipe)
                pipe.execute()
            self.counters.commit(delta)

    def _beat(self) -> None:
        with self.server.pipeline(transaction=False) as pipe:
            pipe.set(self.keys.heartbeat(self.worker), int(time.time()), px=self.lease_ms)
            pipe.sadd(self.keys.workers, self.worker)
            pipe.execute()

    def _tick(self) -> None:
        """Heartbeat, release finished leases, recover the dead, wake the engine for work."""
        try:
            self._beat()
            self._release_finished()
            if not self._leases:  # else a request half done would be counted, then redone
                self._share_counters()
            self._ticks += 1
            if self._ticks * self.poll * 1000 >= self.lease_ms / 2:
                self._ticks = 0
                recover_dead_workers(self.server, self.keys)
            # With room to spare, make the engine look at the shared queue now (and, when it
            # is idle, run spider_idle): its own heartbeat comes only every 5 s.
            engine = self.crawler.engine
            slot = getattr(engine, "_slot", None)
            if slot is not None and not engine.needs_backout():
                slot.nextcall.schedule()
        except Exception:  # a Redis hiccup must not kill the loop (and the heartbeat)
            logger.exception("distributed heartbeat failed")


# --- sources shared through Redis -----------------------------------------------------------

_SOURCE_FIELDS = {f.name for f in fields(Source)}


class RedisSources(dict):
    """Source definitions of the shared crawl, read on demand from Redis.

    `scrapy push` writes them (with the walk state of each from archive.db). A source is
    read on first lookup (`sources[name]`, `sources.get(name)`) and kept: iterating gives
    the sources this crawler has met, whose hosts are the ones it may fetch robots.txt
    from. `retire()` empties the mapping when the crawler is done: it has seen only part
    of each source, so the per-source health verdicts are not its to make.
    """

    def __init__(self, server: Any, key: str):
        super().__init__()
        self._server = server
        self._key = key
        self._cache: dict[str, tuple[Source, dict[str, Any]]] = {}
        self._retired = False

    def _load(self, name: str) -> tuple[Source, dict[str, Any]] | None:
        if name not in self._cache:
            raw = self._server.hget(self._key, name)
            if raw is None:
                return None
            entry = json.loads(raw)
            source = Source(**{k: v for k, v in entry.items() if k in _SOURCE_FIELDS})
            state = {k: v for k, v in entry.items() if k not in _SOURCE_FIELDS}
            self._cache[name] = (source, state)
        return self._cache[name]

    def __missing__(self, name: str) -> Source:
        found = self._load(name)
        if found is None:
            raise KeyError(name)
        if not self._retired:
            self[name] = found[0]
        return found[0]

    def retire(self) -> None:
        """Forget the sources met (lookups still work): the crawler is closing."""
        self._retired = True
        self.clear()

    def get(self, name: str, default: Any = None) -> Any:  # type: ignore[override]
        try:
            return self[name]
        except KeyError:
            return default

    def state(self, name: str) -> dict[str, Any]:
        """The walk state `scrapy push` read from archive.db: {'walk_complete_at': ...}."""
        found = self._load(name)
        return dict(found[1]) if found else {}

    def register(
        self, source: Source, state: dict[str, Any] | None = None, replace: bool = True
    ) -> None:
        """Publish a source definition to every crawler of the shared crawl."""
        entry = json.dumps({**asdict(source), **(state or {})}, ensure_ascii=False)
        if replace:
            self._server.hset(self._key, source.name, entry)
        else:
            self._server.hsetnx(self._key, source.name, entry)
        self._cache.pop(source.name, None)
        self.pop(source.name, None)


def _tuples(value: Any) -> Any:
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


class SharedShapes(dict):
    """A crawler's `known_shapes`: the URL shapes of each source's archived articles, as
    `scrapy push` published them with the source (a crawler has no archive to read)."""

    def __init__(self, sources: RedisSources):
        super().__init__()
        self._sources = sources

    def __missing__(self, name: str) -> set[tuple]:
        shapes = {_tuples(s) for s in self._sources.state(name).get("known_shapes") or ()}
        self[name] = shapes
        return shapes

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and bool(self[name])

    def get(self, name: str, default: Any = None) -> Any:  # type: ignore[override]
        return self[name] or default


# --- the spider's half ----------------------------------------------------------------------


class DistributedSpiderMixin(RedisMixin):
    """Start requests from Redis (RedisMixin), rebuilt as our own requests; shared idleness.

    Inert until `setup_distributed()` is called (the spider calls it when REDIS_URL is set).
    """

    distributed = False

    def setup_distributed(self, crawler: Crawler) -> None:
        """Connect to Redis, read start entries from it when idle; sources from the registry."""
        settings = crawler.settings
        if getattr(self, "arg_urls", None) or getattr(self, "arg_source", None):
            self.logger.warning(
                "distributed crawler: -a url/source are ignored; what to"
                " crawl is queued with `scrapy push -a ...`"
            )
        self.max_idle_time = 0  # RedisMixin's own idle clock is not used (see spider_idle)
        self.setup_redis(crawler)
        self.keys = Keys.from_settings(settings, self.name)
        self.sources = RedisSources(self.server, self.keys.sources)
        self.known_shapes = SharedShapes(self.sources)
        self.listed = defaultdict(set)
        self.close_after_idle = settings.getfloat(
            "MAX_IDLE_TIME_BEFORE_CLOSE", DEFAULTS["MAX_IDLE_TIME_BEFORE_CLOSE"]
        )
        self._idle_since: float | None = None
        self._configured: dict[str, Source] | None = None
        self._walk_ended = self.server.register_script(_WALK_ENDED)
        self._read_crawl_options()
        crawler.signals.connect(self._busy, signal=signals.request_reached_downloader)

    def _busy(self, *_: Any, **__: Any) -> None:
        self._idle_since = None

    def _read_crawl_options(self) -> dict[bytes, bytes]:
        options = self.server.hgetall(self.keys.crawl)
        self.full = self.full or options.get(b"full") == b"1"
        return options

    def shared_crawl_id(self) -> str | None:
        """The crawl_runs id of the shared crawl (`scrapy push` sets it), if pushed yet."""
        found = self.server.hget(self.keys.crawl, "id")
        return as_text(found) if found else None

    def shared_walk_state(self, source: str) -> dict[str, Any]:
        """The walk state of a source as `scrapy push` read it from the archive."""
        return self.sources.state(source)

    def shared_walk_ended(self, source: str, complete: bool) -> None:
        """One listing walk of a source ended here; the last one to end tells the archive.

        Locally, finalize() records walk_complete_at when every walk of a source reached
        the end of its listing; in a shared crawl the walks end in different crawlers, so
        they are counted in Redis (`scrapy push` counts the walks it starts).
        """
        if self._walk_ended(keys=[self.keys.walks], args=[source, int(complete)]):
            self.sink_event("source", {"name": source, "walk_complete_at": utc_now()})

    def seen_urls(self, urls: list[str]) -> set[str]:
        """Those of `urls` whose article request is already in the shared dupefilter."""
        if not urls:
            return set()
        flags = self.server.smismember(self.keys.dupefilter, [fingerprint(u) for u in urls])
        return {url for url, seen in zip(urls, flags, strict=True) if seen}

    # --- start entries ------------------------------------------------------------------
    def next_requests(self) -> Iterator[Request]:
        """Pop a batch of start entries and rebuild them (RedisMixin's, without a log line each)."""
        for data in self.fetch_data(self.redis_key, self.redis_batch_size):
            request = self.make_request_from_data(data)
            if request is not None:
                yield request

    def make_request_from_data(self, data: bytes | str) -> Request | None:
        """A start entry {"url", "meta": {"kind", "source", ...}, "headers"} -> our Request.

        Entries come from `scrapy push`; a bare URL (or {"url": ...}) pushed by hand is
        taken as a listing of its configured source, or of an ad-hoc one.
        """
        text = data.decode(self.redis_encoding) if isinstance(data, bytes) else data
        try:
            entry = json.loads(text) if text.lstrip().startswith("{") else {"url": text.strip()}
        except ValueError:
            self.logger.warning("unreadable start entry skipped: %r", text[:200])
            return None
        url = entry.get("url")
        if not url:
            self.logger.warning("start entry without a url skipped: %r", text[:200])
            return None
        meta = dict(entry.get("meta") or {})
        source = meta.get("source") or self._share_source_of(url)
        kind = meta.get("kind", "listing")
        if kind == "listing":
            page = int(meta.get("page", 1))
            request = self._listing_request(
                url,
                source,
                page=page,
                root=meta.get("root", url),
                first=page == 1,
                dry=int(meta.get("dry", 0)),
            )
        elif kind == "article":
            request = self._article_request(
                url,
                source,
                meta.get("listing_url"),
                meta.get("category"),
                recheck=bool(meta.get("recheck")),
            )
        else:
            self.logger.warning("start entry of unknown kind %r skipped: %s", kind, url)
            return None
        # What the builders do not set travels as is (e.g. `adhoc`, see `scrapy push`).
        extra = {k: v for k, v in meta.items() if k not in request.meta}
        changes: dict[str, Any] = {"meta": {**request.meta, **extra}} if extra else {}
        if entry.get("headers"):
            changes["headers"] = {**dict(request.headers.to_unicode_dict()), **entry["headers"]}
        if "dont_filter" in entry:
            changes["dont_filter"] = bool(entry["dont_filter"])
        if "priority" in entry:
            changes["priority"] = int(entry["priority"])
        return request.replace(**changes) if changes else request

    def _share_source_of(self, url: str) -> str:
        if self._configured is None:
            self._configured = load_sources(self.crawler.settings["SOURCES_FILE"])
        source = source_for_url(url, self._configured) or adhoc_source([url])
        self.sources.register(source, replace=False)
        return source.name

    def schedule_next_requests(self) -> int:  # type: ignore[override]
        """Queue every start entry waiting in Redis (straight into the shared queue)."""
        n = 0
        for request in self.next_requests():
            self.crawler.engine.crawl(request)
            n += 1
        return n

    def spider_idle(self) -> None:
        """Idle: take start entries; stay while anyone has work; close after a quiet spell."""
        options = self._read_crawl_options()
        if options.get(b"id"):  # pushed after this crawler started: rows belong to its run
            self.crawler.stats.set_value("crawl/run_id", options[b"id"].decode())
        pulled = self.schedule_next_requests()
        recovered = recover_dead_workers(self.server, self.keys)
        left = frontier_size(self.server, self.keys)
        if pulled or recovered or any(left.values()):
            self._idle_since = None
            raise DontCloseSpider
        now = time.monotonic()
        if self._idle_since is None:
            self._idle_since = now
        if self.close_after_idle > 0 and now - self._idle_since >= self.close_after_idle:
            self.sources.retire()
            self.logger.info(
                "shared crawl has had nothing to do for %.0f s: closing", now - self._idle_since
            )
            return
        raise DontCloseSpider
