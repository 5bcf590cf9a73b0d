"""The one spider: walks ward-news listings and archives every article, incrementally."""

from __future__ import annotations

import codecs
import re
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import scrapy.exceptions
from scrapy import Request, Spider, signals
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import (
    ConnectionRefusedError,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)
from twisted.python.failure import Failure

from normalize.wards import infer_district
from spiders.article_page import (
    clean_url,
    failure_record,
    page_record,
    profile_for,
    read_article,
    response_text,
    source_fields,
)
from spiders.profiles.base import Listing, Profile
from spiders.profiles.links import is_attachment, url_shape
from wardnews.archive import get_sink, get_store
from wardnews.distributed import DistributedSpiderMixin
from wardnews.middlewares import OffScope
from wardnews.sources import Source, adhoc_source, load_sources, source_for_url
from wardnews.store import Known
from wardnews.warc import utc_now

__all__ = ["WardNewsSpider"]


def _scrapy_errors(*names: str) -> tuple[type[BaseException], ...]:
    # Scrapy 2.14+ wraps Twisted's download errors in its own; older ones raise Twisted's.
    return tuple(e for n in names if (e := getattr(scrapy.exceptions, n, None)) is not None)


_TIMEOUT_ERRORS = (TimeoutError, TCPTimedOutError, *_scrapy_errors("DownloadTimeoutError"))
_DNS_ERRORS = (DNSLookupError, *_scrapy_errors("CannotResolveHostError"))
_REFUSED_ERRORS = (ConnectionRefusedError, *_scrapy_errors("DownloadConnectionRefusedError"))
_DATALOSS_ERRORS = _scrapy_errors("ResponseDataLossError")
# File signatures of what portals serve under a text/html content type by mistake.
_BINARY_MAGIC = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"Rar!",
    b"7z\xbc\xaf",
    b"\xd0\xcf\x11\xe0",
    b"ID3",
    b"RIFF",
    b"OggS",
)
# Where a complete HTML page ends; pages missing both were cut off on the way.
_PAGE_END = re.compile(rb"</(?:html|body)\s*>", re.I)


# Every byte but the control characters text never holds (tab, LF, FF and CR it does).
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13))


def _looks_binary(body: bytes) -> bool:
    """Whether page bytes are a file (PDF, image, archive) rather than text."""
    head = body[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if head.lstrip().startswith(_BINARY_MAGIC) or b"\x00" in head:
        return True
    control = len(head.translate(None, _NOT_CONTROL))  # control characters left
    return control > len(head) * 0.05


# Where a site names itself and its address: title, site name, header, banner, footer.
_CHROME_XPATH = (
    "//title//text() | //meta[@property='og:site_name']/@content"
    " | //header//text() | //footer//text()"
    " | //*[contains(@id, 'footer') or contains(@class, 'footer') or contains(@id, 'header')"
    " or contains(@class, 'header') or contains(@class, 'banner') or contains(@id, 'banner')"
    " or contains(@class, 'copyright') or contains(@class, 'logo')]//text()"
)


# Failures recorded without a page kind are retried as articles when their URL has one of
# these shapes (narrower than links.looks_like_article: listing URLs with ids stay out).
_ARTICLE_URL = re.compile(
    r"/-/view_content/\d+|[?&](?:ItemID|itemid|id|p)=\d+|/\d{4}/\d{2}/[^/]+/?$"
    r"|-\d{3,}\.html?$|/[a-z0-9]+(?:-[a-z0-9]+){3,}(?:\.html?|\.aspx|/)?$",
    re.I,
)


def _bool(value: Any) -> bool:
    return str(value).lower() in ("1", "true", "yes", "on")


class WardNewsSpider(DistributedSpiderMixin, Spider):
    """Crawl configured sources (sources.yml) or the listing/article URLs given with -a url=."""

    name = "ward_news"

    def __init__(
        self,
        url: str | None = None,
        source: str | None = None,
        full: str | None = None,
        district: str | None = None,
        province: str | None = None,
        profile: str | None = None,
        *args: Any,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.arg_urls = [u.strip() for u in (url or "").split(",") if u.strip()]
        self.arg_source = source
        self.full = _bool(full)
        self.arg_district = district
        self.arg_province = province
        self.arg_profile = profile

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> WardNewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.sink = get_sink(crawler)
        spider.distributed = bool(settings.get("REDIS_URL"))
        spider.sources = spider._select_sources(load_sources(settings["SOURCES_FILE"]))
        spider.lookahead = settings.getint("LISTING_LOOKAHEAD")
        spider.parse_max_bytes = settings.getint("PARSE_MAX_BYTES")
        spider.fetch_attachments = settings.getbool("FETCH_ATTACHMENTS")
        # Article pages may go to the writer process unread, unless the crawl follows their
        # attachments or exports its items (-o): then it reads them itself.
        spider.pages_to_writer = (
            spider.sink.parses
            and not spider.fetch_attachments
            and not settings.getdict("FEEDS")
        )
        spider.recheck_interval = settings.getfloat("RECHECK_INTERVAL_DAYS")
        spider.recheck_window = settings.getfloat("RECHECK_WINDOW_DAYS")
        spider.recheck_max = settings.getint("RECHECK_MAX_PER_RUN")
        # Incremental state comes from the archive, looked up as the crawl meets URLs (one
        # query per listing page), so memory follows the night's work, not the archive's
        # size: url -> Known, for the URLs met that the archive has.
        spider.store = None if spider.distributed else get_store(crawler)
        spider.known: dict[str, Known] = {}
        # The URL shapes of each source's archived articles: a listing whose links have none
        # of these shapes any more has changed its layout (the health check reads it).
        spider.known_shapes: dict[str, set[tuple]] = {}
        for name in spider.sources if spider.store else ():
            for article_url in spider.store.article_urls(name):
                shapes = spider.known_shapes.setdefault(name, set())
                shapes.add(url_shape(article_url))
                if len(shapes) >= 50:
                    break
        # Per source, this run: listing URLs seen, and whether every listing walk reached its
        # end. URLs are kept as their hash() (a full walk of a 50,000-article source: 8 MB
        # less than the strings; a 64-bit collision could hide one removal in ~10^10).
        spider.listed: dict[str, set[int]] = {name: set() for name in spider.sources}
        spider.walks_open: dict[str, int] = {}
        spider.walks_broken: set[str] = set()
        spider.walk_state: dict[str, dict[str, Any]] = {}
        spider.district_inferred: set[str] = set()
        spider.retrying: set[str] = set()  # URLs of earlier failures, queued at start
        crawler.signals.connect(spider.on_request_dropped, signal=signals.request_dropped)
        if spider.distributed:
            # Start requests, sources and walk state come from Redis (`scrapy push`).
            spider.setup_distributed(crawler)
        return spider

    # --- what to crawl --------------------------------------------------------------------
    def _select_sources(self, configured: dict[str, Source]) -> dict[str, Source]:
        extra = {
            "district": self.arg_district,
            "province": self.arg_province,
            "profile": self.arg_profile,
        }
        if self.arg_urls:
            if self.arg_source:
                base = configured.get(self.arg_source)
                src = adhoc_source(self.arg_urls, self.arg_source, **extra)
                if base is not None:
                    # A configured source crawled at other URLs (a mirror, a moved site).
                    src.title, src.district = base.title, src.district or base.district
                    src.province = base.province or src.province
                    src.profile = self.arg_profile or base.profile
                return {src.name: src}
            chosen: dict[str, Source] = {}
            for url in self.arg_urls:
                known = source_for_url(url, configured)
                if known is not None:
                    src = chosen.setdefault(
                        known.name,
                        Source(
                            name=known.name,
                            title=known.title,
                            district=known.district,
                            province=known.province,
                            profile=known.profile,
                            hosts=known.hosts,
                        ),
                    )
                    src.listing_urls.append(url)
                    src.hosts = sorted(set(src.hosts) | set(adhoc_source([url]).hosts))
                else:
                    src = adhoc_source([url], **extra)
                    if src.name in chosen:
                        chosen[src.name].listing_urls.append(url)
                    else:
                        chosen[src.name] = src
            return chosen
        if self.arg_source:
            if self.arg_source not in configured:
                raise NotConfigured(f"unknown source {self.arg_source!r}: not in sources.yml")
            return {self.arg_source: configured[self.arg_source]}
        return {name: s for name, s in configured.items() if s.enabled and s.listing_urls}

    def allowed_hosts(self, source: str) -> list[str]:
        """Hosts a request for this source may go to (the scope middleware asks)."""
        src = self.sources.get(source)
        return src.hosts if src else []

    def _profile_for(self, source: Source, response: TextResponse) -> Profile:
        return profile_for(source.profile, response.url, response.selector)

    async def start(self) -> AsyncIterator[Any]:
        # Distributed: nothing here; start entries are read from Redis when idle.
        for item in () if self.distributed else self._start_requests():
            yield item

    def _start_requests(self) -> Iterator[Request]:
        now = datetime.now(UTC)
        for source in self.sources.values():
            self._register_source(source)
            for url in source.listing_urls:
                self.walks_open[source.name] = self.walks_open.get(source.name, 0) + 1
                yield self._listing_request(url, source.name, page=1, root=url, first=True)
            if not self.store:
                continue
            # Failed fetches of earlier runs are retried first.
            failures = self.store.open_failures(source.name)
            self._look_up(f["url"] for f in failures)
            for failure in failures:
                if (
                    failure.get("page_kind") == "article"
                    or self.known.get(failure["url"])
                    or _ARTICLE_URL.search(failure["url"])
                ):
                    self.retrying.add(failure["url"])
                    yield self._article_request(failure["url"], source.name, retry_of=failure)
            # The deeper re-check: known articles not looked at for a while.
            checked_before = (now - timedelta(days=self.recheck_interval)).strftime(
                "%Y-%m-%dT%H:%M:%SZ"
            )
            window = None
            if self.recheck_window > 0:
                window = (now - timedelta(days=self.recheck_window)).strftime("%Y-%m-%dT%H:%M:%SZ")
            if not self.full:
                for known in self.store.due_for_recheck(
                    source.name, checked_before, window, self.recheck_max
                ):
                    self.crawler.stats.inc_value("crawl/rechecks")
                    self.known[known.url] = known
                    yield self._article_request(known.url, source.name, recheck=True)

    def _look_up(self, urls: Iterable[str]) -> None:
        """Read what the archive knows of these URLs into self.known (unless read already)."""
        missing = [u for u in dict.fromkeys(urls) if u not in self.known]
        if self.store is None or not missing:
            return
        # Only what the archive has: an unknown URL is looked up again if listed again.
        self.known.update(self.store.known_articles(missing))

    def _register_source(self, source: Source) -> None:
        row = {
            "name": source.name,
            "title": source.title,
            "district": source.district,
            "province": source.province,
            "profile": source.profile,
            "listing_urls": source.listing_urls,
        }
        self.sink_event("source", row)

    # --- requests -------------------------------------------------------------------------
    def _listing_request(
        self, url: str, source: str, page: int, root: str, first: bool = False, dry: int = 0
    ) -> Request:
        return Request(
            url,
            callback=self.parse_listing,
            errback=self.on_error,
            # The first page of each listing is fetched every run (dont_filter: a resumed or
            # distributed crawl must not skip it as "seen").
            dont_filter=first,
            priority=10,
            meta={"source": source, "page": page, "root": root, "dry": dry, "kind": "listing"},
        )

    def _article_request(
        self,
        url: str,
        source: str,
        listing_url: str | None = None,
        category: str | None = None,
        recheck: bool = False,
        retry_of: dict[str, Any] | None = None,
    ) -> Request:
        headers = {}
        known = self.known.get(url)
        if known is not None:
            # Conditional request: an unchanged article costs a 304 and no body.
            if known.etag:
                headers["If-None-Match"] = known.etag
            if known.last_modified:
                headers["If-Modified-Since"] = known.last_modified
        return Request(
            url,
            callback=self.parse_article,
            errback=self.on_error,
            headers=headers,
            dont_filter=bool(retry_of or recheck),
            meta={
                "source": source,
                "listing_url": listing_url,
                "category": category,
                "kind": "article",
                "recheck": recheck,
            },
        )

    # --- listings -------------------------------------------------------------------------
    def parse_listing(self, response: Response) -> Iterator[Any]:
        """A listing page: queue unknown articles, then the next page while it brings news."""
        meta = response.meta
        source = self.sources[meta["source"]]
        stats = self.crawler.stats
        if response.status >= 400 or not isinstance(response, TextResponse):
            reason = (
                f"listing answered HTTP {response.status}"
                if response.status >= 400
                else "listing is not a text page"
            )
            yield self._failure(response, "http" if response.status >= 400 else "binary", reason)
            self._end_walk(source.name, complete=False)
            return
        if len(response.body) > self.parse_max_bytes:
            yield self._failure(
                response,
                "oversized",
                f"listing of {len(response.body)} bytes > PARSE_MAX_BYTES: captured only",
            )
            self._end_walk(source.name, complete=False)
            return
        if _looks_binary(response.body):
            yield self._failure(response, "binary", "listing is not an HTML page: captured only")
            self._end_walk(source.name, complete=False)
            return
        response = self._decoded(response)
        self._infer_district(source, response)
        profile = self._profile_for(source, response)
        if meta["page"] == 1 and (self.arg_urls or meta.get("adhoc")):
            # An ad-hoc URL may be an article rather than a listing (`adhoc`: pushed with
            # `scrapy push -a url=`, crawled by a distributed crawler without -a url).
            if self._classify(profile, response) == "article":
                stats.inc_value(f"source/{source.name}/direct_articles")
                self._end_walk(source.name, complete=False)
                yield from self.parse_article(response)
                return
        stats.inc_value("crawl/listing_pages")
        stats.inc_value(f"source/{source.name}/listing_pages")
        try:
            listing: Listing = profile.parse_listing(response.selector, response.url)
        except Exception as exc:  # a page we cannot parse must not stop the crawl
            self.logger.warning("cannot parse listing %s: %r", response.url, exc)
            yield self._failure(response, "parse", f"listing parse error: {exc!r}")
            self._end_walk(source.name, complete=False)
            return
        entries = [e for e in listing.articles if self._is_article_link(e.url, source)]
        stats.inc_value(f"source/{source.name}/listing_entries", len(entries))
        if source.name in self.known_shapes:
            alike = sum(url_shape(e.url) in self.known_shapes[source.name] for e in entries)
            stats.inc_value(f"source/{source.name}/listing_entries_alike", alike)
        if not entries:
            self.logger.warning("no article links on listing %s (%s)", response.url, profile.name)
            yield self._failure(response, "layout", "no article links found on listing page")
        yield {"_kind": "listing_ok", "url": response.url, "source": source.name}
        new = 0
        # Distributed: no archive here; an article already in the shared seen-set (archived
        # and pre-seeded by `scrapy push`, or queued by this crawl) is not new.
        urls = [clean_url(e.url) for e in entries]
        seen = self.seen_urls(urls) if self.distributed and not self.full else set()
        self._look_up(urls)
        for url in urls:
            self.listed[source.name].add(hash(url))
            if url in seen or url in self.retrying:
                continue  # retrying: queued at start already, past the dupefilter
            known = self.known.get(url)
            if known is not None and not self.full:
                if known.removed_at:
                    # Listed again: it may have come back. Check it.
                    yield self._article_request(
                        url, source.name, response.url, listing.category, recheck=True
                    )
                continue
            new += 1
            yield self._article_request(url, source.name, response.url, listing.category)
        stats.inc_value(f"source/{source.name}/listing_new", new)
        next_urls = [u for u in listing.next_urls if source.in_scope(u)]
        walk_all = self.full or not self._walk_complete_before(source.name)
        dry = 0 if new else meta["dry"] + 1
        if next_urls and (walk_all or dry <= self.lookahead):
            yield self._listing_request(
                clean_url(next_urls[0]), source.name, meta["page"] + 1, meta["root"], dry=dry
            )
        else:
            self._end_walk(source.name, complete=not next_urls and walk_all)

    def _classify(self, profile: Profile, response: TextResponse) -> str:
        """'article' or 'listing', for a URL given on the command line.

        Link counts alone mislead: article pages carry "Tin mới"/"Tin khác" boxes of
        links. An article's URL has the shape of the article links it shows (same
        directory, same kind of slug or id); a listing's URL does not.
        """
        listing = profile.parse_listing(response.selector, response.url)
        if not listing.articles:
            # Pagination without article links is a listing whose layout we cannot read.
            return "listing" if listing.next_urls else "article"
        own = url_shape(response.url)
        alike = sum(url_shape(entry.url) == own for entry in listing.articles)
        if alike * 2 >= len(listing.articles) and not (
            listing.next_urls and alike < len(listing.articles)
        ):
            return "article"
        return "listing"

    def _infer_district(self, source: Source, response: TextResponse) -> None:
        """A source with no district configured: read it off the site's own chrome, once.

        A ward site names its district in its title, banner or footer address ("UBND
        phường Thạch Thang, quận Hải Châu, TP Đà Nẵng"); without it, ward names that exist
        in several districts cannot be resolved.
        """
        if source.district or source.name in self.district_inferred:
            return
        self.district_inferred.add(source.name)
        texts = self._decoded(response).xpath(_CHROME_XPATH).getall()
        found = infer_district(texts)
        if found:
            source.district, source.province = found
            self.logger.info(
                "source %s: district inferred from the page: %s, %s", source.name, *found
            )
            self.sink_event(
                "source",
                {"name": source.name, "district": source.district, "province": source.province},
            )

    def _walk_complete_before(self, source: str) -> bool:
        """Whether an earlier run walked this source's listing to its end."""
        if source not in self.walk_state:
            self.walk_state[source] = (
                self.store.source_state(source)
                if self.store
                else self.shared_walk_state(source)
                if self.distributed
                else {}
            )
        return bool(self.walk_state[source].get("walk_complete_at"))

    def _end_walk(self, source: str, complete: bool) -> None:
        if not complete:
            self.walks_broken.add(source)
        self.walks_open[source] = self.walks_open.get(source, 1) - 1
        if self.distributed:
            self.shared_walk_ended(source, complete)  # walks end in whichever crawler

    def _is_article_link(self, url: str, source: Source) -> bool:
        # in_scope() admits http(s) only: mailto:, tel: and javascript: links never pass.
        return source.in_scope(url) and not is_attachment(url)

    # --- articles -------------------------------------------------------------------------
    def parse_article(self, response: Response) -> Iterator[Any]:
        """An article page: its raw fields as an item (normalised by the pipelines)."""
        meta = response.meta
        source = self.sources[meta["source"]]
        url = clean_url(meta.get("redirect_urls", [response.url])[0])
        stats = self.crawler.stats
        if response.status == 304:
            stats.inc_value("crawl/not_modified")
            yield {
                "_kind": "touch",
                "url": url,
                "source": source.name,
                "capture_id": meta.get("capture_id"),
            }
            return
        if response.status in (404, 410):
            yield {
                "_kind": "removed",
                "url": url,
                "source": source.name,
                "reason": f"HTTP {response.status}",
                "capture_id": meta.get("capture_id"),
            }
            return
        if response.status >= 400:
            yield self._failure(response, "http", f"HTTP {response.status}")
            return
        if len(response.body) > self.parse_max_bytes:
            yield self._failure(
                response,
                "oversized",
                f"{len(response.body)} bytes > PARSE_MAX_BYTES: captured only",
            )
            return
        if not isinstance(response, TextResponse) or _looks_binary(response.body):
            yield self._failure(response, "binary", "not an HTML page: captured only")
            return
        # Cut off on the way (a well-delimited body that stops mid-page): the storage
        # pipeline must not let it replace a complete stored version.
        page_truncated = "dataloss" in response.flags or not _PAGE_END.search(response.body[-4096:])
        stats.inc_value("crawl/article_pages")
        stats.inc_value(f"source/{source.name}/article_pages")
        self._infer_district(source, response)
        if (
            self.pages_to_writer
            and type(response) is HtmlResponse
            and "redecoded" not in response.flags
            and self.sink.writer_reads()
        ):
            # The writer process reads the page (spiders.article_page), on the other core.
            yield page_record(response, source, page_truncated, self._run_id())
            return
        text, encoding = response_text(response)
        fields = source_fields(source)
        item, why = read_article(
            response.url, text, encoding, meta, fields, page_truncated, self._run_id()
        )
        if item is None:
            yield self._failure(response, "parse", why or "")
            return
        yield item
        if self.fetch_attachments:
            for attachment in item["attachments"]:
                if source.in_scope(attachment):
                    yield Request(
                        attachment,
                        callback=self.parse_attachment,
                        errback=self.on_error,
                        meta={"source": source.name, "kind": "attachment"},
                    )

    def _decoded(self, response: TextResponse) -> TextResponse:
        """The response re-decoded where Scrapy guessed the charset wrong (see page_text)."""
        if "redecoded" in response.flags:
            return response  # done already (an ad-hoc listing URL that is an article)
        text, encoding = response_text(response)
        try:
            same = codecs.lookup(encoding).name == codecs.lookup(response.encoding).name
        except LookupError:
            same = False
        if same and encoding not in ("cp1258", "windows-1258"):
            return response
        return response.replace(
            body=text.encode("utf-8"), encoding="utf-8", flags=[*response.flags, "redecoded"]
        )

    def parse_attachment(self, response: Response) -> Iterator[Any]:
        """A downloaded image or document: captured by the WARC middleware; link it."""
        yield {
            "_kind": "attachment",
            "url": response.url,
            "capture_id": response.meta.get("capture_id"),
            "source": response.meta["source"],
        }

    # --- failures -------------------------------------------------------------------------
    def _failure(self, response: Response, kind: str, reason: str) -> dict[str, Any]:
        self.crawler.stats.inc_value(f"errors/{kind}")
        self.crawler.stats.inc_value(f"source/{response.meta['source']}/errors")
        return failure_record(
            response.meta, response.url, response.status, kind, reason, self._run_id()
        )

    def _run_id(self) -> str | None:
        """This crawl's crawl_runs id (set by CrawlHealth), for the rows it leads to."""
        return self.crawler.stats.get_value("crawl/run_id")

    def on_error(self, failure: Failure) -> Iterator[Any]:
        """A request that failed for good (after retries): record it for the next crawl."""
        request = failure.request
        meta = request.meta
        if failure.check(HttpError):
            response = failure.value.response
            yield self._failure(response, "http", f"HTTP {response.status}")
            return
        message = failure.getErrorMessage()
        if failure.check(*_TIMEOUT_ERRORS):
            kind = "timeout"
        elif failure.check(*_DNS_ERRORS):
            kind = "dns"
        elif failure.check(*_REFUSED_ERRORS):
            kind = "connection"
        elif _DATALOSS_ERRORS and failure.check(*_DATALOSS_ERRORS):
            kind = "dataloss"
            message = message or "connection closed before the whole body (Content-Length) came"
        elif "max size" in message:
            kind = "oversized"  # DOWNLOAD_MAXSIZE: abandoned, nothing to capture
        elif failure.check(OffScope):
            kind = "offsite"
        elif failure.check(IgnoreRequest) and "max redirections" in message:
            kind = "redirect"
        elif failure.check(IgnoreRequest):
            kind = "refused"
        else:
            kind = "download"
        reason = f"{type(failure.value).__name__}: {message}"
        # Against the URL the crawl asked for: a redirect chain's end is in the reason.
        url = meta.get("redirect_urls", [request.url])[0]
        if url != request.url:
            reason += f" (redirected to {request.url})"
        reason = reason[:500]
        self.logger.warning("failed %s: %s", url, reason)
        source = meta.get("source")
        if kind != "offsite":  # ScopeMiddleware has counted it already
            self.crawler.stats.inc_value(f"errors/{kind}")
        if source:
            self.crawler.stats.inc_value(f"source/{source}/errors")
        if meta.get("kind") == "listing" and source:
            self._end_walk(source, complete=False)
        yield {
            "_kind": "failure",
            "url": url,
            "source": source,
            "kind": kind,
            "reason": reason,
            "status": None,
            "capture_id": meta.get("capture_id"),
            "at": utc_now(),
            "page_kind": meta.get("kind"),
            "run_id": self._run_id(),
        }

    def on_request_dropped(self, request: Request, spider: Spider) -> None:
        """A redirect back to a URL of its own chain (a loop) is dropped by the dupefilter,
        silently; record it like any failed fetch, so the next crawl tries again."""
        meta = request.meta
        chain = meta.get("redirect_urls") or []
        source = meta.get("source")
        if (
            spider is not self
            or not source
            or clean_url(request.url) not in {clean_url(u) for u in chain}
        ):
            return
        self.logger.warning("redirect loop: %s", " -> ".join([*chain, request.url]))
        self.crawler.stats.inc_value("errors/redirect")
        self.crawler.stats.inc_value(f"source/{source}/errors")
        if meta.get("kind") == "listing":
            self._end_walk(source, complete=False)
        self.sink_event(
            "failure",
            {
                "url": chain[0],
                "source": source,
                "kind": "redirect",
                "reason": f"redirect loop: {' -> '.join([*chain, request.url])}"[:500],
                "status": None,
                "capture_id": meta.get("capture_id"),
                "at": utc_now(),
                "page_kind": meta.get("kind"),
                "run_id": self._run_id(),
            },
        )

    # --- end of crawl ---------------------------------------------------------------------
    def finalize(self, reason: str) -> None:
        """At the end (called by CrawlHealth): record completed walks; notice vanished articles."""
        if reason != "finished":
            return
        for name in self.sources:
            if name in self.walks_broken or self.walks_open.get(name, 1) > 0:
                continue
            walked_all = self.full or not self._walk_complete_before(name)
            self.sink_event("source", {"name": name, "walk_complete_at": utc_now()})
            if walked_all and self.listed[name]:
                # A listing may link an article by another URL than its canonical one: the
                # URL the crawl requested for it, which it keeps beside the canonical one.
                listed = self.listed[name]
                gone = {
                    url
                    for url, requested in self.store.article_addresses(name, present_only=True)
                    if hash(url) not in listed and hash(requested) not in listed
                }
                for url in sorted(gone):
                    self.sink_event(
                        "removed", {"url": url, "source": name, "reason": "no longer listed"}
                    )

    def sink_event(self, kind: str, payload: dict[str, Any]) -> None:
        """Send a record that is not a scraped item straight to the archive (or Redis)."""
        self.sink.push(kind, payload)
