"""The archive: one SQLite file (sqlite-utils), written in batches by one writer.

No Scrapy here. The crawl (through pipelines/storage.py and the WARC middleware) and the
distributed writer (wardnews/writer.py) both drive an ArchiveStore; Datasette reads the
same file concurrently (WAL mode).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

__all__ = ["ArchiveStore", "Known", "SCHEMA_VERSION", "ARTICLE_COLUMNS"]

SCHEMA_VERSION = 1

# Column order of `articles`, as CONTRACT.md names them, then our own additions.
ARTICLE_COLUMNS: dict[str, type] = {
    "url": str,
    "source": str,
    "category": str,
    "title": str,
    "published_at": str,
    "published_raw": str,
    "event_date": str,
    "author": str,
    "authors": str,
    "author_org": str,
    "byline_raw": str,
    "ward": str,
    "ward_code": str,
    "district": str,
    "province": str,
    "body_text": str,
    "body_html": str,
    "content_hash": str,
    "first_seen_at": str,
    "last_seen_at": str,
    "last_changed_at": str,
    "last_checked_at": str,
    "removed_at": str,
    "removed_reason": str,
    "capture_id": str,
    "listing_url": str,
    "requested_url": str,
    "provenance": str,
    "problems": str,
    "search_folded": str,
    "revision_count": int,
}
# Fields that make an article's content; a change in any of them is a new revision.
FTS_COLUMNS = ["title", "body_text", "author", "ward", "search_folded"]
# Datasette's table search is FTS5 over these columns. Originals keep their diacritics
# (remove_diacritics 0) so that `thể` does not find `thế`; `search_folded` holds the same
# text folded (no tone marks, đ→d) so that `the` or `dang uy` find every accented form.
FTS_TOKENIZE = "unicode61 remove_diacritics 0"

_TABLES: dict[str, tuple[dict[str, type], str | list[str]]] = {
    "captures": (
        {
            "id": str,
            "url": str,
            "method": str,
            "status": int,
            "content_type": str,
            "content_encoding": str,
            "size": int,
            "payload_digest": str,
            "etag": str,
            "last_modified": str,
            "fetched_at": str,
            "warc_file": str,
            "warc_offset": int,
            "warc_length": int,
            "warc_date": str,
            "source": str,
            "truncated": int,
            "run_id": str,
        },
        "id",
    ),
    "revisions": (
        {
            "id": int,
            "url": str,
            "content_hash": str,
            "title": str,
            "published_at": str,
            "author": str,
            "byline_raw": str,
            "body_text": str,
            "body_html": str,
            "fetched_at": str,
            "capture_id": str,
        },
        "id",
    ),
    "mentions": (
        {
            "id": int,
            "article_url": str,
            "person": str,
            "position": str,
            "organisation": str,
            "ward_code": str,
        },
        "id",
    ),
    "attachments": (
        {
            "id": int,
            "article_url": str,
            "url": str,
            "kind": str,
            "capture_id": str,
            "first_seen_at": str,
        },
        "id",
    ),
    "wards": (
        {
            "code": str,
            "name": str,
            "short_name": str,
            "district": str,
            "district_code": str,
            "province": str,
            "province_code": str,
            "latitude": float,
            "longitude": float,
            "new_code": str,
            "new_name": str,
        },
        "code",
    ),
    "failures": (
        {
            "id": int,
            "url": str,
            "source": str,
            "run_id": str,
            "kind": str,
            "reason": str,
            "status": int,
            "capture_id": str,
            "at": str,
            "resolved_at": str,
            "page_kind": str,  # listing, article, attachment: what the URL was fetched as
        },
        "id",
    ),
    "crawl_runs": (
        {
            "id": str,
            "started_at": str,
            "finished_at": str,
            "sources": str,
            "mode": str,
            "host": str,
            "pid": int,
            "pages_fetched": int,
            "listing_pages": int,
            "article_pages": int,
            "articles_new": int,
            "articles_changed": int,
            "articles_unchanged": int,
            "articles_removed": int,
            "items": int,
            "errors": int,
            "errors_by_kind": str,
            "status_counts": str,
            "field_coverage": str,
            "outcome": str,
            "reason": str,
            "finish_reason": str,
        },
        "id",
    ),
    "run_sources": (
        {
            "run_id": str,
            "source": str,
            "listing_pages": int,
            "article_pages": int,
            "articles_new": int,
            "articles_changed": int,
            "articles_removed": int,
            "items": int,
            "errors": int,
            "field_coverage": str,
            "outcome": str,
            "reason": str,
            "finished_at": str,
        },
        ["run_id", "source"],
    ),
    "sources": (
        {
            "name": str,
            "title": str,
            "district": str,
            "province": str,
            "profile": str,
            "listing_urls": str,
            "walk_complete_at": str,
            "last_new_article_at": str,
            "last_success_at": str,
        },
        "name",
    ),
}

_FOREIGN_KEYS = {
    "articles": [("ward_code", "wards", "code"), ("capture_id", "captures", "id")],
    "revisions": [("url", "articles", "url"), ("capture_id", "captures", "id")],
    "mentions": [("article_url", "articles", "url"), ("ward_code", "wards", "code")],
    "attachments": [("article_url", "articles", "url"), ("capture_id", "captures", "id")],
    "failures": [("run_id", "crawl_runs", "id"), ("capture_id", "captures", "id")],
    "run_sources": [("run_id", "crawl_runs", "id"), ("source", "sources", "name")],
}

_INDEXES = {
    "articles": [
        ["source"],
        ["published_at"],
        ["ward_code"],
        ["ward"],  # the default facet
        ["district"],
        ["author"],
        ["category"],
        ["last_changed_at"],
        ["removed_at"],
        ["requested_url"],  # listings link it; incremental crawls look articles up by it
    ],
    "revisions": [["url"]],
    "mentions": [["article_url"], ["ward_code"], ["person"]],
    "attachments": [["article_url"], ["url"]],
    "captures": [["url"], ["fetched_at"]],
    "failures": [["url"], ["source", "resolved_at"]],
    "crawl_runs": [["started_at"]],
}


@dataclass
class Known:
    """What the archive knows of an article, enough to decide whether to fetch it again."""

    url: str
    source: str | None
    content_hash: str | None
    last_checked_at: str | None
    first_seen_at: str | None
    removed_at: str | None
    etag: str | None
    last_modified: str | None


def _dumps(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


class ArchiveStore:
    """Batched writer and incremental-state reader of archive.db."""

    def __init__(self, path: str, flush_items: int = 200, flush_seconds: float = 2.0):
        self.path = path
        self.flush_items = flush_items
        self.flush_seconds = flush_seconds
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=30, check_same_thread=False)
        self.db = sqlite_utils.Database(conn)
        self.db.enable_wal()
        self.db.execute("PRAGMA synchronous=NORMAL")  # safe in WAL mode; survives a killed process
        self.ensure_schema()
        self._pending: dict[str, list[dict[str, Any]]] = {}
        self._pending_count = 0
        self._last_flush = time.monotonic()
        # Article versions decided but not yet flushed: url -> row, so decisions see them.
        self._pending_articles: dict[str, dict[str, Any]] = {}
        # Partial `sources` rows waiting for the next flush, merged per source name.
        self._pending_sources: dict[str, dict[str, Any]] = {}
        # Gazetteer codes already written by this store: the same ward is not re-upserted.
        self._wards_written: set[str] = set()

    # --- schema --------------------------------------------------------------------------
    def ensure_schema(self) -> None:
        """Create or migrate every table, index and the full-text index (idempotent)."""
        db = self.db
        for name, (columns, pk) in _TABLES.items():
            table = db[name]
            if not table.exists():
                table.create(columns, pk=pk, not_null={pk} if isinstance(pk, str) else None)
            else:
                missing = {c: t for c, t in columns.items() if c not in table.columns_dict}
                for column, kind in missing.items():
                    table.add_column(column, kind)
        articles = db["articles"]
        if not articles.exists():
            articles.create(ARTICLE_COLUMNS, pk="url", not_null={"url"})
        else:
            for column, kind in ARTICLE_COLUMNS.items():
                if column not in articles.columns_dict:
                    articles.add_column(column, kind)
        for table, keys in _FOREIGN_KEYS.items():
            existing = {(fk.column, fk.other_table) for fk in db[table].foreign_keys}
            wanted = [k for k in keys if (k[0], k[1]) not in existing]
            if wanted:
                db.add_foreign_keys([(table, *k) for k in wanted])
        for table, indexes in _INDEXES.items():
            for columns in indexes:
                db[table].create_index(columns, if_not_exists=True)
        db["mentions"].create_index(["article_url", "person"], unique=True, if_not_exists=True)
        db["attachments"].create_index(["article_url", "url"], unique=True, if_not_exists=True)
        db["revisions"].create_index(["url", "content_hash", "fetched_at"], if_not_exists=True)
        if not db["articles_fts"].exists():
            articles.enable_fts(
                FTS_COLUMNS, fts_version="FTS5", tokenize=FTS_TOKENIZE, create_triggers=False
            )
            # Our own triggers: re-index only when indexed text changes, not when a crawl
            # merely touches last_seen_at (sqlite-utils' triggers fire on any update).
            cols = ", ".join(FTS_COLUMNS)
            new = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
            old = ", ".join(f"old.{c}" for c in FTS_COLUMNS)
            db.executescript(
                f"""
                CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
                  INSERT INTO articles_fts (rowid, {cols}) VALUES (new.rowid, {new});
                END;
                CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
                  INSERT INTO articles_fts (articles_fts, rowid, {cols})
                  VALUES ('delete', old.rowid, {old});
                END;
                CREATE TRIGGER articles_au AFTER UPDATE OF {cols} ON articles BEGIN
                  INSERT INTO articles_fts (articles_fts, rowid, {cols})
                  VALUES ('delete', old.rowid, {old});
                  INSERT INTO articles_fts (rowid, {cols}) VALUES (new.rowid, {new});
                END;
                """
            )
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # --- reads ---------------------------------------------------------------------------
    def known_articles(self, urls: Iterable[str]) -> dict[str, Known]:
        """The archived articles among these URLs, for incremental crawls: url -> Known.

        A URL is found as an article's own (canonical) URL, or as the URL a crawl requested
        for it (the one listings link, when the page names another canonical URL).
        """
        asked = json.dumps(list(dict.fromkeys(urls)))
        columns = (
            "a.url, a.source, a.content_hash, a.last_checked_at, a.first_seen_at,"
            " a.removed_at, c.etag, c.last_modified"
        )
        known: dict[str, Known] = {}
        for key in ("url", "requested_url"):  # canonical matches first
            sql = (  # REVIEWED: column list and key are constants of this method
                f"select j.value, {columns} from json_each(?) j"
                f" join articles a on a.{key} = j.value"
                " left join captures c on c.id = a.capture_id"
            )
            for value, *row in self.db.execute(sql, [asked]):
                known.setdefault(value, Known(*row))
        return known

    def article_urls(
        self, source: str, present_only: bool = False, requested_too: bool = False
    ) -> Iterator[str]:
        """Every archived article URL of a source, streamed.

        `present_only` leaves out removed articles; `requested_too` adds the URL a crawl
        requested for an article, where it is not the canonical one.
        """
        for url, requested in self.article_addresses(source, present_only):
            yield url
            if requested_too and requested and requested != url:
                yield requested

    def article_addresses(
        self, source: str, present_only: bool = False
    ) -> Iterator[tuple[str, str | None]]:
        """(canonical URL, URL the last crawl requested) of a source's articles, streamed."""
        sql = "select url, requested_url from articles where source = ?"
        if present_only:
            sql += " and removed_at is null"
        yield from self.db.execute(sql, [source])

    def due_for_recheck(
        self, source: str, checked_before: str, first_seen_after: str | None, limit: int
    ) -> list[Known]:
        """Known articles of a source whose last check is older than `checked_before`."""
        sql = (
            "select a.url, a.source, a.content_hash, a.last_checked_at, a.first_seen_at,"
            " a.removed_at,"
            " c.etag, c.last_modified from articles a left join captures c on c.id = a.capture_id"
            " where a.source = ? and coalesce(a.last_checked_at, '') < ?"
            " and (? is null or a.first_seen_at >= ?)"
            " order by a.last_checked_at limit ?"
        )
        rows = self.db.execute(
            sql, [source, checked_before, first_seen_after, first_seen_after, limit]
        ).fetchall()
        return [Known(*row) for row in rows]

    def open_failures(self, source: str) -> list[dict[str, Any]]:
        """Unresolved fetch/parse failures of a source: the next crawl retries them."""
        rows = self.db.execute(
            "select url, max(kind), count(*), max(page_kind) from failures where source = ?"
            " and resolved_at is null and url is not null group by url",
            [source],
        ).fetchall()
        return [
            {"url": url, "kind": kind, "attempts": n, "page_kind": page_kind}
            for url, kind, n, page_kind in rows
        ]

    def source_state(self, source: str) -> dict[str, Any]:
        """The `sources` row of a source ({} when never crawled)."""
        if source in self._pending_sources:
            self.flush()
        try:
            return dict(self.db["sources"].get(source))
        except sqlite_utils.db.NotFoundError:
            return {}

    def last_good_coverage(self, source: str) -> dict[str, float] | None:
        """Field coverage of the source's last run that ended well, for layout-change checks."""
        row = self.db.execute(
            "select field_coverage from run_sources where source = ? and outcome = 'ok'"
            " and items > 0 order by finished_at desc limit 1",
            [source],
        ).fetchone()
        return json.loads(row[0]) if row and row[0] else None

    def had_articles(self, source: str) -> bool:
        """Whether this source ever yielded an article."""
        row = self.db.execute("select 1 from articles where source = ? limit 1", [source])
        return row.fetchone() is not None

    def current(self, url: str) -> dict[str, Any] | None:
        """The stored (or pending) version of an article."""
        if url in self._pending_articles:
            return self._pending_articles[url]
        row = self.db.execute(
            "select content_hash, first_seen_at, body_text, title, revision_count, removed_at"
            " from articles where url = ?",
            [url],
        ).fetchone()
        if row is None:
            return None
        keys = (
            "content_hash",
            "first_seen_at",
            "body_text",
            "title",
            "revision_count",
            "removed_at",
        )
        return dict(zip(keys, row, strict=True))

    # --- writes (buffered) ---------------------------------------------------------------
    def _queue(self, *records: tuple[str, dict[str, Any]]) -> None:
        """Queue one logical record's rows together; a flush never splits them.

        (An article and its revision must land in one transaction: a crawl killed between
        two batches would otherwise keep an article whose revision is lost.)
        """
        for kind, row in records:
            self._pending.setdefault(kind, []).append(row)
        self._pending_count += len(records)
        if (
            self._pending_count >= self.flush_items
            or time.monotonic() - self._last_flush >= self.flush_seconds
        ):
            self.flush()

    def add_capture(self, capture: dict[str, Any]) -> None:
        """Record one HTTP fetch (its WARC location comes with it)."""
        row = {k: capture.get(k) for k in _TABLES["captures"][0]}
        row["truncated"] = int(bool(row.get("truncated")))
        self._queue(("captures", row))

    def add_article(self, article: dict[str, Any], now: str) -> str:
        """Store a normalised article; return 'new', 'changed' or 'unchanged'.

        A changed or new version adds a revision; an unchanged one only moves
        last_seen_at/last_checked_at (and clears removed_at: it came back).
        """
        url = article["url"]
        current = self.current(url)
        if current is not None and current["content_hash"] == article["content_hash"]:
            self.touch(url, now, article.get("capture_id"))
            return "unchanged"
        row = {k: article.get(k) for k in ARTICLE_COLUMNS}
        for key in ("authors", "provenance", "problems"):
            if not isinstance(row[key], str | None):
                row[key] = _dumps(row[key])
        row.update(
            first_seen_at=current["first_seen_at"] if current else now,
            last_seen_at=now,
            last_changed_at=now,
            last_checked_at=now,
            removed_at=None,
            removed_reason=None,
            revision_count=(current["revision_count"] or 0) + 1 if current else 1,
        )
        self._pending_articles[url] = row
        revision = {
            "url": url,
            "content_hash": row["content_hash"],
            "title": row["title"],
            "published_at": row["published_at"],
            "author": row["author"],
            "byline_raw": row["byline_raw"],
            "body_text": row["body_text"],
            "body_html": row["body_html"],
            "fetched_at": now,
            "capture_id": row["capture_id"],
        }
        mentions = {"article_url": url, "rows": article.get("mentions") or []}
        attachments = [
            {
                "article_url": url,
                "url": attachment["url"],
                "kind": attachment["kind"],
                "capture_id": None,
                "first_seen_at": now,
            }
            for attachment in article.get("attachments") or []
        ]
        self._queue(
            ("articles", row),
            ("revisions", revision),
            ("mentions_replace", mentions),
            *(("attachments", a) for a in attachments),
        )
        return "changed" if current else "new"

    def touch(self, url: str, now: str, capture_id: str | None = None) -> None:
        """An article fetched again and found unchanged (or answered 304)."""
        self._queue(("touch", {"url": url, "now": now, "capture_id": capture_id}))

    def mark_removed(self, url: str, now: str, reason: str) -> bool:
        """An archived article is gone (404/410, or no longer listed); keep the row."""
        current = self.current(url)
        if current is None or current.get("removed_at"):
            return False
        self._queue(("removed", {"url": url, "now": now, "reason": reason}))
        if url in self._pending_articles:
            self._pending_articles[url]["removed_at"] = now
        return True

    def add_failure(self, failure: dict[str, Any]) -> None:
        """A fetch or parse that went wrong; stays open until the URL succeeds."""
        self._queue(("failures", {k: failure.get(k) for k in _TABLES["failures"][0] if k != "id"}))

    def resolve_failures(self, url: str, now: str) -> None:
        """The URL worked this time: close its open failures."""
        self._queue(("resolve", {"url": url, "now": now}))

    def link_attachment_capture(self, url: str, capture_id: str) -> None:
        """An attachment was downloaded: point its rows at the capture."""
        self._queue(("attachment_capture", {"url": url, "capture_id": capture_id}))

    def upsert_source(self, row: dict[str, Any]) -> None:
        """Create or update a `sources` row (partial rows update only their keys).

        Buffered like the other writes (one per new article would otherwise commit per row):
        rows for the same source are merged and written at the next flush.
        """
        self._pending_sources.setdefault(row["name"], {}).update(row)

    def upsert_wards(self, rows: list[dict[str, Any]]) -> None:
        """Add gazetteer rows to `wards` (buffered; a code already written is skipped)."""
        for row in rows:
            if row.get("code") not in self._wards_written:
                self._wards_written.add(row.get("code"))
                self._queue(("wards", row))

    def record_run(self, run: dict[str, Any], per_source: list[dict[str, Any]]) -> None:
        """Write the crawl_runs row and its per-source rows."""
        self.flush()
        run = {k: (_dumps(v) if isinstance(v, dict | list) else v) for k, v in run.items()}
        self.db["crawl_runs"].upsert(run, pk="id")
        for row in per_source:
            row = {k: (_dumps(v) if isinstance(v, dict | list) else v) for k, v in row.items()}
            self.db["run_sources"].upsert(row, pk=("run_id", "source"))

    def flush(self) -> None:
        """Write every queued row in one transaction."""
        pending, self._pending = self._pending, {}
        sources, self._pending_sources = self._pending_sources, {}
        self._pending_count = 0
        self._last_flush = time.monotonic()
        if not pending and not sources:
            return
        db = self.db
        # One transaction for the whole batch, so a killed crawl never leaves an article
        # without its revision. (sqlite-utils' insert_all/upsert_all commit on their own,
        # so the batch is written with plain executemany; sqlite-utils owns the schema.)
        with db.conn:
            self._write("sources", list(sources.values()), upsert=("name",))
            self._write("wards", pending.get("wards", []), upsert=("code",))
            self._write("captures", pending.get("captures", []), verb="INSERT OR REPLACE")
            # Several versions of one URL in a batch: the last wins, as it would row by row.
            latest = {row["url"]: row for row in pending.get("articles", [])}
            self._write("articles", list(latest.values()), upsert=("url",))
            self._write("revisions", pending.get("revisions", []))
            for item in pending.get("mentions_replace", []):
                db.execute("delete from mentions where article_url = ?", [item["article_url"]])
                self._write(
                    "mentions",
                    [{**m, "article_url": item["article_url"]} for m in item["rows"]],
                    verb="INSERT OR IGNORE",
                )
            self._write("attachments", pending.get("attachments", []), verb="INSERT OR IGNORE")
            for row in pending.get("attachment_capture", []):
                db.execute(
                    "update attachments set capture_id = ? where url = ?",
                    [row["capture_id"], row["url"]],
                )
            for row in pending.get("touch", []):
                db.execute(
                    "update articles set last_seen_at = :now, last_checked_at = :now,"
                    " removed_at = null, removed_reason = null where url = :url",
                    row,
                )
            for row in pending.get("removed", []):
                db.execute(
                    "update articles set removed_at = :now, removed_reason = :reason"
                    " where url = :url and removed_at is null",
                    row,
                )
            self._write("failures", pending.get("failures", []))
            for row in pending.get("resolve", []):
                db.execute(
                    "update failures set resolved_at = :now where url = :url"
                    " and resolved_at is null",
                    row,
                )
        self._pending_articles.clear()

    def _write(
        self,
        table: str,
        rows: list[dict[str, Any]],
        verb: str = "INSERT",
        upsert: tuple[str, ...] | None = None,
    ) -> None:
        """executemany() rows into a table inside the caller's transaction.

        Table and column names come from this module's schema and our own records, never
        from page content; values are always parameters.
        """
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for row in rows:
            groups.setdefault(tuple(row), []).append(row)
        for columns, group in groups.items():
            names = ", ".join(f"[{c}]" for c in columns)
            marks = ", ".join("?" for _ in columns)
            sql = f"{verb} INTO [{table}] ({names}) VALUES ({marks})"
            if upsert:
                updates = ", ".join(f"[{c}] = excluded.[{c}]" for c in columns if c not in upsert)
                action = f"UPDATE SET {updates}" if updates else "NOTHING"
                sql += f" ON CONFLICT ({', '.join(upsert)}) DO {action}"
            self.db.conn.executemany(
                sql,
                [
                    [_dumps(v) if isinstance(v, dict | list | tuple) else v for v in r.values()]
                    for r in group
                ],
            )

    def close(self) -> None:
        """Flush and close."""
        self.flush()
        self.db.conn.close()
