"""`scrapy crawl` that exits non-zero when the crawl was broken (Scrapy's own exits 0)."""

from __future__ import annotations

import argparse

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError

__all__ = ["Command", "EXIT_BROKEN"]

EXIT_BROKEN = 3  # the crawl ran but was broken; the reason is logged and in crawl_runs


class Command(ScrapyCrawl):
    """Run a spider; exit 3 when CrawlHealth judged the crawl broken."""

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give exactly one spider name")
        assert self.crawler_process
        crawler = self._create_crawler(args[0])
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
        elif crawler.stats.get_value("health/failed"):
            self.exitcode = EXIT_BROKEN
