"""Nothing let in: hostile pages are archived as inert text, Datasette escapes every field,
no SQL is built from values, and the crawler never leaves its source's hosts."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from scrapy import Request

from normalize.text import sanitize_html
from tests.faultserver import (
    HOSTILE_TITLE,
    DatasetteProcess,
    FaultServer,
    crawl_site,
)
from wardnews.middlewares import OffScope, ScopeMiddleware

# One worker runs the whole module: its crawl and Datasette are module-scoped fixtures.
pytestmark = pytest.mark.xdist_group("security")

ROOT = Path(__file__).resolve().parent.parent
HOSTILE, ATTACHED, LOCATION = 0, 1, 2
PDF = "/documents/10180/2225801/ke-hoach-to-chuc.pdf"
# Markup that would run in a browser if it reached a page unescaped.
ACTIVE = re.compile(
    r"<script>(?:alert|document)|<(?:iframe|object|embed)\b|\bon(?:error|mouseover|click|load)="
    r"|(?:href|src)\s*=\s*[\"']?\s*javascript:|alert\('(?:tieu-de|loc)'\)</script>",
    re.I,
)


def _listing_with_offsite_links(site: FaultServer) -> bytes:
    """Listing page 1 plus rows and a next-page link that lead off the site."""
    article = "/web/guest/tin-phuong/-/view_content/{}-bai-dang-o-trang-khac.html"
    links = {
        site.offsite_url("127.0.0.2", article.format(9999)): "Phường Bách Khoa",
        # protocol-relative
        site.traps["127.0.0.3"].base_url.replace("http:", "")
        + article.format(9998): "Phường Bạch Mai",
        "javascript:location='/x'": "Phường Lê Đại Hành",
    }
    rows = "".join(
        f'<div class="asset-abstract"><h3 class="asset-title"><a href="{href}">{ward} bài'
        " đăng ở trang khác</a></h3></div>\n"
        for href, ward in links.items()
    )
    page = site.listing_html(1).replace(
        '<div class="taglib-page-iterator">', rows + '<div class="taglib-page-iterator">'
    )
    next_url = site.offsite_url("127.0.0.3", site.listing_path(2))
    page = page.replace(
        '<div class="page-links"></div>',
        f'<div class="page-links"><a class="next" href="{next_url}">Tiếp</a></div>',
    )
    assert next_url in page
    return page.encode()


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("security")
    with FaultServer(articles=6, per_page=8) as site:
        a = site.articles
        site.fault(site.listing_path(1), "page", body=_listing_with_offsite_links(site))
        site.fault(a[HOSTILE].path, "hostile")
        attached = "".join(f"<p>{p}</p>" for p in a[ATTACHED].paragraphs) + (
            f'<p><a href="{PDF}">Kế hoạch tổ chức</a> '
            f'<a href="{site.offsite_url("127.0.0.2", "/documents/10180/1/tai-lieu.pdf")}">'
            'Tài liệu</a> <a href="javascript:alert(7)//x.pdf">Tải</a></p>'
        )
        site.fault(
            a[ATTACHED].path, "page", body=site.article_html(a[ATTACHED], body=attached).encode()
        )
        site.fault(
            PDF,
            "page",
            body=b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n%%EOF\n",
            content_type="application/pdf",
        )
        site.fault(
            a[LOCATION].path,
            "redirect",
            location=site.offsite_url("127.0.0.2", "/\"><script>alert('loc')</script>"),
        )
        site.fault("/robots.txt", "redirect", location=site.offsite_url("127.0.0.2", "/robots.txt"))
        result = crawl_site(site, tmp, "-s", "FETCH_ATTACHMENTS=1")
        yield site, result, site.log, site.offsite_hits()


def test_crawler_never_leaves_its_source(archive):
    site, result, hits, offsite = archive
    assert offsite == []
    assert {h.host for h in hits} == {f"127.0.0.1:{site.port}"}
    assert [h.path for h in hits if h.path == PDF] == [PDF]  # the on-site attachment
    (failure,) = result.rows("select * from failures where kind = 'offsite'")
    assert failure["url"] == site.articles[LOCATION].url
    urls = [r["url"] for r in result.rows("select url from captures")]
    assert all(u.startswith(site.base_url) for u in urls)


def test_hostile_article_is_archived_as_inert_text(archive):
    site, result, *_ = archive
    (row,) = result.rows("select * from articles where url = ?", (site.articles[HOSTILE].url,))
    assert row["title"] == HOSTILE_TITLE  # kept as text, verbatim
    assert "'; DROP TABLE articles; --" in row["body_text"]
    assert "1' OR '1'='1" in row["body_text"]
    html = row["body_html"]
    for bad in (
        "<script",
        "onerror",
        "onmouseover",
        "onclick",
        "javascript:",
        "<iframe",
        "<style",
        "document.cookie",
        "alert(",
    ):
        assert bad not in html.lower(), bad
    assert f'src="{site.base_url}/documents/10180/anh1.jpg"' in html
    for (revision,) in result.rows("select body_html from revisions"):
        assert not ACTIVE.search(revision)
    tables = {r["name"] for r in result.rows("select name from sqlite_master")}
    assert {"articles", "revisions", "captures", "failures", "crawl_runs"} <= tables
    assert result.rows("select count(*) n from articles")[0]["n"] == len(site.articles) - 1


def test_attachment_links_stay_http_and_on_record(archive):
    site, result, *_ = archive
    links = [r["url"] for r in result.rows("select url from attachments")]
    assert site.base_url + PDF in links
    assert not [u for u in links if not u.startswith(("http://", "https://"))]
    (capture,) = result.rows("select * from captures where url = ?", (site.base_url + PDF,))
    assert capture["content_type"] == "application/pdf"


@pytest.fixture(scope="module")
def datasette(archive, tmp_path_factory):
    _, result, *_ = archive
    db = tmp_path_factory.mktemp("served") / "archive.db"  # Datasette names it "archive"
    db.write_bytes(Path(result.db).read_bytes())
    with DatasetteProcess(db) as server:
        yield server


CUSTOM_SQL = "select url, title, body_html from articles"  # a reader's own query


def _row_path(url: str) -> str:
    from datasette.utils import tilde_encode

    return "/archive/articles/" + tilde_encode(url)


def test_datasette_escapes_every_field(archive, datasette):
    site, *_ = archive
    hostile = site.articles[HOSTILE].url
    must_render = [
        "/archive/articles",
        "/archive/articles?_search=Minh+Khai",
        _row_path(hostile),
        "/archive/revisions",
        "/archive/failures",
        "/archive/captures",
        "/archive?" + urlencode({"sql": CUSTOM_SQL}),
    ]
    for path in must_render:
        status, content_type, text = datasette.get(path)
        assert status == 200, (path, text[:500])
        assert content_type.startswith("text/html")
        assert not ACTIVE.search(text), (path, ACTIVE.search(text))
    for path in must_render[:3]:
        assert "&lt;script&gt;alert(" in datasette.get(path)[2], path


def test_datasette_canned_queries_and_feeds_escape(datasette):
    # Optional pages (metadata.yml canned queries, plugins): checked when they exist.
    for path in (
        "/archive/open_failures",
        "/archive/newest_articles",
        "/archive/search?q=Minh+Khai",
        "/-/search?q=Minh+Khai",
        "/archive/newest_articles_feed.atom",
    ):
        status, _, text = datasette.get(path)
        if status == 404:
            continue
        assert status == 200, (path, text[:500])
        assert not ACTIVE.search(text), (path, ACTIVE.search(text))


def test_datasette_json_is_json(archive, datasette):
    site, *_ = archive
    status, content_type, text = datasette.get("/archive/articles.json?_shape=array")
    assert status == 200 and content_type.startswith("application/json")
    assert "alert('tieu-de')" in text  # data, as data


# --- sanitising -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script><p>x</p>",
        '<img src="x.jpg" onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<a href=" JaVaScRiPt:alert(1)">x</a>',
        '<a href="jav&#x09;ascript:alert(1)">x</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
        '<svg onload="alert(1)"><circle /></svg>',
        '<iframe src="http://127.0.0.3/"></iframe>',
        '<object data="x.swf"></object><embed src="x.swf">',
        '<form action="javascript:alert(1)"><button>x</button></form>',
        '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
        '<base href="javascript:alert(1)//">',
        '<p style="background:url(javascript:alert(1))">x</p>',
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
        '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
        "<!--<script>alert(1)</script>-->",
        '<a href="/x" onclick="alert(1)" target="_blank">x</a>',
    ],
)
def test_sanitize_html_leaves_nothing_active(html):
    clean = sanitize_html(html, "http://127.0.0.1/web/guest/tin-phuong/-/view_content/1.html")
    lowered = clean.lower()
    for bad in (
        "<script",
        "javascript:",
        "data:",
        "<iframe",
        "<object",
        "<embed",
        "<form",
        "<meta",
        "<base",
        "<svg",
        "<math",
        "style=",
        "onerror",
        "onload",
        "onclick",
        "alert(",
    ):
        assert bad not in lowered, (html, clean)


# --- the scope check, unit by unit ----------------------------------------------------------
HOST = "127.0.0.1:8123"


@pytest.fixture
def scope():
    stats: dict[str, int] = {}
    spider = SimpleNamespace(
        sources={"faultsite": None, "other": None},
        allowed_hosts=lambda name: {"faultsite": [HOST], "other": ["127.0.0.1:9000"]}.get(name, []),
    )
    crawler = SimpleNamespace(
        spider=spider,
        stats=SimpleNamespace(inc_value=lambda k, n=1: stats.__setitem__(k, stats.get(k, 0) + n)),
    )
    middleware = ScopeMiddleware.from_crawler(crawler)
    middleware.stats = stats
    return middleware


@pytest.mark.parametrize(
    "url",
    [
        f"http://{HOST}/web/guest/tin-phuong",
        f"HTTP://{HOST.upper()}/web/guest/tin-phuong/-/view_content/1-x.html",
        f"http://{HOST}/?next=http://127.0.0.2/",
    ],
)
def test_scope_lets_the_source_through(scope, url):
    assert scope.process_request(Request(url, meta={"source": "faultsite"})) is None


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.2:8123/web/guest/tin-phuong",  # same port, another address
        "http://127.0.0.3/",
        "http://127.0.0.1:9000/",  # another source's host
        "http://127.0.0.1/",  # the default port is another origin
        "http://localhost:8123/",  # same machine, another name
        f"http://{HOST}@127.0.0.2/",  # userinfo: the real host is after the @
        f"http://user:pw@{HOST}/",
        f"http://127.0.0.2/?@{HOST}",
        f"http://127.0.0.2#@{HOST}/",
        "http://2130706433:8123/",  # 127.0.0.1 written as a number
        "http://10-0-0-1.invalid/",  # a "private" address by name
        "http://intranet.invalid:8123/",
        "ftp://127.0.0.1:8123/",
    ],
)
def test_scope_refuses_everything_else(scope, url):
    with pytest.raises(OffScope):
        scope.process_request(Request(url, meta={"source": "faultsite"}))
    assert scope.stats["errors/offsite"] == 1


def test_scope_unknown_source_is_refused(scope):
    with pytest.raises(OffScope):
        scope.process_request(Request(f"http://{HOST}/", meta={"source": "nobody"}))


def test_scope_robots_requests_only_to_hosts_being_crawled(scope):
    assert scope.process_request(Request(f"http://{HOST}/robots.txt")) is None
    assert scope.process_request(Request("http://127.0.0.1:9000/robots.txt")) is None
    with pytest.raises(OffScope):
        scope.process_request(Request("http://127.0.0.2:8123/robots.txt"))


# --- no SQL built from values ---------------------------------------------------------------
_SQL = re.compile(
    r"\bselect\b.+\bfrom\b|\binsert\s+(?:or\s+\w+\s+)?into\b|\bupdate\s+\S+\s+set\b"
    r"|\bdelete\s+from\b|\b(?:create|drop)\s+(?:virtual\s+)?(?:table|index|trigger|view)\b"
    r"|\bdrop\s|\balter\s+table\b|\bpragma\s|\bwhere\b|\bvalues\s*\(",
    re.I | re.S,
)

# Every formatted SQL string in the repository, and why what it interpolates is safe. A new
# one fails this test: pass values as parameters (`?`, `:name`); an identifier from a
# constant may be added here, with the reason.
REVIEWED = {
    ("wardnews/store.py", "SCHEMA_VERSION"): "a module constant (an int)",
    ("wardnews/store.py", "cols|new|old"): "column names joined from FTS_COLUMNS, a constant",
    ("wardnews/store.py", "marks|names|table|verb"): "ArchiveStore._write: table and column"
    " names from the module's schema and our own records, '?' placeholders, a constant verb;"
    " values are executemany parameters",
    (
        "wardnews/datasette_plugin.py",
        "col|limit|self.glob|self.length|self.sql",
    ): "escape_sqlite(column from metadata), class constants, an int, Datasette's own table"
    " SQL (its values stay parameters: self.params)",
    ("wardnews/datasette_plugin.py", "col|self.sql"): "YearFacet: the same escaped column and"
    " Datasette's own table SQL",
    ("wardnews/datasette_plugin.py", "col|limit|rows"): "YearFacet: the escaped column, an int,"
    " and `rows`, built above from the column and Datasette's table SQL",
    (
        "bench/build_archive.py",
        "', '.join(('?' for _ in columns))|', '.join(columns)",
    ): "placeholders and column names from ARTICLE_COLUMNS, a constant",
    ("bench/build_archive.py", "kind|name"): "index/trigger type and name read from sqlite_master",
    ("tests/test_datasette.py", "name"): "table names read from sqlite_master",
    ("tests/test_fts5rank.py", "args|function"): "the ranking function's name and weights,"
    " literals of the test's parameters; the query text is a parameter",
    ("tests/test_fts5rank.py", "docsize|function|weights"): "the same, and a literal SQL"
    " expression for the docsize argument",
    ("tests/test_writer_process.py", "table"): "table names from a literal tuple in the test",
    ("wardnews/store.py", "columns|key"): "column list and key column, constants of known_articles",
    ("bench/bench_search.py", "cols|match"): "column names from pragma table_info and a"
    " constant FTS fragment whose search text is the :search parameter",
    ("bench/bench_search.py", "match"): "the same constant fragment",
    (
        "tests/faultserver.py",
        "html.escape(a.paragraphs[0])|html.escape(a.paragraphs[1])|html.escape(a.paragraphs[2])"
        "|html.escape(a.paragraphs[3])",
    ): "HTML of a hostile test page (SQL-looking text), no SQL",
}


def _formatted_sql() -> set[tuple[str, str]]:
    found = set()
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT)
        top = rel.parts[0]
        # .venv, .venv-pywb: installed packages, not ours.
        if top.startswith(".venv") or top in (".git", "build", "node_modules"):
            continue
        if "sites" in rel.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(rel))
        for node in ast.walk(tree):
            literal, values = None, []
            if isinstance(node, ast.JoinedStr):
                literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
                values = [v.value for v in node.values if isinstance(v, ast.FormattedValue)]
            elif (
                isinstance(node, ast.BinOp)
                and isinstance(node.op, ast.Mod | ast.Add)
                and isinstance(node.left, ast.Constant)
                and isinstance(node.left.value, str)
                and not isinstance(node.right, ast.Constant)
            ):
                literal, values = node.left.value, [node.right]
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "format"
                and isinstance(node.func.value, ast.Constant)
                and isinstance(node.func.value.value, str)
            ):
                literal = node.func.value.value
                values = [*node.args, *(k.value for k in node.keywords)]
            if literal and values and _SQL.search(literal):
                found.add((rel.as_posix(), "|".join(sorted({ast.unparse(v) for v in values}))))
    return found


def test_no_sql_is_built_by_formatting_values():
    unreviewed = {item for item in _formatted_sql() if item not in REVIEWED}
    assert not unreviewed, (
        "SQL built by string formatting: use parameters, or review and list it in REVIEWED"
    )
