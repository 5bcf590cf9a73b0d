"""Content faults: charsets, bytes that are not text, huge pages, broken HTML, and garbage
served for articles already archived ("nothing lost").

Two crawls (processes) into one archive:

1. new articles served in odd encodings, as binary, huge, malformed, as an error page with
   status 200, or empty;
2. (`full=1`) the archived articles come back as an error page, an empty page, a page cut
   off mid-body, a body cut short against its Content-Length, and one genuinely edited:
   only the edit may replace what the archive holds.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from pipelines.storage import is_degraded
from tests.faultserver import (
    ERROR_PAGE_TEXT,
    FaultServer,
    crawl_site,
    encode_cp1258,
    snapshot,
    warc_records,
)

# One worker runs the whole module: its crawls are module-scoped fixtures.
pytestmark = pytest.mark.xdist_group("faults_content")

CRAWL = ["-s", "DOWNLOAD_TIMEOUT=20", "-s", "RETRY_TIMES=1", "-s", "DOWNLOAD_MAXSIZE=40000000"]
HUGE_SIZE = 30 * 1024 * 1024  # > PARSE_MAX_BYTES (5 MB), < DOWNLOAD_MAXSIZE
TOO_BIG_SIZE = 45_000_000  # > DOWNLOAD_MAXSIZE (40 MB here)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16

CP1258_DECLARED = 0  # windows-1258 in the header and a <meta>
CP1258_BARE = 1  # windows-1258 bytes, no charset anywhere
UTF8_SAID_LATIN1 = 2  # UTF-8 bytes, header says iso-8859-1 (a server default)
CP1258_SAID_UTF8 = 3  # windows-1258 bytes, header says utf-8
CP1258_META_ONLY = 4  # windows-1258 declared only in the <meta>
BINARY_PDF = 5  # a PDF (no NUL byte near the start) served as text/html
BINARY_PNG = 6  # a PNG served as text/html
HUGE = 7  # 30 MB page
TOO_BIG = 8  # 45 MB page, above DOWNLOAD_MAXSIZE
MALFORMED = 9  # unclosed tags, nested tables, a second <html>
SOFT404_NEW = 10  # "Trang bạn yêu cầu không tồn tại", status 200, never archived before
EMPTY_NEW = 11  # status 200, no body, never archived before
# Archived by crawl 1, garbage in crawl 2:
SOFT404 = 12
EMPTY = 13
TRUNCATED = 14  # 200 with a well-delimited body that stops mid-article
CUT = 15  # body cut short against its Content-Length, every attempt
EDITED = CP1258_DECLARED  # in crawl 2: a real edit (new title, one more paragraph)

CHARSETS = {
    CP1258_DECLARED: dict(encoding="windows-1258"),
    CP1258_BARE: dict(encoding="windows-1258", header=None, meta=None),
    UTF8_SAID_LATIN1: dict(encoding="utf-8", header="iso-8859-1", meta=None),
    CP1258_SAID_UTF8: dict(encoding="windows-1258", header="utf-8", meta=None),
    CP1258_META_ONLY: dict(encoding="windows-1258", header=None),
}
CONTENT_COLUMNS = (
    "title",
    "body_text",
    "body_html",
    "content_hash",
    "published_at",
    "author",
    "last_changed_at",
    "revision_count",
    "capture_id",
)


class Crawl:
    def __init__(self, result, site: FaultServer):
        self.result = result
        self.hits = site.log

    def rows(self, sql, params=()):
        return [dict(r) for r in self.result.rows(sql, params)]

    def article(self, url: str) -> dict | None:
        rows = self.rows("select * from articles where url = ?", (url,))
        return rows[0] if rows else None

    def failures(self, url: str) -> list[dict]:
        return self.rows("select * from failures where url = ? order by id", (url,))

    def captures(self, url: str) -> list[dict]:
        return self.rows("select * from captures where url = ? order by fetched_at", (url,))


@pytest.fixture(scope="module")
def crawls(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("content")
    with FaultServer(articles=16, per_page=8) as site:
        a = site.articles
        for index, options in CHARSETS.items():
            site.fault(a[index].path, "charset", **options)
        site.fault(a[BINARY_PDF].path, "binary")
        site.fault(a[BINARY_PNG].path, "binary", data=PNG)
        site.fault(a[HUGE].path, "huge", size=HUGE_SIZE)
        site.fault(a[TOO_BIG].path, "huge", size=TOO_BIG_SIZE)
        site.fault(a[MALFORMED].path, "malformed")
        site.fault(a[SOFT404_NEW].path, "soft404")
        site.fault(a[EMPTY_NEW].path, "empty")
        result = crawl_site(site, tmp, *CRAWL)
        result.db = snapshot(result.db, tmp / "after-first.db")
        first = Crawl(result, site)

        site.clear()
        site.reset_log()
        site.fault(a[SOFT404].path, "soft404")
        site.fault(a[EMPTY].path, "empty")
        site.fault(a[TRUNCATED].path, "truncated")
        site.fault(a[CUT].path, "short")
        edited = replace(
            a[EDITED],
            title=a[EDITED].title + " (cập nhật)",
            paragraphs=[
                *a[EDITED].paragraphs,
                "Bài viết được cập nhật thêm danh sách các tập thể, cá nhân được khen thưởng.",
            ],
        )
        site.fault(a[EDITED].path, "page", body=site.article_html(edited).encode())
        second = Crawl(crawl_site(site, tmp, *CRAWL, "-a", "full=1"), site)
        yield site, first, second, edited, warc_records(tmp / "warc")


# --- charsets ---------------------------------------------------------------------------------
@pytest.mark.parametrize("index", sorted(CHARSETS))
def test_charset_is_detected_and_decoded(crawls, index):
    site, first, *_ = crawls
    a = site.articles[index]
    row = first.article(a.url)
    assert row is not None, first.failures(a.url)
    assert row["title"] == a.title
    assert row["body_text"].split("\n\n")[:4] == a.paragraphs
    assert row["author"] == a.byline.split(" - ")[0]


@pytest.mark.parametrize("index", sorted(CHARSETS))
def test_raw_bytes_are_captured_as_served(crawls, index):
    site, first, *_, warc = crawls
    a, options = site.articles[index], CHARSETS[index]
    meta = options.get("meta", "same")
    page = site.article_html(a, meta_charset=options["encoding"] if meta == "same" else meta)
    sent = encode_cp1258(page) if options["encoding"] == "windows-1258" else page.encode()
    (capture,) = first.captures(a.url)
    assert capture["size"] == len(sent)
    header = options.get("header", "same")
    declared = options["encoding"] if header == "same" else header
    assert capture["content_type"] == (
        f"text/html; charset={declared}" if declared else "text/html"
    )
    (record,) = [r for r in warc if r["id"] == capture["id"]]
    assert record["size"] == len(sent)


# --- not text, too big ------------------------------------------------------------------------
@pytest.mark.parametrize("index,size", [(BINARY_PDF, None), (BINARY_PNG, len(PNG))])
def test_binary_served_as_html_is_captured_not_parsed(crawls, index, size):
    site, first, *_, warc = crawls
    url = site.articles[index].url
    assert first.article(url) is None
    (failure,) = first.failures(url)
    assert (failure["kind"], failure["status"]) == ("binary", 200)
    assert "not an HTML page" in failure["reason"]
    (capture,) = first.captures(url)
    assert failure["capture_id"] == capture["id"]
    assert capture["content_type"].startswith("text/html")
    assert capture["id"] in {r["id"] for r in warc}
    if size is not None:
        assert capture["size"] == size


def test_huge_page_is_captured_not_parsed(crawls):
    site, first, *_, warc = crawls
    url = site.articles[HUGE].url
    assert first.article(url) is None
    (failure,) = first.failures(url)
    assert failure["kind"] == "oversized" and "PARSE_MAX_BYTES" in failure["reason"]
    (capture,) = first.captures(url)
    assert failure["capture_id"] == capture["id"]
    assert capture["size"] == len(site.huge_html(HUGE_SIZE)) > 30_000_000
    (record,) = [r for r in warc if r["id"] == capture["id"]]
    assert record["size"] == capture["size"]


def test_page_above_download_maxsize_is_abandoned_and_recorded(crawls):
    site, first, *_ = crawls
    url = site.articles[TOO_BIG].url
    assert first.article(url) is None and first.captures(url) == []
    (failure,) = first.failures(url)
    assert failure["kind"] == "oversized" and "max size" in failure["reason"]
    # A size limit is not a transient error: one attempt, no retries.
    assert len([h for h in first.hits if h.path == site.articles[TOO_BIG].path]) == 1


# --- broken HTML ------------------------------------------------------------------------------
def test_malformed_html_is_still_read(crawls):
    site, first, *_ = crawls
    a = site.articles[MALFORMED]
    row = first.article(a.url)
    assert row["title"] == a.title
    for paragraph in a.paragraphs:
        assert paragraph in row["body_text"]
    assert "<html" not in row["body_html"] and "<head" not in row["body_html"]


# --- garbage for a new article ----------------------------------------------------------------
def test_error_page_with_200_is_not_archived_as_an_article(crawls):
    site, first, *_ = crawls
    url = site.articles[SOFT404_NEW].url
    assert (
        first.rows(
            "select url from articles where title like ? or url = ?", (f"%{ERROR_PAGE_TEXT}%", url)
        )
        == []
    )
    (failure,) = first.failures(url)
    assert failure["kind"] == "degraded" and "error page" in failure["reason"]
    assert failure["capture_id"] == first.captures(url)[0]["id"]


def test_empty_page_is_recorded_not_archived(crawls):
    site, first, *_ = crawls
    url = site.articles[EMPTY_NEW].url
    assert first.article(url) is None
    (failure,) = first.failures(url)
    assert failure["kind"] == "parse" and failure["status"] == 200
    (capture,) = first.captures(url)
    assert capture["size"] == 0 and failure["capture_id"] == capture["id"]


# --- nothing lost: garbage for an archived article ----------------------------------------
@pytest.mark.parametrize(
    "index,kind,reason",
    [
        (SOFT404, "degraded", "error page"),
        (EMPTY, "parse", "no title"),
        (TRUNCATED, "degraded", "ends before </html>"),
        (CUT, "dataloss", "Content-Length"),
    ],
)
def test_archived_article_survives_a_bad_fetch(crawls, index, kind, reason):
    site, first, second, *_ = crawls
    url = site.articles[index].url
    before, after = first.article(url), second.article(url)
    assert before is not None
    assert {c: after[c] for c in CONTENT_COLUMNS} == {c: before[c] for c in CONTENT_COLUMNS}
    assert len(second.rows("select id from revisions where url = ?", (url,))) == 1
    (failure,) = [f for f in second.failures(url) if f["resolved_at"] is None]
    assert failure["kind"] == kind and reason in failure["reason"], failure
    # The bad fetch itself is kept (captured), except a cut body, which never arrived.
    captures = second.captures(url)
    if kind == "dataloss":
        assert len(captures) == 1 and failure["capture_id"] is None
    else:
        assert len(captures) == 2 and failure["capture_id"] == captures[-1]["id"]


def test_a_real_edit_still_replaces_the_stored_version(crawls):
    site, first, second, edited, _ = crawls
    url = edited.url
    after = second.article(url)
    assert after["title"] == edited.title
    assert after["body_text"].split("\n\n")[:5] == edited.paragraphs
    assert after["revision_count"] == 2
    assert after["content_hash"] != first.article(url)["content_hash"]


def test_second_crawl_archives_what_the_first_could_not(crawls):
    site, first, second, *_ = crawls
    recovered = (BINARY_PDF, BINARY_PNG, HUGE, TOO_BIG, SOFT404_NEW, EMPTY_NEW)
    for index in recovered:
        url = site.articles[index].url
        assert second.article(url)["title"] == site.articles[index].title
        assert all(f["resolved_at"] for f in second.failures(url))
    assert len(second.rows("select url from articles")) == len(site.articles)
    runs = second.rows("select outcome, errors_by_kind from crawl_runs order by started_at")
    assert json.loads(runs[1]["errors_by_kind"]) == {"parse": 1, "dataloss": 1}


# --- is_degraded, case by case ----------------------------------------------------------------
BODY = "\n\n".join(
    [
        "Sáng ngày 22/12/2017, UBND phường Bách Khoa tổ chức Hội nghị tổng kết phong trào thi "
        "đua năm 2017 và phát động phong trào thi đua năm 2018.",
        "Tới dự có đồng chí đại diện lãnh đạo Quận ủy, UBND quận Hai Bà Trưng cùng các đồng "
        "chí trong Đảng ủy, HĐND, UBND, UBMTTQ phường và các tổ dân phố.",
        "Phát biểu tại hội nghị, đồng chí Chủ tịch UBND phường đề nghị các tổ dân phố tiếp tục "
        "phát huy những kết quả đạt được, tuyên truyền sâu rộng tới từng hộ gia đình.",
        "Dịp này, UBND phường đã khen thưởng 12 tập thể và 35 cá nhân có thành tích xuất sắc.",
    ]
)
OLD = {"title": "Phường Bách Khoa tổng kết phong trào thi đua", "body_text": BODY}


@pytest.mark.parametrize(
    "new,old,expected",
    [
        (OLD, None, None),
        (OLD, OLD, None),
        ({**OLD, "body_text": BODY + "\n\nĐoạn bổ sung."}, OLD, None),
        ({**OLD, "body_text": BODY.replace("12 tập thể", "15 tập thể")}, OLD, None),
        # rewritten shorter but not cut off: a real edit
        ({**OLD, "body_text": BODY.split("\n\n", 1)[1]}, OLD, None),
        ({**OLD, "page_truncated": True}, OLD, None),  # no </html> but nothing shorter
        # a long real article may say "không tồn tại"
        ({**OLD, "body_text": BODY + " Trang thông tin cũ không tồn tại nữa."}, OLD, None),
        (
            {"title": ERROR_PAGE_TEXT, "body_text": "Xin lỗi, trang bạn yêu cầu không tồn tại."},
            OLD,
            "error page",
        ),
        (
            {"title": ERROR_PAGE_TEXT, "body_text": "Vui lòng quay lại Trang chủ."},
            None,
            "error page",
        ),
        ({"title": "Lỗi 404", "body_text": ""}, None, "error page"),
        ({"title": "Cổng thông tin", "body_text": "Page not found"}, None, "error page"),
        ({"title": "", "body_text": BODY}, OLD, "no title"),
        ({**OLD, "body_text": ""}, OLD, "empty body"),
        ({**OLD, "body_text": BODY[:100]}, OLD, "chars, stored one"),
        ({**OLD, "body_text": BODY[:300]}, OLD, "cut off"),
        ({**OLD, "body_text": BODY[:420], "page_truncated": True}, OLD, "ends before </html>"),
        (
            {**OLD, "body_text": BODY[:420], "_raw": {"page_truncated": True}},
            OLD,
            "ends before </html>",
        ),
    ],
)
def test_is_degraded(new, old, expected):
    reason = is_degraded(new, old)
    if expected is None:
        assert reason is None
    else:
        assert reason is not None and expected in reason


def test_article_url_given_directly_in_windows_1258(tmp_path):
    """`-a url=<article>`: no listing, no profile named, no charset declared anywhere."""
    from tests.conftest import run_crawl

    with FaultServer(articles=2) as site:
        a = site.articles[1]
        site.fault(a.path, "charset", encoding="windows-1258", header=None, meta=None)
        result = run_crawl(tmp_path, "-a", f"url={a.url}")
    # (The exit code is left out: CrawlHealth judges a crawl of one article URL broken,
    # "no article links found on its listing"; reported to the lead.)
    (row,) = result.rows("select * from articles")
    assert (row["url"], row["title"]) == (a.url, a.title)
    assert row["body_text"].split("\n\n")[:4] == a.paragraphs


@pytest.mark.parametrize("kind", ["huge", "binary"])
def test_oversized_or_binary_listing_page_is_captured_not_parsed(tmp_path, kind):
    with FaultServer(articles=6, per_page=3) as site:
        page2 = site.listing_path(2)
        if kind == "huge":
            site.fault(page2, "huge", size=1_500_000)
        else:
            site.fault(page2, "binary", data=PNG)
        result = crawl_site(site, tmp_path, "-s", "PARSE_MAX_BYTES=1000000")
    urls = {r["url"] for r in result.rows("select url from articles")}
    assert urls == {a.url for a in site.articles[:3]}  # page 1's; page 2 was never read
    (failure,) = result.rows("select * from failures")
    assert (failure["url"], failure["page_kind"]) == (site.url(page2), "listing")
    assert failure["kind"] == ("oversized" if kind == "huge" else "binary")
    assert "captured only" in failure["reason"]
    (capture,) = result.rows("select * from captures where id = ?", (failure["capture_id"],))
    assert capture["url"] == site.url(page2) and capture["status"] == 200
