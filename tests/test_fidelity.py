"""Archive fidelity: WARC captures, revisions, removals, provenance, sanitised HTML."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.conftest import run_crawl

SITE = "haibatrung"
BIN = Path(sys.executable).parent
VOLATILE = {"last_seen_at", "last_checked_at"}


def crawl(server, tmp, *extra):
    return run_crawl(tmp, "-a", f"url={server.listing_url(SITE)}", "-a", f"source={SITE}", *extra)


@pytest.fixture
def edited_and_removed(mirror_copy, tmp_path):
    first = crawl(mirror_copy, tmp_path)
    assert first.returncode == 0, first.log[-3000:]
    before = {r["url"]: dict(r) for r in first.rows("select * from articles")}
    urls = sorted(mirror_copy.article_urls(SITE))
    edited, removed = urls[3], urls[7]
    path = mirror_copy.file_for(edited)
    html = path.read_text(encoding="utf-8")
    path.write_text(
        html.replace("</p>", "</p><p>Đoạn văn được bổ sung sau khi đăng.</p>", 1), encoding="utf-8"
    )
    os.utime(path, (time.time() + 5, time.time() + 5))
    mirror_copy.file_for(removed).unlink()
    second = crawl(mirror_copy, tmp_path, "-a", "full=1")
    assert second.returncode == 0, second.log[-3000:]
    after = {r["url"]: dict(r) for r in second.rows("select * from articles")}
    return first, second, before, after, edited, removed


def test_edit_gives_two_revisions_and_removal_keeps_the_row(edited_and_removed):
    _, second, before, after, edited, removed = edited_and_removed
    assert set(after) == set(before)
    revs = second.rows(
        "select content_hash, body_text from revisions where url = ? order by id", (edited,)
    )
    assert len(revs) == 2 and revs[0]["content_hash"] != revs[1]["content_hash"]
    assert "Đoạn văn được bổ sung" in after[edited]["body_text"]
    assert after[edited]["last_changed_at"] > before[edited]["last_changed_at"]
    assert after[removed]["removed_at"] and after[removed]["title"] == before[removed]["title"]
    for url in set(before) - {edited, removed}:
        changed = {k for k in before[url] if before[url][k] != after[url][k]} - VOLATILE
        assert not changed, (url, changed)
    (n,) = second.rows("select count(*) from revisions")[0]
    assert n == len(before) + 1


def test_removed_article_comes_back(edited_and_removed, mirror_copy, tmp_path):
    *_, removed = edited_and_removed
    from tests.conftest import SITES

    original = SITES / mirror_copy.file_for(removed).relative_to(mirror_copy.root)
    mirror_copy.file_for(removed).write_bytes(original.read_bytes())
    third = crawl(mirror_copy, tmp_path, "-a", "full=1")
    (row,) = third.rows("select removed_at from articles where url = ?", (removed,))
    assert row["removed_at"] is None


def test_warc_files_pass_warcio_check(edited_and_removed, tmp_path):
    files = sorted((tmp_path / "warc").glob("*.warc.gz"))
    assert files
    check = subprocess.run(
        [str(BIN / "warcio"), "check", "-v", *map(str, files)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    index = subprocess.run(
        [str(BIN / "warcio"), "index", str(files[0])], capture_output=True, text=True
    )
    assert index.returncode == 0 and '"warc-type": "response"' in index.stdout


def test_capture_payload_is_the_served_bytes(mirror, tmp_path):
    result = crawl(mirror, tmp_path)
    rows = result.rows(
        "select a.url, c.warc_file, c.warc_offset, c.payload_digest, c.size"
        " from articles a join captures c on c.id = a.capture_id limit 5"
    )
    assert rows
    for row in rows:
        with open(tmp_path / "warc" / row["warc_file"], "rb") as fh:
            fh.seek(row["warc_offset"])
            record = next(iter(ArchiveIterator(fh)))
            assert record.rec_type == "response"
            assert record.rec_headers.get_header("WARC-Target-URI") == row["url"]
            payload = record.content_stream().read()
        assert payload == mirror.file_for(row["url"]).read_bytes()
        assert len(payload) == row["size"]
        assert row["payload_digest"].startswith("sha1:")


def test_every_fetch_has_a_capture_row_and_a_warc_record(mirror, tmp_path):
    result = crawl(mirror, tmp_path)
    captures = {r["id"] for r in result.rows("select id from captures")}
    records = set()
    for path in (tmp_path / "warc").glob("*.warc.gz"):
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type == "response":
                    records.add(record.rec_headers.get_header("WARC-Record-ID"))
    assert captures == records
    gets = [p for m, p, s in list(mirror.requests) if m == "GET"]
    assert len(captures) >= len(result.rows("select url from articles"))
    assert gets  # the session mirror saw our requests


def test_database_is_in_wal_mode_and_html_is_sanitised(mirror, tmp_path):
    result = crawl(mirror, tmp_path)
    assert result.rows("pragma journal_mode")[0][0] == "wal"
    for row in result.rows("select body_html, url from articles"):
        html = row["body_html"].lower()
        assert "<script" not in html and "onerror=" not in html and "javascript:" not in html
        for attr in ('src="', 'href="'):
            for part in html.split(attr)[1:]:
                assert part.startswith(("http://", "https://", "#", "mailto:", "tel:")), (
                    row["url"],
                    part[:60],
                )


def test_attachments_recorded_and_fetched_on_demand(mirror, tmp_path):
    plain = crawl(mirror, tmp_path / "plain")
    rows = plain.rows("select url, kind, capture_id from attachments")
    assert rows and all(r["capture_id"] is None for r in rows)
    assert {r["kind"] for r in rows} >= {"image"}
    fetched = crawl(mirror, tmp_path / "fetch", "-s", "FETCH_ATTACHMENTS=1")
    rows = fetched.rows(
        "select a.url, c.status from attachments a join captures c on c.id = a.capture_id"
    )
    assert rows and all(r["status"] == 200 for r in rows)


def test_provenance_leads_from_a_row_to_its_capture(mirror, tmp_path):
    import json

    result = crawl(mirror, tmp_path)
    (row,) = result.rows("select provenance, capture_id from articles limit 1")
    prov = json.loads(row["provenance"])
    assert prov["title"] == row["capture_id"] == prov["body_html"]
    assert result.rows("select 1 from captures where id = ?", (row["capture_id"],))
