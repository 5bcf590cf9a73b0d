"""A crawl writing archive.db while Datasette serves it: readers never see an error.

The store runs SQLite in WAL mode (readers never wait for the writer) and commits in short
batches; Datasette (a real process) answers search and count queries throughout.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pytest

from pipelines.storage import apply_event
from tests.faultserver import DatasetteProcess, FaultServer, crawl_site
from wardnews.store import ArchiveStore

READERS = 4
SEARCHES = ["Bách Khoa", "bach khoa", "phường", "tổ dân phố", "Đồng Tâm", "khen thưởng"]
COUNT_SQL = "select count(*) as n from articles"


class Reader(threading.Thread):
    """Queries Datasette's JSON API in a loop until told to stop; keeps every problem."""

    def __init__(self, server: DatasetteProcess, index: int, stop: threading.Event):
        super().__init__(daemon=True)
        self.server, self.index, self.stop_event = server, index, stop
        self.requests = 0
        self.errors: list[str] = []
        self.counts: list[int] = []
        self.slowest = 0.0

    def fetch(self, path: str):
        started = time.monotonic()
        try:
            with urllib.request.urlopen(self.server.base_url + path, timeout=30) as response:
                body = response.read().decode()
                status = response.status
        except urllib.error.HTTPError as err:
            body, status = err.read().decode(errors="replace"), err.code
        except OSError as err:
            self.errors.append(f"{path}: {err!r}")
            return None
        finally:
            self.requests += 1
            self.slowest = max(self.slowest, time.monotonic() - started)
        if status != 200 or "locked" in body:
            self.errors.append(f"{path}: HTTP {status} {body[:300]}")
            return None
        return json.loads(body)

    def run(self):
        turn = self.index
        while not self.stop_event.is_set():
            term = SEARCHES[turn % len(SEARCHES)]
            turn += 1
            rows = self.fetch(
                "/archive/articles.json?"
                + urlencode({"_shape": "array", "_search": term, "_size": 20})
            )
            if rows is not None and not isinstance(rows, list):
                self.errors.append(f"search {term!r}: not an array: {str(rows)[:200]}")
            counted = self.fetch(
                "/archive.json?" + urlencode({"sql": COUNT_SQL, "_shape": "array"})
            )
            if counted is not None:
                self.counts.append(counted[0]["n"])


class LockProbe(threading.Thread):
    """Takes the write lock for an instant, over and over: how long must it wait?"""

    def __init__(self, db, stop: threading.Event):
        super().__init__(daemon=True)
        self.db, self.stop_event = db, stop
        self.waits: list[float] = []
        self.errors: list[str] = []

    def run(self):
        conn = sqlite3.connect(self.db, timeout=10, isolation_level=None)
        try:
            while not self.stop_event.is_set():
                started = time.monotonic()
                try:
                    conn.execute("begin immediate")
                    conn.execute("rollback")
                except sqlite3.OperationalError as err:
                    self.errors.append(repr(err))
                self.waits.append(time.monotonic() - started)
                time.sleep(0.02)
        finally:
            conn.close()


@pytest.mark.slow
def test_crawl_while_datasette_serves(tmp_path):
    db = tmp_path / "archive.db"
    ArchiveStore(str(db)).close()  # the schema, so Datasette can open the file first
    stop = threading.Event()
    with (
        FaultServer(articles=60, per_page=10, delay=0.05) as site,
        DatasetteProcess(db, "--setting", "sql_time_limit_ms", "5000") as server,
    ):
        readers = [Reader(server, i, stop) for i in range(READERS)]
        probe = LockProbe(db, stop)
        for thread in [*readers, probe]:
            thread.start()
        time.sleep(0.5)
        started = time.monotonic()
        # Small batches and a gentle pace: many commits spread over several seconds.
        result = crawl_site(
            site,
            tmp_path,
            "-s",
            "CONCURRENT_REQUESTS_PER_DOMAIN=2",
            "-s",
            "ARCHIVE_FLUSH_ITEMS=5",
            "-s",
            "ARCHIVE_FLUSH_SECONDS=0.2",
            db=db,
        )
        crawl_seconds = time.monotonic() - started
        time.sleep(0.5)
        stop.set()
        for thread in [*readers, probe]:
            thread.join(30)
        assert "locked" not in server.stderr().lower()
    assert result.returncode == 0, result.log[-3000:]
    assert "database is locked" not in result.log
    assert result.rows("select count(*) n from articles")[0]["n"] == 60
    assert result.rows("pragma journal_mode")[0][0] == "wal"
    errors = [e for r in readers for e in r.errors]
    assert errors == [], errors[:5]
    total = sum(r.requests for r in readers)
    assert total >= 40, (total, crawl_seconds)
    for reader in readers:
        # Articles are never deleted: a reader's counts only go up, to the full 60.
        assert reader.counts == sorted(reader.counts) and reader.counts[-1] == 60
        assert reader.slowest < 10
    seen = {n for r in readers for n in r.counts}
    assert len(seen) >= 3, seen  # the readers really did read while the crawl wrote
    assert probe.errors == []
    # The writer never held the write lock for long (its batches commit in milliseconds;
    # the bound leaves room for a busy machine).
    assert max(probe.waits) < 2.0, sorted(probe.waits)[-5:]


def _article(i: int) -> dict:
    body = " ".join(["Phường Bách Khoa tổ chức hội nghị tổng kết công tác năm."] * 12)
    return {
        "_kind": "article",
        "url": f"http://127.0.0.1/web/guest/tin-phuong/-/view_content/{i}.html",
        "source": "faultsite",
        "title": f"Bài số {i}",
        "body_text": body,
        "body_html": f"<p>{body}</p>",
        "content_hash": f"{i:064x}",
        "capture_id": f"c{i}",
        "authors": "[]",
        "mentions": [],
        "attachments": [],
    }


def test_a_full_batch_commits_in_a_short_transaction(tmp_path):
    store = ArchiveStore(str(tmp_path / "archive.db"), flush_items=10_000, flush_seconds=3600)
    for i in range(200):  # ARCHIVE_FLUSH_ITEMS: the largest batch a crawl commits at once
        apply_event(
            store,
            {
                "_kind": "capture",
                "id": f"c{i}",
                "url": f"u{i}",
                "status": 200,
                "size": 1000,
                "fetched_at": "2026-11-25T00:00:00Z",
            },
        )
        apply_event(store, _article(i))
        apply_event(
            store,
            {
                "_kind": "failure",
                "url": f"u{i}",
                "source": "faultsite",
                "kind": "http",
                "reason": "HTTP 500",
                "status": 500,
            },
        )
    started = time.monotonic()
    store.flush()
    elapsed = time.monotonic() - started
    store.close()
    assert elapsed < 1.0, elapsed
