"""Shared helpers of the bench scripts: running crawls as timed processes, and statistics."""

from __future__ import annotations

import os
import platform
import re
import resource
import shlex
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PYTHON = str(ROOT / ".venv" / "bin" / "python")

__all__ = [
    "ROOT",
    "OUT",
    "PYTHON",
    "LOOPBACK",
    "Run",
    "run_process",
    "full_crawl_cmd",
    "minimal_crawl_cmd",
    "summary",
    "machine",
    "fresh_archive",
]

# Politeness relaxed for a loopback server (the project's defaults are for real portals).
LOOPBACK = [
    "-s",
    "AUTOTHROTTLE_ENABLED=0",
    "-s",
    "DOWNLOAD_DELAY=0",
    "-s",
    "CONCURRENT_REQUESTS=32",
    "-s",
    "CONCURRENT_REQUESTS_PER_DOMAIN=32",
    "-s",
    "LOG_LEVEL=INFO",
]


@dataclass
class Run:
    """One crawl process: wall time, pages fetched, requests made, peak RSS."""

    seconds: float
    responses: int
    requests: int
    peak_rss_mb: float
    returncode: int
    log: str
    cpu_seconds: float = 0.0  # user + system time of the process and its writer process
    writer_rss_mb: float = 0.0  # peak RSS of the archive writer process (0 when none)
    writer_cpu_seconds: float = 0.0  # its CPU time (part of cpu_seconds)
    pages_read_by_writer: int = 0  # article pages the writer read (ARCHIVE_WRITER_READS)
    pages_read_by_crawl: int = 0

    @property
    def total_rss_mb(self) -> float:
        """Crawl and writer process together (each one's peak, added: an upper bound)."""
        return self.peak_rss_mb + self.writer_rss_mb

    @property
    def pages_per_s(self) -> float:
        return self.responses / self.seconds

    @property
    def pages_per_cpu_s(self) -> float:
        return self.responses / self.cpu_seconds


def _stat(log: str, name: str) -> float:
    m = re.search(rf"'{re.escape(name)}': ([\d.]+)", log)
    return float(m.group(1)) if m else 0


def run_process(cmd: list[str], cwd: Path = ROOT, log_path: Path | None = None) -> Run:
    """Run a crawl to its end; wall time of the whole process, peak RSS from wait4()."""
    log_file = open(log_path or os.devnull, "w+b")  # noqa: SIM115
    # A child's ru_maxrss starts from its parent's peak (vfork + exec): a benchmark that
    # grew big itself would read its own size as the crawl's.
    parent_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=log_file, stderr=subprocess.STDOUT)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    log = ""
    if log_path:
        log_file.seek(0)
        log = log_file.read().decode("utf-8", "replace")
    log_file.close()
    if usage.ru_maxrss / 1024 <= parent_peak + 1:
        print(
            f"warning: the crawl's peak RSS ({usage.ru_maxrss / 1024:.0f} MB) may be this"
            f" benchmark's own ({parent_peak:.0f} MB), inherited at spawn",
            flush=True,
        )
    return Run(
        seconds,
        int(_stat(log, "downloader/response_count")),
        int(_stat(log, "downloader/request_count")),
        usage.ru_maxrss / 1024,
        proc.returncode,
        log,
        # wait4 counts the CPU time of the children the crawl waited for (its writer).
        usage.ru_utime + usage.ru_stime,
        _stat(log, "archive/writer_peak_rss_mb"),
        _stat(log, "archive/writer_cpu_seconds"),
        int(_stat(log, "archive/pages_read_by_writer")),
        int(_stat(log, "archive/pages_read_by_crawl")),
    )


def fresh_archive() -> tuple[Path, Path]:
    """A temporary (archive.db, warc dir) pair."""
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="bench-crawl-", dir=OUT))
    tmp.chmod(0o755)  # nginx workers (nobody) serve a site copied in here
    return tmp / "archive.db", tmp / "warc"


def full_crawl_cmd(listing_url: str, db: Path, warc: Path, *extra: str) -> list[str]:
    """`scrapy crawl ward_news` of one synthetic site, every pipeline on."""
    return [
        PYTHON,
        "-m",
        "scrapy",
        "crawl",
        "ward_news",
        "-a",
        f"url={listing_url}",
        "-a",
        "source=haibatrung",
        "-s",
        f"ARCHIVE_DB={db}",
        "-s",
        f"WARC_DIR={warc}",
        *LOOPBACK,
        *extra,
    ]


def minimal_crawl_cmd(listing_url: str) -> list[str]:
    """The discard-only baseline spider, run outside the project (no project settings)."""
    return [
        PYTHON,
        "-m",
        "scrapy",
        "runspider",
        str(ROOT / "bench" / "minimal_spider.py"),
        "-a",
        f"url={listing_url}",
        *LOOPBACK,
    ]


def show(cmd: list[str]) -> str:
    """A command line to paste (paths relative to the repository root)."""
    return " ".join(shlex.quote(c.replace(str(ROOT) + "/", "")) for c in cmd)


def summary(values: list[float], fmt: str = "{:.1f}") -> str:
    """'median X (min Y, max Z, n=N)'."""
    return (
        f"median {fmt.format(statistics.median(values))} (min {fmt.format(min(values))},"
        f" max {fmt.format(max(values))}, n={len(values)})"
    )


def machine() -> str:
    """nproc, CPU, RAM, Python, Scrapy, SQLite, nginx versions."""
    import scrapy

    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    nginx = subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip()
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {mem:.1f} GiB RAM, {platform.platform()}, "
        f"Python {sys.version.split()[0]}, Scrapy {scrapy.__version__}, "
        f"SQLite {sqlite3.sqlite_version}, {nginx}; load average now "
        f"{Path('/proc/loadavg').read_text().split()[0]}"
    )


def remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
