"""Build a synthetic archive.db of N articles in the real schema, fast (for bench_search.py).

    .venv/bin/python bench/build_archive.py --articles 1000000 --out bench/out/archive-1m.db

Fast path, documented in RESULTS.md: `ArchiveStore` creates the real schema (tables,
indexes, FTS5 `articles_fts` and its triggers); then the articles' indexes and FTS
triggers are dropped, rows go in with `executemany` in big transactions with the journal
off, the indexes are created again, the FTS index is built once (`'rebuild'`) and the
triggers are put back. The result is the schema a crawl would leave, in WAL mode.

Rows look like the crawl's: 30 sources, ~450 wards, realistic bylines, a body of 4-16
sentences (~1.4 KB of text, HTML paragraphs alongside), the folded search column computed
with the project's own `normalize.text.fold_for_search`, as the pipeline does. Publication
times are spread over 2012-2026
and are NOT correlated with rowid (rows are inserted in random time order), the worst
case for a newest-first search.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sqlite3
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.vntext import SentencePool, given_names, place_names  # noqa: E402
from normalize.text import fold_for_search  # noqa: E402
from wardnews.store import ARTICLE_COLUMNS, ArchiveStore  # noqa: E402

CATEGORIES = [
    "Hoạt động các phường",
    "Tin tức - Sự kiện",
    "Tin hoạt động",
    "Tin tức",
    "Tin phường",
    "Thông báo",
]
EPOCH = datetime(2012, 1, 1)
SPAN_MINUTES = int((datetime(2026, 11, 20) - EPOCH).total_seconds() // 60)


def make_sources(rng: random.Random) -> list[dict]:
    """30 sources, each a district with 10-20 wards."""
    districts = place_names(rng, 30)
    wards = place_names(random.Random(7), 600)
    sources, w, code = [], 0, 100
    for i, name in enumerate(districts):
        key = "haibatrung" if i == 0 else f"src{i:02d}"
        n = rng.randint(10, 20)
        province = rng.choice(["Thành phố Hà Nội", "Thành phố Đà Nẵng", "Thành phố Hồ Chí Minh"])
        ward_rows = []
        for _ in range(n):
            code += rng.randint(1, 9)
            ward_rows.append(
                {
                    "code": f"{code:05d}",
                    "name": f"Phường {wards[w]}",
                    "short_name": wards[w],
                    "district": f"Quận {name}",
                    "province": province,
                    "latitude": 21.0 + rng.random() / 10,
                    "longitude": 105.8 + rng.random() / 10,
                }
            )
            w += 1
        sources.append(
            {
                "key": key,
                "host": f"{key}.example.gov.vn",
                "district": f"Quận {name}",
                "province": province,
                "wards": ward_rows,
                "category": rng.choice(CATEGORIES),
            }
        )
    return sources


def article_rows(n: int, seed: int):
    """Yield n article rows (dicts with ARTICLE_COLUMNS keys), in random time order."""
    rng = random.Random(f"archive|{seed}")
    pool = SentencePool(seed)
    sources = make_sources(rng)
    authors = given_names(rng, 3000)
    minutes = (
        rng.sample(range(SPAN_MINUTES), n)
        if n <= SPAN_MINUTES
        else [rng.randrange(SPAN_MINUTES) for _ in range(n)]
    )
    now = "2026-11-25T01:00:00Z"
    for i in range(n):
        src = sources[min(int(rng.paretovariate(1.2)) - 1, 29)]
        ward = rng.choice(src["wards"])
        when = EPOCH + timedelta(minutes=minutes[i])
        r = rng.random()
        if r < 0.005:
            published_at, published_raw = None, None
        elif r < 0.03:
            published_at = when.strftime("%Y-%m-%d")
            published_raw = f"Ngày đăng {when:%d/%m/%Y}"
        else:
            published_at = when.strftime("%Y-%m-%dT%H:%M:00+07:00")
            published_raw = f"Ngày đăng {when:%d/%m/%Y} | {when:%H:%M}"
        title_words = rng.choice(pool.sentences).rstrip(".").split()[: rng.randint(8, 16)]
        title = f"{ward['name']} {' '.join(title_words)[0].lower()}{' '.join(title_words)[1:]}"
        paragraphs = pool.paragraphs(rng, rng.randint(4, 16))
        body_text = "\n\n".join(paragraphs)
        body_html = "\n".join(f'<p style="text-align: justify;">{p}</p>' for p in paragraphs)
        who = [rng.choice(authors)] if rng.random() < 0.8 else []
        if who and rng.random() < 0.15:
            who.append(rng.choice(authors))
        org = f"UBND {ward['name'].lower().replace('phường', 'phường', 1)}"
        byline_raw = (" – ".join(who) + f" - {org}") if who else org
        author = ", ".join(who) or None
        key = 1_000_000 + i * 3
        url = f"http://{src['host']}/hoat-dong-cac-phuong/-/view_content/{key}-bai-{i}.html"
        capture = f"<urn:uuid:{hashlib.md5(url.encode()).hexdigest()}>"
        removed = now if rng.random() < 0.005 else None
        yield (
            {
                "url": url,
                "source": src["key"],
                "category": src["category"],
                "title": title,
                "published_at": published_at,
                "published_raw": published_raw,
                "event_date": when.strftime("%Y-%m-%d") if rng.random() < 0.6 else None,
                "author": author,
                "authors": json.dumps(who, ensure_ascii=False),
                "author_org": org,
                "byline_raw": byline_raw,
                "ward": ward["name"],
                "ward_code": ward["code"],
                "district": src["district"],
                "province": src["province"],
                "body_text": body_text,
                "body_html": body_html,
                "content_hash": hashlib.sha256((title + "\n\n" + body_text).encode()).hexdigest(),
                "first_seen_at": now,
                "last_seen_at": now,
                "last_changed_at": now,
                "last_checked_at": now,
                "removed_at": removed,
                "removed_reason": "HTTP 404" if removed else None,
                "capture_id": capture,
                "listing_url": f"http://{src['host']}/hoat-dong-cac-phuong",
                "provenance": json.dumps(
                    {"title": capture, "body_html": capture}, ensure_ascii=False
                ),
                "problems": None,
                "search_folded": fold_for_search(
                    " ".join(filter(None, [title, author, ward["name"], body_text]))
                ),
                "revision_count": 1,
            },
            src,
            ward,
        )


def build(path: Path, n: int, seed: int = 1) -> dict[str, float]:
    """Build the archive at `path` (replaced); return timings in seconds per step."""
    timings: dict[str, float] = {}
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    ArchiveStore(str(path)).close()  # the real schema, FTS5 table and triggers included
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-1000000")
    saved = conn.execute(
        "select type, name, sql from sqlite_master where tbl_name = 'articles'"
        " and type in ('index', 'trigger') and sql is not null"
    ).fetchall()
    for kind, name, _ in saved:
        conn.execute(f'drop {kind} "{name}"')
    columns = list(ARTICLE_COLUMNS)
    insert = (
        f"insert into articles ({', '.join(columns)}) values ({', '.join('?' for _ in columns)})"
    )
    wards: dict[str, dict] = {}
    sources: dict[str, dict] = {}
    batch: list[tuple] = []
    conn.execute("begin")
    for row, src, ward in article_rows(n, seed):
        batch.append(tuple(row[c] for c in columns))
        wards[ward["code"]] = ward
        sources[src["key"]] = src
        if len(batch) >= 20_000:
            conn.executemany(insert, batch)
            batch.clear()
            done = conn.execute("select max(rowid) from articles").fetchone()[0]
            print(f"  {done:,} rows, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    conn.executemany(insert, batch)
    conn.executemany(
        "insert or replace into wards (code, name, short_name, district, province, latitude,"
        " longitude) values (:code, :name, :short_name, :district, :province, :latitude,"
        " :longitude)",
        list(wards.values()),
    )
    conn.executemany(
        "insert or replace into sources (name, title, district, province, profile, listing_urls)"
        " values (?, ?, ?, ?, 'liferay', ?)",
        [
            (
                s["key"],
                f"Cổng thông tin điện tử {s['district']}",
                s["district"],
                s["province"],
                json.dumps([f"http://{s['host']}/hoat-dong-cac-phuong"]),
            )
            for s in sources.values()
        ],
    )
    conn.execute("commit")
    timings["insert rows"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    for kind, _, sql in saved:
        if kind == "index":
            conn.execute(sql)
    timings["create indexes"] = time.perf_counter() - t1
    t1 = time.perf_counter()
    conn.execute("insert into articles_fts (articles_fts) values ('rebuild')")
    timings["build FTS index"] = time.perf_counter() - t1
    t1 = time.perf_counter()
    conn.execute("insert into articles_fts (articles_fts) values ('optimize')")
    timings["optimize FTS index"] = time.perf_counter() - t1
    for kind, _, sql in saved:
        if kind == "trigger":
            conn.execute(sql)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    timings["total"] = time.perf_counter() - t0
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "archive-1m.db")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    timings = build(args.out, args.articles, args.seed)
    size = args.out.stat().st_size
    for step, seconds in timings.items():
        print(f"{step:20} {seconds:8.1f} s")
    print(f"{'file size':20} {size / 1e9:8.2f} GB  ({args.out})")


if __name__ == "__main__":
    main()
