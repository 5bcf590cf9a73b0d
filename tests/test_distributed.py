"""Distributed mode on real parts: redis-server, the mirror over HTTP, crawlers as processes.

One local crawl of two mirrored sites is the reference; a shared crawl (`scrapy push`, two
`scrapy crawl ward_news -s REDIS_URL=...`, one `scrapy writer`) must give the same archive,
fetching each page once, even when a crawler is killed mid-way, and the same verdict: the
writer judges the whole crawl once it is over, and exits 3 when a source is broken.
"""

from __future__ import annotations

import json
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import FAST, ROOT, SITES, run_crawl
from tests.redis_server import RedisServer

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("distributed")]

# The fields compared between a shared and a local crawl.
ARTICLES = (
    "select url, source, title, published_at, author, author_org, ward_code, event_date,"
    " body_text, content_hash from articles"
)
WP = ("-a", "district=Quận Hải Châu", "-a", "province=Thành phố Đà Nẵng")
# Small per-process concurrency, so that work waits in the shared queue for both crawlers;
# short idle and lease times, so that the test does not wait for production timeouts.
SHARED = [
    *FAST,
    *"-s CONCURRENT_REQUESTS=4 -s CONCURRENT_REQUESTS_PER_DOMAIN=2".split(),
    *"-s MAX_IDLE_TIME_BEFORE_CLOSE=2 -s REDIS_LEASE_SECONDS=3 -s REDIS_POLL_INTERVAL=0.2".split(),
]


@pytest.fixture(scope="module")
def redis_server():
    with RedisServer() as server:
        yield server


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A mirror of the two sites for this module alone: its request log counts only our
    fetches, and its files stay as they were while the tests run."""
    from mirror.server import MirrorServer

    root = tmp_path_factory.mktemp("sites")
    for name in ("haibatrung", "phuong-wp"):
        shutil.copytree(SITES / name, root / name)
    with MirrorServer(root=root) as server:
        yield server


def scrapy(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """`scrapy ARGS` from the repository root."""
    return subprocess.run(
        [sys.executable, "-m", "scrapy", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def push(redis_url: str, db: Path, *args: str) -> subprocess.CompletedProcess:
    done = scrapy("push", "-s", f"REDIS_URL={redis_url}", "-s", f"ARCHIVE_DB={db}", *args)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def push_both(redis_url: str, site, db: Path) -> None:
    """Queue a fresh crawl of haibatrung, then add the WordPress site to it."""
    push(
        redis_url,
        db,
        "-a",
        f"url={site.listing_url('haibatrung')}",
        "-a",
        "source=haibatrung",
        "--fresh",
    )
    push(redis_url, db, "-a", f"url={site.listing_url('phuong-wp')}", *WP)


def start_crawler(redis_url: str, tmp: Path, name: str, *extra: str) -> subprocess.Popen:
    """A distributed crawler; its own ARCHIVE_DB must stay untouched (the writer writes)."""
    log = open(tmp / f"crawler-{name}.log", "a")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            "ward_news",
            "-s",
            f"REDIS_URL={redis_url}",
            "-s",
            f"WARC_DIR={tmp / ('warc-' + name)}",
            "-s",
            f"ARCHIVE_DB={tmp / 'unused.db'}",
            *SHARED,
            *extra,
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )


def finish(proc: subprocess.Popen, timeout: float = 120) -> int:
    try:
        return proc.wait(timeout=timeout)
    finally:
        if proc.poll() is None:
            proc.kill()


def write(redis_url: str, db: Path, expect: int = 0) -> str:
    done = scrapy(
        "writer",
        "-s",
        f"REDIS_URL={redis_url}",
        "-s",
        f"ARCHIVE_DB={db}",
        "--until-empty",
        "--idle",
        "1",
    )
    assert done.returncode == expect, done.stdout + done.stderr
    return done.stdout


def rows(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def articles(db: Path) -> dict[str, tuple]:
    return {r[0]: r for r in rows(db, ARTICLES)}


def run_sources(db: Path) -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute("select * from run_sources order by finished_at")]
    finally:
        conn.close()


def fetched(site) -> Counter:
    """GETs served per path (robots.txt aside: each crawler process reads it once)."""
    return Counter(
        path for method, path, _ in site.requests if method == "GET" and path != "/robots.txt"
    )


@pytest.fixture(scope="module")
def reference(site, tmp_path_factory):
    """Local crawls: both sites once (archive, pages fetched, run_sources rows by source),
    then haibatrung again (pages fetched by an incremental crawl)."""
    tmp = tmp_path_factory.mktemp("local")
    hbt = ("-a", f"url={site.listing_url('haibatrung')}", "-a", "source=haibatrung")
    site.clear_requests()
    first = run_crawl(tmp, *hbt)
    second = run_crawl(tmp, "-a", f"url={site.listing_url('phuong-wp')}", *WP)
    assert first.returncode == 0 and second.returncode == 0, first.log[-2000:] + second.log[-2000:]
    pages = fetched(site)
    found = articles(first.db)
    assert len(found) > 60  # both sites
    judged = {r["source"]: r for r in run_sources(first.db)}
    site.clear_requests()
    again = run_crawl(tmp, *hbt)
    assert again.returncode == 0, again.log[-2000:]
    again_pages = fetched(site)
    site.clear_requests()
    return found, pages, again_pages, judged


@pytest.fixture(scope="module")
def shared(redis_server, site, reference, tmp_path_factory):
    """push, two crawlers at once, one writer: (archive, pages fetched, tmp dir, logs)."""
    tmp = tmp_path_factory.mktemp("shared")
    redis_server.client().flushall()
    db = tmp / "archive.db"
    push_both(redis_server.url, site, db)
    crawlers = [start_crawler(redis_server.url, tmp, name) for name in ("a", "b")]
    codes = [finish(proc) for proc in crawlers]
    logs = {n: (tmp / f"crawler-{n}.log").read_text() for n in ("a", "b")}
    assert codes == [0, 0], logs["a"][-3000:] + logs["b"][-3000:]
    pages = fetched(site)
    robots = sum(1 for method, path, _ in site.requests if path == "/robots.txt")
    site.clear_requests()
    write(redis_server.url, db)
    return db, pages, tmp, logs, robots


def test_addon_switches_scheduler_dupefilter_and_pipelines(redis_server):
    from scrapy.crawler import Crawler
    from scrapy.settings import Settings
    from scrapy.utils.misc import load_object
    from scrapy_redis.pipelines import RedisPipeline
    from scrapy_redis.scheduler import Scheduler

    from spiders.ward_news import WardNewsSpider

    def applied(**overrides) -> Settings:
        settings = Settings()
        settings.setmodule("wardnews.settings", priority="project")
        settings.setdict(overrides, priority="cmdline")
        crawler = Crawler(WardNewsSpider, settings)
        crawler._apply_settings()
        return crawler.settings

    local = applied()
    assert local["SCHEDULER"] == "scrapy.core.scheduler.Scheduler"
    assert "pipelines.storage.StoragePipeline" in local.getdict("ITEM_PIPELINES")
    shared = applied(REDIS_URL=redis_server.url)
    assert issubclass(load_object(shared["SCHEDULER"]), Scheduler)
    assert shared["DUPEFILTER_CLASS"] == "scrapy_redis.dupefilter.RFPDupeFilter"
    (pipeline,) = shared.getdict("ITEM_PIPELINES")  # the project's pipelines are gone
    assert issubclass(load_object(pipeline), RedisPipeline)
    assert shared.getbool("SCHEDULER_PERSIST")
    # -s still beats the add-on.
    assert (
        applied(REDIS_URL=redis_server.url, MAX_IDLE_TIME_BEFORE_CLOSE=7).getint(
            "MAX_IDLE_TIME_BEFORE_CLOSE"
        )
        == 7
    )


def test_shared_crawl_archive_equals_local_crawl(shared, reference):
    db, _, tmp, logs, _ = shared
    local, _, _, _ = reference
    assert articles(db) == local
    assert not (tmp / "unused.db").exists()  # crawlers wrote nothing locally
    for log in logs.values():
        assert "wardnews.distributed.RedisEventPipeline" in log
        assert "joined the shared crawl" in log  # the scrapy-redis scheduler subclass


def test_shared_crawl_fetches_every_page_once(shared, reference):
    _, pages, _, _, _ = shared
    _, local_pages, _, _ = reference
    twice = {path: n for path, n in pages.items() if n > 1}
    assert not twice
    assert set(pages) == set(local_pages)  # the same pages, listing pages included


def test_both_crawlers_did_some_of_the_work(shared, reference):
    db, _, tmp, logs, _ = shared
    for log in logs.values():  # each fetched articles (its own stats, in its log)
        assert int(re.search(r"'crawl/article_pages': (\d+)", log).group(1)) > 0
    # Each wrote its own WARC files, and captures say which.
    files = {name: {p.name for p in (tmp / f"warc-{name}").glob("*.warc.gz")} for name in "ab"}
    captured = dict(rows(db, "select warc_file, count(*) from captures group by warc_file"))
    for name in "ab":
        assert files[name] and sum(captured.get(f, 0) for f in files[name]) > 0


# The run_sources columns a shared crawl must count as a local crawl does.
COMPARED = (
    "listing_pages",
    "article_pages",
    "articles_new",
    "articles_changed",
    "articles_removed",
    "items",
    "errors",
    "field_coverage",
    "outcome",
    "reason",
)


def test_shared_crawl_is_judged_once_as_a_local_crawl(shared, reference):
    """One crawl_runs row for the whole crawl (not one per crawler), judged by the writer
    over every crawler's counters: the same per-source totals and verdict as locally."""
    db, _, _, logs, _ = shared
    _, _, _, local = reference
    (run,) = rows(
        db, "select id, outcome, reason, finish_reason, finished_at, sources from crawl_runs"
    )
    run_id, outcome, reason, finish_reason, finished_at, sources = run
    assert (outcome, reason, finish_reason) == ("ok", None, "finished") and finished_at
    assert sorted(json.loads(sources)) == sorted(local)
    judged = {r["source"]: r for r in run_sources(db)}
    assert set(judged) == set(local)
    for name, row in judged.items():
        assert row["run_id"] == run_id
        assert {k: row[k] for k in COMPARED} == {k: local[name][k] for k in COMPARED}, name
        assert row["items"] > 0 and row["articles_new"] == row["items"]
    # What the crawlers recorded belongs to the crawl's row.
    assert rows(db, "select distinct run_id from captures") == [(run_id,)]
    assert rows(db, "select distinct run_id from failures") in ([], [(run_id,)])
    for log in logs.values():
        assert "judged by `scrapy writer --until-empty`" in log


def test_each_crawler_obeys_robots_txt(shared):
    _, _, _, logs, robots = shared
    assert robots == 2  # one robots.txt per crawler process, as a local crawl reads one
    for log in logs.values():
        assert "'robotstxt/response_count': 1" in log and "errors/offsite" not in log


def test_shared_crawl_leaves_an_empty_frontier(shared, redis_server):
    client = redis_server.client()
    assert client.zcard("ward_news:requests") == 0
    assert client.llen("ward_news:start_urls") == 0
    assert client.llen("ward_news:items") == 0
    assert client.llen("ward_news:items:failed") == 0
    assert not client.keys("ward_news:leases:*")


def test_next_shared_crawl_is_incremental(shared, reference, site, redis_server, tmp_path):
    """Across machines as locally: the next crawl fetches no archived article again, and
    stops walking the listing as a local crawl would (the walk was recorded complete)."""
    db, _, _, _, _ = shared
    _, _, local_again, _ = reference
    assert rows(db, "select count(*) from sources where walk_complete_at is not null") == [(2,)]
    done = push(
        redis_server.url,
        db,
        "-a",
        f"url={site.listing_url('haibatrung')}",
        "-a",
        "source=haibatrung",
        "--fresh",
    )
    known = len([u for u in articles(db) if "/haibatrung/" in u])
    assert f"{known} archived articles newly marked as seen" in done.stdout
    site.clear_requests()
    assert finish(start_crawler(redis_server.url, tmp_path, "again")) == 0
    pages = fetched(site)
    site.clear_requests()
    assert pages == local_again
    assert not [p for p in pages if "view_content" in p]  # listing pages only
    before = rows(db, "select count(*) from revisions")
    write(redis_server.url, db)
    assert rows(db, "select count(*) from revisions") == before


def test_killed_crawler_loses_nothing(redis_server, site, reference, tmp_path):
    local, _, _, _ = reference
    client = redis_server.client()
    client.flushall()
    db = tmp_path / "archive.db"
    push_both(redis_server.url, site, db)
    # The victim waits between its downloads: it always holds requests taken from the queue.
    victim = start_crawler(redis_server.url, tmp_path, "victim", "-s", "DOWNLOAD_DELAY=0.3")
    other = start_crawler(redis_server.url, tmp_path, "other")
    deadline = time.monotonic() + 60
    prefix = f"ward_news:leases:{socket.gethostname()}:{victim.pid}:"
    leases: list[bytes] = []
    while time.monotonic() < deadline and victim.poll() is None:
        leases = [k for k in client.keys("ward_news:leases:*") if k.decode().startswith(prefix)]
        if leases and client.hlen(leases[0]) and client.llen("ward_news:items") > 30:
            break
        time.sleep(0.01)
    assert victim.poll() is None, "the crawl ended before the victim could be killed"
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    assert client.hlen(leases[0]) > 0  # requests in flight when it died
    again = start_crawler(redis_server.url, tmp_path, "again")
    assert finish(other) == 0 and finish(again) == 0
    logs = "".join((tmp_path / f"crawler-{n}.log").read_text() for n in ("other", "again"))
    assert "put back on the queue" in logs  # the victim's leases were recovered
    write(redis_server.url, db)
    assert articles(db) == local
    # No duplicates: one revision per article; no failure left open.
    assert rows(db, "select count(*) from revisions")[0][0] == len(local)
    assert rows(db, "select count(*) from failures where resolved_at is null") == [(0,)]


def test_writer_applies_again_what_a_killed_writer_had_taken(redis_server, tmp_path):
    from wardnews.store import ArchiveStore
    from wardnews.writer import drain

    client = redis_server.client()
    client.flushall()
    events = [{"_kind": "source", "name": f"s{i}", "title": f"Nguồn {i}"} for i in range(3)]
    # A writer took the first two (moved them to the processing list) and died.
    client.rpush("ward_news:items:processing", *(json.dumps(e) for e in events[:2]))
    client.rpush("ward_news:items", json.dumps(events[2]))
    store = ArchiveStore(str(tmp_path / "archive.db"))
    counts = drain(store, client, "ward_news:items", until_empty=True, idle_seconds=0)
    store.close()
    assert counts["source"] == 3
    assert [r[0] for r in rows(tmp_path / "archive.db", "select name from sources order by 1")] == [
        "s0",
        "s1",
        "s2",
    ]
    assert client.llen("ward_news:items:processing") == 0


def test_only_one_writer_at_a_time(redis_server):
    from wardnews.writer import WriterBusy, WriterLock

    client = redis_server.client()
    first = WriterLock(client, "ward_news:items")
    first.acquire()
    with pytest.raises(WriterBusy):
        WriterLock(client, "ward_news:items").acquire()
    first.release()
    WriterLock(client, "ward_news:items").acquire()


def test_start_entries_become_our_own_requests(redis_server):
    from scrapy.crawler import Crawler
    from scrapy.settings import Settings

    from spiders.ward_news import WardNewsSpider
    from wardnews.distributed import RedisSources
    from wardnews.sources import Source

    client = redis_server.client()
    client.flushall()
    settings = Settings()
    settings.setmodule("wardnews.settings", priority="project")
    settings.set("REDIS_URL", redis_server.url, priority="cmdline")
    crawler = Crawler(WardNewsSpider, settings)
    crawler._apply_settings()
    spider = WardNewsSpider.from_crawler(crawler)
    RedisSources(client, "ward_news:sources").register(
        Source(name="hbt", listing_urls=["http://127.0.0.1:1/ds"]), {"walk_complete_at": "x"}
    )
    article = spider.make_request_from_data(
        json.dumps(
            {
                "url": "http://127.0.0.1:1/bai-1",
                "headers": {"If-None-Match": '"abc"'},
                "dont_filter": True,
                "meta": {"kind": "article", "source": "hbt", "recheck": True},
            }
        ).encode()
    )
    assert article.callback == spider.parse_article and article.errback == spider.on_error
    assert article.headers["If-None-Match"] == b'"abc"' and article.dont_filter
    assert spider.allowed_hosts("hbt") == ["127.0.0.1:1"]  # from the shared registry
    assert spider._walk_complete_before("hbt")
    bare = spider.make_request_from_data(b"http://127.0.0.1:2/tin-tuc")
    assert bare.callback == spider.parse_listing and bare.meta["source"] == "127.0.0.1:2"
    assert client.hexists("ward_news:sources", "127.0.0.1:2")  # peers can resolve it too


def test_writer_until_empty_waits_while_the_crawl_goes_on(redis_server, tmp_path):
    from wardnews.store import ArchiveStore
    from wardnews.writer import drain

    client = redis_server.client()
    client.flushall()
    asked = []

    def busy() -> bool:  # a crawler is still alive for the first three looks
        asked.append(1)
        if len(asked) == 3:
            client.rpush("ward_news:items", json.dumps({"_kind": "source", "name": "late"}))
        return len(asked) <= 3

    store = ArchiveStore(str(tmp_path / "archive.db"))
    counts = drain(store, client, "ward_news:items", idle_seconds=0.1, busy=busy)
    store.close()
    assert counts["source"] == 1 and len(asked) >= 4


def test_shared_verdict_of_a_source_nobody_could_fetch(redis_server):
    """The verdict reads the pushed history and every contribution; a pushed source that
    no crawler got a listing page of is broken, named as a local crawl names it."""
    from wardnews.distributed import Keys, RedisSources
    from wardnews.health import Limits, judge_shared_crawl
    from wardnews.sources import Source

    client = redis_server.client()
    client.flushall()
    keys = Keys.from_settings({})
    limits = Limits(min_coverage=0.5, coverage_drop=0.5, max_error_ratio=0.2)
    registry = RedisSources(client, keys.sources)
    registry.register(Source(name="up", listing_urls=["http://127.0.0.1:1/a"]), {})
    registry.register(
        Source(name="down", listing_urls=["http://127.0.0.1:1/b"]), {"had_articles": True}
    )
    assert judge_shared_crawl(client, keys, limits) is None  # nobody took part yet
    client.hset(keys.crawl, mapping={"id": "run-1", "started_at": "2026-01-01T00:00:00Z"})
    for worker, part in (("h1:1:a", 2), ("h2:2:b", 3)):  # two crawlers' counters
        client.hincrby(keys.health, f"crawler/{worker}/pages", part + 4)
        client.hincrby(keys.health, "source/up/listing_pages", 1)
        client.hincrby(keys.health, "source/up/listing_entries", part)
        client.hincrby(keys.health, "source/up/article_pages", part)
        client.hincrby(keys.health, "source/down/errors", 2)
        client.hincrby(keys.health, "errors/http", 2)
    for field in ("items", "new", "has/title", "has/published_at", "has/body_text"):
        client.hincrby(keys.health, f"source/up/{field}", 5)  # the writer's counts
    run, per_source = judge_shared_crawl(client, keys, limits)
    assert run["id"] == "run-1" and run["outcome"] == "failed"
    assert run["reason"] == "source down: no listing page could be fetched (4 errors)"
    assert run["host"] == "h1, h2" and json.loads(run["errors_by_kind"]) == {"http": 4}
    by_source = {r["source"]: r for r in per_source}
    assert by_source["up"]["outcome"] == "ok" and by_source["up"]["items"] == 5
    assert by_source["up"]["listing_pages"] == 2 and by_source["up"]["article_pages"] == 5


def test_shared_crawl_of_a_broken_source_exits_3(shared, redis_server, tmp_path):
    """After a good shared crawl, haibatrung's listing loses its article links: the next
    shared crawl (two crawlers) is judged broken by the writer, which exits 3 and stores
    the reason, naming the source, in crawl_runs, as a local crawl would."""
    from mirror.server import MirrorServer

    db = tmp_path / "archive.db"
    source = sqlite3.connect(shared[0])
    with sqlite3.connect(db) as copy:
        source.backup(copy)
    source.close()
    root = tmp_path / "sites"
    shutil.copytree(SITES / "haibatrung", root / "haibatrung")
    info = json.loads((root / "haibatrung" / "urls.json").read_text(encoding="utf-8"))
    for url, name in info["files"].items():
        if url.split("?")[0] == info["listing"]:
            page = root / "haibatrung" / name
            text = page.read_text(encoding="utf-8", errors="ignore")
            page.write_text(
                re.sub(r'href="[^"]*view_content[^"]*"', 'href="#"', text), encoding="utf-8"
            )
    with MirrorServer(root=root) as broken:
        hbt = ("-a", f"url={broken.listing_url('haibatrung')}", "-a", "source=haibatrung")
        push(redis_server.url, db, *hbt, "--fresh")
        crawlers = [start_crawler(redis_server.url, tmp_path, n) for n in ("a", "b")]
        assert [finish(proc) for proc in crawlers] == [0, 0]  # a crawler cannot tell
    out = write(redis_server.url, db, expect=3)
    (run_id, outcome, reason), *older = rows(
        db, "select id, outcome, reason from crawl_runs order by started_at desc"
    )
    assert outcome == "failed" and len(older) >= 1
    # The links left (pager, menus) are none like the archived articles: the URL shapes
    # `scrapy push` shared with the crawlers tell, as a local crawl's archive does.
    assert re.fullmatch(
        r"source haibatrung: none of the \d+ links on its listing look like its archived"
        r" articles any more \(layout changed\?\)",
        reason,
    ), reason
    assert f"crawl {run_id} BROKEN: {reason}" in out
    assert rows(db, "select outcome, reason from run_sources where run_id = ?", (run_id,)) == [
        ("failed", reason)
    ]
    # Judging again (nothing more came) gives the same verdict, in the same row.
    write(redis_server.url, db, expect=3)
    assert rows(db, "select count(*) from crawl_runs") == [(1 + len(older),)]
