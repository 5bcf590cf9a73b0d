"""The fault server itself: each fault does what it says, then the URL recovers."""

from __future__ import annotations

import http.client
import socket
import time
import unicodedata

import pytest

from tests.faultserver import ERROR_PAGE_TEXT, HOSTILE_TITLE, FaultServer, encode_cp1258

# One worker runs the whole module: the server is a module-scoped fixture.
pytestmark = pytest.mark.xdist_group("faults_server")


@pytest.fixture(scope="module")
def site():
    with FaultServer(articles=8, per_page=5) as server:
        yield server


def get(site, path, timeout=5.0, host=None):
    conn = http.client.HTTPConnection(host or site.host, site.port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def test_listing_pages_and_articles(site):
    status, headers, body = get(site, site.listing_path(1))
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    page = body.decode()
    assert page.count('class="asset-abstract"') == 5 and 'class="next"' in page
    last = get(site, site.listing_path(2))[2].decode()
    assert last.count('class="asset-abstract"') == 3 and 'class="next"' not in last
    a = site.articles[0]
    page = get(site, a.path)[2].decode()
    assert a.title in page and a.paragraphs[3] in page and a.byline in page
    assert get(site, "/khong-co")[0] == 404


def test_status_then_recovery_and_log(site):
    a = site.articles[1]
    site.fault(a.path, "status", code=429, times=2, retry_after=7)
    first, second, third = (get(site, a.path) for _ in range(3))
    assert (first[0], first[1]["Retry-After"]) == (429, "7")
    assert second[0] == 429 and third[0] == 200
    assert [h.fault for h in site.hits(a.path)] == ["status", "status", None]


def test_hang_never_answers(site):
    site.fault("/hang", "hang")
    with pytest.raises((TimeoutError, socket.timeout)):
        get(site, "/hang", timeout=0.5)


def test_trickle_is_slow_but_complete(site):
    a = site.articles[2]
    site.fault(a.path + "?slow", "trickle", times=1, chunk=1024, interval=0.1)
    started = time.monotonic()
    status, _, body = get(site, a.path + "?slow")
    assert status == 200 and a.title in body.decode()
    assert time.monotonic() - started >= 0.2


def test_short_body_breaks_content_length(site):
    a = site.articles[3]
    site.fault(a.path, "short", times=1)
    with pytest.raises(http.client.IncompleteRead):
        get(site, a.path)
    assert get(site, a.path)[0] == 200


def test_redirect_loops(site):
    a = site.articles[4]
    site.fault(a.path, "redirect_loop", mode="cycle")
    assert get(site, a.path)[1]["Location"] == a.path + "?loop=1"
    assert get(site, a.path + "?loop=1")[1]["Location"] == a.path
    b = site.articles[5]
    site.fault(b.path, "redirect_loop", mode="chain")
    assert get(site, b.path + "?hop=3")[1]["Location"] == b.path + "?hop=4"
    site.clear(a.path)
    site.clear(b.path)


def test_offsite_traps_record_requests(site):
    url = site.offsite_url("127.0.0.2", "/x")
    assert url.startswith("http://127.0.0.2:")
    trap = site.traps["127.0.0.2"]
    conn = http.client.HTTPConnection("127.0.0.2", trap.port, timeout=5)
    conn.request("GET", "/x")
    assert conn.getresponse().status == 200
    conn.close()
    assert [h.path for h in site.offsite_hits()] == ["/x"]
    site.reset_log()
    assert site.offsite_hits() == []


def test_charsets(site):
    a = site.articles[6]
    site.fault(a.path + "?1258", "charset", encoding="windows-1258")
    status, headers, body = get(site, a.path + "?1258")
    assert headers["Content-Type"] == "text/html; charset=windows-1258"
    assert body == encode_cp1258(site.article_html(a, meta_charset="windows-1258"))
    text = unicodedata.normalize("NFC", body.decode("cp1258"))
    assert a.title in text
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    site.fault(a.path + "?bare", "charset", encoding="windows-1258", header=None, meta=None)
    status, headers, body = get(site, a.path + "?bare")
    assert headers["Content-Type"] == "text/html" and b"charset" not in body
    site.fault(a.path + "?lie", "charset", encoding="utf-8", header="iso-8859-1", meta=None)
    status, headers, body = get(site, a.path + "?lie")
    assert headers["Content-Type"] == "text/html; charset=iso-8859-1"
    assert a.title in body.decode("utf-8")


def test_cp1258_encoder_round_trips():
    text = "Đảng ủy phường Quỳnh Lôi, Nguyễn Thị Hồng Hạnh"
    data = encode_cp1258(text)
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == text


def test_binary_huge_and_garbage(site):
    a = site.articles[7]
    site.fault(a.path + "?bin", "binary")
    status, headers, body = get(site, a.path + "?bin")
    assert headers["Content-Type"].startswith("text/html") and body.startswith(b"%PDF-")
    assert b"\x00" not in body
    site.fault(a.path + "?huge", "huge", size=3_000_000)
    status, headers, body = get(site, a.path + "?huge")
    assert abs(len(body) - 3_000_000) < 2000 and body.rstrip().endswith(b"</html>")
    site.fault(a.path + "?404", "soft404")
    status, _, body = get(site, a.path + "?404")
    assert status == 200 and ERROR_PAGE_TEXT in body.decode()
    site.fault(a.path + "?empty", "empty")
    assert get(site, a.path + "?empty")[:3:2] == (200, b"")
    site.fault(a.path + "?cut", "truncated")
    status, headers, body = get(site, a.path + "?cut")
    assert status == 200 and int(headers["Content-Length"]) == len(body)
    assert a.paragraphs[1] in body.decode() and a.paragraphs[3] not in body.decode()
    assert b"</html>" not in body


def test_malformed_and_hostile_pages(site):
    a = site.articles[0]
    site.fault(a.path + "?bad", "malformed")
    page = get(site, a.path + "?bad")[2].decode()
    assert page.count("<html") == 2 and page.count("<table>") == 2
    site.fault(a.path + "?evil", "hostile")
    page = get(site, a.path + "?evil")[2].decode()
    assert "<script>document.location" in page and 'onerror="alert(2)"' in page
    assert "&lt;script&gt;alert(&#x27;tieu-de&#x27;)&lt;/script&gt;" in page
    assert HOSTILE_TITLE.startswith("<script>") and "DROP TABLE" in page
