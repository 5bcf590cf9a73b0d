"""Shared fixtures: the mirror served on a free loopback port, and crawls run as processes."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITES = ROOT / "mirror" / "sites"
SEED_TITLE = (
    "Phường Bách Khoa tổng kết phong trào thi đua năm 2017 và phát động phong trào năm 2018"
)
SEED_PATH = (
    "/haibatrung/hoat-dong-cac-phuong1/-/view_content/2225876-phuong-bach-khoa-tong-ket-"
    "phong-trao-thi-dua-nam-2017-va-phat-dong-phong-trao-nam-20-1.html"
)

# A crawl against a loopback mirror has no reason to be slow.
FAST = [
    "-s",
    "AUTOTHROTTLE_ENABLED=0",
    "-s",
    "DOWNLOAD_DELAY=0",
    "-s",
    "CONCURRENT_REQUESTS_PER_DOMAIN=16",
    "-s",
    "PROGRESS_INTERVAL=0",
    "-s",
    "RETRY_BACKOFF_BASE=0.05",
    "-s",
    "LOG_LEVEL=INFO",
]


@dataclass
class CrawlResult:
    returncode: int
    log: str
    db: Path

    def rows(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        conn = sqlite3.connect(self.db)
        conn.row_factory = sqlite3.Row
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()


def free_port() -> int:
    """A free TCP port on 127.0.0.1 (for servers the tests start)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def http_process(cmd: list, ready_url: str, log_path: Path, cwd: Path = ROOT, timeout: float = 60):
    """Start a server process, wait until `ready_url` answers, yield it, stop it.

    Its output goes to `log_path`, whose end is the error when it dies or never answers.
    """
    log = log_path.open("w")
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(ready_url, timeout=2):
                    break
            except urllib.error.HTTPError:
                break  # it answers: an error page is an answer
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    raise RuntimeError(log_path.read_text()[-2000:]) from None
                time.sleep(0.2)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def crawl_command(db: Path, warc: Path, *args: str) -> list[str]:
    """The command line of a crawl into `db` and `warc`, fast on loopback, plus ARGS."""
    return [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        "ward_news",
        "-s",
        f"ARCHIVE_DB={db}",
        "-s",
        f"WARC_DIR={warc}",
        *FAST,
        *args,
    ]


def run_crawl(
    tmp: Path,
    *args: str,
    db: Path | None = None,
    warc: Path | None = None,
    timeout: float = 300,
    env: dict | None = None,
) -> CrawlResult:
    """`scrapy crawl ward_news ARGS` as a separate process, from the repository root."""
    db = db or tmp / "archive.db"
    proc = subprocess.run(
        crawl_command(db, warc or tmp / "warc", *args),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )
    return CrawlResult(proc.returncode, proc.stdout + proc.stderr, db)


@pytest.fixture(scope="session")
def mirror():
    """The bundled mirror, served read-only for the whole session."""
    from mirror.server import MirrorServer

    server = MirrorServer(root=SITES)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def mirror_copy(tmp_path):
    """A private, editable copy of the mirror, served on its own port."""
    from mirror.server import MirrorServer

    root = tmp_path / "sites"
    shutil.copytree(SITES, root)
    server = MirrorServer(root=root)
    server.start()
    yield server
    server.stop()
