"""The single writer of distributed mode: drain the Redis queue into archive.db, in order.

Every event a crawler pushed (raw articles, captures, failures, runs...) goes through the
same normalisation (pipelines.normalize) and storage (pipelines.storage.apply_event) as in
a local crawl.
"""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from typing import Any

from pipelines.normalize import normalize_article
from pipelines.storage import apply_event
from wardnews.store import ArchiveStore

__all__ = ["drain"]

logger = logging.getLogger(__name__)


def drain(store: ArchiveStore, server: Any, key: str, until_empty: bool = True,
          idle_seconds: float = 5.0, max_events: int | None = None) -> Counter:
    """Apply queued events until the queue stays empty for `idle_seconds` (or forever)."""
    counts: Counter = Counter()
    idle_since = time.monotonic()
    while max_events is None or sum(counts.values()) < max_events:
        popped = server.blpop([key], timeout=1)
        if popped is None:
            store.flush()
            if until_empty and time.monotonic() - idle_since >= idle_seconds:
                break
            continue
        idle_since = time.monotonic()
        try:
            event = json.loads(popped[1])
        except (TypeError, ValueError) as exc:
            logger.error("writer: unreadable event skipped: %r (%s)", popped[1][:200], exc)
            counts["unreadable"] += 1
            continue
        kind = event.get("_kind") or "article"
        if kind == "article":
            event = {"_kind": "article", **normalize_article(event), "_raw": event}
        outcome = apply_event(store, event)
        counts[kind] += 1
        if outcome:
            counts[f"article_{outcome}"] += 1
    store.flush()
    return counts
