"""Nightly crawls: incremental, resumable, loud (issue: nightly crawls)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time

from tests.conftest import ROOT, crawl_command, run_crawl

SITE = "haibatrung"


def article_paths(server) -> set[str]:
    return {u.replace(server.base_url, "") for u in server.article_urls(SITE)}


def fetched(server) -> list[str]:
    return [path for method, path, status in list(server.requests) if method == "GET"]


def crawl(server, tmp, *extra, **kw):
    return run_crawl(
        tmp, "-a", f"url={server.listing_url(SITE)}", "-a", f"source={SITE}", *extra, **kw
    )


def test_second_crawl_fetches_only_first_listing_pages(mirror_copy, tmp_path):
    first = crawl(mirror_copy, tmp_path)
    assert first.returncode == 0, first.log[-3000:]
    mirror_copy.clear_requests()
    second = crawl(mirror_copy, tmp_path)
    assert second.returncode == 0, second.log[-3000:]
    paths = fetched(mirror_copy)
    assert not set(paths) & article_paths(mirror_copy), "an unchanged article was fetched"
    listing_fetches = [p for p in paths if p != "/robots.txt"]
    # The first listing page, plus at most LISTING_LOOKAHEAD (1) more.
    assert 1 <= len(listing_fetches) <= 2, listing_fetches
    (run,) = second.rows("select * from crawl_runs order by started_at desc limit 1")
    assert (run["outcome"], run["articles_new"], run["article_pages"]) == ("ok", 0, 0)


def test_new_articles_are_fetched_and_nothing_else(mirror_copy, tmp_path):
    from mirror.generate import add_articles

    assert crawl(mirror_copy, tmp_path).returncode == 0
    before = article_paths(mirror_copy)
    add_articles(mirror_copy.root / SITE, 3)
    added = article_paths(mirror_copy) - before
    assert len(added) == 3
    mirror_copy.clear_requests()
    result = crawl(mirror_copy, tmp_path)
    assert result.returncode == 0, result.log[-3000:]
    paths = fetched(mirror_copy)
    assert set(paths) & article_paths(mirror_copy) == added
    assert len([p for p in paths if p in added]) == 3  # each once
    (n,) = result.rows("select count(*) from articles")[0]
    assert n == len(before) + 3


def test_recheck_notices_an_edit(mirror_copy, tmp_path):
    assert crawl(mirror_copy, tmp_path).returncode == 0
    url = sorted(mirror_copy.article_urls(SITE))[5]
    path = mirror_copy.file_for(url)
    html = path.read_text(encoding="utf-8")
    marker = "Nội dung được cập nhật bổ sung."
    # Edit the body: add a paragraph after the first one.
    path.write_text(html.replace("</p>", f"</p><p>{marker}</p>", 1), encoding="utf-8")
    os.utime(path, (time.time() + 5, time.time() + 5))
    # Re-check everything first seen in the last 60 days and not checked in the last 0 days.
    result = crawl(mirror_copy, tmp_path, "-s", "RECHECK_INTERVAL_DAYS=0")
    assert result.returncode == 0, result.log[-3000:]
    (row,) = result.rows("select body_text, revision_count from articles where url = ?", (url,))
    assert marker in row["body_text"] and row["revision_count"] == 2
    (others,) = result.rows("select count(*) from articles where revision_count > 1")[0:1]
    assert others[0] == 1


def test_killed_crawl_resumes_without_loss_or_duplicates(mirror_copy, tmp_path):
    reference = crawl(mirror_copy, tmp_path / "ref")
    assert reference.returncode == 0
    expected = {r["url"] for r in reference.rows("select url from articles")}
    db, warc = tmp_path / "killed.db", tmp_path / "warc"
    cmd = crawl_command(
        db,
        warc,
        "-a",
        f"url={mirror_copy.listing_url(SITE)}",
        "-a",
        f"source={SITE}",
        "-s",
        "CONCURRENT_REQUESTS_PER_DOMAIN=1",
        "-s",
        "DOWNLOAD_DELAY=0.05",
        "-s",
        "ARCHIVE_FLUSH_ITEMS=5",
    )
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        time.sleep(0.2)
        if db.exists():
            import sqlite3

            try:
                n = sqlite3.connect(db).execute("select count(*) from articles").fetchone()[0]
            except sqlite3.OperationalError:
                n = 0
            if n >= 10:
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    import sqlite3

    partial = sqlite3.connect(db).execute("select count(*) from articles").fetchone()[0]
    assert 0 < partial < len(expected), "the kill should land mid-crawl"
    resumed = run_crawl(
        tmp_path,
        "-a",
        f"url={mirror_copy.listing_url(SITE)}",
        "-a",
        f"source={SITE}",
        db=db,
        warc=warc,
    )
    assert resumed.returncode == 0, resumed.log[-3000:]
    urls = [r["url"] for r in resumed.rows("select url from articles")]
    assert len(urls) == len(set(urls)) and set(urls) == expected
    (revs,) = resumed.rows("select count(*) from revisions")[0]
    assert revs == len(expected)


def _site_files(server, articles: bool):
    """The files of the site's article pages, or of its listing pages."""
    if articles:
        yield from (server.file_for(u) for u in server.article_urls(SITE))
        return
    info = json.loads((server.root / SITE / "urls.json").read_text(encoding="utf-8"))
    yield from {
        server.root / SITE / f
        for u, f in info["files"].items()
        if u.split("?")[0] == info["listing"]
    }


def test_article_layout_change_makes_the_crawl_exit_non_zero(mirror_copy, tmp_path):
    assert crawl(mirror_copy, tmp_path).returncode == 0
    # The portal moves its articles to a script-rendered template: the HTML is a shell.
    for path in _site_files(mirror_copy, articles=True):
        text = path.read_text(encoding="utf-8")
        head = text.split("<body", 1)[0]
        head = re.sub(r"<meta[^>]+(?:og:|article:|description)[^>]*>", "", head)
        path.write_text(
            head + '<body><div id="app">Đang tải...</div>'
            '<script src="/static/app.js"></script></body></html>',
            encoding="utf-8",
        )
    result = crawl(mirror_copy, tmp_path, "-a", "full=1")
    assert result.returncode == 3, result.log[-3000:]
    (run,) = result.rows("select outcome, reason from crawl_runs order by started_at desc limit 1")
    assert run["outcome"] == "failed" and SITE in run["reason"]
    assert "CRAWL BROKEN" in result.log
    # Nothing archived is lost or degraded.
    (n,) = result.rows("select count(*) from articles where body_text is null or title is null")[0]
    assert n == 0


def test_listing_without_article_links_makes_the_crawl_exit_non_zero(mirror_copy, tmp_path):
    assert crawl(mirror_copy, tmp_path).returncode == 0
    for path in _site_files(mirror_copy, articles=False):
        text = path.read_text(encoding="utf-8", errors="ignore")
        path.write_text(
            re.sub(r'href="[^"]*view_content[^"]*"', 'href="#"', text), encoding="utf-8"
        )
    result = crawl(mirror_copy, tmp_path)
    assert result.returncode == 3, result.log[-3000:]
    (run,) = result.rows("select outcome, reason from crawl_runs order by started_at desc limit 1")
    assert run["outcome"] == "failed" and SITE in run["reason"]


def test_server_answering_503_makes_the_crawl_exit_non_zero(tmp_path):
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Down(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(503)
            self.send_header("Retry-After", "0")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Down)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/tin-tuc/hoat-dong-cac-phuong"
        result = run_crawl(tmp_path, "-a", f"url={url}", "-s", "RETRY_TIMES=1")
    finally:
        server.shutdown()
    assert result.returncode == 3, result.log[-3000:]
    (run,) = result.rows("select outcome, reason, errors_by_kind from crawl_runs")
    assert run["outcome"] == "failed" and "127.0.0.1" in run["reason"]
    failures = result.rows("select kind, url from failures")
    assert failures and all(f["kind"] == "http" for f in failures)


def test_healthy_crawl_records_its_run(mirror, tmp_path):
    result = run_crawl(tmp_path, "-a", f"url={mirror.listing_url(SITE)}", "-a", f"source={SITE}")
    assert result.returncode == 0
    (run,) = result.rows("select * from crawl_runs")
    assert run["outcome"] == "ok" and run["reason"] is None
    assert run["articles_new"] == run["article_pages"] > 0
    assert json.loads(run["sources"]) == [SITE]
    assert run["started_at"] < run["finished_at"]
    (per_source,) = result.rows("select * from run_sources")
    coverage = json.loads(per_source["field_coverage"])
    assert coverage["title"] == 1.0 and coverage["published_at"] >= 0.9


def test_an_unlisted_article_is_marked_removed_and_checked_again_when_listed(mirror_copy, tmp_path):
    assert crawl(mirror_copy, tmp_path).returncode == 0
    first_page = mirror_copy.file_for(mirror_copy.listing_url(SITE))
    paths = sorted(article_paths(mirror_copy), key=len)
    path = next(p for p in paths if p in first_page.read_text(encoding="utf-8"))
    link = re.compile(rf"<a\b[^>]*href=\"[^\"]*{re.escape(path)}\"[^>]*>.*?</a>", re.S)
    originals = {f: f.read_text(encoding="utf-8") for f in _site_files(mirror_copy, False)}
    for f, text in originals.items():
        f.write_text(link.sub("", text), encoding="utf-8")
    # A full walk of the listings (what notices removals) no longer meets it.
    result = crawl(mirror_copy, tmp_path, "-a", "full=1")
    assert result.returncode == 0, result.log[-3000:]
    url = mirror_copy.base_url + path
    removed = result.rows("select url, removed_reason from articles where removed_at is not null")
    assert [tuple(r) for r in removed] == [(url, "no longer listed")]
    # Listed again on the first page: the next (incremental) crawl checks it, and it is back.
    for f, text in originals.items():
        f.write_text(text, encoding="utf-8")
    mirror_copy.clear_requests()
    result = crawl(mirror_copy, tmp_path)
    assert result.returncode == 0, result.log[-3000:]
    assert path in fetched(mirror_copy)
    assert result.rows("select count(*) from articles where removed_at is not null")[0][0] == 0


def test_an_article_listed_under_another_url_than_its_canonical_one_is_not_removed(tmp_path):
    """The listing links `...html?tu=danh-sach`; the page names `...html` canonical. At the
    end of a complete walk that article was listed: it must not be marked removed."""
    from tests.faultserver import FaultServer, crawl_site

    with FaultServer(articles=4, per_page=10) as site:
        linked = site.articles[1]
        plain = site.listing_html

        def listing_html(page: int) -> str:
            own = f'href="{linked.path}"'
            return plain(page).replace(own, f'href="{linked.path}?tu=danh-sach"')

        site.listing_html = listing_html
        for run in (1, 2):  # the first walk, then a full one over the archive
            result = crawl_site(site, tmp_path, *(("-a", "full=1") if run == 2 else ()))
            assert result.returncode == 0, result.log[-3000:]
            rows = result.rows("select url, requested_url, removed_at from articles order by url")
            assert len(rows) == 4
            by_url = {r["url"]: r for r in rows}
            assert by_url[linked.url]["requested_url"] == linked.url + "?tu=danh-sach"
            assert [r["url"] for r in rows if r["removed_at"]] == [], run
