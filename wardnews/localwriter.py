"""The archive writer process: a local crawl's second core.

A crawl process spends most of its time in Scrapy itself; normalising an article,
compressing its WARC records and committing it to SQLite cost as much again. With
`ARCHIVE_WRITER_PROCESS` on (the default), the crawl hands that work to one child process
(`python -m wardnews.localwriter`), so the two run side by side:

* the crawl process downloads, reads listings and sends, in order, over the child's stdin:
  ("exchange", ...) an HTTP exchange to write as WARC records and a `captures` row;
  ("item", ...) a scraped item, normalised (pipelines.normalize) and stored
  (pipelines.storage.apply_event) as a local crawl would, its outcome counted; an article
  page comes unread (a "page" item) and is read here first (spiders.article_page);
  ("event", ...) any other record (sources, removals, the crawl_runs row);
  ("sync", None) a request for the counts so far, answered once everything sent before it
  is committed.
* the child is the only writer of archive.db and of its WARC files. It commits a batch when
  the store's thresholds say so (ARCHIVE_FLUSH_ITEMS / ARCHIVE_FLUSH_SECONDS) and whenever
  its input goes quiet for ARCHIVE_FLUSH_SECONDS.

Frames are a 4-byte length and a pickle; both ends are this project's code on one
machine. A full pipe blocks the crawl, which is the back-pressure wanted when the writer
falls behind. When the crawl process dies (even by SIGKILL) the child reads end-of-file,
commits what it has and exits; when the child dies, the crawl stops, broken.
"""

from __future__ import annotations

import fcntl
import logging
import os
import pickle
import queue
import select
import signal
import struct
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wardnews.store import ArchiveStore

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

__all__ = ["ProcessSink", "serve"]

logger = logging.getLogger(__name__)

_HEADER = struct.Struct("<I")
_PIPE_BYTES = 1 << 20  # about 20 article pages in flight (Linux's default pipe-max-size)
_INBOX = 256  # messages read ahead by the writer (about 12 MB of pages)
_END = object()
_BALANCE_SECONDS = 0.5  # how often the share of pages the writer reads is adjusted ...
_BALANCE_STEP = 0.05  # ... and by how much
_CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _write_all(fd: int, *parts: bytes) -> None:
    views = [memoryview(p) for p in parts]
    while views:
        sent = os.writev(fd, views)
        while views and sent >= len(views[0]):
            sent -= len(views[0])
            views.pop(0)
        if views and sent:
            views[0] = views[0][sent:]


def _grow_pipe(fd: int) -> None:
    try:
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
    except (AttributeError, OSError):  # not Linux, or above pipe-max-size: keep 64 KB
        pass


class _Frames:
    """Length-prefixed pickles read from a file descriptor, with an optional wait limit."""

    def __init__(self, fd: int):
        self.fd = fd
        self.buf = bytearray()

    def _fill(self, size: int, timeout: float | None) -> bool:
        while len(self.buf) < size:
            if timeout is not None and not select.select([self.fd], [], [], timeout)[0]:
                return False
            chunk = os.read(self.fd, max(_PIPE_BYTES, size - len(self.buf)))
            if not chunk:
                raise EOFError
            self.buf += chunk
        return True

    def read(self, timeout: float | None = None) -> Any:
        """The next message; None when nothing came within `timeout`; EOFError at the end."""
        if not self._fill(_HEADER.size, timeout):
            return None
        (size,) = _HEADER.unpack_from(self.buf)
        self._fill(_HEADER.size + size, None)
        message = pickle.loads(memoryview(self.buf)[_HEADER.size : _HEADER.size + size])
        del self.buf[: _HEADER.size + size]
        return message


def _send(fd: int, message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    _write_all(fd, _HEADER.pack(len(data)), data)


# --- the crawl's side ---------------------------------------------------------------------


class ProcessSink:
    """The crawl's end of the writer process (see the module docstring)."""

    distributed = False
    writes_warc = True
    normalises = True
    parses = True  # the spider may send article pages unread (spiders.article_page)

    def __init__(
        self,
        settings: BaseSettings,
        store: ArchiveStore,
        on_death: Callable[[str], None] | None = None,
    ):
        # `store` (opened, so the schema exists before the child opens the file) is for
        # reading the archive's state only: every write goes to the child, unless it died.
        self.store = store
        self.on_death = on_death  # called once, with the reason, if the writer dies
        config = {
            "db": settings["ARCHIVE_DB"],
            "flush_items": settings.getint("ARCHIVE_FLUSH_ITEMS"),
            "flush_seconds": settings.getfloat("ARCHIVE_FLUSH_SECONDS"),
            "warc_dir": settings["WARC_DIR"],
            "warc_max_size": settings.getint("WARC_MAX_SIZE"),
            "warc_gzip_level": settings.getint("WARC_GZIP_LEVEL", 6),
            "log_level": settings.get("LOG_LEVEL", "INFO"),
            "log_file": settings.get("LOG_FILE"),  # the crawl's log, when it has one
        }
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "wardnews.localwriter"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
            close_fds=True,
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self._out = self.proc.stdin.fileno()
        _grow_pipe(self._out)
        self._replies = _Frames(self.proc.stdout.fileno())
        self.problem: str | None = None  # why the writer failed, for the crawl's verdict
        self.dead = False
        self.dropped = 0  # items and captures that came after the writer died
        self.peak_rss_mb: float | None = None
        self.cpu_seconds: float | None = None
        self._closed = False
        self._send(("config", config))
        # Which process reads article pages: a fixed share for the writer, or balanced.
        reads = str(settings.get("ARCHIVE_WRITER_READS", "auto")).strip().lower()
        self._balance = reads == "auto"
        self.read_share = 1.0 if self._balance else min(1.0, max(0.0, float(reads)))
        self._credit = 0.0
        self._pages = [0, 0]  # article pages read by the crawl, by the writer
        self._cpu_at = (time.monotonic(), time.process_time(), self._writer_cpu())

    def _send(self, message: Any) -> bool:
        """Send one message; False when the writer is gone (the crawl is being stopped)."""
        if not self.dead:
            try:
                _send(self._out, message)
                return True
            except OSError as exc:
                self._died(f"{exc.strerror or exc}")
        return False

    def _died(self, why: str) -> None:
        if self.dead:
            return
        self.dead = True
        time.sleep(0.1)  # let the exit status be there to report
        self.problem = self.problem or (
            f"archive writer process died ({self._exit_status()}): {why}; what it had not"
            " committed is fetched again by the next crawl"
        )
        logger.error("%s", self.problem)
        if self.on_death is not None:
            self.on_death(self.problem)

    def _exit_status(self) -> str:
        code = self.proc.poll()
        return "still running" if code is None else f"exit status {code}"

    # --- who reads article pages -----------------------------------------------------
    def _writer_cpu(self) -> float | None:
        """The writer's CPU seconds so far (Linux /proc; None elsewhere)."""
        try:
            with open(f"/proc/{self.proc.pid}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS
        except (OSError, IndexError, ValueError):
            return None

    def _rebalance(self) -> None:
        """Move reading towards the process that used less CPU over the last interval.

        Throughput is the busier process's: when the writer (normalising, compressing,
        indexing) is the busier one, the crawl reads a larger share of the pages itself,
        and the other way round; when neither is busy the share does not matter.
        """
        now = time.monotonic()
        at, crawl_cpu, writer_cpu = self._cpu_at
        if now - at < _BALANCE_SECONDS:
            return
        crawl_now, writer_now = time.process_time(), self._writer_cpu()
        self._cpu_at = (now, crawl_now, writer_now)
        if writer_now is None or writer_cpu is None:
            return
        crawl_used, writer_used = crawl_now - crawl_cpu, writer_now - writer_cpu
        if writer_used > crawl_used * 1.05:
            self.read_share = max(0.0, self.read_share - _BALANCE_STEP)
        elif crawl_used > writer_used * 1.05:
            self.read_share = min(1.0, self.read_share + _BALANCE_STEP)

    def writer_reads(self) -> bool:
        """Whether the writer reads the next article page (else the crawl reads it)."""
        if self.dead:
            return False
        if self._balance:
            self._rebalance()
        self._credit += self.read_share
        reads = self._credit >= 1.0
        if reads:
            self._credit -= 1.0
        self._pages[reads] += 1
        return reads

    # What the spider, the pipelines and the WARC middleware call.
    def push(self, kind: str, payload: dict[str, Any]) -> None:
        if not self._send(("event", {"_kind": kind, **payload})):
            # The crawl process is the only writer left: the crawl_runs row, sources,
            # removals still reach the archive.
            from pipelines.storage import apply_event

            apply_event(self.store, {"_kind": kind, **payload})

    def store_item(self, item: dict[str, Any], stats: Any) -> None:
        if not self._send(("item", item)):
            self.dropped += 1

    def exchange(self, exchange: dict[str, Any], capture: dict[str, Any]) -> str | None:
        """Queue one HTTP exchange for the WARC file and `captures`; return its record id."""
        record_id = f"<urn:uuid:{uuid.uuid4()}>"
        if self._send(("exchange", {**exchange, "record_id": record_id}, capture)):
            return record_id
        self.dropped += 1
        return None

    def sync(self, stats: Any) -> None:
        """Wait until everything sent is committed; add the writer's counts to `stats`."""
        if self._closed or not self._send(("sync", None)):
            return
        try:
            reply = self._replies.read()
        except EOFError:
            self._died("it stopped answering")
            return
        self._merge(reply, stats)

    def _merge(self, reply: dict[str, Any], stats: Any) -> None:
        for name, n in reply["tally"].items():
            stats.inc_value(name, n)
        if reply["failed"]:
            stats.inc_value("archive/writer_failed", reply["failed"])
            self.problem = self.problem or (
                f"archive writer could not store {reply['failed']} records"
                f" (first: {reply['first_error']})"
            )

    def close(self, stats: Any = None) -> None:
        """Let the writer commit everything and exit; then close the reading store."""
        if self._closed:
            return
        self._closed = True
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.close()  # end of input: the child commits, replies and exits
        try:
            reply = self._replies.read()
        except EOFError:
            reply = None
        _, status, usage = os.wait4(self.proc.pid, 0)
        self.proc.returncode = os.waitstatus_to_exitcode(status)
        self.proc.stdout.close()
        self.peak_rss_mb = usage.ru_maxrss / 1024
        self.cpu_seconds = usage.ru_utime + usage.ru_stime
        # The child's own peak where /proc tells it: wait4's ru_maxrss starts from the
        # crawl's RSS at the moment the child was spawned (vfork + exec).
        if reply is not None and reply.get("peak_rss_mb"):
            self.peak_rss_mb = reply["peak_rss_mb"]
        if reply is not None and stats is not None:
            self._merge(reply, stats)
        if self.proc.returncode != 0 and not self.problem:
            self.problem = f"archive writer process failed ({self._exit_status()})"
        if stats is not None:
            stats.set_value("archive/writer_peak_rss_mb", round(self.peak_rss_mb, 1))
            stats.set_value("archive/writer_cpu_seconds", round(self.cpu_seconds, 2))
            stats.set_value("archive/pages_read_by_crawl", self._pages[0])
            stats.set_value("archive/pages_read_by_writer", self._pages[1])
            if self.dropped:
                stats.set_value("archive/dropped_after_writer_died", self.dropped)
        self.store.close()


# --- the writer's side --------------------------------------------------------------------


class _Writer:
    """Applies the crawl's messages to the archive and the WARC files, in order."""

    def __init__(self, config: dict[str, Any]):
        from pipelines.storage import apply_event, count_item
        from spiders.article_page import read_page
        from wardnews.warc import WarcFileWriter
        from wardnews.writer import Tally, normalized

        self.apply_event, self.count_item, self.normalized = apply_event, count_item, normalized
        self.read_page = read_page
        self.store = ArchiveStore(
            config["db"], flush_items=config["flush_items"], flush_seconds=config["flush_seconds"]
        )
        self.flush_seconds = config["flush_seconds"]
        self.warc = WarcFileWriter(
            config["warc_dir"], config["warc_max_size"], gzip_level=config["warc_gzip_level"]
        )
        self.tally = Tally()
        self.failed = 0
        self.first_error: str | None = None

    def handle(self, kind: str, *args: Any) -> None:
        try:
            if kind == "exchange":
                exchange, capture = args
                where = self.warc.write_exchange(**exchange)
                self.store.add_capture({**capture, **where})
            elif kind == "item":
                (item,) = args
                if item.get("_kind") == "page":
                    item = self.read_page(item, self.tally)
                event = self.normalized(item)
                outcome = self.apply_event(self.store, event)
                self.count_item(self.tally, event, outcome)
            elif kind == "event":
                self.apply_event(self.store, args[0])
            else:
                raise ValueError(f"unknown message {kind!r}")
        except Exception as exc:  # one bad record must not stop the archive
            self.failed += 1
            self.first_error = self.first_error or f"{kind}: {exc!r}"
            logger.exception("archive writer: cannot store a %s record", kind)
            self._record_failure(kind, args, exc)

    def _record_failure(self, kind: str, args: tuple[Any, ...], exc: Exception) -> None:
        """An article that could not be stored is a failure row, retried by the next crawl."""
        record = args[0] if args else {}
        if record.get("_kind") == "page":  # an unread page: the URL the crawl asked for
            url = record["meta"].get("redirect_urls", [record["url"]])[0]
        else:
            url = record.get("requested_url") or record.get("url")
        if kind != "item" or not url:
            return
        from wardnews.warc import utc_now

        try:
            self.store.add_failure(
                {
                    "url": url,
                    "source": record.get("source"),
                    "kind": "store",
                    "reason": f"cannot normalise or store: {exc!r}"[:500],
                    "capture_id": record.get("capture_id"),
                    "at": utc_now(),
                    "run_id": record.get("run_id"),
                    "page_kind": "article" if record["_kind"] == "page" else record["_kind"],
                }
            )
        except Exception:
            logger.exception("archive writer: cannot record the failure either")

    def reply(self) -> dict[str, Any]:
        """Commit; the counts since the last reply."""
        self.store.flush()
        reply = {"tally": dict(self.tally), "failed": self.failed, "first_error": self.first_error}
        self.tally.clear()
        self.failed = 0
        return reply

    def close(self) -> None:
        self.store.close()
        self.warc.close()


def _own_peak_rss_mb() -> float | None:
    """This process's peak RSS since its exec (Linux: VmHWM), else None."""
    try:
        with open("/proc/self/status", "rb") as status:
            for line in status:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def serve(in_fd: int = 0, out_fd: int = 1) -> None:
    """The child's loop: read messages until end-of-file, then commit and reply."""
    frames = _Frames(in_fd)
    _, config = frames.read()
    logging.basicConfig(
        level=config["log_level"],
        format="%(asctime)s [%(name)s] %(levelname)s: %(message)s",
        # Appended line by line to the crawl's own log file, else on the crawl's stderr.
        **({"filename": config["log_file"]} if config.get("log_file") else {"stream": sys.stderr}),
    )
    writer = _Writer(config)
    quiet_after = max(0.05, writer.flush_seconds)
    # A thread keeps the pipe drained while the loop below is busy (a batch commit takes
    # longer than the crawl needs to fill the pipe); past _INBOX messages it waits, and the
    # crawl with it.
    inbox: queue.Queue[Any] = queue.Queue(maxsize=_INBOX)

    def read_all() -> None:
        try:
            while True:
                inbox.put(frames.read())
        except EOFError:
            pass
        except Exception:  # a torn frame: stop here, the crawl sees the writer gone
            logger.exception("archive writer: cannot read the crawl's input")
            os._exit(70)
        finally:
            inbox.put(_END)

    threading.Thread(target=read_all, name="writer-input", daemon=True).start()
    try:
        while True:
            try:
                message = inbox.get(timeout=quiet_after)
            except queue.Empty:  # input went quiet: commit what is waiting
                writer.store.flush()
                continue
            if message is _END:
                break
            kind = message[0]
            if kind == "sync":
                _send(out_fd, writer.reply())
            else:
                writer.handle(*message)
        final = {**writer.reply(), "peak_rss_mb": _own_peak_rss_mb()}
    finally:
        writer.close()
    try:
        _send(out_fd, final)
    except BrokenPipeError:  # the crawl is gone (killed): what it sent is committed
        pass


if __name__ == "__main__":
    # Ctrl-C in a terminal and a service manager's SIGTERM reach the whole process group:
    # the crawl shuts down gracefully and still has records to send, so the writer leaves
    # when its input ends, not on those signals.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    # stdout carries replies only; anything printed by a library goes to stderr.
    reply_fd = os.dup(1)
    os.dup2(2, 1)
    serve(0, reply_fd)
    sys.exit(0)
