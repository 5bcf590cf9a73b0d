"""Static server for the bundled demo mirror (stdlib ThreadingHTTPServer, 127.0.0.1 only).

Every site directory under the root holds a ``urls.json`` whose ``files`` map a URL path
with query (``/haibatrung/hoat-dong-cac-phuong1?p_p_id=...&..._cur=2``) to a file inside
that directory. A request is answered from that map, query parameters in any order; the
bytes go out exactly as stored, with Content-Type (charset from the page's own meta tag for
HTML, so the windows-1258 page is labelled as such), Content-Length, Last-Modified (file
mtime) and ETag (hash of the bytes); If-None-Match / If-Modified-Since give 304. HEAD works,
``/robots.txt`` allows everything but ``/haibatrung/admin/``, anything else is 404, and so is
a mapped file that no longer exists. urls.json is re-read whenever it changes on disk.

Command line (what ``make mirror PORT=N`` runs)::

    python -m mirror.server --port 8765 [--host 127.0.0.1] [--root mirror/sites]

prints one line per site, ``<name> <absolute listing URL>``, then serves until SIGINT or
SIGTERM.

From Python::

    with MirrorServer() as server:               # port 0: a free port
        server.listing_url("haibatrung")         # http://127.0.0.1:PORT/haibatrung/hoat-dong-cac-phuong1
        server.article_urls("haibatrung")        # absolute URLs, from truth.json
        server.requests                          # [(method, path_with_query, status), ...]

A test that needs a site to change works on a copy::

    copy = tmp_path / "sites"
    shutil.copytree(mirror.server.SITES_DIR, copy)
    with MirrorServer(root=copy) as server:
        # edit an article in place: the new bytes get a new ETag and Last-Modified
        server.file_for(url).write_bytes(new_html)
        # remove an article: its URL answers 404 from now on
        server.file_for(url).unlink()
        # publish three new articles at the top of the first listing page
        from mirror.generate import add_articles
        new_paths = add_articles(copy / "haibatrung", 3)
        # add a page by hand: write the file, then add its URL to urls.json "files"
"""

from __future__ import annotations

import argparse
import email.utils
import hashlib
import json
import mimetypes
import re
import signal
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

__all__ = ["MirrorServer", "SITES_DIR", "ROBOTS_TXT", "main"]

SITES_DIR = Path(__file__).resolve().parent / "sites"

ROBOTS_TXT = b"""User-agent: *
Disallow: /haibatrung/admin/
Allow: /
"""

TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".json": "application/json",
    ".rss": "application/rss+xml",
    ".xml": "application/xml",
    ".txt": "text/plain",
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".ico": "image/vnd.microsoft.icon",
}
TEXTUAL = {".html", ".htm", ".css", ".js", ".json", ".rss", ".xml", ".txt"}
NOT_FOUND_PAGE = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>404 Not Found</title></head>'
    "<body><h1>404 - Không tìm thấy trang</h1></body></html>"
).encode()
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)


def url_key(path_with_query: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Lookup key: decoded path and sorted query pairs; '/a?y=2&x=1' == '/a?x=1&y=2'."""
    parts = urlsplit(path_with_query)
    query = tuple(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return unquote(parts.path or "/"), query


def content_type(path: Path, data: bytes) -> str:
    """Content-Type for a stored file; HTML takes its charset from its own meta tag."""
    ext = path.suffix.lower()
    kind = TYPES.get(ext) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if ext in (".html", ".htm"):
        match = META_CHARSET.search(data[:2048])
        charset = match.group(1).decode("ascii").lower() if match else "utf-8"
        return f"{kind}; charset={charset}"
    if ext in TEXTUAL:
        return f"{kind}; charset=utf-8"
    return kind


class SiteIndex:
    """URL -> file over every site under a root, reloaded when a urls.json changes."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self._lock = threading.Lock()
        self._signature: tuple = ()
        self._map: dict[tuple, Path] = {}
        self._sites: dict[str, dict] = {}

    def _current_signature(self) -> tuple:
        entries = []
        if self.root.is_dir():
            for child in sorted(self.root.iterdir()):
                urls = child / "urls.json"
                try:
                    entries.append((child.name, urls.stat().st_mtime_ns, urls.stat().st_size))
                except OSError:
                    continue
        return tuple(entries)

    def refresh(self) -> None:
        """Re-read urls.json files if any changed."""
        signature = self._current_signature()
        if signature == self._signature:
            return
        with self._lock:
            mapping: dict[tuple, Path] = {}
            sites: dict[str, dict] = {}
            for name, _, _ in signature:
                site_dir = self.root / name
                try:
                    doc = json.loads((site_dir / "urls.json").read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    continue
                sites[doc.get("site", name)] = {**doc, "dir": site_dir}
                for url, rel in doc.get("files", {}).items():
                    mapping[url_key(url)] = site_dir / rel
            self._map, self._sites, self._signature = mapping, sites, signature

    def lookup(self, path_with_query: str) -> Path | None:
        """The file for a request target, or None."""
        self.refresh()
        return self._map.get(url_key(path_with_query))

    def sites(self) -> dict[str, dict]:
        """site name -> its urls.json (plus 'dir')."""
        self.refresh()
        return dict(self._sites)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def version_string(self) -> str:
        """Server header."""
        return "ward-news-mirror"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        """Quiet: the request list on the server object is the log."""

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        self._serve(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(head=True)

    def _serve(self, head: bool) -> None:
        mirror: _MirrorHTTPServer = self.server  # type: ignore[assignment]
        target = self.path
        if target.startswith(("http://", "https://")):  # absolute-form request target
            parts = urlsplit(target)
            target = parts.path + (f"?{parts.query}" if parts.query else "")
        status, body, ctype, validators = self._answer(mirror, target)
        # Logged before the reply goes out, so a client that has its answer sees it logged.
        mirror.record(self.command, target, int(status))
        self.send_response(status)
        if status != HTTPStatus.NOT_MODIFIED:
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
        if validators is not None:
            etag, mtime = validators
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", email.utils.formatdate(mtime, usegmt=True))
        self.end_headers()
        if not head and status != HTTPStatus.NOT_MODIFIED:
            self.wfile.write(body)

    def _answer(
        self, mirror: _MirrorHTTPServer, target: str
    ) -> tuple[HTTPStatus, bytes, str, tuple[str, int] | None]:
        """(status, body, content type, (etag, mtime) or None) for a request target."""
        path_only = url_key(target)[0]
        if path_only == "/robots.txt":
            return HTTPStatus.OK, ROBOTS_TXT, "text/plain; charset=utf-8", None
        if path_only == "/":
            return HTTPStatus.OK, mirror.index_page(), "text/html; charset=utf-8", None
        path = mirror.index.lookup(target)
        try:
            data = path.read_bytes() if path is not None else None
            mtime = int(path.stat().st_mtime) if path is not None else 0
        except OSError:  # mapped but deleted (or a directory)
            data = None
        if path is None or data is None:
            return HTTPStatus.NOT_FOUND, NOT_FOUND_PAGE, "text/html; charset=utf-8", None
        etag = '"' + hashlib.sha1(data).hexdigest()[:20] + '"'
        if self._not_modified(etag, mtime):
            return HTTPStatus.NOT_MODIFIED, b"", "", (etag, mtime)
        return HTTPStatus.OK, data, content_type(path, data), (etag, mtime)

    def _not_modified(self, etag: str, mtime: int) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = [t.strip().removeprefix("W/") for t in inm.split(",")]
            return "*" in tags or etag in tags
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                since = email.utils.parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError):
                return False
            return mtime <= since
        return False


class _MirrorHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], index: SiteIndex):
        super().__init__(address, _Handler)
        self.index = index
        self._requests: list[tuple[str, str, int]] = []
        self._lock = threading.Lock()

    def record(self, method: str, target: str, status: int) -> None:
        with self._lock:
            self._requests.append((method, target, status))

    def index_page(self) -> bytes:
        links = "".join(
            f'<li><a href="{doc["listing"]}">{name}</a> ({doc.get("family", "")})</li>'
            for name, doc in sorted(self.index.sites().items())
        )
        head = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Demo mirror</title></head>'
        return f"{head}<body><ul>{links}</ul></body></html>".encode()


class MirrorServer:
    """The mirror in a background thread: `with MirrorServer() as s: s.listing_url(name)`."""

    def __init__(self, root: Path | str = SITES_DIR, host: str = "127.0.0.1", port: int = 0):
        self.root = Path(root)
        self.host, self.port = host, port
        self.index = SiteIndex(self.root)
        self._httpd: _MirrorHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> MirrorServer:
        """Bind and serve in a daemon thread; returns self."""
        if self._httpd is None:
            self._httpd = _MirrorHTTPServer((self.host, self.port), self.index)
            self.port = self._httpd.server_address[1]
            self._thread = threading.Thread(
                target=self._httpd.serve_forever,
                name="mirror-server",
                kwargs={"poll_interval": 0.1},
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            if self._thread is not None:
                self._thread.join(timeout=5)
            self._httpd = self._thread = None

    def __enter__(self) -> MirrorServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        """'http://127.0.0.1:PORT'."""
        return f"http://{self.host}:{self.port}"

    def sites(self) -> list[str]:
        """Names of the served sites."""
        return sorted(self.index.sites())

    def listing_url(self, site: str) -> str:
        """Absolute URL of a site's first listing page."""
        return self.base_url + self.index.sites()[site]["listing"]

    def article_urls(self, site: str) -> list[str]:
        """Absolute URLs of a site's articles (newest first), from its truth.json."""
        truth = self.truth(site)
        return [self.base_url + a["url"] for a in truth["articles"]]

    def truth(self, site: str) -> dict:
        """A site's truth.json."""
        site_dir = self.index.sites()[site]["dir"]
        return json.loads((site_dir / "truth.json").read_text(encoding="utf-8"))

    @property
    def requests(self) -> list[tuple[str, str, int]]:
        """Copy of the (method, path_with_query, status) served so far."""
        if self._httpd is None:
            return []
        with self._httpd._lock:
            return list(self._httpd._requests)

    def clear_requests(self) -> None:
        """Forget the requests served so far."""
        if self._httpd is not None:
            with self._httpd._lock:
                self._httpd._requests.clear()

    def file_for(self, url: str) -> Path | None:
        """The file served for an absolute URL (or a path with query), None if unmapped."""
        parts = urlsplit(url)
        return self.index.lookup(parts.path + (f"?{parts.query}" if parts.query else ""))


def main(argv: list[str] | None = None) -> int:
    """CLI: serve until SIGINT/SIGTERM."""
    parser = argparse.ArgumentParser(description="Serve the bundled demo mirror.")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--root", type=Path, default=SITES_DIR)
    args = parser.parse_args(argv)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):  # before the first line: callers may stop us then
        signal.signal(sig, lambda *_: stop.set())
    server = MirrorServer(args.root, args.host, args.port).start()
    for name in server.sites():
        print(f"{name} {server.listing_url(name)}", flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
