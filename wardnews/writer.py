"""The single writer of distributed mode: drain the Redis queue into archive.db, in order.

Every event a crawler pushed (raw articles, captures, failures, runs, sources...) goes
through the same normalisation (pipelines.normalize) and storage
(pipelines.storage.apply_event) as in a local crawl.

Nothing is lost when the writer is killed: a batch is moved (atomically) from the queue
to a processing list, applied, committed, and only then dropped. A writer that starts
and finds a processing list applies it again first; applying an event twice is harmless
(captures are keyed by record id, an article seen twice is "unchanged", runs and sources
are upserts).

With `health_key`, what was stored is also counted per source (new, changed, items, field
coverage: the counts a local crawl's StoragePipeline keeps) into that Redis hash, in the
transaction that drops the applied batch: the crawl's verdict reads them
(wardnews.health.judge_shared_crawl).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from pipelines.normalize import normalize_article
from pipelines.storage import apply_event, count_item
from wardnews.store import ArchiveStore

__all__ = ["WriterLock", "WriterBusy", "apply_raw", "drain", "normalized"]

logger = logging.getLogger(__name__)

# KEYS: queue, processing. ARGV: batch size. Move up to N events, oldest first.
_TAKE_BATCH = """
local events = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)
if #events > 0 then
  redis.call('LTRIM', KEYS[1], #events, -1)
  redis.call('RPUSH', KEYS[2], unpack(events))
end
return events
"""


class WriterBusy(RuntimeError):
    """Another writer holds the queue."""


class WriterLock:
    """One writer per queue: a Redis key with a time-to-live, refreshed while draining."""

    def __init__(self, server: Any, key: str, ttl_seconds: float = 15.0):
        self.server = server
        self.key = f"{key}:writer"
        self.ttl_ms = int(ttl_seconds * 1000)
        self.owner = f"{socket.gethostname()}:{os.getpid()}"

    def acquire(self) -> None:
        """Take the lock or raise WriterBusy naming the holder."""
        if not self.server.set(self.key, self.owner, nx=True, px=self.ttl_ms):
            holder = self.server.get(self.key)
            raise WriterBusy(
                f"another writer is draining this queue: {holder!r}"
                f" (the lock expires {self.ttl_ms / 1000:.0f} s after it stops)"
            )

    def refresh(self) -> None:
        """Extend the lock (call at least every ttl/2)."""
        self.server.set(self.key, self.owner, px=self.ttl_ms)

    def release(self) -> None:
        """Give the lock up, if it is still ours."""
        if self.server.get(self.key) == self.owner.encode():
            self.server.delete(self.key)


class Tally(Counter):
    """Stats-like counts (inc_value) of what the writer stored, for the crawl's verdict."""

    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None:
        self[key] += count


def normalized(event: dict[str, Any]) -> dict[str, Any]:
    """A record as a crawler sent it, with a raw article normalised (kept under '_raw')."""
    if (event.get("_kind") or "article") == "article":
        return {"_kind": "article", **normalize_article(event), "_raw": event}
    return event


def apply_raw(
    store: ArchiveStore, raw: bytes | str, counts: Counter, tally: Tally | None = None
) -> None:
    """Apply one queued JSON event; count what happened ('article', 'article_new'...).

    `tally` gets the per-source stats a local crawl's StoragePipeline counts.
    """
    event = normalized(json.loads(raw))
    kind = event["_kind"]
    outcome = apply_event(store, event)
    counts[kind] += 1
    if outcome:
        counts[f"article_{outcome}"] += 1
    if tally is not None:
        count_item(tally, event, outcome)


def _apply_batch(
    store: ArchiveStore,
    server: Any,
    dead_key: str,
    events: list[bytes],
    counts: Counter,
    tally: Tally | None = None,
) -> None:
    for raw in events:
        try:
            apply_raw(store, raw, counts, tally)
        except Exception as exc:  # one bad event must not stop the archive
            logger.error("writer: event set aside in %s: %r (%r)", dead_key, raw[:200], exc)
            server.rpush(dead_key, raw)
            counts["failed"] += 1


def drain(
    store: ArchiveStore,
    server: Any,
    key: str,
    until_empty: bool = True,
    idle_seconds: float = 5.0,
    max_events: int | None = None,
    batch: int = 500,
    lock: WriterLock | None = None,
    stop: Any = None,
    busy: Callable[[], bool] | None = None,
    progress_seconds: float = 30.0,
    health_key: str | None = None,
) -> Counter:
    """Apply queued events until the queue stays empty for `idle_seconds` (or for ever).

    With `busy` (e.g. "a crawler is still alive"), an empty queue counts as idle only
    while busy() is false. `stop` (anything with is_set(), e.g. a threading.Event) ends
    the loop after the batch in hand. Returns counts by event kind, plus 'article_new'...
    With `health_key`, per-source counts of what was stored are added to that hash.
    """
    processing, dead = f"{key}:processing", f"{key}:failed"
    take = server.register_script(_TAKE_BATCH)
    counts: Counter = Counter()
    tally = Tally() if health_key else None

    def done() -> None:
        """The batch is committed: drop it, and add its counts to the verdict's, at once."""
        with server.pipeline() as pipe:
            for name, n in (tally or {}).items():
                pipe.hincrby(health_key, name, n)
            pipe.delete(processing)
            pipe.execute()
        if tally is not None:
            tally.clear()

    leftover = server.lrange(processing, 0, -1)
    if leftover:
        logger.warning("writer: applying again %d events a stopped writer had taken", len(leftover))
        _apply_batch(store, server, dead, leftover, counts, tally)
        store.flush()
        done()
    idle_since = last_report = time.monotonic()
    while not (stop is not None and stop.is_set()):
        if lock is not None:
            lock.refresh()
        room = batch if max_events is None else min(batch, max_events - counts.total())
        if room <= 0:
            break
        events = take(keys=[key, processing], args=[room])
        if not events:
            if until_empty and time.monotonic() - idle_since >= idle_seconds:
                if busy is None or not busy():
                    break
                idle_since = time.monotonic()  # crawlers at work: wait for their events
            # Block (briefly) for the next event rather than spin.
            wait = min(1.0, max(0.05, idle_seconds)) if until_empty else 1.0
            first = server.blmove(key, processing, wait, "LEFT", "RIGHT")
            if first is None:
                continue
            events = [first]
        idle_since = time.monotonic()
        _apply_batch(store, server, dead, events, counts, tally)
        store.flush()  # committed: the batch can go
        done()
        if progress_seconds and time.monotonic() - last_report >= progress_seconds:
            last_report = time.monotonic()
            logger.info("writer: %s", _summary(counts))
    store.flush()
    return counts


def _summary(counts: Counter) -> str:
    return ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "nothing"
