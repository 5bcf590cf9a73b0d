"""The bundled demo mirror: its server, its files and its truth.json."""

from __future__ import annotations

import email.utils
import json
import shutil
import signal
import subprocess
import sys
import unicodedata
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest

from mirror.content import REFERENCE_BYLINE, REFERENCE_PARAGRAPHS, REFERENCE_TITLE, REFERENCE_URL
from mirror.generate import add_articles, generate_all
from mirror.server import SITES_DIR, MirrorServer

ROOT = Path(__file__).resolve().parents[1]
SITES = ["haibatrung", "phuong-wp", "phuong-joomla", "eportal-dnn"]
MIN_ARTICLES = {"haibatrung": 60, "phuong-wp": 15, "phuong-joomla": 15, "eportal-dnn": 15}


def fetch(url: str, method: str = "GET", headers: dict | None = None):
    """(status, headers, body) without raising on 4xx."""
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def load(site: str, name: str, root: Path = SITES_DIR) -> dict:
    return json.loads((root / site / name).read_text(encoding="utf-8"))


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("\xa0", " ").split())


def page_text(data: bytes, charset: str) -> str:
    """Visible text of a page, NFC, whitespace collapsed."""
    tree = lxml.html.fromstring(data.decode(charset))
    for bad in tree.xpath("//script|//style"):
        bad.drop_tree()
    return norm(tree.text_content())


@pytest.fixture(scope="module")
def server():
    with MirrorServer() as running:
        yield running


@pytest.fixture(scope="module")
def truths():
    return {site: load(site, "truth.json") for site in SITES}


# -- the server ------------------------------------------------------------------------


@pytest.mark.parametrize("site", SITES)
def test_every_mapped_file_is_served_as_stored(server, site):
    urls = load(site, "urls.json")
    assert urls["site"] == site and urls["listing"] in urls["files"]
    for url, rel in urls["files"].items():
        status, headers, body = fetch(server.base_url + url)
        assert status == 200, url
        stored = (SITES_DIR / site / rel).read_bytes()
        assert body == stored, url
        assert int(headers["Content-Length"]) == len(stored)
        assert headers["ETag"] and headers["Last-Modified"]


def test_content_types(server, truths):
    status, headers, _ = fetch(server.listing_url("haibatrung"))
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    legacy = [a for a in truths["eportal-dnn"]["articles"] if a["encoding"] == "windows-1258"]
    assert len(legacy) == 1
    status, headers, body = fetch(server.base_url + legacy[0]["url"])
    assert headers["Content-Type"] == "text/html; charset=windows-1258"
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    text = page_text(body, "windows-1258")
    assert legacy[0]["title"] in text and legacy[0]["published_raw"] in text
    files = load("haibatrung", "urls.json")["files"]
    pdf = next(u for u in files if u.endswith(".pdf"))
    jpg = next(u for u in files if u.endswith(".jpg"))
    assert fetch(server.base_url + pdf)[1]["Content-Type"] == "application/pdf"
    assert fetch(server.base_url + pdf)[2].startswith(b"%PDF-1.4")
    assert fetch(server.base_url + jpg)[1]["Content-Type"] == "image/jpeg"


def test_conditional_requests_and_head(server):
    url = server.listing_url("haibatrung")
    status, headers, body = fetch(url)
    etag, modified = headers["ETag"], headers["Last-Modified"]
    status, headers, again = fetch(url, headers={"If-None-Match": etag})
    assert status == 304 and again == b"" and headers["ETag"] == etag
    assert fetch(url, headers={"If-Modified-Since": modified})[0] == 304
    earlier = email.utils.formatdate(0, usegmt=True)
    assert fetch(url, headers={"If-Modified-Since": earlier})[0] == 200
    assert fetch(url, headers={"If-None-Match": '"stale"'})[0] == 200
    status, headers, empty = fetch(url, method="HEAD")
    assert status == 200 and empty == b"" and int(headers["Content-Length"]) == len(body)


def test_unknown_paths_query_order_and_robots(server):
    assert fetch(server.base_url + "/haibatrung/khong-co-trang-nay")[0] == 404
    assert fetch(server.base_url + "/nowhere.html")[0] == 404
    page2 = next(u for u in load("haibatrung", "urls.json")["files"] if u.endswith("_cur=2"))
    path, query = page2.split("?")
    shuffled = path + "?" + "&".join(reversed(query.split("&")))
    assert fetch(server.base_url + shuffled)[2] == fetch(server.base_url + page2)[2]
    assert fetch(server.base_url + page2.replace("_cur=2", "_cur=99"))[0] == 404
    status, headers, body = fetch(server.base_url + "/robots.txt")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    assert b"Disallow: /haibatrung/admin/" in body and b"User-agent: *" in body


def test_request_log(server):
    server.clear_requests()
    fetch(server.listing_url("phuong-wp"))
    fetch(server.base_url + "/missing", method="HEAD")
    assert server.requests == [("GET", "/phuong-wp/tin-tuc/", 200), ("HEAD", "/missing", 404)]


def test_api_urls(server, truths):
    assert server.sites() == sorted(SITES)
    assert server.listing_url("haibatrung") == f"{server.base_url}/haibatrung/hoat-dong-cac-phuong1"
    urls = server.article_urls("haibatrung")
    assert urls[0].startswith(server.base_url + "/haibatrung/")
    assert len(urls) == len(truths["haibatrung"]["articles"])
    assert server.file_for(server.base_url + REFERENCE_URL).name == "article-2225876.html"
    assert server.file_for(server.base_url + "/nope") is None


def test_cli_prints_sites_and_stops_on_sigterm():
    proc = subprocess.Popen(
        [sys.executable, "-m", "mirror.server", "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        lines = [proc.stdout.readline().split() for _ in SITES]
        assert [name for name, _ in lines] == sorted(SITES)
        listing = dict(lines)["haibatrung"]
        assert listing.startswith("http://127.0.0.1:")
        assert listing.endswith("/hoat-dong-cac-phuong1")
        assert fetch(listing)[0] == 200
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0


# -- the content -----------------------------------------------------------------------


def test_reference_article_is_the_seed(server):
    status, _, body = fetch(server.base_url + REFERENCE_URL)
    assert status == 200
    tree = lxml.html.fromstring(body.decode("utf-8"))
    assert norm(tree.cssselect("h1.hn-vc-title")[0].text_content()) == REFERENCE_TITLE
    assert "Ngày đăng 03/01/2018 | 05:01" in page_text(body, "utf-8")
    paragraphs = [p.text_content() for p in tree.cssselect(".hn-vc-body p")]
    assert paragraphs[:-1] == REFERENCE_PARAGRAPHS  # NBSP indents and all
    assert paragraphs[-1].strip() == REFERENCE_BYLINE
    assert tree.cssselect(".hn-vc-body p")[-1].get("style") == "text-align: right;"
    seed = ROOT.parent / "shared" / "seed" / "ward-news-page.txt"
    if not seed.exists():
        seed = Path("/work/shared/seed/ward-news-page.txt")
    if seed.exists():
        lines = [line for line in seed.read_text(encoding="utf-8").split("\n") if line.strip()]
        assert lines[1] == REFERENCE_TITLE and lines[2] == "Ngày đăng 03/01/2018 | 05:01"
        assert lines[3:-1] == REFERENCE_PARAGRAPHS
        assert lines[-1].strip() == REFERENCE_BYLINE


def test_reference_truth(truths):
    entry = next(a for a in truths["haibatrung"]["articles"] if a["url"] == REFERENCE_URL)
    assert entry["published_at"] == "2018-01-03T05:01:00+07:00"
    assert entry["event_date"] == "2017-12-22"
    assert (entry["author"], entry["author_org"]) == ("Minh Thuận", "UBND phường Bách Khoa")
    assert (entry["ward"], entry["ward_code"]) == ("Phường Bách Khoa", "00277")
    assert [m["person"] for m in entry["mentions"]].count("Nguyễn Văn Khang") == 3
    assert len(entry["officials"]) == 4


@pytest.mark.parametrize("site", SITES)
def test_counts_dates_and_wards(truths, site):
    articles = truths[site]["articles"]
    assert len(articles) >= MIN_ARTICLES[site]
    years = {a["published_at"][:4] for a in articles}
    assert {"2017", "2025"} <= years
    assert [a["published_at"][:10] for a in articles] == sorted(
        (a["published_at"][:10] for a in articles), reverse=True
    )
    if site == "haibatrung":
        assert len({a["ward"] for a in articles}) >= 10
    assert len({a["url"] for a in articles}) == len(articles)


@pytest.mark.parametrize("site", SITES)
def test_truth_matches_pages(truths, site):
    files = load(site, "urls.json")["files"]
    for entry in truths[site]["articles"]:
        data = (SITES_DIR / site / files[entry["url"]]).read_bytes()
        text = page_text(data, entry["encoding"])
        tree = lxml.html.fromstring(data.decode(entry["encoding"]))
        assert entry["title"] in [norm(h.text_content()) for h in tree.iter("h1")]
        assert entry["published_raw"] in text
        if entry["byline_raw"]:
            assert entry["byline_raw"] in text
            assert all(name in entry["byline_raw"] for name in entry["authors"])
            assert entry["author"] == (", ".join(entry["authors"]) or None)
        for mention in entry["mentions"]:
            assert mention["person"] in text and mention["position"] in text, mention
        for paragraph in entry["body_paragraphs"]:
            assert paragraph in text
        short_ward = entry["ward_as_named"].split(" ", 1)[1]
        assert short_ward in entry["title"] + (entry["author_org"] or "")
        if entry["event_date"]:
            assert entry["event_date"] <= entry["published_at"][:10]
        assert unicodedata.is_normalized("NFC", json.dumps(entry, ensure_ascii=False))


def test_ward_codes_come_from_the_gazetteer(truths):
    from vietnamadminunits import ParseMode, parse_address

    seen = {}
    for truth in truths.values():
        for a in truth["articles"]:
            key = (a["ward_as_named"], a["district"], a["province"])
            if key not in seen:
                unit = parse_address(", ".join(key), mode=ParseMode.LEGACY, level=3)
                seen[key] = (unit.ward, unit.ward_code)
            assert seen[key] == (a["ward"], a["ward_code"]), key


@pytest.mark.parametrize("site", SITES)
def test_listings_link_every_article_and_some_distractors(site):
    urls = load(site, "urls.json")
    files = urls["files"]
    hrefs: set[str] = set()
    for url, rel in files.items():
        if rel.startswith("pages/listing-"):
            tree = lxml.html.fromstring((SITES_DIR / site / rel).read_bytes().decode("utf-8"))
            hrefs |= {urljoin(url, a.get("href")) for a in tree.iter("a") if a.get("href")}
    paths = {h for h in hrefs if h.startswith("/")}
    for entry in load(site, "truth.json")["articles"]:
        assert entry["url"] in paths
    schemes = {urlsplit(h).scheme for h in hrefs}
    assert {"mailto", "tel", "javascript"} <= schemes
    assert any(h.startswith("http://127.0.0.2:") for h in hrefs)
    assert any(h.endswith(".pdf") for h in hrefs)


def test_size_budget():
    total = sum(p.stat().st_size for p in SITES_DIR.rglob("*") if p.is_file())
    assert total < 5_000_000


# -- regenerating and changing the mirror ----------------------------------------------


def test_generator_is_deterministic(tmp_path):
    generate_all(tmp_path)
    made = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    kept = sorted(p.relative_to(SITES_DIR) for p in SITES_DIR.rglob("*") if p.is_file())
    assert made == kept
    for rel in made:
        assert (tmp_path / rel).read_bytes() == (SITES_DIR / rel).read_bytes(), rel


@pytest.mark.parametrize("site", ["haibatrung", "eportal-dnn"])
def test_copy_edit_delete_and_publish(tmp_path, site):
    copy = tmp_path / "sites"
    shutil.copytree(SITES_DIR, copy)
    before = load(site, "truth.json", copy)["articles"]
    with MirrorServer(root=copy) as server:
        first_page = server.listing_url(site)
        etag = fetch(first_page)[1]["ETag"]
        edited, removed = server.base_url + before[1]["url"], server.base_url + before[2]["url"]
        old_etag = fetch(edited)[1]["ETag"]
        path = server.file_for(edited)
        path.write_bytes(path.read_bytes().replace(b"</body>", b"<!-- edited -->\n</body>"))
        status, headers, _ = fetch(edited)
        assert status == 200 and headers["ETag"] != old_etag
        server.file_for(removed).unlink()
        assert fetch(removed)[0] == 404

        new = add_articles(copy / site, 3)
        after = load(site, "truth.json", copy)["articles"]
        assert [a["url"] for a in after[:3]] == new
        assert after[3:] == before
        status, headers, body = fetch(first_page)
        assert headers["ETag"] != etag
        text = page_text(body, "utf-8")
        positions = [text.index(a["title"]) for a in after[:4]]
        assert positions == sorted(positions)
        for url in new:
            status, _, body = fetch(server.base_url + url)
            assert status == 200
            assert after[new.index(url)]["title"] in page_text(body, "utf-8")
        assert server.article_urls(site)[:3] == [server.base_url + u for u in new]
        assert new[0] > "" and all(a["published_at"] > before[0]["published_at"] for a in after[:3])
