"""Shared pieces of the four CMS renderers: listing rows, site facts, escaping, dates, slugs."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date, datetime

__all__ = [
    "Row",
    "SiteInfo",
    "esc",
    "text_html",
    "weekday_vi",
    "fold",
    "slugify",
    "OFFSITE",
    "SNAPSHOT_DAY",
    "ddmmyyyy",
]

# Off-site links point at another loopback address, so a crawler that follows them
# leaves the mirror's host (127.0.0.1) but never the machine. The files are static, so the
# port is fixed here rather than being the one the mirror happens to run on.
OFFSITE = "http://127.0.0.2:8765"

# Portals print "today" in their header; the mirror is a snapshot taken on this day.
SNAPSHOT_DAY = date(2026, 11, 25)

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


@dataclass
class Row:
    """What lists (listing pages, sidebars, related links) show of an article."""

    url: str
    title: str
    published: str  # local time, "2018-01-03T05:01"
    thumb: str  # URL of the list thumbnail
    abstract: str
    views: int
    key: int
    tags: list[str] = field(default_factory=list)

    @property
    def when(self) -> datetime:
        """Publication time as a naive local datetime."""
        return datetime.fromisoformat(self.published)

    def to_json(self) -> dict:
        """Plain dict for listing.json."""
        return asdict(self)


@dataclass
class SiteInfo:
    """Facts a renderer needs about its site."""

    name: str  # URL prefix and directory: "haibatrung"
    family: str
    portal: str  # "Cổng giao tiếp điện tử quận Hai Bà Trưng"
    owner: str  # "Ủy ban nhân dân quận Hai Bà Trưng"
    address: str
    phone: str
    fax: str
    email: str
    license: str
    category: str  # "Hoạt động các phường"
    city_weather: str  # "Hà Nội"
    per_page: int = 10

    @property
    def prefix(self) -> str:
        """'/haibatrung'."""
        return f"/{self.name}"


def esc(text: str) -> str:
    """HTML-escape text and attribute values."""
    return html.escape(text, quote=True)


def text_html(text: str) -> str:
    """Escape a paragraph, writing NBSPs as &nbsp; the way CKEditor saves them."""
    return esc(text).replace("\xa0", "&nbsp;")


def weekday_vi(day: date | datetime) -> str:
    """'Thứ Tư' for a Wednesday."""
    return WEEKDAYS[day.weekday()]


def ddmmyyyy(day: date | datetime) -> str:
    """'03/01/2018'."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def fold(text: str) -> str:
    """Strip Vietnamese diacritics: 'Đồng Tâm' -> 'Dong Tam'."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def slugify(text: str, limit: int = 84) -> str:
    """URL slug: 'Phường Bách Khoa tổng kết ...' -> 'phuong-bach-khoa-tong-ket-...'."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")
    return slug[:limit].rstrip("-")
