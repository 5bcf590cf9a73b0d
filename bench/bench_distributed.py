"""Distributed crawl throughput: one local crawl, and 1 or 2 crawlers sharing a crawl via Redis.

    .venv/bin/python bench/bench_distributed.py [--site bench/out/sites/s1k] [--runs 3]

A synthetic site (bench/synth.py, made if missing: 1,000 articles, 100 listing pages) is
served by nginx on 127.0.0.1; a throw-away redis-server (tests/redis_server.py) runs on a
free loopback port. Each run, in turn:

- local: one `scrapy crawl ward_news` writing archive.db itself (as bench_crawl.py "full");
- shared x1 and x2: `scrapy push --fresh`, then 1 or 2 `scrapy crawl ward_news
  -s REDIS_URL=...` and one `scrapy writer` started together.

Pages/s = pages fetched / seconds from the start of the crawl processes until the last
crawler had nothing left to do (its idle-close wait, which it logs, is taken off; start-up
is included, as in bench_crawl.py). "archived" is the same until the writer had applied
every event (its --idle wait taken off). Prints each run, then the medians; each shared
archive must hold as many articles as the local one. On a 2-core machine the point is the
overhead of Redis and of the separate writer, not a speed-up.
"""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    LOOPBACK,
    OUT,
    PYTHON,
    ROOT,
    full_crawl_cmd,
    machine,
    remove_tree,
    show,
    summary,
)
from bench.serve import NginxServer  # noqa: E402
from tests.redis_server import RedisServer  # noqa: E402

IDLE_CLOSE = 1  # MAX_IDLE_TIME_BEFORE_CLOSE of the crawlers, seconds
WRITER_IDLE = 2.0  # scrapy writer --idle


@dataclass
class Proc:
    """A process started now, waited for in a thread: end time and peak RSS."""

    cmd: list[str]
    log_path: Path
    started: float = field(default_factory=time.perf_counter)
    ended: float = 0.0
    peak_rss_mb: float = 0.0
    returncode: int = -1

    def __post_init__(self) -> None:
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in _wait
        self.proc = subprocess.Popen(self.cmd, cwd=ROOT, stdout=self._log, stderr=subprocess.STDOUT)
        self._thread = threading.Thread(target=self._wait, daemon=True)
        self._thread.start()

    def _wait(self) -> None:
        _, status, usage = os.wait4(self.proc.pid, 0)
        self.ended = time.perf_counter()
        self.returncode = os.waitstatus_to_exitcode(status)
        self.proc.returncode = self.returncode
        self.peak_rss_mb = usage.ru_maxrss / 1024
        self._log.close()

    def join(self) -> Proc:
        self._thread.join()
        return self

    @property
    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def stat(log: str, name: str) -> int:
    m = re.search(rf"'{re.escape(name)}': (\d+)", log)
    return int(m.group(1)) if m else 0


def idle_seconds(log: str) -> float:
    """How long a distributed crawler waited, idle, before closing (it logs it)."""
    m = re.search(r"nothing to do for (\d+) s: closing", log)
    return float(m.group(1)) if m else 0.0


def ensure_site(site: Path, articles: int) -> None:
    """Generate the synthetic site when it is not there yet."""
    if not (site / "site.json").exists():
        subprocess.run(
            [
                PYTHON,
                str(ROOT / "bench" / "synth.py"),
                "--out",
                str(site),
                "--articles",
                str(articles),
            ],
            check=True,
        )


def fresh_archive() -> tuple[Path, Path]:
    """A temporary (archive.db, warc dir) pair of our own."""
    tmp = Path(tempfile.mkdtemp(prefix="bench-distributed-"))
    return tmp / "archive.db", tmp / "warc"


def count_articles(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("select count(*) from articles").fetchone()[0]
    finally:
        conn.close()


def local_run(listing: str) -> dict:
    db, warc = fresh_archive()
    cmd = full_crawl_cmd(listing, db, warc, "-s", "PROGRESS_INTERVAL=0")
    proc = Proc(cmd, db.parent / "local.log").join()
    if proc.returncode != 0:
        raise SystemExit(f"local crawl failed ({proc.returncode}):\n{proc.log[-3000:]}")
    pages = stat(proc.log, "downloader/response_count")
    seconds = proc.ended - proc.started
    result = {
        "pages": pages,
        "seconds": seconds,
        "archived_seconds": seconds,
        "articles": count_articles(db),
        "rss": proc.peak_rss_mb,
        "cmd": cmd,
    }
    remove_tree(db.parent)
    return result


def shared_run(listing: str, redis: RedisServer, crawlers: int) -> dict:
    db, warc = fresh_archive()
    redis.client().flushall()
    redis_url = ["-s", f"REDIS_URL={redis.url}"]
    push = [
        PYTHON,
        "-m",
        "scrapy",
        "push",
        *redis_url,
        "-s",
        f"ARCHIVE_DB={db}",
        "-a",
        f"url={listing}",
        "-a",
        "source=haibatrung",
        "--fresh",
    ]
    t = time.perf_counter()
    subprocess.run(push, cwd=ROOT, check=True, capture_output=True)
    push_seconds = time.perf_counter() - t
    crawl = [
        PYTHON,
        "-m",
        "scrapy",
        "crawl",
        "ward_news",
        *redis_url,
        *LOOPBACK,
        "-s",
        "PROGRESS_INTERVAL=0",
        "-s",
        f"MAX_IDLE_TIME_BEFORE_CLOSE={IDLE_CLOSE}",
        "-s",
        f"ARCHIVE_DB={db.parent / 'unused.db'}",
    ]
    writer = [
        PYTHON,
        "-m",
        "scrapy",
        "writer",
        *redis_url,
        "-s",
        f"ARCHIVE_DB={db}",
        "--until-empty",
        "--idle",
        str(WRITER_IDLE),
    ]
    t0 = time.perf_counter()
    procs = [
        Proc([*crawl, "-s", f"WARC_DIR={warc}-{i}"], db.parent / f"crawler-{i}.log")
        for i in range(crawlers)
    ]
    write = Proc(writer, db.parent / "writer.log")
    for proc in [*procs, write]:
        proc.join()
        if proc.returncode != 0:
            raise SystemExit(f"{show(proc.cmd)} failed ({proc.returncode}):\n{proc.log[-3000:]}")
    done = max(p.ended - idle_seconds(p.log) for p in procs)
    result = {
        "pages": sum(stat(p.log, "downloader/response_count") for p in procs),
        "per_crawler": [stat(p.log, "downloader/response_count") for p in procs],
        "seconds": done - t0,
        "archived_seconds": max(done, write.ended - WRITER_IDLE) - t0,
        "articles": count_articles(db),
        "rss": max(p.peak_rss_mb for p in procs),
        "writer_rss": write.peak_rss_mb,
        "push_seconds": push_seconds,
        "cmd": [push, crawl, writer],
    }
    remove_tree(db.parent)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--site", type=Path, default=OUT / "sites" / "s1k")
    parser.add_argument("--articles", type=int, default=1000, help="size if generated")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ensure_site(args.site, args.articles)
    print("machine:", machine())
    print("command:", show([PYTHON, *sys.argv]))
    results: dict[str, list[dict]] = {"local": [], "shared x1": [], "shared x2": []}
    with NginxServer(args.site) as site, RedisServer() as redis:
        for i in range(args.runs):
            for kind in results:
                run = (
                    local_run(site.listing_url)
                    if kind == "local"
                    else shared_run(site.listing_url, redis, int(kind[-1]))
                )
                if i == 0:
                    cmds = run["cmd"] if kind != "local" else [run["cmd"]]
                    for cmd in cmds:
                        print(f"{kind} command: {show(cmd)}")
                results[kind].append(run)
                extra = (
                    f", per crawler {run['per_crawler']}, push {run['push_seconds']:.1f} s"
                    if "per_crawler" in run
                    else ""
                )
                print(
                    f"run {i + 1} {kind:9}: {run['pages']} pages in {run['seconds']:.1f} s"
                    f" = {run['pages'] / run['seconds']:.1f} pages/s; archived after"
                    f" {run['archived_seconds']:.1f} s; {run['articles']} articles;"
                    f" peak RSS {run['rss']:.0f} MB{extra}",
                    flush=True,
                )
    print()
    local_articles = {r["articles"] for r in results["local"]}
    for kind, runs in results.items():
        rates = [r["pages"] / r["seconds"] for r in runs]
        archived = [r["pages"] / r["archived_seconds"] for r in runs]
        print(f"{kind:9} pages/s: {summary(rates)}; archived pages/s: {summary(archived)}")
        if {r["articles"] for r in runs} != local_articles:
            print(
                f"  WARNING: {kind} archives hold {sorted({r['articles'] for r in runs})}"
                f" articles, the local one {sorted(local_articles)}"
            )
    base = statistics.median(r["pages"] / r["seconds"] for r in results["local"])
    for kind in ("shared x1", "shared x2"):
        rate = statistics.median(r["pages"] / r["seconds"] for r in results[kind])
        print(f"{kind} / local (medians): {rate / base:.2f}")


if __name__ == "__main__":
    main()
