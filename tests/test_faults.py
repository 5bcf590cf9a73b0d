"""HTTP-level faults: what a crawl archives and records when a site misbehaves.

One site, one fault per article, two crawls (processes) into the same archive:

1. with the faults: transient ones are retried with backoff and the article is archived;
   persistent ones end as one `failures` row each (kind, reason, capture where there was a
   response); nothing off-site is ever contacted;
2. the site has recovered: the next crawl retries every open failure first (even an article
   no longer listed), archives it, and closes the failure.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from spiders.ward_news import _ARTICLE_URL
from tests.faultserver import FaultServer, Hit, crawl_site, snapshot, warc_records

# One worker runs the whole module: its crawls are module-scoped fixtures.
pytestmark = pytest.mark.xdist_group("faults")

# Low timeouts and backoff: a hang costs ATTEMPTS * 2 seconds, not minutes. (2 s, not 1:
# on a loaded machine a healthy answer must never time out, or the counts below drift.)
CRAWL = ["-s", "DOWNLOAD_TIMEOUT=2", "-s", "RETRY_TIMES=2", "-s", "RETRY_BACKOFF_MAX=2"]
ATTEMPTS = 3  # RETRY_TIMES + 1
REDIRECT_MAX_TIMES = 5  # wardnews.settings

OK_503 = 0  # 503 twice, then fine
DOWN_500 = 1  # 500 every time (in crawl 2: fine, and no longer listed)
# ... at an address that does not look like an article's: only the failures table says it is.
PLAIN_PATH = "/web/guest/tin-phuong/ban-tin-500"
RETRY_AFTER = 2  # 429 with Retry-After: 1, once
BAD_GATEWAY = 3  # 502 once
HANG = 4  # never answers
TRICKLE = 5  # a few bytes every 0.5 s: slower than DOWNLOAD_TIMEOUT
SHORT_ONCE = 6  # body cut short against its Content-Length, once
SHORT = 7  # ... every time
LOOP = 8  # P -> P?loop=1 -> P
CHAIN = 9  # P?hop=1 -> P?hop=2 -> ... (never ends)
OFF2 = 10  # 302 to 127.0.0.2
OFF3 = 11  # 301 to 127.0.0.3
PRIVATE = 12  # 302 to an unresolvable "private" name
MOVED = 13  # 301 to another URL of the same site
CLEAN = (14, 15)

FAILED = {
    DOWN_500: "http",
    HANG: "timeout",
    TRICKLE: "timeout",
    SHORT: "dataloss",
    LOOP: "redirect",
    CHAIN: "redirect",
    OFF2: "offsite",
    OFF3: "offsite",
    PRIVATE: "offsite",
}
ARCHIVED_FIRST = {OK_503, RETRY_AFTER, BAD_GATEWAY, SHORT_ONCE, MOVED, *CLEAN}


@dataclass
class Run:
    result: object  # tests.conftest.CrawlResult
    hits: list[Hit]
    offsite: list[Hit]

    def hits_of(self, path: str, prefix: bool = False) -> list[Hit]:
        return [h for h in self.hits if (h.path.startswith(path) if prefix else h.path == path)]


@dataclass
class Scenario:
    site: FaultServer
    first: Run
    second: Run
    warc: list[dict]

    def url(self, index: int) -> str:
        return self.site.articles[index].url

    def path(self, index: int) -> str:
        return self.site.articles[index].path


def _run(site: FaultServer, tmp, name: str) -> Run:
    """Crawl, then keep a copy of the archive as this crawl left it."""
    site.reset_log()
    result = crawl_site(site, tmp, *CRAWL)
    result.db = snapshot(result.db, tmp / f"{name}.db")
    return Run(result, site.log, site.offsite_hits())


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("faults")
    with FaultServer(articles=16, per_page=8, paths={DOWN_500: PLAIN_PATH}) as site:
        a = [x.path for x in site.articles]
        site.fault(a[OK_503], "status", code=503, times=2)
        site.fault(a[DOWN_500], "status", code=500)
        site.fault(a[RETRY_AFTER], "status", code=429, times=1, retry_after=1)
        site.fault(a[BAD_GATEWAY], "status", code=502, times=1)
        site.fault(a[HANG], "hang")
        site.fault(a[TRICKLE], "trickle", chunk=256, interval=0.5)
        site.fault(a[SHORT_ONCE], "short", times=1)
        site.fault(a[SHORT], "short")
        site.fault(a[LOOP], "redirect_loop", mode="cycle")
        site.fault(a[CHAIN], "redirect_loop", mode="chain")
        site.fault(a[OFF2], "redirect", location=site.offsite_url("127.0.0.2", a[OFF2]))
        site.fault(
            a[OFF3], "redirect", code=301, location=site.offsite_url("127.0.0.3", "/wp-admin/")
        )
        site.fault(a[PRIVATE], "redirect", location="http://10-0-0-1.invalid/admin")
        site.fault(a[MOVED], "redirect", code=301, location=a[MOVED] + "?moved=1")
        site.fault(site.listing_path(2), "status", code=503, times=1)
        first = _run(site, tmp, "after-first")
        site.clear()
        site.hidden.add(a[DOWN_500])  # only the failures table remembers it now
        second = _run(site, tmp, "after-second")
    yield Scenario(site, first, second, warc_records(tmp / "warc"))


def _failures(result, run: int | None = None) -> dict[str, dict]:
    rows = result.rows("select * from failures order by id")
    if run is not None:
        runs = [r["id"] for r in result.rows("select id from crawl_runs order by started_at")]
        rows = [r for r in rows if r["run_id"] == runs[run]]
    return {r["url"]: dict(r) for r in rows}


def _captures(result, url: str) -> list[dict]:
    return [
        dict(r)
        for r in result.rows(
            "select * from captures where url = ? or url like ? order by fetched_at",
            (url, url + "?%"),
        )
    ]


# --- crawl 1: the faults -----------------------------------------------------------------
def test_first_crawl_is_judged_broken_and_recorded(scenario):
    result = scenario.first.result
    assert result.returncode == 3, result.log[-3000:]
    (run,) = result.rows("select * from crawl_runs")
    assert run["outcome"] == "failed" and run["finished_at"]
    assert "errors in" in run["reason"]
    assert json.loads(run["errors_by_kind"]) == {
        "http": 1,
        "timeout": 2,
        "dataloss": 1,
        "redirect": 2,
        "offsite": 3,
    }
    statuses = json.loads(run["status_counts"])
    # 503: twice for OK_503, once for listing page 2; 302: the two loops and two off-site.
    assert {k: statuses[k] for k in ("500", "502", "503", "429", "301", "302")} == {
        "500": ATTEMPTS,
        "502": 1,
        "503": 3,
        "429": 1,
        "301": 2,
        "302": 2 + (REDIRECT_MAX_TIMES + 1) + 2,
    }
    assert run["errors"] == len(FAILED)


def test_transient_errors_are_retried_then_archived(scenario):
    first = scenario.first
    archived = {r["url"] for r in first.result.rows("select url from articles")}
    assert archived == {scenario.url(i) for i in ARCHIVED_FIRST}
    assert [h.fault for h in first.hits_of(scenario.path(OK_503))] == ["status", "status", None]
    assert [c["status"] for c in _captures(first.result, scenario.url(OK_503))] == [503, 503, 200]
    assert len(first.hits_of(scenario.path(BAD_GATEWAY))) == 2
    failed = _failures(first.result)
    assert not {scenario.url(i) for i in ARCHIVED_FIRST} & set(failed)


def test_retries_back_off_exponentially(scenario):
    times = [h.at for h in scenario.first.hits_of(scenario.path(OK_503))]
    # RETRY_BACKOFF_BASE=0.05 (tests/conftest.py FAST): 0.05 s, then 0.1 s.
    assert times[1] - times[0] >= 0.045
    assert times[2] - times[1] >= 0.095


def test_retry_after_is_obeyed(scenario):
    times = [h.at for h in scenario.first.hits_of(scenario.path(RETRY_AFTER))]
    assert len(times) == 2 and times[1] - times[0] >= 0.95  # Retry-After: 1, not 0.05


def test_persistent_error_ends_as_a_failure_with_its_capture(scenario):
    result = scenario.first.result
    url = scenario.url(DOWN_500)
    assert len(scenario.first.hits_of(scenario.path(DOWN_500))) == ATTEMPTS
    captures = _captures(result, url)
    assert [c["status"] for c in captures] == [500] * ATTEMPTS
    failure = _failures(result)[url]
    (run_id,) = [r["id"] for r in result.rows("select id from crawl_runs")]
    assert (failure["kind"], failure["reason"], failure["status"]) == ("http", "HTTP 500", 500)
    assert failure["capture_id"] in {c["id"] for c in captures}
    assert failure["run_id"] == run_id and failure["resolved_at"] is None


@pytest.mark.parametrize("index", [HANG, TRICKLE])
def test_timeouts_are_retried_then_recorded(scenario, index):
    first = scenario.first
    assert len(first.hits_of(scenario.path(index))) == ATTEMPTS
    failure = _failures(first.result)[scenario.url(index)]
    assert failure["kind"] == "timeout"
    assert "took longer than 2" in failure["reason"]
    assert failure["capture_id"] is None and _captures(first.result, scenario.url(index)) == []


def test_body_cut_short_is_retried(scenario):
    first = scenario.first
    assert [h.fault for h in first.hits_of(scenario.path(SHORT_ONCE))] == ["short", None]
    # Only the complete answer is captured: a cut one never becomes a response.
    assert [c["status"] for c in _captures(first.result, scenario.url(SHORT_ONCE))] == [200]
    assert len(first.hits_of(scenario.path(SHORT))) == ATTEMPTS
    failure = _failures(first.result)[scenario.url(SHORT)]
    assert failure["kind"] == "dataloss" and "Content-Length" in failure["reason"]


def test_redirect_loop_is_recorded_not_lost(scenario):
    first = scenario.first
    assert [h.path for h in first.hits_of(scenario.path(LOOP), prefix=True)] == [
        scenario.path(LOOP),
        scenario.path(LOOP) + "?loop=1",
    ]
    failure = _failures(first.result)[scenario.url(LOOP)]
    assert failure["kind"] == "redirect" and failure["reason"].startswith("redirect loop: ")
    assert failure["reason"].count(" -> ") == 2
    # The two 302s were captured.
    assert [c["status"] for c in _captures(first.result, scenario.url(LOOP))] == [302, 302]


def test_endless_redirect_chain_stops_at_the_limit(scenario):
    first = scenario.first
    assert len(first.hits_of(scenario.path(CHAIN), prefix=True)) == REDIRECT_MAX_TIMES + 1
    failure = _failures(first.result)[scenario.url(CHAIN)]  # the URL asked for, not ?hop=5
    assert failure["kind"] == "redirect" and "max redirections" in failure["reason"]


@pytest.mark.parametrize(
    "index,target", [(OFF2, "127.0.0.2"), (OFF3, "127.0.0.3"), (PRIVATE, "10-0-0-1.invalid")]
)
def test_offsite_redirect_is_refused_before_connecting(scenario, index, target):
    first = scenario.first
    assert scenario.first.offsite == [] and scenario.second.offsite == []
    failure = _failures(first.result)[scenario.url(index)]
    assert failure["kind"] == "offsite"
    assert target in failure["reason"] and "outside source 'faultsite'" in failure["reason"]
    # The redirect itself was captured; nothing from the other host.
    captures = _captures(first.result, scenario.url(index))
    assert [c["status"] for c in captures] in ([302], [301])
    assert not first.result.rows("select 1 from captures where url like ?", (f"%{target}%",))


def test_redirect_within_the_site_is_followed(scenario):
    first = scenario.first
    path = scenario.path(MOVED)
    assert [h.path for h in first.hits_of(path, prefix=True)] == [path, path + "?moved=1"]
    (row,) = first.result.rows("select * from articles where url = ?", (scenario.url(MOVED),))
    assert row["title"] == scenario.site.articles[MOVED].title


def test_listing_page_error_is_retried_and_the_walk_goes_on(scenario):
    first = scenario.first
    assert [h.fault for h in first.hits_of(scenario.site.listing_path(2))] == ["status", None]
    assert scenario.url(CLEAN[1]) in {
        r["url"] for r in first.result.rows("select url from articles")
    }


def test_captures_match_warc_records(scenario):
    result = scenario.second.result
    records = {r["id"]: r for r in scenario.warc if r["type"] == "response"}
    captures = [dict(r) for r in result.rows("select * from captures")]
    assert len(captures) == len(records) > 0
    for capture in captures:
        record = records[capture["id"]]
        assert (record["file"], record["offset"]) == (capture["warc_file"], capture["warc_offset"])
        assert (record["uri"], record["status"], record["size"]) == (
            capture["url"],
            capture["status"],
            capture["size"],
        )
        assert record["payload_digest"] == capture["payload_digest"]
    requests = [r for r in scenario.warc if r["type"] == "request"]
    assert len(requests) == len(records)


# --- crawl 2: the site has recovered -------------------------------------------------------
def test_next_crawl_retries_every_open_failure(scenario):
    second = scenario.second
    assert second.result.returncode == 0, second.result.log[-3000:]
    archived = {r["url"] for r in second.result.rows("select url from articles")}
    assert archived == {a.url for a in scenario.site.articles}
    for index in FAILED:
        # Exactly once: from the failures table, not again from the listing.
        assert len(second.hits_of(scenario.path(index))) == 1, index
    # Already archived and unchanged: not fetched again.
    assert not second.hits_of(scenario.path(CLEAN[0]))


def test_article_no_longer_listed_is_still_retried(scenario):
    second = scenario.second
    assert scenario.path(DOWN_500) in scenario.site.hidden
    assert _ARTICLE_URL.search(scenario.url(DOWN_500)) is None
    (failure,) = scenario.first.result.rows(
        "select page_kind from failures where url = ?", (scenario.url(DOWN_500),)
    )
    assert failure["page_kind"] == "article"
    assert [h.fault for h in second.hits_of(scenario.path(DOWN_500))] == [None]
    (row,) = second.result.rows("select * from articles where url = ?", (scenario.url(DOWN_500),))
    assert row["title"] == scenario.site.articles[DOWN_500].title


def test_failures_are_resolved_not_repeated(scenario):
    result = scenario.second.result
    failures = [dict(r) for r in result.rows("select * from failures")]
    assert len(failures) == len(FAILED)  # crawl 2 added none
    assert all(f["resolved_at"] for f in failures)
    assert {f["url"]: f["kind"] for f in failures} == {
        scenario.url(i): kind for i, kind in FAILED.items()
    }
    runs = result.rows("select outcome, errors from crawl_runs order by started_at")
    assert [(r["outcome"], r["errors"]) for r in runs] == [("failed", len(FAILED)), ("ok", 0)]


# --- a site that does not answer at all ------------------------------------------------------
def test_unreachable_listing_fails_the_crawl_loudly(tmp_path):
    with FaultServer(articles=3) as site:
        site.fault(site.listing_path(1), "hang")
        result = crawl_site(site, tmp_path, "-s", "DOWNLOAD_TIMEOUT=1", "-s", "RETRY_TIMES=1")
        assert len(site.hits(site.listing_path(1))) == 2
    assert result.returncode == 3, result.log[-3000:]
    (run,) = result.rows("select * from crawl_runs")
    assert run["outcome"] == "failed"
    assert "no listing page could be fetched" in run["reason"]
    (failure,) = result.rows("select * from failures")
    assert (failure["url"], failure["kind"]) == (site.listing_url, "timeout")
    assert result.rows("select count(*) n from articles")[0]["n"] == 0
