"""Search at scale: Datasette's JSON API over a 1,000,000-article archive, against SQLite.

    .venv/bin/python bench/bench_search.py [--db bench/out/search/archive.db] [--runs 3]

The archive is built once with bench/build_archive.py (fast path, see its docstring) and
reused. A real `datasette serve` process with the project's metadata.yml (and plugin)
serves it on 127.0.0.1 with the settings of SERVE_SETTINGS (the ones docs/PUBLISHING.md
gives). For each query type (common word, rare word, diacritic-free, phrase):

- newest first: the `search_newest` canned query, `/archive/search_newest.json?q=Q`;
- by relevance: the `search` canned query, `/archive/search.json?q=Q` (where the search box
  of the articles page leads), and its HTML page;
- for comparison, the table's own search `/archive/articles.json?_search=Q&_sort_desc=
  published_at` (counts every match and computes the facets: seconds at 1M), fewer times
  (`--table-requests`, 0 to skip);

each `--requests` times per run, p50 and p95; then the same SQL straight on SQLite. Then
requests/s with 4 concurrent clients on the common word, and the table page and its
facets without a search (HTML and JSON), which must not time out.
"""

from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import OUT, PYTHON, ROOT, machine, show, summary  # noqa: E402
from bench.serve import free_port  # noqa: E402
from wardnews import fts5rank  # noqa: E402
from wardnews.demo import DATASETTE_SETTINGS  # noqa: E402

# The settings of `make serve`, `make demo` and docs/PUBLISHING.md: one list, one place.
SERVE_SETTINGS = DATASETTE_SETTINGS

QUERIES = {
    "common": "phường",
    "rare": "khuỷu",
    "diacritic-free": "dang uy",
    "phrase": '"tổ dân phố"',
}


def datasette_cmd(db: Path, port: int, extra: list[str]) -> list[str]:
    return [
        str(ROOT / ".venv" / "bin" / "datasette"),
        "serve",
        str(db),
        "-m",
        str(ROOT / "metadata.yml"),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        *SERVE_SETTINGS,
        *extra,
    ]


class Datasette:
    """A datasette process on a free port; stopped by its PID."""

    def __init__(self, db: Path, extra: list[str]):
        self.port = free_port()
        self.cmd = datasette_cmd(db, self.port, extra)
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> Datasette:
        self.proc = subprocess.Popen(
            self.cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{self.base}/-/versions.json", timeout=2)
                return self
            except httpx.HTTPError:
                if self.proc.poll() is not None:
                    raise RuntimeError(self.proc.stderr.read().decode()) from None
                time.sleep(0.2)
        raise RuntimeError("datasette did not start")

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc: object) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def newest_path(q: str) -> str:
    return "/archive/articles.json?" + urlencode({"_search": q, "_sort_desc": "published_at"})


def canned_newest_path(q: str) -> str:
    return "/archive/search_newest.json?" + urlencode({"q": q, "_shape": "objects"})


def relevance_path(q: str) -> str:
    return "/archive/search.json?" + urlencode({"q": q, "_shape": "objects"})


def relevance_page(q: str) -> str:
    return "/archive/search?" + urlencode({"q": q})


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * p
    lo = int(k)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def time_http(
    client: httpx.Client, path: str, n: int, json_body: bool = True
) -> tuple[list[float], dict, int]:
    """Latencies (ms) of n sequential GETs after one warm-up; the last body; non-200s."""
    r = client.get(path)
    out, errors, body = [], 0, {}
    for _ in range(n):
        t0 = time.perf_counter()
        r = client.get(path)
        out.append((time.perf_counter() - t0) * 1000)
        if r.status_code != 200:
            errors += 1
    try:
        body = r.json() if json_body else {}
    except ValueError:
        body = {}
    if r.status_code != 200:
        body = {"error": f"HTTP {r.status_code}: {str(body.get('error', ''))[:80]}"}
    return out, body, errors


def escape_fts(q: str) -> str:
    """Datasette's escape_fts (escaped search mode)."""
    from datasette.utils import escape_fts as esc

    return esc(q)


def sql_for(q: str, conn: sqlite3.Connection) -> dict[str, tuple[str, dict]]:
    """The SQL Datasette runs for the table search (main + count) and the canned query."""
    import yaml

    queries = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))["databases"][
        "archive"
    ]["queries"]
    cols = ", ".join(f'"{c[1]}"' for c in conn.execute("pragma table_info(articles)"))
    match = "rowid in (select rowid from articles_fts where articles_fts match escape_fts(:search))"
    return {
        "table main": (
            f"select {cols} from articles where {match} order by published_at desc, url limit 51",
            {"search": q},
        ),
        "table count": (f"select count(*) from articles where {match}", {"search": q}),
        "canned relevance": (
            fts5rank.sql_with_fallback(
                queries["search"]["sql"], available=fts5rank.register(sqlite3) is None
            ),
            {"q": q},
        ),
        "canned newest": (queries["search_newest"]["sql"], {"q": q}),
    }


def time_sql(conn: sqlite3.Connection, sql: str, params: dict, n: int) -> list[float]:
    list(conn.execute(sql, params))
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        list(conn.execute(sql, params))
        out.append((time.perf_counter() - t0) * 1000)
    return out


def concurrent_rate(base: str, path: str, clients: int, seconds: float) -> tuple[float, int]:
    """Requests/s with `clients` threads, each with its own keep-alive connection."""
    done = [0] * clients
    errors = [0] * clients
    stop = time.monotonic() + seconds

    def worker(i: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as c:
            while time.monotonic() < stop:
                if c.get(path).status_code == 200:
                    done[i] += 1
                else:
                    errors[i] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(done) / (time.monotonic() - t0), sum(errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", type=Path, default=OUT / "search" / "archive.db")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument(
        "--table-requests", type=int, default=3, help="for the table's own _search (slow)"
    )
    parser.add_argument("--seconds", type=float, default=10.0, help="concurrency test length")
    parser.add_argument(
        "--setting",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "VALUE"),
        help="extra datasette --setting",
    )
    args = parser.parse_args()
    if not args.db.exists():
        raise SystemExit(f"no {args.db}: build it with bench/build_archive.py --out {args.db}")
    if args.db.stem != "archive":
        raise SystemExit("the file must be named archive.db (metadata.yml names 'archive')")
    extra = [x for name, value in args.setting for x in ("--setting", name, value)]
    print("machine:", machine())
    print("command:", show([PYTHON, *sys.argv]))
    # The canned ranked search calls wardnews_bm25() (wardnews/fts5rank.c), as Datasette does.
    rank = fts5rank.register(sqlite3)
    print("ranking:", fts5rank.FUNCTION if rank is None else f"bm25() fallback ({rank})")
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    from datasette.utils import escape_fts as _esc

    conn.create_function("escape_fts", 1, _esc)
    n_articles = conn.execute("select count(*) from articles").fetchone()[0]
    size = sum(os.path.getsize(p) for p in args.db.parent.glob(args.db.name + "*"))
    print(f"archive: {n_articles:,} articles, {size / 1e9:.2f} GB ({args.db})")
    hits = {
        kind: conn.execute(
            "select count(*) from articles_fts where articles_fts match ?", [escape_fts(q)]
        ).fetchone()[0]
        for kind, q in QUERIES.items()
    }
    for kind, q in QUERIES.items():
        print(
            f"query {kind:15} {q!r:18} matches {hits[kind]:>9,} articles "
            f"({100 * hits[kind] / n_articles:.2f}%)"
        )
    results: dict[str, list[tuple[float, float]]] = {}
    failures: dict[str, int] = {}
    with Datasette(args.db, extra) as ds:
        print("datasette:", show(ds.cmd))
        client = httpx.Client(base_url=ds.base, timeout=60)
        for run in range(args.runs):
            for kind, q in QUERIES.items():
                for label, path in (
                    ("table _search", newest_path(q)),
                    ("newest-canned", canned_newest_path(q)),
                    ("relevance", relevance_path(q)),
                    ("relevance page", relevance_page(q)),
                ):
                    n = args.table_requests if label == "table _search" else args.requests
                    if not n:
                        continue
                    lat, body, errors = time_http(
                        client, path, n, json_body=label != "relevance page"
                    )
                    key = f"datasette {label:14} {kind}"
                    results.setdefault(key, []).append((pct(lat, 0.5), pct(lat, 0.95)))
                    if errors:
                        failures[key] = failures.get(key, 0) + errors
                        print(f"  {path}: {errors} of {n} failed: {body.get('error')}")
                    if run == 0 and label == "table _search":
                        print(
                            f"  {path}: count shown = {body.get('filtered_table_rows_count')}"
                            f", facets timed out = {body.get('facets_timed_out')}"
                        )
                    if run == 0 and label in ("newest-canned", "relevance"):
                        first = (body.get("rows") or [{}])[0]
                        print(
                            f"  {path}: total = {first.get('total')}, estimate = "
                            f"{first.get('total_is_estimate')}"
                        )
        for _run in range(args.runs):
            for kind, q in QUERIES.items():
                for label, (sql, params) in sql_for(q, conn).items():
                    if label.startswith("table") and not args.table_requests:
                        continue
                    n = args.table_requests if label.startswith("table") else args.requests
                    lat = time_sql(conn, sql, params, max(3, n))
                    results.setdefault(f"sqlite    {label:16} {kind}", []).append(
                        (pct(lat, 0.5), pct(lat, 0.95))
                    )
        print()
        print("latency in ms: median over runs of each run's p50 / p95 (min-max of the p95)")
        for key, values in results.items():
            p50 = statistics.median(v[0] for v in values)
            p95s = [v[1] for v in values]
            print(
                f"{key:45} p50 {p50:8.1f}   p95 {statistics.median(p95s):8.1f}"
                f"  ({min(p95s):.1f}-{max(p95s):.1f})"
                + (f"  {failures[key]} requests failed" if key in failures else "")
            )
        print()
        for label, path in (
            ("canned search_newest", canned_newest_path(QUERIES["common"])),
            ("canned search (relevance)", relevance_path(QUERIES["common"])),
        ):
            rates = []
            for _ in range(args.runs):
                rate, errors = concurrent_rate(ds.base, path, 4, args.seconds)
                rates.append(rate)
                print(f"4 clients, {label}, common word: {rate:.1f} req/s ({errors} errors)")
            print(f"4 clients req/s, {label}: {summary(rates)}  (target >= 30)")
        print()
        for path in ("/archive/articles", "/archive/articles.json"):
            lat = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                r = client.get(path)
                lat.append((time.perf_counter() - t0) * 1000)
            note = ""
            if path.endswith(".json"):
                body = r.json()
                note = (
                    f", facets: {sorted(body.get('facet_results', {}))}, timed out: "
                    f"{body.get('facets_timed_out')}, "
                    f"count {body.get('filtered_table_rows_count')}"
                )
            print(f"table page {path}: HTTP {r.status_code}, ms {summary(lat)}{note}")


if __name__ == "__main__":
    main()
