"""wardnews_bm25() (wardnews/fts5rank.c): FTS5's bm25() without counting every match.

Real SQLite, real FTS5 tables, the extension as setuptools built it. Below 20,000 matches
per phrase its scores must be bm25()'s, bit for bit; above, close to them where the matches
are spread as the estimate assumes.
"""

from __future__ import annotations

import random
import sqlite3

import pytest

from wardnews import fts5rank

WEIGHTS = "10.0, 1.0, 3.0"
VOCABULARY = (
    "phường ủy ban nhân dân tổ dân phố hội nghị đảng ủy mặt trận khu phố văn hóa "
    "an toàn giao thông vệ sinh môi trường bầu cử đại biểu hội đồng chi bộ cựu chiến binh"
).split()


@pytest.fixture(scope="module")
def rank():
    why_not = fts5rank.register(sqlite3)
    assert why_not is None, f"wardnews_bm25() unavailable: {why_not}"
    return fts5rank.FUNCTION


def _connect() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table t using fts5(title, body, author)")
    return conn


def _scores(
    conn, function: str, query: str, weights: str = WEIGHTS, docsize: str | None = None
) -> dict[int, float]:
    """rowid -> score; `docsize`: pass this SQL (over `d`, the %_docsize row) as the last
    argument, after one weight per column."""
    if docsize is None:
        args = f"t, {weights}" if weights else "t"
        sql = f"select t.rowid, {function}({args}) from t where t match ?"
    else:
        sql = (
            f"select t.rowid, {function}(t, {weights}, {docsize}) from t"
            " join t_docsize d on d.id = t.rowid where t match ?"
        )
    return dict(conn.execute(sql, [query]).fetchall())


def test_registration_reaches_new_connections(rank):
    conn = _connect()
    conn.execute("insert into t values ('a', 'b', 'c')")
    assert _scores(conn, rank, "a") == _scores(conn, "bm25", "a")
    assert fts5rank.register(sqlite3) is None  # idempotent


@pytest.mark.parametrize(
    "query, weights",
    [
        ('"phường"', WEIGHTS),
        ('"đảng" "ủy"', WEIGHTS),
        ('"nhân dân"', WEIGHTS),
        ('"hội nghị" OR "bầu cử"', WEIGHTS),
        ('"văn" "hóa" NOT "chi"', ""),
        ("title: hội", "1.0, 2.0"),
        ("cựu*", WEIGHTS),
    ],
)
def test_scores_are_bm25s_below_the_exact_limit(rank, query, weights):
    rng = random.Random(7)
    conn = _connect()
    rows = [
        (
            " ".join(rng.choices(VOCABULARY, k=rng.randint(3, 12))),
            " ".join(rng.choices(VOCABULARY, k=rng.randint(20, 200))),
            " ".join(rng.choices(VOCABULARY, k=2)),
        )
        for _ in range(3000)
    ]
    conn.executemany("insert into t values (?, ?, ?)", rows)
    ours = _scores(conn, rank, query, weights)
    theirs = _scores(conn, "bm25", query, weights)
    assert len(ours) > 100
    assert ours == theirs  # exact: same counts, same arithmetic
    # The row's length read from the joined %_docsize row, not looked up by FTS5: the same.
    every_weight = "10.0, 1.0, 3.0"
    expected = _scores(conn, "bm25", query, every_weight)
    assert _scores(conn, rank, query, every_weight, docsize="d.sz") == expected
    # ...which bm25() ignores; and a blob that is not one varint per column is not used.
    assert _scores(conn, "bm25", query, every_weight, docsize="d.sz") == expected
    assert _scores(conn, rank, query, every_weight, docsize="x'05'") == expected
    assert _scores(conn, rank, query, every_weight, docsize="d.sz || x'01'") == expected


def test_long_rows_lengths_are_read_from_multibyte_varints(rank):
    conn = _connect()
    conn.execute("insert into t values ('a', ?, 'b')", [" ".join(["a c"] * 9000)])
    conn.execute("insert into t values ('c', 'a', 'b')")
    assert conn.execute("select length(sz) from t_docsize where id = 1").fetchone() == (5,)
    expected = _scores(conn, "bm25", "a")
    assert _scores(conn, rank, "a", docsize="d.sz") == expected


@pytest.fixture(scope="module")
def large():
    """100,000 rows; `every` in one row of four, `late` in the last 30,000 rows."""
    conn = _connect()
    conn.executemany(
        "insert into t(rowid, title, body, author) values (?, ?, ?, ?)",
        (
            (
                n,
                "tin" + (" every" if n % 4 == 1 else ""),
                "phường" + (" late" if n > 70000 else "") + " x" * (n % 7),
                "",
            )
            for n in range(1, 100001)
        ),
    )
    return conn


@pytest.mark.parametrize("word, matches", [("every", 25000), ("late", 30000)])
def test_common_words_are_weighed_by_an_estimate_close_to_the_count(rank, large, word, matches):
    assert large.execute("select count(*) from t where t match ?", [word]).fetchone() == (matches,)
    ours = _scores(large, rank, word)
    theirs = _scores(large, "bm25", word)
    assert ours.keys() == theirs.keys()
    # A single-word query: every score is the word's IDF times the same factor, so the ratio
    # is the ratio of the IDFs, which must be within 0.1% (the count is a quarter of the
    # rows: an IDF of ln(3)).
    ratios = {round(ours[r] / theirs[r], 9) for r in theirs}
    assert len(ratios) == 1
    assert ratios.pop() == pytest.approx(1.0, rel=1e-3)


def test_the_estimate_stays_within_the_table(rank, large):
    # `phường` is in every row: the estimate must not exceed the table, and the IDF takes
    # bm25()'s floor exactly as bm25() does.
    assert _scores(large, rank, "phường") == _scores(large, "bm25", "phường")


def test_fallback_sql_uses_bm25():
    sql = "select wardnews_bm25(articles_fts, 10.0, 1.0) from articles_fts"
    assert fts5rank.sql_with_fallback(sql, available=True) == sql
    assert fts5rank.sql_with_fallback(sql, available=False) == (
        "select bm25(articles_fts, 10.0, 1.0) from articles_fts"
    )
