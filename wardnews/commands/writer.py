"""`scrapy writer`: the single writer of a distributed crawl (Redis queue -> archive.db).

With --until-empty, once the crawl is over and its events are written, it also makes the
crawl's verdict (the per-source health check of a local crawl, over every crawler's
counters), stores it in crawl_runs / run_sources and exits 3 when a source is broken.
"""

from __future__ import annotations

import argparse
import logging
import signal
import threading
import time
from collections.abc import Callable
from typing import Any

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from scrapy.utils.log import configure_logging
from scrapy_redis.connection import get_redis_from_settings

from wardnews.commands.crawl import EXIT_BROKEN
from wardnews.distributed import Keys, frontier_size, live_workers
from wardnews.health import Limits, judge_shared_crawl
from wardnews.store import ArchiveStore
from wardnews.writer import WriterBusy, WriterLock, _summary, drain

__all__ = ["Command"]

logger = logging.getLogger(__name__)


def crawl_going_on(server: Any, keys: Keys) -> Callable[[], bool]:
    """busy() for drain: work queued or in hand, or a crawler alive (logs a stalled crawl)."""
    warned = [0.0]

    def busy() -> bool:
        left, alive = frontier_size(server, keys), live_workers(server, keys)
        if any(left.values()) and not alive and time.monotonic() - warned[0] > 30:
            warned[0] = time.monotonic()
            logger.warning(
                "writer: waiting for crawlers: %(start)d start entries, %(queued)d requests"
                " queued, %(leased)d in the hands of dead crawlers, and no crawler alive",
                left,
            )
        return bool(alive) or any(left.values())

    return busy


class Command(ScrapyCommand):
    """Drain `ward_news:items` into ARCHIVE_DB, continuously or until the queue stays empty."""

    requires_project = True
    requires_crawler_process = False

    def syntax(self) -> str:
        return "[--until-empty] [--idle SECONDS]"

    def short_desc(self) -> str:
        return "Write a distributed crawl's queued items into archive.db (run exactly one)"

    def long_desc(self) -> str:
        return (
            "Drain the Redis queue that `scrapy crawl ward_news -s REDIS_URL=...` processes"
            " fill (articles, captures, failures, crawl runs) into the archive named by"
            " ARCHIVE_DB, through the same normalisation and storage as a local crawl."
            " Runs until stopped (SIGINT/SIGTERM finish the batch in hand), or with"
            " --until-empty until the shared crawl is over (no start request or request"
            " queued, no crawler alive) and the queue has stayed empty for --idle seconds;"
            " then it judges the crawl as a local crawl is judged (crawl_runs, run_sources)"
            " and exits 3 when a source is broken."
        )

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument(
            "--until-empty",
            action="store_true",
            help="stop once the crawl is over (nothing queued, no crawler"
            " alive) and the queue has stayed empty for --idle seconds; then judge the"
            " crawl (exit 3 when a source is broken)",
        )
        parser.add_argument(
            "--idle",
            type=float,
            default=5.0,
            metavar="SECONDS",
            help="with --until-empty: how long the queue must stay empty (default: 5)",
        )
        parser.add_argument(
            "--batch",
            type=int,
            default=500,
            metavar="N",
            help="events per transaction (default: 500)",
        )

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if args:
            raise UsageError("scrapy writer takes no positional arguments")
        settings = self.settings
        assert settings is not None
        if not settings.get("REDIS_URL"):
            raise UsageError(
                "no queue to drain: give -s REDIS_URL=redis://HOST:PORT", print_help=False
            )
        configure_logging(settings)
        server = get_redis_from_settings(settings)
        keys = Keys.from_settings(settings)
        lock = WriterLock(server, keys.items)
        try:
            lock.acquire()
        except WriterBusy as exc:
            print(f"scrapy writer: {exc}")
            self.exitcode = 2
            return
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        store = ArchiveStore(
            settings["ARCHIVE_DB"],
            flush_items=settings.getint("ARCHIVE_FLUSH_ITEMS"),
            flush_seconds=settings.getfloat("ARCHIVE_FLUSH_SECONDS"),
        )
        started = time.monotonic()
        verdict = None
        try:
            counts = drain(
                store,
                server,
                keys.items,
                until_empty=opts.until_empty,
                idle_seconds=opts.idle,
                batch=opts.batch,
                lock=lock,
                stop=stop,
                busy=crawl_going_on(server, keys),
                health_key=keys.health,
            )
            if opts.until_empty and not stop.is_set():  # the crawl is over: judge it
                verdict = judge_shared_crawl(server, keys, Limits.from_settings(settings))
                if verdict is not None:
                    store.record_run(*verdict)
        finally:
            store.close()
            lock.release()
        print(
            f"scrapy writer: {counts.total()} events in {time.monotonic() - started:.1f} s"
            f" into {settings['ARCHIVE_DB']}: {_summary(counts)}"
        )
        if counts["failed"]:
            print(
                f"scrapy writer: {counts['failed']} events could not be applied;"
                f" they wait in {keys.items}:failed"
            )
            self.exitcode = 1
        if verdict is not None:
            run, _ = verdict
            if run["outcome"] == "ok":
                logger.info("crawl healthy: %s", run["id"])
                print(f"scrapy writer: crawl {run['id']} ok")
            else:
                logger.error("CRAWL BROKEN: %s", run["reason"])
                print(f"scrapy writer: crawl {run['id']} BROKEN: {run['reason']}")
                self.exitcode = EXIT_BROKEN
