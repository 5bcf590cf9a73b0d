"""The archive writer process (wardnews/localwriter.py): same archive, loud when it dies."""

from __future__ import annotations

import gzip
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, crawl_command, run_crawl

SITE = "haibatrung"
# Columns that differ between two crawls of the same pages (times, ids of the captures).
_PER_CRAWL = {
    "first_seen_at",
    "last_seen_at",
    "last_changed_at",
    "last_checked_at",
    "capture_id",
    "provenance",
}


def _crawl(server, tmp: Path, *extra: str):
    return run_crawl(tmp, "-a", f"url={server.listing_url(SITE)}", "-a", f"source={SITE}", *extra)


def _articles(result) -> dict[str, dict]:
    return {
        row["url"]: {k: row[k] for k in row.keys() if k not in _PER_CRAWL}
        for row in result.rows("select * from articles")
    }


def _warc_records(warc: Path) -> list[tuple[str, str]]:
    """(WARC-Type, WARC-Target-URI) of every record in a directory's files."""
    from warcio.archiveiterator import ArchiveIterator

    records = []
    for path in sorted(warc.glob("*.warc.gz")):
        with path.open("rb") as f:
            for record in ArchiveIterator(f):
                records.append(
                    (record.rec_type, record.rec_headers.get_header("WARC-Target-URI") or "")
                )
    return records


def _stat(log: str, name: str) -> int:
    found = re.search(rf"'{re.escape(name)}': (\d+)", log)
    return int(found.group(1)) if found else 0


# Which process reads the article pages: the writer all of them, or every other one.
@pytest.mark.parametrize("writer_reads", ["1", "0.5"])
def test_same_archive_with_and_without_the_writer_process(mirror, tmp_path, writer_reads):
    child = _crawl(mirror, tmp_path / "child", "-s", f"ARCHIVE_WRITER_READS={writer_reads}")
    inline = _crawl(mirror, tmp_path / "inline", "-s", "ARCHIVE_WRITER_PROCESS=0")
    assert child.returncode == 0, child.log[-3000:]
    assert inline.returncode == 0, inline.log[-3000:]
    assert "archive/writer_peak_rss_mb" in child.log
    assert "archive/writer_peak_rss_mb" not in inline.log
    pages = _stat(child.log, "crawl/article_pages")
    by_writer = _stat(child.log, "archive/pages_read_by_writer")
    by_crawl = _stat(child.log, "archive/pages_read_by_crawl")
    assert pages >= 10 and by_writer + by_crawl == pages
    assert by_writer == (pages if writer_reads == "1" else pages // 2)
    articles = _articles(child)
    assert len(articles) >= 10 and articles == _articles(inline)
    for table in ("revisions", "mentions", "attachments", "wards", "failures"):
        sql = f"select count(*) from {table}"  # REVIEWED: table names from this list
        assert child.rows(sql)[0][0] == inline.rows(sql)[0][0], table
    # Every response was captured once, in WARC and in `captures`, under the same id.
    captures = {r["id"]: r for r in child.rows("select * from captures")}
    records = _warc_records(tmp_path / "child" / "warc")
    responses = [uri for kind, uri in records if kind == "response"]
    assert len(responses) == len(captures) == inline.rows("select count(*) from captures")[0][0]
    assert sorted(responses) == sorted(r["url"] for r in captures.values())
    linked = child.rows(
        "select count(*) from articles join captures on captures.id = articles.capture_id"
    )[0][0]
    assert linked == len(articles)
    # The crawl's counters come back from the writer: the run row counts what was stored.
    (run,) = child.rows("select outcome, articles_new from crawl_runs")
    assert tuple(run) == ("ok", len(articles))


def _responses(log: str) -> int:
    return int(re.search(r"'downloader/response_count': (\d+)", log).group(1))


def _writer_pid(crawl_pid: int, timeout: float = 30) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            children = Path(f"/proc/{crawl_pid}/task/{crawl_pid}/children").read_text().split()
        except OSError:
            children = []
        for pid in children:  # (libraries may run short-lived helpers, e.g. ldconfig)
            try:
                if b"wardnews.localwriter" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    return int(pid)
            except OSError:
                pass
        time.sleep(0.05)
    raise AssertionError("the crawl started no writer process")


def _slow_crawl(server, tmp: Path, **popen) -> subprocess.Popen:
    cmd = crawl_command(
        tmp / "archive.db",
        tmp / "warc",
        "-a",
        f"url={server.listing_url(SITE)}",
        "-a",
        f"source={SITE}",
        "-s",
        "CONCURRENT_REQUESTS_PER_DOMAIN=1",
        "-s",
        "DOWNLOAD_DELAY=0.1",
        "-s",
        "ARCHIVE_FLUSH_ITEMS=5",
    )
    log = (tmp / "crawl.log").open("w")
    return subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, **popen)


def _wait_for_articles(db: Path, n: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if db.exists():
            try:
                with sqlite3.connect(db) as conn:
                    if conn.execute("select count(*) from articles").fetchone()[0] >= n:
                        return
            except sqlite3.OperationalError:
                pass
        time.sleep(0.1)
    raise AssertionError(f"fewer than {n} articles after {timeout} s")


def test_a_dead_writer_breaks_the_crawl_loudly_and_loses_nothing(mirror, tmp_path):
    reference = _crawl(mirror, tmp_path / "ref")
    expected = {r["url"] for r in reference.rows("select url from articles")}
    tmp = tmp_path / "killed"
    tmp.mkdir()
    proc = _slow_crawl(mirror, tmp)
    try:
        writer = _writer_pid(proc.pid)
        _wait_for_articles(tmp / "archive.db", 5)
        os.kill(writer, signal.SIGKILL)
        assert proc.wait(60) == 3
    finally:
        proc.kill()
    log = (tmp / "crawl.log").read_text()
    assert "CRAWL BROKEN" in log and "archive writer process died" in log, log[-3000:]
    db = sqlite3.connect(tmp / "archive.db")
    stored = {r[0] for r in db.execute("select url from articles")}
    assert 0 < len(stored) < len(expected)
    # The crawl stopped at once, and wrote its crawl_runs row itself.
    fetched = _responses(log)
    assert fetched < _responses(reference.log), "the crawl went on fetching without its writer"
    (outcome, finish, reason) = db.execute(
        "select outcome, finish_reason, reason from crawl_runs"
    ).fetchone()
    assert (outcome, finish) == ("failed", "writer_died") and "archive writer" in reason
    resumed = run_crawl(tmp, "-a", f"url={mirror.listing_url(SITE)}", "-a", f"source={SITE}")
    assert resumed.returncode == 0, resumed.log[-3000:]
    assert {r["url"] for r in resumed.rows("select url from articles")} == expected
    assert resumed.rows("select count(*) from revisions")[0][0] == len(expected)


def test_ctrl_c_stops_the_crawl_but_not_the_writer(mirror, tmp_path):
    """SIGINT reaches the whole process group; the writer must outlive the crawl's shutdown."""
    proc = _slow_crawl(mirror, tmp_path, start_new_session=True)
    try:
        _writer_pid(proc.pid)
        _wait_for_articles(tmp_path / "archive.db", 3)
        os.killpg(proc.pid, signal.SIGINT)
        assert proc.wait(60) == 3  # stopped early: not a healthy crawl, but not a broken writer
    finally:
        proc.kill()
    log = (tmp_path / "crawl.log").read_text()
    assert "writer process died" not in log and "writer process failed" not in log, log[-3000:]
    db = sqlite3.connect(tmp_path / "archive.db")
    (finish, reason) = db.execute("select finish_reason, reason from crawl_runs").fetchone()
    assert finish == "shutdown" and "did not finish" in reason
    # What was fetched before the stop is all there, each article with its revision.
    articles = db.execute("select count(*) from articles").fetchone()[0]
    revisions = db.execute("select count(*) from revisions").fetchone()[0]
    assert articles >= 3 and revisions == articles


@pytest.fixture
def writer(tmp_path):
    """A writer process on its own, fed through its real pipes."""
    from wardnews.localwriter import _Frames, _send

    proc = subprocess.Popen(
        [sys.executable, "-m", "wardnews.localwriter"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,
    )
    config = {
        "db": str(tmp_path / "archive.db"),
        "flush_items": 200,
        "flush_seconds": 2.0,
        "warc_dir": str(tmp_path / "warc"),
        "warc_max_size": 1 << 20,
        "warc_gzip_level": 6,
        "log_level": "INFO",
        "log_file": str(tmp_path / "crawl.log"),  # -s LOG_FILE: the writer logs there too
    }
    from wardnews.store import ArchiveStore

    ArchiveStore(config["db"]).close()  # the crawl makes the schema before starting it
    _send(proc.stdin.fileno(), ("config", config))
    replies = _Frames(proc.stdout.fileno())
    yield proc, (lambda m: _send(proc.stdin.fileno(), m)), replies
    proc.kill()
    proc.wait()


def test_a_record_the_writer_cannot_store_is_a_failure_to_retry(writer, tmp_path):
    proc, send, replies = writer
    url = "http://127.0.0.1:1/tin/1-bai-viet.html"
    # An article item without its source: normalisation raises.
    send(("item", {"_kind": "article", "url": url, "title": "Tiêu đề", "run_id": "r1"}))
    send(("event", {"_kind": "source", "name": "demo", "district": "Hai Bà Trưng"}))
    send(("sync", None))
    reply = replies.read(timeout=30)
    assert reply["failed"] == 1 and "KeyError" in reply["first_error"], reply
    proc.stdin.close()
    final = replies.read(timeout=30)
    assert final["failed"] == 0
    assert proc.wait(30) == 0
    db = sqlite3.connect(tmp_path / "archive.db")
    assert db.execute("select url, kind from failures").fetchall() == [(url, "store")]
    assert db.execute("select district from sources where name = 'demo'").fetchone() == (
        "Hai Bà Trưng",
    )
    assert "cannot store a item record" in (tmp_path / "crawl.log").read_text()


def test_the_capture_id_chosen_by_the_crawl_is_the_warc_record_id(writer, tmp_path):
    proc, send, replies = writer
    body = "<html><body><h1>Phường Bách Khoa</h1></body></html>".encode()
    exchange = {
        "url": "http://127.0.0.1:1/a.html",
        "method": "GET",
        "request_headers": [("Host", "127.0.0.1:1")],
        "request_body": b"",
        "status": 200,
        "response_headers": [("Content-Type", "text/html; charset=utf-8")],
        "body": body,
        "protocol": "HTTP/1.1",
        "record_id": "<urn:uuid:00000000-0000-4000-8000-000000000001>",
    }
    send(("exchange", exchange, {"url": exchange["url"], "status": 200, "size": len(body)}))
    proc.stdin.close()
    assert replies.read(timeout=30)["failed"] == 0
    assert proc.wait(30) == 0
    (warc,) = (tmp_path / "warc").glob("*.warc.gz")
    assert str(proc.pid) in warc.name  # written by the writer process itself
    text = gzip.decompress(warc.read_bytes())
    assert b"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>" in text
    assert body in text
    row = (
        sqlite3.connect(tmp_path / "archive.db")
        .execute("select id, warc_file, warc_offset from captures")
        .fetchone()
    )
    assert row[0] == exchange["record_id"] and row[1] == warc.name and row[2] > 0


def test_a_page_the_writer_cannot_read_is_a_parse_failure_counted_for_the_verdict(
    writer, tmp_path
):
    proc, send, replies = writer
    requested = "http://127.0.0.1:1/tin/2-bai-viet.html"
    page = {
        "_kind": "page",
        "url": "http://127.0.0.1:1/tin/2-bai-viet-moi.html",  # where the redirect ended
        "status": 200,
        "content_type": b"text/html; charset=utf-8",
        "body": "<html><body><div class='menu'>Trang chủ</div></body></html>".encode(),
        "flags": [],
        "meta": {"source": "demo", "redirect_urls": [requested], "kind": "article"},
        "source": {
            "name": "demo",
            "district": None,
            "province": None,
            "profile": None,
            "listing_urls": [],
        },
        "page_truncated": False,
        "run_id": "r1",
    }
    send(("item", page))
    proc.stdin.close()
    final = replies.read(timeout=30)
    assert final["failed"] == 0
    assert final["tally"]["errors/parse"] == 1 and final["tally"]["source/demo/errors"] == 1
    assert final["peak_rss_mb"] > 20  # its own VmHWM, not the parent's at spawn
    assert proc.wait(30) == 0
    db = sqlite3.connect(tmp_path / "archive.db")
    ((url, kind, reason, page_kind),) = db.execute(
        "select url, kind, reason, page_kind from failures"
    ).fetchall()
    assert (url, kind, page_kind) == (requested, "parse", "article")
    assert reason.startswith("no title") and "redirected to" in reason
    assert db.execute("select count(*) from articles").fetchone() == (0,)


def test_pages_go_to_whichever_process_used_less_cpu(tmp_path):
    from scrapy.settings import Settings

    from wardnews.localwriter import ProcessSink
    from wardnews.store import ArchiveStore

    settings = Settings(
        {
            "ARCHIVE_DB": str(tmp_path / "archive.db"),
            "ARCHIVE_FLUSH_ITEMS": 200,
            "ARCHIVE_FLUSH_SECONDS": 2.0,
            "WARC_DIR": str(tmp_path / "warc"),
            "WARC_MAX_SIZE": 1 << 20,
        }
    )
    sink = ProcessSink(settings, ArchiveStore(settings["ARCHIVE_DB"]))
    try:
        assert sink.read_share == 1.0 and sink._writer_cpu() is not None
        now, crawl_cpu = time.monotonic(), time.process_time()
        # The writer used a second of CPU in the last interval, the crawl about none.
        sink._cpu_at = (now - 1, crawl_cpu, sink._writer_cpu() - 1.0)
        sink.writer_reads()
        assert sink.read_share == pytest.approx(0.95)
        # Now the crawl is the busier one: the writer's share grows back.
        sink._cpu_at = (now - 1, crawl_cpu - 1.0, sink._writer_cpu())
        assert sink.writer_reads() is True
        assert sink.read_share == pytest.approx(1.0)
        sink.read_share = 0.25
        sink._cpu_at = (time.monotonic(), time.process_time(), sink._writer_cpu())
        assert [sink.writer_reads() for _ in range(8)].count(True) == 2
    finally:
        sink.close()


def test_the_writer_reads_pages_without_importing_scrapy():
    """Scrapy (and Twisted) would add ~30 MB to the writer's peak RSS for nothing."""
    code = (  # the writer's module, and what _Writer imports when it starts
        "import sys, wardnews.localwriter;"
        " import pipelines.storage, spiders.article_page, wardnews.warc, wardnews.writer;"
        " print(sorted({m.split('.')[0] for m in sys.modules} & {'scrapy', 'twisted'}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]", out.stdout


def test_a_crawl_exporting_its_items_reads_its_pages_itself(mirror, tmp_path):
    """`-o items.jsonl` exports what the spider yields: articles, not unread pages."""
    import json

    out = tmp_path / "items.jsonl"
    result = _crawl(mirror, tmp_path, "-o", str(out))
    assert result.returncode == 0, result.log[-3000:]
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    articles = [i for i in items if i["_kind"] == "article"]
    assert len(articles) >= 10 and all(a["title"] and a["body_html"] for a in articles)
    assert not [i for i in items if i["_kind"] == "page"]
    assert _stat(result.log, "archive/pages_read_by_writer") == 0
    assert len(result.rows("select url from articles")) == len(articles)
