"""Downloader middlewares: stay on the source's own hosts; retry with backoff."""

from __future__ import annotations

import asyncio
import email.utils
import logging
import time
from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

__all__ = ["ScopeMiddleware", "BackoffRetryMiddleware", "OffScope", "retry_after_seconds"]

logger = logging.getLogger(__name__)


class OffScope(IgnoreRequest):
    """A request (often a redirect) to a host outside its source."""


class ScopeMiddleware:
    """Refuse any request, redirects included, to a host its source does not own.

    Redirects come back through process_request as new requests, so a portal redirecting
    to another host (or to a private address) is refused here, before any connection.
    robots.txt requests carry no source: they may go to any host of any source being
    crawled, and nowhere else (a robots.txt redirecting off-site is refused too).
    """

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ScopeMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        source = request.meta.get("source")
        spider = self.crawler.spider
        if not hasattr(spider, "allowed_hosts"):
            return None
        scheme, _, rest = request.url.partition("://")
        host = rest.split("/", 1)[0].split("?", 1)[0].lower()
        if scheme.lower() not in ("http", "https"):
            host = ""  # ftp:, file:, data: ... are never a source's pages
        if source is None:
            names = getattr(spider, "sources", {})
            hosts = {h for name in names for h in spider.allowed_hosts(name)}
            if host not in hosts:
                self.crawler.stats.inc_value("errors/offsite")
                raise OffScope(f"{request.url} is outside every source being crawled")
            return None
        if host not in spider.allowed_hosts(source):
            self.crawler.stats.inc_value("errors/offsite")
            raise OffScope(f"{request.url} is outside source {source!r}")
        return None


def retry_after_seconds(value: bytes | None, now: float | None = None) -> float | None:
    """Seconds a Retry-After header asks for: b'120' -> 120.0; an HTTP date -> its delta."""
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text).timestamp()
    except (TypeError, ValueError):
        return None
    return max(0.0, when - (now if now is not None else time.time()))


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retries, waiting between attempts: Retry-After when given, else 2^n backoff.

    The wait happens after the download slot is freed, so other requests go on meanwhile.
    """

    def __init__(self, settings):  # type: ignore[no-untyped-def]
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE")
        self.cap = settings.getfloat("RETRY_BACKOFF_MAX")

    def _delay(self, request: Request, response: Response | None) -> float:
        attempt = request.meta.get("retry_times", 0)
        asked = retry_after_seconds(response.headers.get(b"Retry-After")) if response else None
        delay = asked if asked is not None else self.base * (2**attempt)
        return min(delay, self.cap)

    async def process_response(self, request: Request, response: Response):  # type: ignore[override]
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, f"HTTP {response.status}")
        if retry is None:
            return response
        await asyncio.sleep(self._delay(request, response))
        return retry

    async def process_exception(self, request: Request, exception: Exception):  # type: ignore[override]
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry"):
            return None
        retry = self._retry(request, exception)
        if retry is not None:
            await asyncio.sleep(self._delay(request, None))
        return retry
