"""Held-out sites: crawl layouts no profile was written for, and score the archive against truth.

Each folder under tests/unseen/ is one hand-written ward news site (see its site.json and the
_*.py module that renders it) with a truth.json per article URL. Every site is served as stored
bytes from a loopback server and crawled from its first listing page, as an outside checker
would. The tests assert recall of article URLs, per-field accuracy over all sites together,
that no document, tag page, listing or off-site URL became an article, one row per article,
and that each article URL given alone (`-a url=<article>`) is archived as itself. The
per-site, per-field table of misses is printed first so a failure says what rule is missing.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest

from tests.conftest import CrawlResult, run_crawl

pytestmark = pytest.mark.xdist_group("unseen")

UNSEEN = Path(__file__).resolve().parent / "unseen"
FIELDS = ["title", "published_at", "author", "author_org", "ward_code", "event_date"]
SELECT = "select url, title, published_at, author, author_org, ward_code, event_date from articles"
TEXT_FIELDS = {"title", "author", "author_org"}
MIN_RECALL = 0.95
MIN_FIELD_ACCURACY = 0.90
# Anything that is not loopback goes to a dead proxy: a crawler that wanders off-site fails
# fast instead of reaching the real portals.
OFFLINE = {
    "http_proxy": "http://127.0.0.1:9",
    "https_proxy": "http://127.0.0.1:9",
    "HTTP_PROXY": "http://127.0.0.1:9",
    "HTTPS_PROXY": "http://127.0.0.1:9",
    "no_proxy": "127.0.0.1,localhost",
    "NO_PROXY": "127.0.0.1,localhost",
}


def _query_key(path_query: str) -> tuple[str, tuple]:
    parts = urlsplit(path_query)
    return unquote(parts.path), tuple(sorted(parse_qsl(parts.query, keep_blank_values=True)))


class SiteServer:
    """One site's stored files on 127.0.0.1:<free port>; 404 for anything else."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.meta = json.loads((folder / "site.json").read_text(encoding="utf-8"))
        self.files: dict[str, str] = self.meta["files"]
        self.by_key = {_query_key(p): f for p, f in self.files.items()}
        self.charsets: dict[str, str] = self.meta.get("encoding", {})
        self.requests: list[tuple[str, int]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self, body: bool) -> None:
                file = server.lookup(self.path)
                server.requests.append((self.path, 200 if file else 404))
                if not file:
                    self.send_response(404)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                data = (server.folder / file).read_bytes()
                if file.endswith(".pdf"):
                    ctype = "application/pdf"
                else:
                    ctype = f"text/html; charset={server.charsets.get(file, 'utf-8')}"
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if body:
                    self.wfile.write(data)

            def do_GET(self):  # noqa: N802
                self._serve(True)

            def do_HEAD(self):  # noqa: N802
                self._serve(False)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def lookup(self, path_query: str) -> str | None:
        """The stored file for a request path, or None. Query order and percent-encoding do
        not matter; under `any_query` prefixes (Liferay content URLs) the query is ignored."""
        file = self.files.get(path_query) or self.by_key.get(_query_key(path_query))
        path = urlsplit(path_query).path
        if not file and any(path.startswith(p) for p in self.meta.get("any_query", [])):
            file = self.files.get(path)
        return file

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_OLD_TONE = re.compile(r"([oOuU])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ])(?![^\W\d_])")


def _move_tone(m: re.Match) -> str:
    first, second = m.group(1), unicodedata.normalize("NFD", m.group(2))
    tone = "".join(c for c in second if c in _TONE_MARKS)
    bare = "".join(c for c in second if c not in _TONE_MARKS)
    return unicodedata.normalize("NFC", first + tone) + bare


def canon(value: str | None, name: str) -> str | None:
    """Comparable form: NFC, collapsed spaces; for text, old/new tone placement made equal
    (`hoà` and `hòa`, `Thuỷ` and `Thủy` are the same spelling)."""
    if value is None:
        return None
    text = " ".join(unicodedata.normalize("NFC", str(value)).split())
    if name in TEXT_FIELDS:
        text = _OLD_TONE.sub(_move_tone, text)
    return text


@dataclass
class SiteResult:
    name: str
    truth: dict[str, dict]
    crawl: CrawlResult | None = None
    found: dict[str, dict] = field(default_factory=dict)  # truth key -> best row
    duplicates: list[tuple[str, list[str]]] = field(default_factory=list)
    extras: list[tuple[str, str]] = field(default_factory=list)  # (url, why)
    misses: list[tuple[str, str, object, object]] = field(default_factory=list)
    correct: dict[str, int] = field(default_factory=dict)
    requests: list[tuple[str, int]] = field(default_factory=list)
    # article stored when its URL was crawled alone (-a url=) -> its field misses then
    direct: dict[str, list] = field(default_factory=dict)
    # given directly but not stored as itself -> what was stored instead
    direct_instead: dict[str, list[str]] = field(default_factory=dict)
    direct_rc: int | None = None  # exit code of the crawl of all article URLs


def _resolve(url: str, truth: dict, server: SiteServer) -> tuple[str | None, str | None]:
    """Article row URL -> (truth key, None) or (None, what it is instead)."""
    parts = urlsplit(url)
    full = parts.path + (f"?{parts.query}" if parts.query else "")
    aliases = server.meta.get("aliases", {})
    for cand in (full, unquote(full), parts.path):
        if cand in truth:
            return cand, None
        if cand in aliases:
            return aliases[cand], None
    key = _query_key(full)
    for t in truth:
        if _query_key(t) == key:
            return t, None
    if parts.hostname not in ("127.0.0.1", "localhost", None):
        # A canonical link may name the portal's public host; the path still identifies it.
        if parts.path in truth:
            return parts.path, None
        return None, f"off-site ({parts.hostname})"
    file = server.lookup(full)
    if file:
        kind = "document" if file.endswith(".pdf") else file.split("-")[0] + " page"
        return None, f"non-article: {kind} {file}"
    return None, "unknown URL (not served)"


def _crawl(server: SiteServer, tmp: Path, urls: list[str]) -> CrawlResult:
    meta = server.meta
    return run_crawl(
        tmp,
        "-a",
        "url=" + ",".join(f"{server.base}{u}" for u in urls),
        "-a",
        f"district={meta['district']}",
        "-a",
        f"province={meta['province']}",
        env=OFFLINE,
        timeout=600,
    )


def _read_rows(crawl: CrawlResult, result: SiteResult) -> list[dict]:
    if not crawl.db.exists():
        return []
    try:
        return [dict(r) for r in crawl.rows(SELECT)]
    except Exception as exc:  # no table: the crawl never stored anything
        result.extras.append(("<database>", f"cannot read articles: {exc}"))
        return []


def _compare(key: str, row: dict, truth: dict) -> list[tuple[str, str, object, object]]:
    want = truth[key]
    return [
        (key, name, want[name], row[name])
        for name in FIELDS
        if canon(want[name], name) != canon(row[name], name)
    ]


def _direct_rows(crawl: CrawlResult, result: SiteResult, truth: dict, server: SiteServer):
    """Rows of a crawl of article URLs, by the truth key their URL names."""
    rows = {}
    for row in _read_rows(crawl, result):
        key, _ = _resolve(row["url"], truth, server)
        rows.setdefault(key or row["url"], row)
    return rows


def _crawl_site(folder: Path, tmp: Path) -> SiteResult:
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    result = SiteResult(folder.name, truth)
    with SiteServer(folder) as server:
        result.crawl = _crawl(server, tmp / "listing", [server.meta["listing"]])
        result.requests = list(server.requests)
        matched: dict[str, list[dict]] = {}
        for row in _read_rows(result.crawl, result):
            key, why = _resolve(row["url"], truth, server)
            if key is None:
                result.extras.append((row["url"], why))
            else:
                matched.setdefault(key, []).append(row)
        for key, group in matched.items():
            if len(group) > 1:
                result.duplicates.append((key, [r["url"] for r in group]))
            exact = [r for r in group if urlsplit(r["url"]).path == urlsplit(key).path]
            result.found[key] = (exact or group)[0]
        result.correct = dict.fromkeys(FIELDS, 0)
        for key, row in result.found.items():
            wrong = _compare(key, row, truth)
            result.misses += wrong
            for name in FIELDS:
                result.correct[name] += name not in {w[1] for w in wrong}
        # The contract's other entry point: `-a url=<article URL>` crawls just that article.
        # First all of a site's article URLs in one crawl; that crawl is clean when each was
        # fetched once and stored as itself, and nothing else was fetched (a page taken for a
        # listing fetches its links, which are other articles of the batch: fetched twice).
        # Otherwise one crawl per article pins down which pages were taken for listings.
        if result.requests:  # (no requests: the crawler did not even start)
            before = len(server.requests)
            batch = _crawl(server, tmp / "direct", list(truth))
            result.direct_rc = batch.returncode
            fetched = [p for p, _ in server.requests[before:] if p != "/robots.txt"]
            stored = _direct_rows(batch, result, truth, server)
            clean = sorted(fetched) == sorted(truth) and set(stored) == set(truth)
            alone = {}
            if not clean:
                with ThreadPoolExecutor(max_workers=3) as pool:
                    crawls = {
                        k: pool.submit(_crawl, server, tmp / f"direct-{n}", [k])
                        for n, k in enumerate(truth)
                    }
                alone = {
                    k: _direct_rows(c.result(), result, truth, server) for k, c in crawls.items()
                }
            for key in truth:
                rows = alone.get(key, stored)
                if key in rows:
                    result.direct[key] = _compare(key, rows[key], truth)
                else:
                    result.direct_instead[key] = [r["url"] for r in rows.values()]
    return result


@pytest.fixture(scope="module")
def unseen(tmp_path_factory) -> list[SiteResult]:
    folders = sorted(p.parent for p in UNSEEN.glob("*/site.json"))
    assert folders, "no held-out sites under tests/unseen/"
    with ThreadPoolExecutor(max_workers=6) as pool:
        futures = [
            pool.submit(_crawl_site, f, tmp_path_factory.mktemp(f"unseen-{f.name}"))
            for f in folders
        ]
        results = [f.result() for f in futures]
    print(_report(results))
    return results


def _short(value: object, width: int = 70) -> str:
    text = "NULL" if value is None else repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _fetched(result: SiteResult, key: str) -> str:
    """Whether the crawler ever asked for an article it did not store, and what it got."""
    bare = not urlsplit(key).query
    codes = [
        code
        for path, code in result.requests
        if _query_key(path) == _query_key(key) or (bare and urlsplit(path).path == key)
    ]
    return f"fetched, HTTP {sorted(set(codes))}" if codes else "never requested"


def _report(results: list[SiteResult]) -> str:
    lines = ["", "=" * 100, "HELD-OUT SITES (tests/unseen)", "=" * 100]
    head = f"{'site':<11}{'rc':>3}{'found':>8}" + "".join(f"{f:>14}" for f in FIELDS)
    lines += [head, "-" * len(head)]
    total = found = 0
    correct = dict.fromkeys(FIELDS, 0)
    for r in results:
        n, k = len(r.truth), len(r.found)
        total, found = total + n, found + k
        cells = "".join(f"{r.correct[f]:>10}/{k:<3}" for f in FIELDS)
        lines.append(f"{r.name:<11}{r.crawl.returncode:>3}{f'{k}/{n}':>8}{cells}")
        for f in FIELDS:
            correct[f] += r.correct[f]
    lines.append("-" * len(head))
    lines.append(
        f"{'ALL':<14}{f'{found}/{total}':>8}"
        + "".join(f"{correct[f] / found if found else 0:>14.0%}" for f in FIELDS)
    )
    lines.append(f"recall {found / total:.1%}")
    direct = sum(len(r.direct) for r in results)
    lines.append(
        f"article URLs crawled alone (-a url=<article>) and stored as themselves: {direct}/{total}"
    )
    codes = {r.name: r.direct_rc for r in results if r.direct_rc}
    lines.append(f"`-a url=<article URLs>` crawls with a non-zero exit: {codes or 'none'}")
    for r in results:
        missing = sorted(set(r.truth) - set(r.found))
        if not (missing or r.misses or r.extras or r.duplicates or r.direct_instead):
            continue
        lines += ["", f"--- {r.name} (crawl exit {r.crawl.returncode})"]
        for key in missing:
            lines.append(f"  NOT FOUND  {key}  [{_fetched(r, key)}]")
            if key in r.direct:
                wrong = r.direct[key]
                right = f"{len(FIELDS) - len(wrong)}/{len(FIELDS)}"
                lines.append(f"             fetched directly: {right} fields right")
                for _, name, want, got in wrong:
                    lines.append(f"               {name}: want {_short(want)} got {_short(got)}")
        for key, instead in sorted(r.direct_instead.items()):
            lines.append(f"  DIRECT URL {key}: crawled alone with -a url=, not stored as itself;")
            lines.append(
                f"             stored instead: {instead[:4]}{' ...' if len(instead) > 4 else ''}"
            )
        for key, urls in r.duplicates:
            lines.append(f"  DUPLICATE  {key}: {len(urls)} rows {urls}")
        for url, why in r.extras:
            lines.append(f"  EXTRA      {url}  [{why}]")
        for key, name, want, got in sorted(r.misses, key=lambda m: (FIELDS.index(m[1]), m[0])):
            lines.append(f"  {name:<13}{key}")
            lines.append(f"               want {_short(want)}")
            lines.append(f"               got  {_short(got)}")
        if not r.found:
            lines.append("  crawl log (tail):")
            lines += ["    " + s for s in r.crawl.log.strip().splitlines()[-25:]]
            lines.append(f"  requests: {r.requests[:20]}")
    lines.append("=" * 100)
    return "\n".join(lines)


def test_recall(unseen):
    total = sum(len(r.truth) for r in unseen)
    found = sum(len(r.found) for r in unseen)
    assert found / total >= MIN_RECALL, f"recall {found}/{total} = {found / total:.1%}"


def test_field_accuracy(unseen):
    found = sum(len(r.found) for r in unseen)
    assert found, "no article found on any held-out site"
    poor = {}
    for name in FIELDS:
        share = sum(r.correct[name] for r in unseen) / found
        if share < MIN_FIELD_ACCURACY:
            poor[name] = f"{share:.1%}"
    assert not poor, f"fields below {MIN_FIELD_ACCURACY:.0%}: {poor}"


def test_no_non_article_became_an_article(unseen):
    extras = [(r.name, url, why) for r in unseen for url, why in r.extras]
    assert not extras, extras


def test_one_row_per_article(unseen):
    dupes = [(r.name, key, urls) for r in unseen for key, urls in r.duplicates]
    assert not dupes, dupes


def test_article_url_given_directly_is_archived(unseen):
    """`scrapy crawl ward_news -a url=<article URL>` archives that article (CONTRACT.md)."""
    lost = {r.name: sorted(r.direct_instead) for r in unseen if r.direct_instead}
    assert not lost, lost
    # Nothing was broken: every URL given was archived (CONTRACT.md, exit codes).
    codes = {r.name: r.direct_rc for r in unseen if r.direct_rc}
    assert not codes, f"crawls of article URLs exited non-zero: {codes}"
