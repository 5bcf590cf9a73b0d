"""The Datasette publication: search, metadata, canned queries, feeds, pages, served in-process.

The archive is built with the real writer (wardnews.store.ArchiveStore) from hand-written
Vietnamese articles, then served through Datasette's own test client, with metadata.yml
and the wardnews plugin exactly as `datasette archive.db -m metadata.yml` serves them.
"""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
import threading
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import quote_plus

import pytest
import yaml

from normalize.text import content_hash, fold, html_to_text, sanitize_html
from wardnews.store import ArchiveStore

ROOT = Path(__file__).resolve().parent.parent
METADATA = ROOT / "metadata.yml"
DB_NAME = "archive"

BASE = "https://haibatrung.hanoi.gov.vn/tin-hoat-dong-cac-phuong"
# The reference article of the demo (CONTRACT.md).
REFERENCE_TITLE = (
    "Phường Bách Khoa tổng kết phong trào thi đua năm 2017 và phát động phong trào năm 2018"
)
URLS = {
    "reference": f"{BASE}/phuong-bach-khoa-tong-ket-phong-trao-thi-dua-nam-2017.html",
    "dang_uy": f"{BASE}/dang-uy-phuong-dong-tam-so-ket-6-thang.html",
    "the_hoi": f"{BASE}/phuong-thanh-nhan-to-chuc-giai-the-thao.html",
    "the_he": f"{BASE}/the-he-tre-phuong-nguyen-du.html",
    "hoa_giai": f"{BASE}/bach-khoa-ra-mat-to-hoa-giai.html",
    "changed": f"{BASE}/nguyen-du-lich-tiep-cong-dan.html",
    "removed": f"{BASE}/thong-bao-cat-dien.html",
    "script": f"{BASE}/thong-bao-lich-tiep-dan.html",
    "date_only": f"{BASE}/dong-tam-ve-sinh-moi-truong.html",
    "no_date": f"{BASE}/thanh-nhan-phong-chay.html",
}

WARDS = [
    {
        "code": "00256",
        "name": "Phường Nguyễn Du",
        "short_name": "Nguyễn Du",
        "latitude": 21.0176,
        "longitude": 105.8478,
        "new_code": "00256",
        "new_name": "Phường Hai Bà Trưng",
    },
    {
        "code": "00265",
        "name": "Phường Phố Huế",
        "short_name": "Phố Huế",
        "latitude": 21.0130,
        "longitude": 105.8510,
        "new_code": "00256",
        "new_name": "Phường Hai Bà Trưng",
    },
    {
        "code": "00277",
        "name": "Phường Bách Khoa",
        "short_name": "Bách Khoa",
        "latitude": 21.004269,
        "longitude": 105.84591,
        "new_code": "00292",
        "new_name": "Phường Bạch Mai",
    },
    {
        "code": "00283",
        "name": "Phường Đồng Tâm",
        "short_name": "Đồng Tâm",
        "latitude": 20.9978,
        "longitude": 105.8413,
        "new_code": "00292",
        "new_name": "Phường Bạch Mai",
    },
    {
        "code": "00289",
        "name": "Phường Thanh Nhàn",
        "short_name": "Thanh Nhàn",
        "latitude": 21.0035,
        "longitude": 105.8556,
        "new_code": "00292",
        "new_name": "Phường Bạch Mai",
    },
]
for _ward in WARDS:
    _ward.update(
        district="Quận Hai Bà Trưng",
        district_code="007",
        province="Thành phố Hà Nội",
        province_code="01",
    )
WARD_NAMES = {w["code"]: w["name"] for w in WARDS}


def _article(
    key: str,
    ward_code: str,
    title: str,
    paragraphs: list[str],
    *,
    published_at: str | None,
    published_raw: str | None,
    author: str | None,
    author_org: str | None = None,
    category: str = "Hoạt động các phường",
    event_date: str | None = None,
    mentions: list[dict] | None = None,
    capture_id: str | None = None,
) -> dict:
    """One article as the normalise pipeline hands it to the store."""
    # As the normalise pipeline does: sanitised HTML with absolute links, text from it.
    body_html = sanitize_html("".join(f"<p>{p}</p>" for p in paragraphs), URLS[key])
    body_text = html_to_text(body_html)
    ward = WARD_NAMES[ward_code]
    byline = " - ".join(filter(None, [author, author_org])) or None
    return {
        "url": URLS[key],
        "source": "haibatrung",
        "category": category,
        "title": title,
        "published_at": published_at,
        "published_raw": published_raw,
        "event_date": event_date,
        "author": author,
        "authors": json.dumps([author] if author else [], ensure_ascii=False),
        "author_org": author_org,
        "byline_raw": byline,
        "ward": ward,
        "ward_code": ward_code,
        "district": "Quận Hai Bà Trưng",
        "province": "Thành phố Hà Nội",
        "body_text": body_text,
        "body_html": body_html,
        "content_hash": content_hash(title, body_text),
        "capture_id": capture_id,
        "listing_url": f"{BASE}.html",
        "provenance": json.dumps({"title": capture_id}),
        "problems": None,
        "search_folded": fold(" ".join(filter(None, [title, author, ward, body_text]))),
        "mentions": mentions or [],
        "attachments": [],
    }


def _capture(n: int, url: str, fetched_at: str, run_id: str) -> dict:
    return {
        "id": f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>",
        "url": url,
        "method": "GET",
        "status": 200,
        "content_type": "text/html; charset=utf-8",
        "content_encoding": "gzip",
        "size": 18000 + n,
        "payload_digest": f"sha1:{'A' * 31}{n % 10}",
        "etag": None,
        "last_modified": None,
        "fetched_at": fetched_at,
        "warc_file": "wardnews-20260101-host-1.warc.gz",
        "warc_offset": 1000 * n,
        "warc_length": 5000,
        "warc_date": fetched_at,
        "source": "haibatrung",
        "truncated": False,
        "run_id": run_id,
    }


def build_archive(path: Path) -> dict[str, str]:
    """Write a small realistic archive.db at `path`; return the article URLs by key."""
    store = ArchiveStore(str(path))
    run1, run2 = "20260101T010000-aaaa1111", "20260108T010000-bbbb2222"
    t1, t2 = "2026-01-01T01:05:00Z", "2026-01-08T01:05:00Z"
    store.upsert_wards(WARDS)
    store.upsert_source(
        {
            "name": "haibatrung",
            "title": "Cổng thông tin điện tử quận Hai Bà Trưng",
            "district": "Quận Hai Bà Trưng",
            "province": "Thành phố Hà Nội",
            "profile": "portal_v2",
            "listing_urls": json.dumps([f"{BASE}.html"]),
            "walk_complete_at": t1,
            "last_new_article_at": t1,
            "last_success_at": t2,
        }
    )
    captures = {
        key: _capture(i + 1, url, t1, run1) for i, key in enumerate(URLS) for url in [URLS[key]]
    }
    for capture in captures.values():
        store.add_capture(capture)

    def cid(key: str) -> str:
        return captures[key]["id"]

    articles = [
        _article(
            "reference",
            "00277",
            REFERENCE_TITLE,
            [
                "Sáng ngày 22/12/2017, UBND phường Bách Khoa tổ chức hội nghị tổng kết "
                "phong trào thi đua năm 2017.",
                "<strong>Đồng chí Nguyễn Văn An</strong>, Chủ tịch UBND phường, phát động "
                "phong trào thi đua năm 2018 với chủ đề kỷ cương, văn minh.",
                'Xem <a href="https://haibatrung.hanoi.gov.vn/">cổng thông tin quận</a>.',
            ],
            published_at="2018-01-03T05:01:00+07:00",
            published_raw="Ngày đăng 03/01/2018 | 05:01",
            author="Minh Thuận",
            author_org="UBND phường Bách Khoa",
            event_date="2017-12-22",
            mentions=[
                {
                    "person": "Nguyễn Văn An",
                    "position": "Chủ tịch UBND phường",
                    "organisation": "UBND phường Bách Khoa",
                    "ward_code": "00277",
                }
            ],
            capture_id=cid("reference"),
        ),
        _article(
            "dang_uy",
            "00283",
            "Đảng ủy phường Đồng Tâm sơ kết 6 tháng đầu năm 2018",
            [
                "Chiều 10/7/2018, Đảng ủy phường Đồng Tâm tổ chức hội nghị sơ kết công "
                "tác 6 tháng đầu năm.",
                "Đồng chí Trần Thị Bình, Bí thư Đảng ủy phường, chủ trì hội nghị.",
            ],
            published_at="2018-07-11T09:30:00+07:00",
            published_raw="Ngày đăng 11/07/2018 | 09:30",
            author="Thu Hà",
            author_org="UBND phường Đồng Tâm",
            event_date="2018-07-10",
            mentions=[
                {
                    "person": "Trần Thị Bình",
                    "position": "Bí thư Đảng ủy phường",
                    "organisation": "Đảng ủy phường Đồng Tâm",
                    "ward_code": "00283",
                }
            ],
            capture_id=cid("dang_uy"),
        ),
        _article(
            "the_hoi",
            "00289",
            "Phường Thanh Nhàn khai mạc hội thể thao mùa xuân",
            [
                "Sáng 4/3/2018, phường Thanh Nhàn khai mạc hội thể thao mùa xuân với "
                "các môn cầu lông, bóng bàn và cờ tướng.",
                "Hơn 300 vận động viên của 15 tổ dân phố tham gia tranh tài.",
            ],
            published_at="2018-03-05T08:00:00+07:00",
            published_raw="Ngày đăng 05/03/2018 | 08:00",
            author="Minh Thuận",
            author_org="UBND phường Thanh Nhàn",
            capture_id=cid("the_hoi"),
        ),
        _article(
            "the_he",
            "00256",
            "Thế hệ trẻ phường Nguyễn Du ra quân tình nguyện",
            [
                "Đoàn thanh niên phường Nguyễn Du ra quân chiến dịch tình nguyện hè.",
                "Các đoàn viên dọn dẹp ngõ phố và trồng cây xanh.",
            ],
            published_at="2018-06-02T07:15:00+07:00",
            published_raw="Ngày đăng 02/06/2018 | 07:15",
            author="Lan Anh",
            author_org="Đoàn phường Nguyễn Du",
            capture_id=cid("the_he"),
        ),
        _article(
            "hoa_giai",
            "00277",
            "Phường Bách Khoa ra mắt tổ hòa giải khu dân cư",
            [
                "Tổ hòa giải khu dân cư số 3 phường Bách Khoa chính thức ra mắt.",
                "Tổ gồm 7 thành viên, do ông Lê Văn Cường làm tổ trưởng.",
            ],
            published_at="2018-04-20T10:00:00+07:00",
            published_raw="Ngày đăng 20/04/2018 | 10:00",
            author="Minh Thuận",
            author_org="UBND phường Bách Khoa",
            mentions=[
                {
                    "person": "Lê Văn Cường",
                    "position": "Tổ trưởng tổ hòa giải",
                    "organisation": None,
                    "ward_code": "00277",
                }
            ],
            capture_id=cid("hoa_giai"),
        ),
        _article(
            "changed",
            "00256",
            "Phường Nguyễn Du công bố lịch tiếp công dân tháng 5",
            [
                "UBND phường Nguyễn Du tiếp công dân vào sáng thứ Năm hằng tuần.",
                "Địa điểm: trụ sở UBND phường.",
            ],
            published_at="2018-05-02T14:00:00+07:00",
            published_raw="Ngày đăng 02/05/2018 | 14:00",
            author="Lan Anh",
            capture_id=cid("changed"),
        ),
        _article(
            "removed",
            "00265",
            "Thông báo lịch cắt điện phường Phố Huế",
            ["Điện lực Hai Bà Trưng thông báo lịch cắt điện để bảo dưỡng lưới điện."],
            published_at="2018-05-10T16:00:00+07:00",
            published_raw="Ngày đăng 10/05/2018 | 16:00",
            author=None,
            capture_id=cid("removed"),
        ),
        _article(
            "script",
            "00289",
            "Lịch tiếp dân <script>alert('xss')</script> phường Thanh Nhàn",
            ["UBND phường Thanh Nhàn thông báo lịch tiếp dân tháng 6."],
            published_at="2018-06-01T08:00:00+07:00",
            published_raw="Ngày đăng 01/06/2018 | 08:00",
            author="Hoàng Nam",
            capture_id=cid("script"),
        ),
        _article(
            "date_only",
            "00283",
            "Phường Đồng Tâm ra quân vệ sinh môi trường",
            ["Cán bộ và nhân dân phường Đồng Tâm ra quân vệ sinh môi trường."],
            published_at="2018-02-10",
            published_raw="10/02/2018",
            author="Thu Hà",
            capture_id=cid("date_only"),
        ),
        _article(
            "no_date",
            "00289",
            "Phường Thanh Nhàn diễn tập phòng cháy chữa cháy",
            ["Phường Thanh Nhàn tổ chức diễn tập phòng cháy chữa cháy tại chợ Mơ."],
            published_at=None,
            published_raw=None,
            author="Hoàng Nam",
            capture_id=cid("no_date"),
        ),
    ]
    for article in articles:
        store.add_article(article, t1)
    store.flush()
    # A second crawl: one article edited on the site, one gone.
    edited = dict(next(a for a in articles if a["url"] == URLS["changed"]))
    edited["body_html"] += "<p>Riêng tháng 5, lịch tiếp chuyển sang chiều thứ Sáu.</p>"
    edited["body_text"] = html_to_text(edited["body_html"])
    edited["content_hash"] = content_hash(edited["title"], edited["body_text"])
    edited["search_folded"] = fold(
        " ".join([edited["title"], edited["author"], edited["ward"], edited["body_text"]])
    )
    capture = _capture(99, URLS["changed"], t2, run2)
    store.add_capture(capture)
    edited["capture_id"] = capture["id"]
    assert store.add_article(edited, t2) == "changed"
    store.flush()
    store.mark_removed(URLS["removed"], t2, "HTTP 404")
    store.add_failure(
        {
            "url": f"{BASE}/bai-loi.html",
            "source": "haibatrung",
            "run_id": run2,
            "kind": "http",
            "reason": "HTTP 500",
            "status": 500,
            "at": t2,
        }
    )
    store.add_failure(
        {
            "url": f"{BASE}/bai-da-sua.html",
            "source": "haibatrung",
            "run_id": run1,
            "kind": "parse",
            "reason": "no title",
            "status": 200,
            "at": t1,
        }
    )
    store.resolve_failures(f"{BASE}/bai-da-sua.html", t2)
    coverage = {
        "title": 1.0,
        "published_at": 0.9,
        "body_text": 1.0,
        "author": 0.9,
        "ward_code": 1.0,
    }
    for run_id, started, finished, new, changed, removed in (
        (run1, "2026-01-01T01:00:00Z", t1, 10, 0, 0),
        (run2, "2026-01-08T01:00:00Z", t2, 0, 1, 1),
    ):
        store.record_run(
            {
                "id": run_id,
                "started_at": started,
                "finished_at": finished,
                "sources": ["haibatrung"],
                "mode": "incremental",
                "host": "crawler-1",
                "pid": 4242,
                "pages_fetched": 12,
                "listing_pages": 2,
                "article_pages": 10,
                "articles_new": new,
                "articles_changed": changed,
                "articles_unchanged": 9,
                "articles_removed": removed,
                "items": 10,
                "errors": 1,
                "errors_by_kind": {"http": 1},
                "status_counts": {"200": 11, "500": 1},
                "field_coverage": {"haibatrung": coverage},
                "outcome": "ok",
                "reason": None,
                "finish_reason": "finished",
            },
            [
                {
                    "run_id": run_id,
                    "source": "haibatrung",
                    "listing_pages": 2,
                    "article_pages": 10,
                    "articles_new": new,
                    "articles_changed": changed,
                    "articles_removed": removed,
                    "items": 10,
                    "errors": 1,
                    "field_coverage": coverage,
                    "outcome": "ok",
                    "reason": None,
                    "finished_at": finished,
                }
            ],
        )
    store.close()
    return dict(URLS)


# --- Serving -----------------------------------------------------------------------------
ATOM = "{http://www.w3.org/2005/Atom}"


class LoopThread:
    """An event loop in its own thread: Datasette's async client, kept away from the
    asyncio reactor pytest-twisted runs in the main thread (asyncio.run there would
    replace that thread's event loop)."""

    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run(self, coro, timeout: float = 60):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def close(self):
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


class Site:
    """archive.db served by Datasette in-process; `get(path)` returns an httpx response."""

    def __init__(self, db: Path, metadata: dict, settings: dict | None = None):
        from datasette.app import Datasette
        from datasette.plugins import pm

        import wardnews.datasette_plugin as plugin

        # Installed projects register the plugin through the entry point; a bare checkout
        # (no `pip install -e .`) registers it here.
        if not pm.is_registered(plugin):
            pm.register(plugin, name="wardnews")
        self.db = db
        self.metadata = metadata
        self.loops = LoopThread()
        self.ds = Datasette([str(db)], metadata=metadata, settings=settings)

    def get(self, path: str):
        return self.loops.run(self.ds.client.get(path))

    def post(self, path: str, **kwargs):
        return self.loops.run(self.ds.client.post(path, **kwargs))

    def json(self, path: str):
        response = self.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        return response.json()

    def search(self, query: str, extra: str = "") -> list[str]:
        """URLs of the articles `_search=query` finds (all of them, sorted)."""
        rows = self.json(
            f"/{DB_NAME}/articles.json?_search={quote_plus(query)}&_shape=array&_col=title"
            f"&_size=max{extra}"
        )
        return sorted(row["url"] for row in rows)


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("datasette") / "archive.db"
    build_archive(path)
    return path


@pytest.fixture(scope="module")
def metadata() -> dict:
    return yaml.safe_load(METADATA.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site(archive, metadata):
    site = Site(archive, metadata)
    yield site
    site.loops.close()


def row_path(url: str) -> str:
    from datasette.utils import tilde_encode

    return f"/{DB_NAME}/articles/{tilde_encode(url)}"


# --- Search --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "spellings, expected",
    [
        (
            ["Bách Khoa", "bach khoa", "BACH KHOA", "bách khoa", "Bach Khoa"],
            {"reference", "hoa_giai"},
        ),
        (
            [
                "Đảng ủy",
                "đảng uỷ",
                "dang uy",
                "ĐẢNG UỶ",
                "Dang Uy",
                unicodedata.normalize("NFD", "Đảng ủy"),
                unicodedata.normalize("NFD", "đảng uỷ"),
            ],
            {"dang_uy"},
        ),
        (['"dang uy"', '"Đảng ủy"', '"đảng uỷ"'], {"dang_uy"}),
        (
            ["hòa giải", "hoà giải", "hoa giai", unicodedata.normalize("NFD", "hoà giải")],
            {"hoa_giai"},
        ),
    ],
    ids=["bach-khoa", "dang-uy", "phrase", "hoa-giai"],
)
def test_search_spellings_give_the_same_results(site, spellings, expected):
    results = {spelling: site.search(spelling) for spelling in spellings}
    want = sorted(URLS[key] for key in expected)
    assert results == dict.fromkeys(spellings, want)


def test_accented_query_matches_only_those_words(site):
    assert site.search("thể") == [URLS["the_hoi"]]
    assert site.search("thế") == [URLS["the_he"]]
    assert site.search("thể thao") == [URLS["the_hoi"]]
    # Typed without tone marks, a query finds every accented form.
    assert site.search("the") == sorted([URLS["the_hoi"], URLS["the_he"]])


def test_phrase_query_keeps_word_order(site):
    assert site.search('"bach khoa"') == sorted([URLS["reference"], URLS["hoa_giai"]])
    assert site.search('"khoa bach"') == []


def test_search_box_page_finds_the_reference_article(site):
    # The search box of the articles page leads to the ranked search...
    response = site.get(f"/{DB_NAME}/articles?_search=bach+khoa")
    assert response.status_code == 302
    assert response.headers["location"] == f"/{DB_NAME}/search?q=bach+khoa"
    response = site.get(response.headers["location"])
    assert response.status_code == 200
    assert REFERENCE_TITLE in response.text
    # ...which shows the query, how many match, and the other orders.
    assert 'value="bach khoa"' in response.text
    assert re.search(r'class="wardnews-total">2</strong>\s*articles match', response.text)
    assert f"/{DB_NAME}/search_newest?q=bach+khoa" in response.text
    assert f"/{DB_NAME}/articles?_search=bach+khoa&amp;_sort_desc=published_at" in response.text
    # The title links to the article's page.
    assert f'href="{row_path(URLS["reference"])}"' in response.text


def test_the_table_pages_own_form_leads_to_the_ranked_search(site):
    # What the articles page's form sends: its empty filter row and the sort it shows.
    form = "_search=bach+khoa&_filter_column=&_filter_op=exact&_filter_value="
    response = site.get(f"/{DB_NAME}/articles?{form}&_sort=published_at&_sort_by_desc=on")
    assert response.headers.get("location") == f"/{DB_NAME}/search?q=bach+khoa"
    # A sort the visitor picked, or a filter, keeps the table.
    for query in (f"{form}&_sort=title", f"{form}&_sort=published_at", "_search=x&_search=y"):
        location = site.get(f"/{DB_NAME}/articles?{query}").headers.get("location", "")
        assert "/search?" not in location, query
    response = site.get(
        f"/{DB_NAME}/articles?_search=bach+khoa&_filter_column=ward&_filter_op=exact"
        f"&_filter_value={quote_plus('Phường Bách Khoa')}&_sort=published_at&_sort_by_desc=on"
    )
    assert "/search?" not in response.headers.get("location", "")


def test_table_search_with_a_sort_or_filter_stays_on_the_table(site):
    for query in ("_search=bach+khoa&_sort_desc=published_at", "_search=bach+khoa&_facet=ward"):
        response = site.get(f"/{DB_NAME}/articles?{query}")
        assert response.status_code == 200, query
        assert REFERENCE_TITLE in response.text
        # The table page offers the ranked search.
        assert f"/{DB_NAME}/search?q=bach+khoa" in response.text
    # The JSON API is never redirected.
    assert site.get(f"/{DB_NAME}/articles.json?_search=bach+khoa").status_code == 200
    # An empty box is the table itself.
    assert site.get(f"/{DB_NAME}/articles?_search=").status_code == 200


def test_newest_first_search_page(site):
    response = site.get(f"/{DB_NAME}/search_newest?q=bach+khoa")
    assert response.status_code == 200
    assert REFERENCE_TITLE in response.text
    assert f"/{DB_NAME}/search?q=bach+khoa" in response.text
    rows = site.json(f"/{DB_NAME}/search_newest.json?q=bach+khoa&_shape=array")
    assert [r["url"] for r in rows] == [URLS["hoa_giai"], URLS["reference"]]
    assert rows[0]["total"] == 2 and rows[0]["total_is_estimate"] == 0


def test_search_box_shows_the_normalised_query(site):
    response = site.get(f"/{DB_NAME}/articles?_search={quote_plus('đảng uỷ')}")
    assert response.status_code == 302
    assert response.headers["location"] == f"/{DB_NAME}/search?q={quote_plus('đảng ủy')}"
    response = site.get(response.headers["location"])
    assert response.status_code == 200
    assert 'value="đảng ủy"' in response.text
    assert "Đảng ủy phường Đồng Tâm sơ kết 6 tháng đầu năm 2018" in response.text


def test_column_search_is_normalised_too(site):
    assert site.search("", extra=f"&_search_title={quote_plus('Đảng uỷ')}") == [URLS["dang_uy"]]


# fmt: off
ODD_QUERIES = [
    '"', '""', '"""', '"dang', 'dang"', "!!!", "((", ")", "NEAR(", "a OR", "AND OR NOT", "-",
    "*", ":", "'", "^", "+", "title:", "", "   ", "\u200b", 'Đảng "ủy', "%", "&", "\x00",
    "dang\x00uy", "\ufffd", "\t\n",
]
# fmt: on


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_punctuation_never_breaks_search(site, query):
    for path in (
        f"/{DB_NAME}/articles.json?_search={quote_plus(query)}",
        f"/{DB_NAME}/articles?_search={quote_plus(query)}",
        f"/{DB_NAME}/articles.json?_search_body_text={quote_plus(query)}",
        f"/{DB_NAME}/search.json?q={quote_plus(query)}",
        f"/{DB_NAME}/search?q={quote_plus(query)}",
        f"/{DB_NAME}/search_newest.json?q={quote_plus(query)}",
    ):
        response = site.get(path)
        if response.status_code == 302:  # the articles page's box leads to the ranked search
            response = site.get(response.headers["location"])
        assert response.status_code == 200, (path, response.text[:300])


def test_raw_search_mode_is_opt_in(site, metadata):
    assert metadata["databases"][DB_NAME]["tables"]["articles"].get("searchmode") != "raw"
    # Escaped by default: FTS5 operators are plain words...
    assert site.get(f"/{DB_NAME}/articles.json?_search=NEAR%28dang").status_code == 200
    # ...and analysts can still ask for FTS5 syntax.
    rows = site.json(
        f"/{DB_NAME}/articles.json?_search=bach*+AND+khoa&_searchmode=raw&_shape=array"
    )
    assert {row["url"] for row in rows} == {URLS["reference"], URLS["hoa_giai"]}


def test_table_search_is_newest_first_and_sortable(site):
    rows = site.json(f"/{DB_NAME}/articles.json?_search=bach+khoa&_shape=array")
    assert [r["url"] for r in rows] == [URLS["hoa_giai"], URLS["reference"]]
    rows = site.json(f"/{DB_NAME}/articles.json?_search=bach+khoa&_shape=array&_sort=published_at")
    assert [r["url"] for r in rows] == [URLS["reference"], URLS["hoa_giai"]]


def test_ranked_search_orders_by_relevance_newest_by_date(site):
    rows = site.json(f"/{DB_NAME}/search.json?q={quote_plus('hòa giải')}&_shape=array")
    assert [r["url"] for r in rows] == [URLS["hoa_giai"]]
    assert rows[0]["relevance"] > 0
    rows = site.json(f"/{DB_NAME}/search.json?q=phuong&_shape=array")
    relevance = [r["relevance"] for r in rows]
    assert len(rows) >= 8 and relevance == sorted(relevance, reverse=True)
    rows = site.json(f"/{DB_NAME}/search_newest.json?q=phuong&_shape=array")
    dates = [r["published_at"] for r in rows if r["published_at"]]
    assert len(dates) >= 8 and dates == sorted(dates, reverse=True)
    # The canned query's text parameter is normalised like _search.
    assert site.json(f"/{DB_NAME}/search.json?q={quote_plus('đảng uỷ')}&_shape=array")
    assert site.json(f"/{DB_NAME}/search.json?q=%22&_shape=array") == []


def test_ranked_search_without_the_extension_runs_on_bm25(archive, metadata, monkeypatch):
    """Where wardnews/_fts5rank was not built, the same search runs on FTS5's bm25()."""
    import wardnews.datasette_plugin as plugin

    path = f"/{DB_NAME}/search.json?q=phuong+nam&_shape=array"
    fast = Site(archive, metadata)
    try:
        expected = fast.json(path)
    finally:
        fast.loops.close()
    assert len(expected) >= 5
    monkeypatch.setattr(plugin, "_RANK_UNAVAILABLE", "not built (test)")
    fallback = Site(archive, yaml.safe_load(METADATA.read_text(encoding="utf-8")))
    try:
        query = fallback.loops.run(fallback.ds.get_canned_query(DB_NAME, "search", None))
        assert "wardnews_bm25(" not in query["sql"] and "bm25(articles_fts" in query["sql"]
        # Every word has fewer than 20,000 matches: the very same scores.
        assert fallback.json(path) == expected
    finally:
        fallback.loops.close()


@pytest.mark.parametrize(
    "raw, expected",
    [
        (b"_search=%C4%91%E1%BA%A3ng+u%E1%BB%B7", b"_search=%C4%91%E1%BA%A3ng+%E1%BB%A7y"),
        (b"_search=ho%C3%A0&_sort=title", b"_search=h%C3%B2a&_sort=title"),
        (b"_search=bach+khoa", b"_search=bach+khoa"),
        (b"_search=%22&_size=5", b"_size=5"),
        (b"_search=&_facet=ward", b"_facet=ward"),
        (
            b"_searchmode=raw&_search_title=thu%E1%BB%B7",
            b"_searchmode=raw&_search_title=th%E1%BB%A7y",
        ),
        (b"q=Ho%C3%A0ng+Th%E1%BB%8B+Ho%C3%A0", b"q=Ho%C3%A0ng+Th%E1%BB%8B+H%C3%B2a"),
        (b"ward_code=00277&_facet=ward", b"ward_code=00277&_facet=ward"),
        (b"", b""),
        (b"_search=%00", b""),
        (b"_search=dang%00uy", b"_search=dang+uy"),
    ],
)
def test_normalize_query_string(raw, expected):
    from wardnews.datasette_plugin import normalize_query_string

    assert normalize_query_string(raw) == expected


def test_long_queries_are_cut_at_a_word(site):
    from wardnews.datasette_plugin import MAX_QUERY_CHARS, normalize_query

    query = normalize_query("phường Bách Khoa " * 100)
    assert len(query) <= MAX_QUERY_CHARS and query.endswith(("phường", "Bách", "Khoa"))
    response = site.get(f"/{DB_NAME}/articles.json?_search={quote_plus('bach khoa ' * 500)}")
    assert response.status_code == 200 and response.json()["rows"]


def test_vn_fold_sql_function(site):
    sql = quote_plus("select vn_fold('Đảng ủy Phường') as f")
    rows = site.json(f"/{DB_NAME}.json?sql={sql}&_shape=array")
    assert rows == [{"f": "dang uy phuong"}]


# --- Canned queries, feeds, map ---------------------------------------------------------
QUERY_PARAMS = {
    "search": "q=bach+khoa",
    "search_newest": "q=bach+khoa",
    "articles_per_ward_month": "",
    "ward_officials": "ward=bach+khoa",
    "author_articles": "author=minh+thuan",
    "coverage_by_run": "",
    "ward_feed": "ward_code=00277",
}


def test_every_canned_query_runs_and_returns_rows(site, metadata):
    queries = metadata["databases"][DB_NAME]["queries"]
    assert len(queries) >= 12
    for name, query in queries.items():
        assert query.get("title") and query.get("description_html"), name
        assert not query.get("write"), name
        params = QUERY_PARAMS.get(name, "")
        rows = site.json(f"/{DB_NAME}/{name}.json?_shape=array&{params}")
        assert rows, name
        assert site.get(f"/{DB_NAME}/{name}?{params}").status_code == 200, name


def test_officials_named_for_a_ward(site):
    by_code = site.json(f"/{DB_NAME}/ward_officials.json?ward=00277&_shape=array")
    for ward in ("Phường Bách Khoa", "phuong bach khoa", "Bách Khoa", "bach khoa"):
        rows = site.json(f"/{DB_NAME}/ward_officials.json?ward={quote_plus(ward)}&_shape=array")
        assert rows == by_code
    assert {(r["person"], r["position"], r["named_on"]) for r in by_code} == {
        ("Nguyễn Văn An", "Chủ tịch UBND phường", "2018-01-03T05:01:00+07:00"),
        ("Lê Văn Cường", "Tổ trưởng tổ hòa giải", "2018-04-20T10:00:00+07:00"),
    }
    assert site.json(f"/{DB_NAME}/ward_officials.json?ward=&_shape=array") == []


def test_author_articles(site):
    rows = site.json(f"/{DB_NAME}/author_articles.json?author=Minh+Thu%E1%BA%ADn&_shape=array")
    assert {r["url"] for r in rows} == {URLS["reference"], URLS["the_hoi"], URLS["hoa_giai"]}
    assert site.json(f"/{DB_NAME}/author_articles.json?author=minh+thuan&_shape=array") == rows


def test_changes_removed_health_failures(site):
    changed = site.json(f"/{DB_NAME}/changed_articles.json?_shape=array")
    assert {r["url"] for r in changed} == {URLS["changed"]}
    assert len(changed) == 2 and changed[0]["fetched_at"] < changed[1]["fetched_at"]
    removed = site.json(f"/{DB_NAME}/removed_articles.json?_shape=array")
    assert [(r["url"], r["removed_reason"]) for r in removed] == [(URLS["removed"], "HTTP 404")]
    health = site.json(f"/{DB_NAME}/source_health.json?_shape=array")
    assert health[0]["source"] == "haibatrung"
    assert health[0]["last_success_at"] == "2026-01-08T01:05:00Z"
    assert health[0]["latest_run"] == "20260108T010000-bbbb2222"
    assert health[0]["cov_published_at"] == 0.9 and health[0]["open_failures"] == 1
    assert health[0]["days_since_new_article"] > 0
    coverage = site.json(f"/{DB_NAME}/coverage_by_run.json?source=haibatrung&_shape=array")
    assert len(coverage) == 2
    failures = site.json(f"/{DB_NAME}/open_failures.json?_shape=array")
    assert [(f["url"], f["last_reason"]) for f in failures] == [
        (f"{BASE}/bai-loi.html", "HTTP 500")
    ]


def test_articles_per_ward_per_month_uses_local_dates(site):
    rows = site.json(f"/{DB_NAME}/articles_per_ward_month.json?ward_code=00277&_shape=array")
    # 2018-01-03T05:01+07:00 is 2 January in UTC; the count goes to the local month.
    assert {(r["month"], r["articles"]) for r in rows} == {("2018-01", 1), ("2018-04", 1)}


def _parse_feed(response) -> ET.Element:
    assert response.status_code == 200, response.text[:500]
    assert "xml" in response.headers["content-type"]
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root


_OFFSET = re.compile(r"(Z|[+-]\d\d:\d\d)$")


def test_newest_articles_feed_is_atom(site):
    root = _parse_feed(site.get(f"/{DB_NAME}/newest_articles_feed.atom"))
    entries = root.findall(f"{ATOM}entry")
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(entries) == 9 and URLS["removed"] not in ids
    for entry in entries:
        assert entry.findtext(f"{ATOM}title")
        assert _OFFSET.search(entry.findtext(f"{ATOM}updated"))
        assert entry.find(f"{ATOM}link").get("href").startswith("https://")
        assert entry.find(f"{ATOM}content").get("type") == "html"
    by_id = {e.findtext(f"{ATOM}id"): e for e in entries}
    assert by_id[URLS["date_only"]].findtext(f"{ATOM}updated") == "2018-02-10T00:00:00+07:00"
    content = by_id[URLS["reference"]].findtext(f"{ATOM}content")
    assert "<strong>Đồng chí Nguyễn Văn An</strong>" in content


def test_ward_feed_is_atom(site):
    root = _parse_feed(site.get(f"/{DB_NAME}/ward_feed.atom?ward_code=00277"))
    ids = {e.findtext(f"{ATOM}id") for e in root.findall(f"{ATOM}entry")}
    assert ids == {URLS["reference"], URLS["hoa_giai"]}
    # A ward without articles, or no ward at all, is still a valid feed.
    for params in ("?ward_code=00265", "?ward_code=99999", ""):
        root = _parse_feed(site.get(f"/{DB_NAME}/ward_feed.atom{params}"))
        assert len(root.findall(f"{ATOM}entry")) == 1


def test_ward_map(site, metadata):
    rows = site.json(f"/{DB_NAME}/ward_map.json?_shape=array")
    counts = {r["code"]: r["articles"] for r in rows}
    assert counts == {"00277": 2, "00283": 2, "00289": 3, "00256": 2}
    assert all(r["latitude"] and r["longitude"] for r in rows)
    assert json.loads(rows[0]["popup"])["link"].startswith(f"/{DB_NAME}/articles?ward_code=")
    page = site.get(f"/{DB_NAME}/ward_map").text
    assert "datasette-cluster-map.js" in page
    assert "DATASETTE_CLUSTER_MAP_LATITUDE_COLUMN" in page
    # Offline the tiles fail; Leaflet then draws this inline tile and the markers stay.
    options = metadata["plugins"]["datasette-cluster-map"]["tile_layer_options"]
    assert options["errorTileUrl"].startswith("data:image/png;base64,")
    assert "errorTileUrl" in page


# --- Metadata ------------------------------------------------------------------------------
def test_metadata_describes_every_table_and_column(archive, metadata):
    tables = metadata["databases"][DB_NAME]["tables"]
    conn = sqlite3.connect(archive)
    try:
        names = [r[0] for r in conn.execute("select name from sqlite_master where type='table'")]
        assert {
            "articles",
            "revisions",
            "captures",
            "crawl_runs",
            "run_sources",
            "sources",
            "wards",
            "mentions",
            "attachments",
            "failures",
            "articles_fts",
        } <= set(names)
        missing = []
        for name in names:
            table = tables.get(name) or {}
            if not (table.get("description") or table.get("description_html")):
                missing.append(name)
            described = table.get("columns") or {}
            for row in conn.execute(f"pragma table_info([{name}])"):
                if not described.get(row[1]):
                    missing.append(f"{name}.{row[1]}")
            extra = set(described) - {r[1] for r in conn.execute(f"pragma table_info([{name}])")}
            assert not extra, (name, extra)
    finally:
        conn.close()
    assert missing == []
    for name in names:
        if name.startswith("articles_fts"):
            assert tables[name]["hidden"] is True


def test_metadata_plugins_and_labels(metadata):
    db = metadata["databases"][DB_NAME]
    # DEPENDENCIES.md §4: render-html configured above table level breaks every table page.
    assert "datasette-render-html" not in (metadata.get("plugins") or {})
    assert "datasette-render-html" not in (db.get("plugins") or {})
    for table in ("articles", "revisions"):
        assert db["tables"][table]["plugins"]["datasette-render-html"]["columns"] == ["body_html"]
    labels = {
        t: db["tables"][t].get("label_column")
        for t in ("wards", "captures", "crawl_runs", "sources")
    }
    assert labels == {
        "wards": "name",
        "captures": "fetched_at",
        "crawl_runs": "started_at",
        "sources": "title",
    }
    assert metadata["title"] and metadata["description_html"] and metadata["license"]


def test_default_facets(site):
    data = site.json(f"/{DB_NAME}/articles.json?_size=0")
    facets = data["facet_results"]
    assert {"ward", "district", "category", "author", "published_at"} <= set(facets)
    year = facets["published_at"]
    assert year["type"] == "year"
    assert [(v["value"], v["count"]) for v in year["results"]] == [("2018", 9)]
    assert "published_at__startswith=2018" in year["results"][0]["toggle_url"]
    wards = {v["value"]: v["count"] for v in facets["ward"]["results"]}
    assert wards["Phường Thanh Nhàn"] == 3
    authors = {v["value"]: v["count"] for v in facets["author"]["results"]}
    assert authors["Minh Thuận"] == 3
    # Every person of a multi-author byline, on request (json_each over every row is too
    # slow for a default facet at a million articles).
    facets = site.json(f"/{DB_NAME}/articles.json?_size=0&_facet_array=authors")["facet_results"]
    assert {v["value"] for v in facets["authors"]["results"]} >= {"Minh Thuận"}
    month = site.json(
        f"/{DB_NAME}/articles.json?_size=0&_facet_month=published_at"
        "&published_at__startswith=2018-0"
    )["facet_results"]
    assert any(v["value"] == "2018-01" for f in month.values() for v in f["results"])


def test_year_facet_by_index_ranges_equals_the_prefix_count(tmp_path):
    """The unfiltered year facet counts index ranges; it must agree with substr() counting."""
    from wardnews.datasette_plugin import YearFacet, _PrefixFacet

    db = sqlite3.connect(tmp_path / "years.db")
    db.execute("create table articles (id integer primary key, ward text, published_at text)")
    db.execute("create index idx_published_at on articles (published_at)")
    dates = ["2009-12-31T23:59:00+07:00", "2010-01-01", "2010-06-30T08:00:00+07:00"]
    dates += [f"{y}-0{m}-1{d}" for y in (2012, 2018, 2025) for m in (1, 9) for d in range(y % 7)]
    dates += ["", None, "không rõ", "18/01/2018", "2018"]
    db.executemany(
        "insert into articles (ward, published_at) values (?, ?)",
        [("A" if i % 3 else "B", d) for i, d in enumerate(dates)],
    )
    for page_sql in ("select * from articles", "select * from articles where ward = 'A'"):
        ranged, prefix = YearFacet.__new__(YearFacet), _PrefixFacet.__new__(_PrefixFacet)
        ranged.sql = prefix.sql = page_sql  # Facet.__init__ wants a request: only sql is used
        got = db.execute(ranged.facet_sql('"published_at"', 50)).fetchall()
        want = db.execute(prefix.facet_sql('"published_at"', 50)).fetchall()
        assert got == want and len(got) >= 4, page_sql
        # Ranges on the whole table (no row read); a filtered page counts its own rows.
        uses_ranges = "with recursive" in ranged.facet_sql('"published_at"', 50)
        assert uses_ranges == ("where" not in page_sql), page_sql


# --- Pages ---------------------------------------------------------------------------------
def test_article_page_reads_like_the_article(site):
    response = site.get(row_path(URLS["reference"]))
    assert response.status_code == 200
    html = response.text
    body = html.split('<div class="wardnews-body">', 1)[1].split("</div>", 1)[0]
    # The sanitised body is rendered as HTML, not escaped.
    assert "<strong>Đồng chí Nguyễn Văn An</strong>" in body
    assert re.search(
        r'<a href="https://haibatrung.hanoi.gov.vn/"[^>]*>cổng thông tin quận</a>', body
    )
    assert f"<h1>{REFERENCE_TITLE}</h1>" in html
    assert "Minh Thuận" in html and "Ngày đăng 03/01/2018 | 05:01" in html
    assert f"/{DB_NAME}/wards/00277" in html
    # Links to its revisions, its raw capture and the officials it names.
    assert f"/{DB_NAME}/revisions?url={quote_plus(URLS['reference'])}" in html
    assert f"/{DB_NAME}/captures/~3Curn~3Auuid~3A00000000-0000-4000-8000-000000000001~3E" in html
    assert "Nguyễn Văn An</strong>, Chủ tịch UBND phường" in html
    capture = site.get(
        f"/{DB_NAME}/captures/~3Curn~3Auuid~3A00000000-0000-4000-8000-"
        "000000000001~3E.json?_shape=array"
    )
    assert capture.json()[0]["url"] == URLS["reference"]


def test_article_page_lists_revisions_and_removal(site):
    html = site.get(row_path(URLS["changed"])).text
    assert "Revisions · Các phiên bản (2)" in html
    html = site.get(row_path(URLS["removed"])).text
    assert "Removed from its site" in html and "HTTP 404" in html


def test_markup_in_a_title_is_escaped(site):
    for path in (
        row_path(URLS["script"]),
        f"/{DB_NAME}/articles",
        f"/{DB_NAME}/articles?_search=tiep+dan&_sort_desc=published_at",
        f"/{DB_NAME}/search?q=tiep+dan",
        f"/{DB_NAME}/search_newest?q=tiep+dan",
        f"/{DB_NAME}/newest_articles",
        f"/{DB_NAME}/revisions",
    ):
        html = site.get(path).text
        assert "<script>alert(" not in html, path
        assert "&lt;script&gt;alert(" in html, path


def test_revision_page_renders_body_html(site):
    rows = site.json(f"/{DB_NAME}/revisions.json?url={quote_plus(URLS['reference'])}&_shape=array")
    html = site.get(f"/{DB_NAME}/revisions/{rows[0]['id']}").text
    assert "<strong>Đồng chí Nguyễn Văn An</strong>" in html


def test_every_table_page_returns_200(site, archive):
    conn = sqlite3.connect(archive)
    names = [r[0] for r in conn.execute("select name from sqlite_master where type='table'")]
    conn.close()
    for name in names:
        for path in (f"/{DB_NAME}/{name}", f"/{DB_NAME}/{name}.json"):
            response = site.get(path)
            assert response.status_code == 200, (path, response.text[:300])
    for path in ("/", f"/{DB_NAME}", "/-/search?q=bach+khoa", "/-/metadata.json"):
        assert site.get(path).status_code == 200, path


def test_articles_table_page_stays_readable(site):
    html = site.get(f"/{DB_NAME}/articles").text
    assert '<td class="col-body_html' not in html and '<td class="col-search_folded' not in html
    # The title links to the article page.
    assert f'<a href="{row_path(URLS["reference"])}">{REFERENCE_TITLE}</a>' in html


# --- Safety --------------------------------------------------------------------------------
def test_visitors_cannot_write(site, archive):
    before = sqlite3.connect(archive).execute("select count(*) from articles").fetchone()[0]
    for sql in (
        "delete from articles",
        "update articles set title = 'x'",
        "drop table articles",
        "pragma writable_schema = 1",
        "insert into wards (code) values ('x')",
    ):
        response = site.get(f"/{DB_NAME}.json?sql={quote_plus(sql)}")
        assert response.status_code in (400, 403), sql
    for path in ("newest_articles", "search", "articles", ""):
        response = site.post(f"/{DB_NAME}/{path}", data={"q": "x"})
        assert response.status_code == 405, path
    after = sqlite3.connect(archive).execute("select count(*) from articles").fetchone()[0]
    assert before == after


def test_custom_sql_is_allowed_but_time_limited(archive, metadata):
    site = Site(archive, metadata, settings={"sql_time_limit_ms": 100})
    try:
        count = quote_plus("select count(*) from articles")
        ok = site.get(f"/{DB_NAME}.json?sql={count}")
        assert ok.status_code == 200
        slow = (
            "with recursive n(i) as (select 1 union all select i + 1 from n"
            " where i < 100000000) select count(*) from n"
        )
        response = site.get(f"/{DB_NAME}.json?sql={quote_plus(slow)}")
        assert response.status_code == 400 and "interrupted" in response.text.lower()
    finally:
        site.loops.close()
