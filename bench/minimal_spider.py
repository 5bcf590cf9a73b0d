"""The baseline of bench_crawl.py: a minimal discard-only Scrapy spider.

    .venv/bin/scrapy runspider bench/minimal_spider.py -a url=http://127.0.0.1:PORT/haibatrung/hoat-dong-cac-phuong1

CSS selectors only: follows the listing's "next page" button and every article link,
reads the article's title, date line and body (so parsing is not free), and yields the
item, which no pipeline keeps. Same politeness-free settings as the full crawl run
(bench_crawl.py passes them with -s), and none of the project's settings.
"""

from __future__ import annotations

import scrapy


class MinimalSpider(scrapy.Spider):
    """Listing pages -> article pages -> items that are thrown away."""

    name = "minimal"
    custom_settings = {
        "ROBOTSTXT_OBEY": True,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "INFO",
    }

    def __init__(self, url: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.start_urls = [url]

    def parse(self, response):
        for href in response.css(".hn-news-list h3 a::attr(href)").getall():
            yield response.follow(href, callback=self.parse_article)
        # The pager's "Trang sau" (next page) button, when it is not disabled.
        for link in response.css("ul.lfr-pagination-buttons li:not(.disabled) a"):
            if "sau" in (link.css("::text").get() or ""):
                yield response.follow(link, callback=self.parse)

    def parse_article(self, response):
        yield {
            "url": response.url,
            "title": response.css("h1.hn-vc-title::text").get(),
            "date": response.css(".hn-vc-date::text").get(),
            "body": response.css(".hn-vc-body p::text").getall(),
        }
