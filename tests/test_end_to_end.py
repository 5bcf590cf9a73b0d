"""The whole path on real parts: mirror over HTTP -> `scrapy crawl` process -> archive.db."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SEED_PATH, SEED_TITLE, run_crawl


def truth(site: str) -> dict:
    from tests.conftest import SITES

    return json.loads((SITES / site / "truth.json").read_text(encoding="utf-8"))


def truth_articles(site: str) -> list[dict]:
    data = truth(site)
    return data["articles"] if isinstance(data, dict) else data


@pytest.fixture(scope="module")
def crawled(mirror, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    first = run_crawl(
        tmp, "-a", f"url={mirror.listing_url('haibatrung')}", "-a", "source=haibatrung"
    )
    second = run_crawl(
        tmp, "-a", f"url={mirror.listing_url('haibatrung')}", "-a", "source=haibatrung"
    )
    return mirror, first, second


def test_crawl_exits_zero_and_archives_every_article(crawled):
    mirror, first, _ = crawled
    assert first.returncode == 0, first.log[-3000:]
    urls = {r["url"] for r in first.rows("select url from articles")}
    expected = {
        mirror.base_url + a["url"] if a["url"].startswith("/") else a["url"]
        for a in truth_articles("haibatrung")
    }
    assert urls == expected


def test_reference_article_row(crawled):
    mirror, first, _ = crawled
    (row,) = first.rows("select * from articles where url = ?", (mirror.base_url + SEED_PATH,))
    assert dict(row) | {} and {
        "source": row["source"],
        "category": row["category"],
        "title": row["title"],
        "published_at": row["published_at"],
        "published_raw": row["published_raw"],
        "event_date": row["event_date"],
        "author": row["author"],
        "authors": json.loads(row["authors"]),
        "author_org": row["author_org"],
        "byline_raw": row["byline_raw"],
        "ward": row["ward"],
        "ward_code": row["ward_code"],
        "district": row["district"],
        "province": row["province"],
    } == {
        "source": "haibatrung",
        "category": "Hoạt động các phường",
        "title": SEED_TITLE,
        "published_at": "2018-01-03T05:01:00+07:00",
        "published_raw": "Ngày đăng 03/01/2018 | 05:01",
        "event_date": "2017-12-22",
        "author": "Minh Thuận",
        "authors": ["Minh Thuận"],
        "author_org": "UBND phường Bách Khoa",
        "byline_raw": "Minh Thuận - UBND phường Bách Khoa",
        "ward": "Phường Bách Khoa",
        "ward_code": "00277",
        "district": "Quận Hai Bà Trưng",
        "province": "Thành phố Hà Nội",
    }
    assert row["body_text"].startswith("Sáng ngày 22/12/2017, UBND phường Bách Khoa tổ chức")
    assert "Minh Thuận - UBND" not in row["body_text"]  # the byline is not body text
    assert "\n\n" in row["body_text"]
    assert row["content_hash"] and row["capture_id"]
    for stamp in ("first_seen_at", "last_seen_at", "last_changed_at"):
        assert row[stamp].endswith("Z")


def test_reference_article_officials_and_ward(crawled):
    mirror, first, _ = crawled
    people = first.rows(
        "select person, position from mentions where article_url = ? order by person",
        (mirror.base_url + SEED_PATH,),
    )
    assert {p["person"] for p in people} == {
        "Phạm Thị Hiền",
        "Nguyễn Thị Hồng Hạnh",
        "Nguyễn Thị Thanh Minh",
        "Nguyễn Văn Khang",
    }
    (ward,) = first.rows("select * from wards where code = '00277'")
    assert (ward["name"], ward["new_code"], ward["new_name"]) == (
        "Phường Bách Khoa",
        "00292",
        "Phường Bạch Mai",
    )


def test_every_article_matches_truth(crawled):
    mirror, first, _ = crawled
    rows = {r["url"]: r for r in first.rows("select * from articles")}
    wrong = []
    for art in truth_articles("haibatrung"):
        row = rows[mirror.base_url + art["url"]]
        for field in ("title", "published_at", "event_date", "author", "author_org", "ward_code"):
            if field in art and row[field] != art[field]:
                wrong.append((art["url"], field, row[field], art[field]))
    assert not wrong, wrong[:10]


def test_second_crawl_adds_no_rows(crawled):
    _, first, second = crawled
    assert second.returncode == 0, second.log[-3000:]
    assert second.rows("select count(*) from articles")[0][0] == len(truth_articles("haibatrung"))
    assert second.rows("select count(*) from revisions")[0][0] == len(truth_articles("haibatrung"))
    runs = second.rows("select outcome, articles_new from crawl_runs order by started_at")
    assert [r["outcome"] for r in runs] == ["ok", "ok"]
    assert runs[1]["articles_new"] == 0


def test_every_fetch_is_captured(crawled):
    _, first, _ = crawled
    (n_captures,) = first.rows("select count(*) from captures")[0]
    assert n_captures >= first.rows("select count(*) from articles")[0][0]
    missing = first.rows(
        "select url from articles where capture_id not in (select id from captures)"
    )
    assert not missing


def test_an_article_url_alone_is_archived_and_the_crawl_is_healthy(mirror, tmp_path):
    result = run_crawl(tmp_path, "-a", f"url={mirror.base_url + SEED_PATH}")
    assert result.returncode == 0, result.log[-3000:]
    (row,) = result.rows("select * from articles")
    assert (row["title"], row["ward_code"], row["published_at"]) == (
        SEED_TITLE,
        "00277",
        "2018-01-03T05:01:00+07:00",
    )
    # An ad-hoc source is named after its host, and its district is read off the site.
    assert row["source"] == mirror.base_url.split("//")[1]
    assert row["district"] == "Quận Hai Bà Trưng"
    # (read off the page's chrome by the spider, not only found through the ward)
    sources = result.rows("select district from sources where name = ?", (row["source"],))
    assert [s["district"] for s in sources] == ["Quận Hai Bà Trưng"]
