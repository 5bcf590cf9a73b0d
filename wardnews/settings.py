"""Every setting of the project, once, with why. Override any of them with `-s NAME=value`."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BOT_NAME = "wardnews"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"
# Our `crawl` command exits non-zero when the crawl was broken (Scrapy's own exits 0).
COMMANDS_MODULE = "wardnews.commands"

# --- Where things go -------------------------------------------------------------------
ARCHIVE_DB = str(ROOT / "archive.db")  # the SQLite archive (WAL mode)
WARC_DIR = str(ROOT / "warc")  # raw captures, gzip-compressed WARC files
SOURCES_FILE = str(ROOT / "sources.yml")  # configured sources
WARC_MAX_SIZE = 100 * 1024 * 1024  # rotate WARC files at this many (compressed) bytes
WARC_GZIP_LEVEL = 6  # zlib-ng level of each record's gzip member (zlib at warcio's 9: 2.4x the CPU)
ARCHIVE_FLUSH_ITEMS = 200  # batch writes: commit every N records ...
ARCHIVE_FLUSH_SECONDS = 2.0  # ... or every T seconds, whichever comes first
# Normalise, write WARC and commit in a child process (wardnews/localwriter.py), so a crawl
# uses two cores; 0 does it all in the crawl process. (Distributed mode has its own writer.)
ARCHIVE_WRITER_PROCESS = True
# Which process reads article pages (decoding, parsing, the profile): "auto" balances the
# two processes' CPU; a number from 0 to 1 is the fixed share the writer reads.
ARCHIVE_WRITER_READS = "auto"

# --- Politeness ------------------------------------------------------------------------
CONTACT = "https://github.com/ward-news-archive/ward-news-archive"  # who to tell when we misbehave
USER_AGENT = f"WardNewsArchive/0.1 (+{CONTACT}; archiving public ward news)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 32  # across all sources
CONCURRENT_REQUESTS_PER_DOMAIN = 2  # small government servers: stay gentle per host
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
COOKIES_ENABLED = False  # news pages need no session; cookies only grow request size

# --- Retries, timeouts, limits ---------------------------------------------------------
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_BACKOFF_BASE = 1.0  # seconds; doubled on each retry, capped below
RETRY_BACKOFF_MAX = 60.0  # a Retry-After above this is capped too
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 64 * 1024 * 1024  # above this the download is abandoned (recorded as failed)
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
REDIRECT_MAX_TIMES = 5
PARSE_MAX_BYTES = 5 * 1024 * 1024  # pages above this are captured but not parsed
HTTPERROR_ALLOW_ALL = True  # 404/410 mean "removed"; the spider sees every status

# --- Incremental crawling --------------------------------------------------------------
LISTING_LOOKAHEAD = 1  # listing pages walked past the first one that brings nothing new
RECHECK_INTERVAL_DAYS = 7  # re-fetch (conditionally) known articles not checked for this long ...
RECHECK_WINDOW_DAYS = 60  # ... among those first seen within this many days (0 = all)
RECHECK_MAX_PER_RUN = 500  # cap per source per run, oldest check first

# --- Loud failures (see wardnews/health.py) --------------------------------------------
HEALTH_MAX_ERROR_RATIO = 0.2  # failed fetches / fetches above this -> broken
HEALTH_MIN_COVERAGE = 0.5  # required field present on fewer items than this -> broken
HEALTH_COVERAGE_DROP = 0.5  # coverage below this fraction of the source's last good run -> broken
HEALTH_MIN_ITEMS_FOR_DROP = 10  # ... judged only over at least this many articles
PROGRESS_INTERVAL = 30.0  # seconds between progress lines
LOG_LEVEL = "INFO"

# --- Distributed mode (scrapy-redis), switched on by -s REDIS_URL=redis://host:port ----
REDIS_URL = None  # set it and wardnews.distributed.RedisAddon switches to scrapy-redis
REDIS_ITEMS_KEY = "%(spider)s:items"
SCHEDULER_PERSIST = True
MAX_IDLE_TIME_BEFORE_CLOSE = 60  # exit after the shared crawl has been empty this long (0 = never)
REDIS_LEASE_SECONDS = 30.0  # a crawler silent this long is dead: its requests go back on the queue
REDIS_POLL_INTERVAL = 0.5  # heartbeat; how often an idle crawler looks for work its peers queued

# --- Attachments -----------------------------------------------------------------------
FETCH_ATTACHMENTS = False  # download and capture images/PDF/DOC linked from articles

# --- Components ------------------------------------------------------------------------
DOWNLOADER_MIDDLEWARES = {
    "wardnews.middlewares.ScopeMiddleware": 50,  # refuse requests off the source's hosts
    "wardnews.middlewares.BackoffRetryMiddleware": 550,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    # 950: sees responses before HttpCompressionMiddleware (590) decodes them, so the WARC
    # record holds the bytes the server sent, with honest digests.
    "wardnews.warc.WarcMiddleware": 950,
}
ITEM_PIPELINES = {
    "pipelines.normalize.NormalizePipeline": 300,
    "pipelines.storage.StoragePipeline": 800,
}
ADDONS = {"wardnews.distributed.RedisAddon": 0}
EXTENSIONS = {
    "wardnews.health.CrawlHealth": 500,
    "scrapy.extensions.telnet.TelnetConsole": None,
}

# Scrapy's check re-reads and re-parses a callback's source on every response when the
# callback is a bound method (its cache is keyed weakly by the method object, made anew
# each time): 0.3 ms per page for parse_article. Our callbacks return no values.
WARN_ON_GENERATOR_RETURN_VALUE = False
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
