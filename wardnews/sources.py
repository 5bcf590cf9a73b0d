"""sources.yml: the configured sites, and what an ad-hoc URL is treated as."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

__all__ = ["Source", "load_sources", "source_for_url", "adhoc_source", "host_of"]


def host_of(url: str) -> str:
    """Host (with port) of a URL, lower-cased: 'http://A.vn:80/x' -> 'a.vn:80'."""
    return urlsplit(url).netloc.lower()


@dataclass
class Source:
    """One site section to archive; `name` is the `source` column."""

    name: str
    listing_urls: list[str] = field(default_factory=list)
    title: str | None = None
    district: str | None = None
    province: str | None = None
    profile: str | None = None  # a profile name; None = detect from the page
    hosts: list[str] = field(default_factory=list)  # hosts the crawl may visit
    enabled: bool = True
    verified: bool = True
    article_urls: list[str] = field(default_factory=list)  # ad-hoc article URLs

    def __post_init__(self) -> None:
        seen = [host_of(u) for u in self.listing_urls + self.article_urls]
        self.hosts = sorted({h.lower() for h in self.hosts} | set(seen))

    def in_scope(self, url: str) -> bool:
        """Whether a URL is on one of the source's own hosts (http/https only)."""
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and parts.netloc.lower() in self.hosts


def load_sources(path: str | Path) -> dict[str, Source]:
    """Read sources.yml into Sources, keyed by name (missing file: none)."""
    path = Path(path)
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    sources = {}
    for name, entry in (data.get("sources") or {}).items():
        entry = dict(entry or {})
        urls = entry.pop("listing_urls", None) or []
        if isinstance(urls, str):
            urls = [urls]
        if "listing_url" in entry:
            urls.insert(0, entry.pop("listing_url"))
        known = {f for f in Source.__dataclass_fields__ if f not in ("name", "listing_urls")}
        sources[name] = Source(
            name=name, listing_urls=urls, **{k: v for k, v in entry.items() if k in known}
        )
    return sources


def source_for_url(url: str, sources: dict[str, Source]) -> Source | None:
    """The configured source whose listing URL is a prefix of `url` (the longest wins)."""
    best: tuple[int, Source] | None = None
    for source in sources.values():
        for listing in source.listing_urls:
            root = listing.split("?", 1)[0].rstrip("/")
            if url.split("?", 1)[0].startswith(root) and (best is None or len(root) > best[0]):
                best = (len(root), source)
    return best[1] if best else None


def adhoc_source(urls: list[str], name: str | None = None, **extra: str | None) -> Source:
    """A source made up for URLs given on the command line: named after their host."""
    return Source(
        name=name or host_of(urls[0]),
        listing_urls=list(urls),
        **{k: v for k, v in extra.items() if v},
    )
