"""`scrapy push`: plan a distributed crawl from archive.db and queue its start in Redis."""

from __future__ import annotations

import argparse
import json
import socket
from collections import Counter
from typing import Any

from scrapy import Request
from scrapy.commands import ScrapyCommand
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError
from scrapy.spiderloader import get_spider_loader
from scrapy.utils.conf import arglist_to_dict
from scrapy_redis.connection import get_redis_from_settings

from wardnews.distributed import Keys, RedisSources, as_text, fingerprint
from wardnews.health import new_run_id, run_row
from wardnews.warc import utc_now

__all__ = ["Command", "plan_start", "start_entry"]


class _Collect:
    """A sink that keeps the events the spider sends while planning (pushed later)."""

    distributed = True
    parses = False

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []

    def push(self, kind: str, payload: dict[str, Any]) -> None:
        self.events.append({"_kind": kind, **payload})


def start_entry(request: Request, adhoc: bool = False) -> dict[str, Any]:
    """A start request as the JSON crawlers read: {"url", "meta", "headers", ...}."""
    meta = {k: v for k, v in request.meta.items() if _jsonable(v)}
    if adhoc and meta.get("kind") == "listing" and meta.get("page") == 1:
        meta["adhoc"] = True  # crawlers check whether it is an article, as `-a url=` does
    return {
        "url": request.url,
        "meta": meta,
        "headers": dict(request.headers.to_unicode_dict()),
        "dont_filter": request.dont_filter,
        "priority": request.priority,
    }


def _jsonable(value: Any) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True


def plan_start(spidercls: type, settings: Any, spargs: dict[str, str]) -> dict[str, Any]:
    """The spider's own start of a crawl, planned from archive.db, nothing pushed yet.

    Returns {"entries": [...], "sources": {name: (Source, state)}, "seen": [urls],
    "events": [...], "full": bool, "counts": Counter}.
    """
    local = settings.copy()
    local.set("REDIS_URL", None, priority="cmdline")  # plan like a local crawl, from the archive
    # No log handler is installed: planning is quiet, warnings still reach stderr.
    crawler = Crawler(spidercls, local, init_reactor=True)
    crawler._apply_settings()
    spider = spidercls.from_crawler(crawler, **spargs)
    crawler.spider = spider
    collect = _Collect()
    spider.sink, spider.distributed = collect, True  # source rows go to the writer, via Redis
    counts: Counter = Counter()
    entries = []
    for request in spider._start_requests():
        entry = start_entry(request, adhoc=bool(spider.arg_urls))
        meta = entry["meta"]
        kind = (
            "listing"
            if meta.get("kind") == "listing"
            else "recheck"
            if meta.get("recheck")
            else "retry"
        )
        counts[kind] += 1
        entries.append(entry)
    # With each source, what the archive knows of it before the crawl: its walk state,
    # and the history its verdict is judged against (as CrawlHealth reads it locally).
    store = spider.store
    sources = {
        name: (
            source,
            {
                "walk_complete_at": store.source_state(name).get("walk_complete_at"),
                "had_articles": store.had_articles(name),
                "last_good_coverage": store.last_good_coverage(name),
                "known_shapes": sorted(spider.known_shapes.get(name, ())),
            },
        )
        for name, source in spider.sources.items()
    }
    seen: list[str] = []
    if not spider.full:
        # Archived articles are not fetched again from listings (as locally, where they are
        # known); those due for a re-check or a retry are pushed explicitly (dont_filter).
        for name in spider.sources:
            seen += store.article_urls(name, present_only=True, requested_too=True)
        seen += [e["url"] for e in entries if e["meta"].get("kind") == "article"]
    spider.store.close()
    return {
        "entries": entries,
        "sources": sources,
        "seen": seen,
        "events": collect.events,
        "full": spider.full,
        "counts": counts,
    }


class Command(ScrapyCommand):
    """Queue the start requests of a distributed crawl (REDIS_URL) for `scrapy crawl`."""

    requires_project = True
    requires_crawler_process = False

    def syntax(self) -> str:
        return "[-a source=NAME | -a url=URL[,URL...]] [-a full=1] [--fresh] [--dry-run]"

    def short_desc(self) -> str:
        return "Queue the start of a distributed crawl in Redis (run on the writer's machine)"

    def long_desc(self) -> str:
        return (
            "Plan a crawl like `scrapy crawl ward_news` would (same -a arguments): first"
            " listing pages, re-checks of articles due, retries of open failures, all read"
            " from ARCHIVE_DB; then queue them in Redis (REDIS_URL) for the crawlers. Articles"
            " already archived are marked as seen, so no crawler fetches them again."
            " --fresh starts a new crawl: the shared queue and seen-set are emptied first."
        )

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument(
            "-a",
            dest="spargs",
            action="append",
            default=[],
            metavar="NAME=VALUE",
            help="spider argument, as for scrapy crawl",
        )
        parser.add_argument(
            "--fresh",
            action="store_true",
            help="start a new crawl: empty the shared queue and seen-set first",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="print the start entries as JSON lines; push nothing",
        )

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        try:
            opts.spargs = arglist_to_dict(opts.spargs)
        except ValueError:
            raise UsageError("invalid -a value, use -a NAME=VALUE", print_help=False) from None

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if args:
            raise UsageError("scrapy push takes no positional arguments; use -a url=URL")
        settings = self.settings
        assert settings is not None
        if not settings.get("REDIS_URL") and not opts.dry_run:
            raise UsageError(
                "give -s REDIS_URL=redis://HOST:PORT (where crawlers share the crawl)",
                print_help=False,
            )
        spidercls = get_spider_loader(settings).load("ward_news")
        plan = plan_start(spidercls, settings, opts.spargs)
        if opts.dry_run:
            for entry in plan["entries"]:
                print(json.dumps(entry, ensure_ascii=False))
            return
        server = get_redis_from_settings(settings)
        keys = Keys.from_settings(settings, spidercls.name)
        if opts.fresh:
            alive = _clear_crawl(server, keys)
            if alive:
                print(
                    f"scrapy push: warning: {alive} crawler(s) still running; they go on"
                    " with the new crawl"
                )
        registry = RedisSources(server, keys.sources)
        for source, state in plan["sources"].values():
            registry.register(source, state)
        marked = _mark_seen(server, keys, plan["seen"])
        server.hset(keys.crawl, "full", "1" if plan["full"] else "0")
        run_id = _open_run(server, keys, plan)
        for entry in plan["entries"]:  # listing walks started, for their shared end
            if entry["meta"].get("kind") == "listing":
                server.hincrby(keys.walks, f"{entry['meta']['source']}:pushed", 1)
        with server.pipeline() as pipe:
            for event in plan["events"]:
                pipe.rpush(keys.items, json.dumps(event, ensure_ascii=False))
            for entry in plan["entries"]:  # last: crawlers may take them at once
                pipe.rpush(keys.start_urls, json.dumps(entry, ensure_ascii=False))
            pipe.execute()
        counts = plan["counts"]
        print(
            f"scrapy push: {len(plan['entries'])} start requests ({counts['listing']} listing"
            f" pages, {counts['recheck']} re-checks, {counts['retry']} retries) of"
            f" {len(plan['sources'])} source(s) queued in {keys.start_urls}"
            f" (crawl run {run_id})"
        )
        print(
            f"scrapy push: {marked} archived articles newly marked as seen in"
            f" {keys.dupefilter}"
            + (" (new crawl: queue and seen-set emptied first)" if opts.fresh else "")
        )


def _clear_crawl(server: Any, keys: Keys) -> int:
    """Forget the previous shared crawl (not the items queue); return live crawlers."""
    workers = [as_text(w) for w in server.smembers(keys.workers)]
    alive = sum(1 for w in workers if server.exists(keys.heartbeat(w)))
    server.delete(
        keys.start_urls,
        keys.requests,
        keys.dupefilter,
        keys.sources,
        keys.crawl,
        keys.walks,
        keys.workers,
        keys.health,
        *(keys.leases(w) for w in workers),
    )
    return alive


def _open_run(server: Any, keys: Keys, plan: dict[str, Any]) -> str:
    """The shared crawl's crawl_runs id; a new crawl's row ("running") goes to the writer.

    `scrapy writer --until-empty` fills the row in with the verdict once the crawl is over.
    """
    existing = server.hget(keys.crawl, "id")
    if existing:
        return as_text(existing)
    run_id, started_at = new_run_id(), utc_now()
    server.hset(keys.crawl, mapping={"id": run_id, "started_at": started_at})
    run = run_row(
        {},
        run_id=run_id,
        started_at=started_at,
        finished=False,
        sources=plan["sources"],
        mode="full" if plan["full"] else "incremental",
        host=socket.gethostname(),
        pid=None,
        outcome="running",
        reason=None,
    )
    plan["events"].append({"_kind": "run", "run": run, "per_source": []})
    return run_id


def _mark_seen(server: Any, keys: Keys, urls: list[str], chunk: int = 5000) -> int:
    added = 0
    for i in range(0, len(urls), chunk):
        added += server.sadd(keys.dupefilter, *(fingerprint(u) for u in urls[i : i + chunk]))
    return added
