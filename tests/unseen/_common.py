# ruff: noqa: E501
"""Helpers shared by the held-out site builders: escaping, encodings, dates, truth rows."""

from __future__ import annotations

import datetime as dt
import html
import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def esc(text: str) -> str:
    """Text for an HTML text node or attribute."""
    return html.escape(text, quote=True)


def weekday(day: dt.date) -> str:
    """`dt.date(2018, 1, 2)` -> `Thứ Ba`."""
    return WEEKDAYS[day.weekday()]


def dmy(day: dt.date) -> str:
    """`dt.date(2018, 1, 2)` -> `02/01/2018`."""
    return day.strftime("%d/%m/%Y")


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 the way old Vietnamese CMSs wrote it: base letters precomposed where the
    code page has them, tone marks as separate combining characters otherwise."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        tones = "".join(c for c in parts if c in _TONES)
        out += base.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


@dataclass
class Truth:
    published_at: str | None
    author: str | None
    author_org: str | None
    ward_code: str | None
    event_date: str | None


@dataclass
class Article:
    key: str  # short id used in file names
    path: str  # URL path (with query) as linked from the listing
    title: str
    day: dt.date  # publication day, for lists and sidebars
    date_raw: str  # the date line as the page shows it
    lead: str
    paras: list[str]
    byline: str | None
    ward: str  # ward name as in the gazetteer (for checking truth.ward_code)
    truth: Truth
    extra: dict = field(default_factory=dict)

    @property
    def file(self) -> str:
        return f"article-{self.key}.html"


@dataclass
class Site:
    name: str
    district: str
    province: str
    listing: str
    files: dict[str, str] = field(default_factory=dict)
    encoding: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    any_query: list[str] = field(default_factory=list)  # path prefixes served whatever the query
    pages: dict[str, bytes] = field(default_factory=dict)

    def add(self, paths: list[str] | str, file: str, text: str | bytes, charset: str = "utf-8"):
        """Register one stored file under one or more URL paths."""
        for p in [paths] if isinstance(paths, str) else paths:
            self.files[p] = file
        if isinstance(text, bytes):
            self.pages[file] = text
        elif charset == "windows-1258":
            self.pages[file] = encode_cp1258(text)
        else:
            self.pages[file] = text.encode(charset)
        if charset != "utf-8":
            self.encoding[file] = charset

    def write(self, articles: list[Article]) -> None:
        """Write the pages, site.json and truth.json under tests/unseen/<name>/."""
        folder = HERE / self.name
        folder.mkdir(exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
        for file, data in self.pages.items():
            (folder / file).write_bytes(data)
        meta = {
            "listing": self.listing,
            "district": self.district,
            "province": self.province,
            "files": self.files,
        }
        if self.encoding:
            meta["encoding"] = self.encoding
        if self.aliases:
            meta["aliases"] = self.aliases
        if self.any_query:
            meta["any_query"] = self.any_query
        (folder / "site.json").write_text(
            json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        truth = {}
        for a in articles:
            truth[a.path] = {"title": unicodedata.normalize("NFC", a.title), **a.truth.__dict__}
        (folder / "truth.json").write_text(
            json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )


def check_truth(site: Site, articles: list[Article]) -> None:
    """Cross-check hand-written truth against the gazetteer and the calendar."""
    from vietnamadminunits import ParseMode, parse_address

    for a in articles:
        unit = parse_address(
            f"Phường {a.ward}, {site.district}, {site.province}", mode=ParseMode.LEGACY, level=3
        )
        assert unit.ward_code == a.truth.ward_code, (a.path, unit.ward, unit.ward_code)
        assert unit.ward == f"Phường {a.ward}", (a.path, unit.ward)
        if a.truth.published_at:
            assert a.truth.published_at[:10] == a.day.isoformat(), a.path
            if len(a.truth.published_at) > 10:
                assert a.truth.published_at.endswith("+07:00"), a.path
        if a.truth.event_date:
            assert a.truth.event_date <= a.day.isoformat(), a.path
