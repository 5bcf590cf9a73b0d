"""Datasette plugin of the Ward News Archive: Vietnamese-aware search and the article pages.

Registered through the `datasette` entry point in pyproject.toml, so plain
`datasette archive.db -m metadata.yml` picks it up. It:

- rewrites the search parameters of every request (`_search`, `_search_<column>`, and the
  text parameters of our canned queries) to the spelling the store keeps: Unicode NFC and
  the traditional tone placement (`uỷ` -> `ủy`, `hoà` -> `hòa`). The FTS index keeps
  diacritics (`thể` never finds `thế`), so a query must be spelled like the stored text;
- drops a search that would escape to an empty FTS5 expression (a lone `"`, or the empty
  box), which SQLite rejects with a syntax error (a 400 in stock Datasette);
- answers 405 to any write method outside Datasette's own /-/ pages: nothing published
  takes a POST;
- sends a plain search of the articles table page (`/archive/articles?_search=…`, the
  search box, nothing else in the query string) to the ranked canned query `search`:
  Datasette 0.65's table view cannot order by FTS rank (datasette#268). A search with a
  sort, a filter or a facet stays on the table, and so does the JSON API;
- gives every connection the FTS5 ranking function `wardnews_bm25()` of the ranked search
  (wardnews/fts5rank.py), and where it could not be built runs that search with FTS5's own
  `bm25()` instead;
- registers the SQL function `vn_fold(text)` (`"Đảng ủy"` -> `"dang uy"`) for canned queries
  and analysts' SQL;
- adds `year` and `month` facets that read the local date off ISO 8601 text: Datasette's own
  date facet calls SQLite's date(), which converts `2018-01-03T05:01:00+07:00` to UTC and
  files it under 2 January;
- supplies its templates directory (wardnews/templates) to Jinja, after any --template-dir,
  and the data the article page needs (revisions, officials named, attachments).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import (
    escape_fts,
    escape_sqlite,
    path_with_added_args,
    path_with_removed_args,
    tilde_encode,
)
from jinja2 import ChoiceLoader, FileSystemLoader

from normalize.text import clean_text, fold
from wardnews import fts5rank

__all__ = ["normalize_query", "normalize_query_string", "YearFacet", "MonthFacet"]

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
# Text parameters of our canned queries (metadata.yml) that take free Vietnamese text.
CANNED_TEXT_PARAMS = frozenset({"q", "author", "ward", "person"})
MAX_QUERY_CHARS = 200
_CONTROL = re.compile("[\x00-\x1f\x7f]")


def _is_search_param(key: str) -> bool:
    """Whether a query-string key carries search text: `_search`, `_search_title`, `q`..."""
    if key == "_searchmode":
        return False
    return key.startswith("_search") or key in CANNED_TEXT_PARAMS


def normalize_query(text: str) -> str:
    """A search as typed -> as the store spells it: `"đảng uỷ"` -> `"đảng ủy"` (NFC)."""
    # SQLite ends a string at NUL (FTS5 then reports "unterminated string"); other
    # control characters are no use in a search either.
    text = _CONTROL.sub(" ", text)
    try:
        text = clean_text(text)
    except Exception:  # a visitor's odd query must not turn into a 500: NFC still helps
        text = unicodedata.normalize("NFC", text).strip()
    if len(text) > MAX_QUERY_CHARS:
        # Every word of a query is one more FTS5 term in each of the page's queries (rows,
        # count, facets, facet suggestions): 1,000 words took 2 s here.
        cut = text[:MAX_QUERY_CHARS]
        text = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return text


def normalize_query_string(query_string: bytes) -> bytes:
    """Normalise the search parameters of a raw query string; other pairs are kept as they are."""
    if not query_string:
        return query_string
    try:
        pairs = parse_qsl(query_string.decode("utf-8"), keep_blank_values=True)
    except UnicodeDecodeError:
        return query_string
    out: list[tuple[str, str]] = []
    changed = False
    for key, value in pairs:
        if _is_search_param(key):
            new = normalize_query(value)
            if key.startswith("_search") and not escape_fts(new).strip():
                # `"` or `""` escape to nothing, and MATCH '' is an FTS5 syntax error:
                # treat the query as empty.
                changed = True
                continue
            if new != value:
                changed = True
                value = new
        out.append((key, value))
    if not changed:
        return query_string
    return urlencode(out).encode("ascii")


_READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


async def _method_not_allowed(send) -> None:
    """405: the archive is read-only (Datasette 0.65 answers a POST to a read-only canned
    query with a 500)."""
    await send(
        {
            "type": "http.response.start",
            "status": 405,
            "headers": [
                (b"allow", b"GET, HEAD, OPTIONS"),
                (b"content-type", b"text/plain; charset=utf-8"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": b"This archive is read-only: use GET.\n"})


_TABLE_PAGE = re.compile(r"^/(?P<database>[^/]+)/(?P<table>articles)$")
RANKED_QUERY = "search"


def ranked_search_location(datasette, scope) -> str | None:
    """Where a plain search of the articles page goes: the ranked canned query, or None.

    Only the HTML page with `_search` and nothing else (or what the page's own form sends
    with it: an empty filter row and the default sort): a chosen sort (`_sort_desc=`), a
    filter, a facet or `.json` keeps Datasette's own table search, so links that re-sort or
    filter search results, and API clients, get the table.
    """
    if scope.get("method", "GET") not in ("GET", "HEAD"):
        return None
    match = _TABLE_PAGE.match(scope.get("path", ""))
    if not match:
        return None
    database, table = match["database"], match["table"]
    pairs = parse_qsl(scope.get("query_string", b"").decode("utf-8", "replace"))
    args = dict(pairs)
    if len(args) != len(pairs) or not args.get("_search", "").strip():
        return None
    # The page's form sends its empty filter row and the sort it shows (the table's default,
    # newest first, unless the visitor picked another): those alone are a plain search.
    if not args.get("_filter_value"):
        for key in ("_filter_column", "_filter_op", "_filter_value"):
            args.pop(key, None)
    default_sort = datasette.table_metadata(database, table).get("sort_desc")
    if args.get("_sort") == default_sort and args.get("_sort_by_desc"):
        del args["_sort"], args["_sort_by_desc"]
    if set(args) != {"_search"}:
        return None
    queries = datasette.metadata("queries", database=database) or {}
    if RANKED_QUERY not in queries:
        return None
    path = datasette.urls.query(database, RANKED_QUERY)
    return f"{path}?{urlencode({'q': args['_search']})}"


async def _redirect(send, location: str) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": 302,
            "headers": [
                (b"location", location.encode("utf-8")),
                (b"content-type", b"text/plain; charset=utf-8"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": b""})


@hookimpl
def asgi_wrapper(datasette):
    """Normalise search parameters before Datasette reads the request; refuse writes."""

    def wrap(app):
        async def normalise_search(scope, receive, send):
            if scope.get("type") == "http":
                # Only Datasette's own /-/ pages (permission checks, logout) take a POST;
                # nothing in the published database does.
                if scope.get("method", "GET") not in _READ_METHODS and not scope.get(
                    "path", ""
                ).startswith("/-/"):
                    await _method_not_allowed(send)
                    return
                if scope.get("query_string"):
                    query_string = normalize_query_string(scope["query_string"])
                    if query_string is not scope["query_string"]:
                        scope = dict(scope, query_string=query_string)
                    location = ranked_search_location(datasette, scope)
                    if location:
                        await _redirect(send, location)
                        return
            await app(scope, receive, send)

        return normalise_search

    return wrap


# Before Datasette opens its first connection: the function reaches only later connections.
_RANK_UNAVAILABLE = fts5rank.register()


@hookimpl
def canned_queries(datasette, database):
    """Where wardnews_bm25() is unavailable, the metadata's queries that use it, on bm25()."""
    if not _RANK_UNAVAILABLE:
        return None
    queries = datasette.metadata("queries", database=database, fallback=False) or {}
    return {
        name: {**query, "sql": fts5rank.sql_with_fallback(query["sql"], available=False)}
        for name, query in queries.items()
        if isinstance(query, dict) and f"{fts5rank.FUNCTION}(" in query.get("sql", "")
    }


@hookimpl
def prepare_connection(conn):
    """SQL function vn_fold(text): `select vn_fold('Đảng ủy')` -> `dang uy`."""
    conn.create_function(
        "vn_fold", 1, lambda s: fold(s) if s is not None else None, deterministic=True
    )


@hookimpl
def prepare_jinja2_environment(env):
    """Let Jinja find wardnews/templates after --template-dir and before Datasette's own.

    Datasette looks for a plugin's templates in `<plugin package>/templates`, but on Python
    3.11 importlib.resources cannot resolve that for a plugin that is a module
    (`wardnews.datasette_plugin`), so we add the directory ourselves.
    """
    loader = env.loader
    if isinstance(loader, ChoiceLoader) and isinstance(loader.loaders[0], FileSystemLoader):
        paths = loader.loaders[0].searchpath
        if str(TEMPLATES_DIR) not in paths:
            # The last path is Datasette's default templates; a --template-dir is first.
            paths.insert(max(len(paths) - 1, 0), str(TEMPLATES_DIR))
    else:
        env.loader = ChoiceLoader([FileSystemLoader(str(TEMPLATES_DIR)), loader])
    # Row URLs of text keys (an article URL, a WARC record id) are tilde-encoded.
    env.filters["wardnews_tilde"] = tilde_encode


_ARTICLE_SQL = {
    "revisions": (
        "select id, fetched_at, published_at, title, content_hash, capture_id,"
        " length(body_text) as body_chars from revisions where url = :url order by fetched_at"
    ),
    "mentions": (
        "select person, position, organisation, ward_code from mentions"
        " where article_url = :url order by id"
    ),
    "attachments": (
        "select url, kind, capture_id from attachments where article_url = :url order by id"
    ),
    "capture": (
        "select id, fetched_at, status, size, payload_digest, warc_file from captures"
        " where id = (select capture_id from articles where url = :url)"
    ),
}


@hookimpl
def extra_template_vars(datasette, view_name, table):
    """On the articles row page: `wardnews_article(database, url)` -> revisions, mentions..."""
    if view_name != "row" or table != "articles":
        return {}

    async def wardnews_article(database: str, url: str) -> dict[str, Any]:
        db = datasette.get_database(database)
        out: dict[str, Any] = {}
        for name, sql in _ARTICLE_SQL.items():
            rows = [dict(r) for r in (await db.execute(sql, {"url": url})).rows]
            out[name] = rows[0] if name == "capture" and rows else rows
        return out

    return {"wardnews_article": wardnews_article}


# --- Facets ------------------------------------------------------------------------------
class _PrefixFacet(Facet):
    """Facet on the first `length` characters of ISO 8601 text: the site's own local date."""

    length = 4
    glob = "[0-9][0-9][0-9][0-9]*"

    async def suggest(self) -> list:
        return []  # only on request (?_facet_year=published_at) or from metadata

    def facet_sql(self, col: str, limit: int) -> str:
        """Counts per prefix, newest first. `col` is escaped; self.sql is the page's SQL."""
        return (
            f"select substr({col}, 1, {self.length}) as value, count(*) as count"  # noqa: S608
            f" from ({self.sql}) where {col} glob '{self.glob}'"
            f" group by value order by value desc limit {limit}"
        )

    async def facet_results(self):
        facet_results, timed_out = [], []
        args = dict(self.get_querystring_pairs())
        facet_size = self.get_facet_size()
        arg = f"_facet_{self.type}"
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            column = config.get("column") or config["simple"]
            col = escape_sqlite(column)
            sql = self.facet_sql(col, facet_size + 1)
            try:
                rows = await self.ds.execute(
                    self.database,
                    sql,
                    self.params,
                    truncate=False,
                    custom_time_limit=self.ds.setting("facet_time_limit_ms"),
                )
            except QueryInterrupted:
                timed_out.append(column)
                continue
            filter_key = f"{column}__startswith"
            values = []
            for row in rows.rows[:facet_size]:
                value = row["value"]
                selected = args.get(filter_key) == value
                toggle = (
                    path_with_removed_args(self.request, {filter_key: value})
                    if selected
                    else path_with_added_args(self.request, {filter_key: value})
                )
                values.append(
                    {
                        "value": value,
                        "label": value,
                        "count": row["count"],
                        "toggle_url": self.ds.absolute_url(self.request, toggle),
                        "selected": selected,
                    }
                )
            facet_results.append(
                {
                    "name": column,
                    "type": self.type,
                    "results": values,
                    "hideable": source_and_config["source"] != "metadata",
                    "toggle_url": path_with_removed_args(self.request, {arg: column}),
                    "truncated": len(rows.rows) > facet_size,
                }
            )
        return facet_results, timed_out


_WHERE = re.compile(r"\bwhere\b", re.IGNORECASE)


class YearFacet(_PrefixFacet):
    """`?_facet_year=published_at`: articles per year, by the site's local date.

    One index range count per year (`col >= '2018' and col < '2019'`) instead of grouping
    substr() of every row: on 1,000,000 articles 0.75 s (over the facet time limit) became
    tens of milliseconds, because SQLite counts a range of the column's index without
    reading a row. The years run from the newest date down to the oldest (at most 200).
    On a filtered page (a ward, a search) the rows come from that filter's index, and the
    ranges would walk the date index row by row instead: there the prefix count is used.
    """

    type = "year"
    length = 4

    def facet_sql(self, col: str, limit: int) -> str:
        if _WHERE.search(self.sql):
            # A filtered page: its own index (ward, search...) picks the rows; count those.
            return super().facet_sql(col, limit)
        rows = f"select {col} from ({self.sql})"  # noqa: S608 - escaped column, the page's SQL
        return f"""
            with recursive bounds as (
              select
                (select {col} from ({rows}) where {col} >= '0000' and {col} < ':'
                 order by {col} desc limit 1) as hi,
                (select {col} from ({rows}) where {col} >= '0000' and {col} < ':'
                 order by {col} limit 1) as lo
            ),
            years(y) as (
              select cast(substr(hi, 1, 4) as integer) from bounds
              where substr(hi, 1, 4) glob '[0-9][0-9][0-9][0-9]'
              union all
              select y - 1 from years, bounds
              where y > max(cast(substr(lo, 1, 4) as integer),
                            cast(substr(hi, 1, 4) as integer) - 200)
            ),
            counted as (
              select printf('%04d', y) as value,
                (select count(*) from ({rows}) where {col} >= printf('%04d', y)
                   and {col} < printf('%04d', y + 1)) as count
              from years
            )
            select value, count from counted where count > 0
            order by value desc limit {limit}
        """  # noqa: S608


class MonthFacet(_PrefixFacet):
    """`?_facet_month=published_at`: articles per month (YYYY-MM), by the local date."""

    type = "month"
    length = 7
    glob = "[0-9][0-9][0-9][0-9]-[0-9][0-9]*"


@hookimpl
def register_facet_classes():
    """The year and month facets."""
    return [YearFacet, MonthFacet]
