"""Soak: a whole site where one request in five fails (mixed faults that recover on retry).

The crawl must finish well within two minutes with every article archived, and what it
recorded (retries, statuses in crawl_runs, captures, failures) must add up to exactly the
faults the server injected.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter

import pytest

from tests.faultserver import FaultServer, crawl_site, warc_records

ARTICLES = 150
EVERY = 5  # one request in five faults
RETRY_TIMES = 3
MAX_PER_PATH = 2  # < RETRY_TIMES + 1: every URL gets through in the end
KINDS = [
    ("status", {"code": 503}),
    ("status", {"code": 500}),
    ("short", {}),
    ("status", {"code": 429, "retry_after": 1}),
    ("hang", {}),
    ("status", {"code": 502}),
    ("trickle", {"chunk": 512, "interval": 1.0}),
]
# What each fault makes Scrapy retry for (the stat retry/reason_count/<reason>).
NO_RESPONSE = {
    "short": "ResponseDataLossError",
    "hang": "DownloadTimeoutError",
    "trickle": "DownloadTimeoutError",
}


def _stats(log: str) -> dict[str, int]:
    """The integer stats of Scrapy's end-of-crawl dump."""
    dump = log.rsplit("Dumping Scrapy stats:", 1)[-1]
    return {k: int(v) for k, v in re.findall(r"'([^']+)': (\d+)[,}]", dump)}


@pytest.mark.slow
def test_soak_one_request_in_five_faults(tmp_path):
    with FaultServer(articles=ARTICLES, per_page=10) as site:
        site.chaos(every=EVERY, kinds=KINDS, max_per_path=MAX_PER_PATH)
        started = time.monotonic()
        result = crawl_site(
            site,
            tmp_path,
            "-s",
            "DOWNLOAD_TIMEOUT=3",  # a healthy answer never times out, even on a busy machine
            "-s",
            f"RETRY_TIMES={RETRY_TIMES}",
            "-s",
            "RETRY_BACKOFF_MAX=2",
            timeout=120,
        )
        elapsed = time.monotonic() - started
        hits, injected = site.log, list(site.injected)
    assert elapsed < 120
    assert result.returncode == 0, result.log[-3000:]

    # One request in five faulted, of every kind.
    assert len(injected) >= 0.9 * (len(hits) // EVERY), (len(injected), len(hits))
    kinds = Counter(k if k != "status" else str(o["code"]) for _, k, o in injected)
    assert set(kinds) == {"503", "500", "short", "429", "hang", "502", "trickle"}, kinds

    # Every article archived, nothing left failed.
    articles = {r["url"] for r in result.rows("select url from articles")}
    assert articles == {a.url for a in site.articles}
    assert result.rows("select * from failures") == []
    (run,) = result.rows("select * from crawl_runs")
    assert (run["outcome"], run["errors"], run["articles_new"]) == ("ok", 0, ARTICLES)

    # Each fault cost exactly one retry, for the reason it was.
    stats = _stats(result.log)
    assert stats["retry/count"] == len(injected), stats
    assert "retry/max_reached" not in stats
    reasons = Counter()
    for _, kind, options in injected:
        reasons[f"HTTP {options['code']}" if kind == "status" else NO_RESPONSE[kind]] += 1
    recorded = {
        k.split("/", 2)[2].rsplit(".", 1)[-1]: v
        for k, v in stats.items()
        if k.startswith("retry/reason_count/")
    }
    assert recorded == dict(reasons)

    # Per URL: one request, plus one per fault injected on it.
    per_path = Counter(path for path, _, _ in injected)
    requests = Counter(h.path for h in hits)
    for a in site.articles:
        assert requests[a.path] == 1 + per_path[a.path], a.path

    # Every answer that arrived whole is captured (errors included), and only those.
    statuses = json.loads(run["status_counts"])
    for code in ("500", "502", "503", "429"):
        assert statuses.get(code, 0) == kinds[code]
        assert (
            result.rows("select count(*) n from captures where status = ?", (int(code),))[0]["n"]
            == kinds[code]
        )
    answered = len(hits) - sum(kinds[k] for k in NO_RESPONSE)
    assert result.rows("select count(*) n from captures")[0]["n"] == answered
    responses = [r for r in warc_records(tmp_path / "warc") if r["type"] == "response"]
    assert len(responses) == answered
