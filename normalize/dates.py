"""Vietnamese publication and event dates: day/month/year, 24-hour clock, Vietnam time (+07:00)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone

from normalize.text import fold

__all__ = [
    "event_date_after",
    "find_event_date",
    "has_date",
    "parse_published",
    "published_and_day",
]

VN_TZ = timezone(timedelta(hours=7))
_EARLIEST_YEAR = 1990  # no Vietnamese ward portal predates this; older years are typos

# Everything below runs on `fold(raw)`: lower-case ASCII, so `Thứ Tư`, `thu tu` and
# `THỨ TƯ` look alike and `sáng/chiều/CH/SA` need one spelling each.
# Patterns that open with a number put its look-behind after the first digit, written to
# mean the same (`\d(?<![\d/.-]\d)` = a digit with no digit, / . or - before it), so that
# the regex engine can skip ahead to the next digit instead of trying every position.
_ISO = re.compile(
    r"(\d(?<!\d\d)\d{3})-(\d{1,2})-(\d{1,2})"
    r"(?:[t ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?)?(?![\d])"
)
_DMY = re.compile(
    r"(\d(?<![\d/.-]\d)\d?)\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?!\d)(?![/.]\d)"
)
_YMD_SLASH = re.compile(r"(\d(?<![\d/.-]\d)\d{3})([/.])(\d{1,2})\2(\d{1,2})(?!\d)(?![/.]\d)")
# "ngày 22 tháng 12 năm 2017", "22 tháng 12, 2017", "22 tháng mười hai 2017" is too rare.
_WORDS = re.compile(r"(\d(?<!\d\d)\d?)\s+thang\s+(\d{1,2})\s*(?:,|nam)?\s*(\d{4})(?!\d)")
_MONTHS_EN = {
    m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())
}
_EN_MDY = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"
)
_EN_DMY = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b"
)
# 05:01, 05:01:33, 5h01, 5h, 05g01, 5 giờ 30 (phút); then AM/PM in any of its local forms.
_TIME = re.compile(
    r"(\d(?<![\d:/.]\d)\d?)\s*(?:(:)\s*(\d{2})(?:\s*:\s*(\d{2}))?"
    r"|(?:h|g|gio)(?:\s*(\d{2}))?(?:\s*(?:phut|p|'))?(?![a-z]))"
    r"(?![\d/])(?:\s*(a\.?m\.?|p\.?m\.?|sa|ch|sang|trua|chieu|toi|dem)(?![a-z]))?"
)
_PM_WORDS = {"pm", "p.m.", "p.m", "ch", "chieu", "toi"}


def _today() -> date:
    """Today in Vietnam (a function so tests can freeze it)."""
    return datetime.now(VN_TZ).date()


def _valid_date(year: int, month: int, day: int) -> date | None:
    """A real calendar date in a plausible range, else None."""
    if not _EARLIEST_YEAR <= year <= _today().year + 1:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year(text: str) -> int:
    """Four-digit year from 4 or 2 digits: `18` -> 2018 unless that is in the future."""
    year = int(text)
    if len(text) == 2:
        year += 2000
        if year > _today().year:
            year -= 100
    return year


def _find_date(f: str) -> tuple[date | None, int, int] | None:
    """The first date written in folded text, with its span; (None, ...) when impossible."""
    best = None
    for pattern, kind in (
        (_DMY, "dmy"),
        (_YMD_SLASH, "ymd"),
        (_WORDS, "words"),
        (_EN_MDY, "mdy"),
        (_EN_DMY, "edmy"),
    ):
        m = pattern.search(f)
        if m is None or (best is not None and m.start() >= best[1]):
            continue
        if kind == "dmy":
            d = _valid_date(_year(m.group(4)), int(m.group(3)), int(m.group(1)))
        elif kind == "ymd":
            d = _valid_date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        elif kind == "words":
            d = _valid_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        elif kind == "mdy":
            d = _valid_date(int(m.group(3)), _MONTHS_EN[m.group(1)], int(m.group(2)))
        else:
            d = _valid_date(int(m.group(3)), _MONTHS_EN[m.group(2)], int(m.group(1)))
        best = (d, m.start(), m.end())
    return best


def _find_time(f: str) -> time | None | bool:
    """The time of day in folded text; None when absent, False when written but impossible."""
    m = _TIME.search(f)
    if m is None:
        return None
    hour = int(m.group(1))
    if m.group(2):
        minute, second = int(m.group(3)), int(m.group(4) or 0)
    else:
        minute, second = int(m.group(5) or 0), 0
    period = (m.group(6) or "").replace(" ", "")
    if period:
        if hour > 12 and period in ("am", "a.m.", "a.m", "sa", "sang"):
            return False
        if period in _PM_WORDS and hour < 12:
            hour += 12
        elif period == "trua" and hour < 11:
            hour += 12  # "1 giờ trưa" is 13:00, "11 giờ trưa" stays 11:00
        elif period == "dem" and 6 <= hour < 12:
            hour += 12  # "10 giờ đêm" is 22:00, "1 giờ đêm" stays 01:00
        elif period in ("am", "a.m.", "a.m", "sa") and hour == 12:
            hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return False
    return time(hour, minute, second)


def _parse_iso(f: str) -> tuple[date, time | None] | None | bool:
    """(date, time) in +07:00 from an ISO value; None when absent, False when impossible."""
    m = _ISO.search(f)
    if m is None:
        return None
    d = _valid_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if d is None:
        return False
    if m.group(4) is None:
        return d, None
    hour, minute, second = int(m.group(4)), int(m.group(5)), int(m.group(6) or 0)
    if hour > 23 or minute > 59 or second > 59:
        return False
    offset = m.group(7)
    if offset:
        if offset == "z":
            tz = UTC
        else:
            sign = -1 if offset[0] == "-" else 1
            digits = offset[1:].replace(":", "")
            tz = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))
        # A UTC value 22:01 on the 2nd is 05:01 on the 3rd in Hanoi.
        local = datetime.combine(d, time(hour, minute, second), tz).astimezone(VN_TZ)
        return local.date(), local.time()
    return d, time(hour, minute, second)  # no offset: site-local, i.e. Vietnam time


def _format(value: tuple[date, time | None]) -> str:
    """ISO text: `2018-01-03T05:01:00+07:00`, or `2018-01-03` without a time."""
    d, t = value
    if t is None:
        return d.isoformat()
    return datetime.combine(d, t, VN_TZ).isoformat()


def _parse_one(raw: str | None) -> tuple[date, time | None] | None:
    """Parse one displayed or machine date string to (date, time|None), or None."""
    if not raw or not raw.strip():
        return None
    f = fold(raw).strip()
    iso = _parse_iso(f)
    if iso is False:
        return None
    if iso is not None:
        return iso
    found = _find_date(f)
    if found is None:
        return _dateparser_fallback(raw)
    d, start, end = found
    if d is None:
        return None  # 31/02/2018, month 13, year 2918: never guess
    t = _find_time(f[:start] + " " + f[end:])
    if t is False:
        return None
    return d, t


def _dateparser_fallback(raw: str) -> tuple[date, time | None] | None:
    """dateparser for forms our regexes miss; only full day-month-year answers count."""
    f = fold(raw)
    # dateparser guesses freely ("hôm qua", lone numbers): only ask when a 4-digit year
    # and some month word are present.
    if not re.search(r"(?<!\d)(19|20)\d\d(?!\d)", f) or not re.search(r"[a-z]{3,}", f):
        return None
    try:
        import dateparser

        parsed = dateparser.parse(
            raw,
            languages=["vi", "en"],
            settings={
                "DATE_ORDER": "DMY",
                "TIMEZONE": "Asia/Ho_Chi_Minh",
                "RETURN_AS_TIMEZONE_AWARE": True,
                "REQUIRE_PARTS": ["day", "month", "year"],
                "PREFER_DATES_FROM": "past",
            },
        )
    except Exception:
        return None
    if parsed is None:
        return None
    local = parsed.astimezone(VN_TZ)
    d = _valid_date(local.year, local.month, local.day)
    if d is None:
        return None
    has_time = bool(_TIME.search(f))
    return d, (local.time().replace(microsecond=0) if has_time else None)


def parse_published(raw: str | None, meta: str | None = None) -> str | None:
    """Publication time: `"Ngày đăng 03/01/2018 | 05:01"` -> `"2018-01-03T05:01:00+07:00"`."""
    return published_and_day(raw, meta)[0]


def published_and_day(raw: str | None, meta: str | None = None) -> tuple[str | None, date | None]:
    """parse_published() and its day, which is what find_event_date() reads back from it:
    `("Ngày đăng 03/01/2018 | 05:01", None)` -> `("2018-01-03T05:01:00+07:00", date(2018, 1, 3))`.
    """
    try:
        shown = _parse_one(raw)
        machine = _parse_one(meta)
    except Exception:  # a normaliser must never break a crawl
        return None, None
    value = _published(shown, machine)
    return (_format(value), value[0]) if value else (None, None)


def _published(
    shown: tuple[date, time | None] | None, machine: tuple[date, time | None] | None
) -> tuple[date, time | None] | None:
    """The publication time to keep of the page's shown date line and its machine value."""
    if machine is None:
        return shown
    if shown is None:
        return machine
    if machine[1] is not None and shown[0] == machine[0]:
        if shown[1] is not None and _tz_slip(shown, machine):
            return shown
        return machine  # same day, and the machine value is more precise
    return shown  # they disagree: the reader's date is what the page says


def _tz_slip(shown: tuple[date, time | None], machine: tuple[date, time | None]) -> bool:
    """True when the machine time is the shown local time mislabelled as UTC (+7 h)."""
    a = datetime.combine(shown[0], shown[1] or time())
    b = datetime.combine(machine[0], machine[1] or time())
    return abs((b - a).total_seconds()) == 7 * 3600


# --- Event dates ---------------------------------------------------------------------
# A date in the lead counts as the event's when a time-of-day or "ngày" word introduces
# it ("Sáng ngày 22/12/2017", "Chiều 3-1", "Tối ngày 14/2", "Ngày 5/1").
# A weekday also introduces one, usually with the date in brackets: "sáng thứ Sáu (22/12)".
_CUE = r"(?:ngay|sang|chieu|toi|trua|dem|khuya|hom|vao|tu|thu|chu nhat)"
_WEEKDAY = r"(?:thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat)"
# The date itself is found first (a digit-led pattern the regex engine scans quickly),
# then the cue is looked for just before it.
_EVENT = re.compile(
    r"(?P<d>\d(?<![\d/.-]\d)\d?)"
    r"(?:(?P<range>\s*(?:va|den|-|,|–)\s*)(?P<d2>\d{1,2}))?"
    r"(?:\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<y>\d{4}))?"
    r"|\s+thang\s+(?P<wm>\d{1,2})(?:\s*(?:,|nam)\s*(?P<wy>\d{4}))?)"
    r"(?![\d])(?!\s*[/.]\s*\d|-\d|\s+-\d)(?![/.-]?[a-z])"
)
# (?<![a-z]) before the cue, written after each cue word's first letter: the same test,
# but the regex engine can skip ahead to the next first letter.
_CUE_AFTER_BOUNDARY = "|".join(
    f"{w[0]}(?<![a-z]{w[0]}){w[1:]}" for w in _CUE.removeprefix("(?:").removesuffix(")").split("|")
)
_CUE_BEFORE = re.compile(
    rf"(?:{_CUE_AFTER_BOUNDARY})\s+(?:(?:ngay|nay|qua|mai|hom|{_WEEKDAY})\s+)*"
    r"(?:(?:hai|ba|tu|nam|sau|bay|[2-7])\s+)?(?:mung\s+)?(?:\(\s*)?$"
)
# Reference numbers that look like dates: "Quyết định số 12/2017", "30/2020/NĐ-CP".
_REFERENCE_BEFORE = re.compile(
    r"(?:so|quyet dinh|nghi dinh|nghi quyet|thong tu|cong van|ke hoach|chi thi|qd|nq|kh|tb|"
    r"dien thoai|dt|sdt|hotline|fax|tel)\s*[:.]?\s*$"
)
# "Kế hoạch số 45/KH-UBND ngày 10/3/2017": the "ngày" dates the document, not the event.
_DOCUMENT_BEFORE = re.compile(r"\d+\s*/\s*[a-z0-9.-]*[a-z][a-z0-9./-]*\s*,?\s*$")
# The end of a span of full dates ("kỷ niệm 112 năm (8/3/1910 - 8/3/2022)"): an anniversary
# or a period, dated by its first day, never by its last.
_SPAN_END_BEFORE = re.compile(r"\d{4}\s*(?:-|–|den)\s*$")
_FUTURE_AFTER = re.compile(r"\s*(?:\)\s*)?(?:sap toi|toi day|toi|sap|se)(?![a-z])")
_LEAD_CHARS = 400


# The page's own date line ("Ngày đăng 03/01/2018 | 05:01") is not the event's, in case
# a body still carries it. Tested as substrings, faster than a regex alternation of them.
_PUBLICATION_LABELS = (
    "ngay dang", "dang ngay", "dang luc", "cap nhat", "ngay xuat ban", "thoi gian dang", "posted",
    "luot xem",
)  # fmt: skip


def _has_publication_label(folded: str) -> bool:
    """Whether a folded paragraph holds a date line's label (any of them, anywhere)."""
    return any(label in folded for label in _PUBLICATION_LABELS)


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _lead(text: str) -> str:
    """The folded first two paragraphs (date lines skipped), at most ~400 characters."""
    kept: list[str] = []
    # Bodies from html_to_text separate paragraphs with exactly one blank line.
    for paragraph in _PARAGRAPH_BREAK.split(text.strip(), maxsplit=4):
        folded = fold(paragraph[:_LEAD_CHARS]).strip()
        if folded and not _has_publication_label(folded):
            kept.append(folded)
            if len(kept) == 2:
                break
    return "\n\n".join(kept)[:_LEAD_CHARS]


def find_event_date(text: str | None, published: str | None) -> str | None:
    """The day the event took place: `"Sáng ngày 22/12/2017, UBND phường..."` -> `"2017-12-22"`."""
    if not text:
        return None
    try:
        pub = _parse_one(published) if published else None
    except Exception:
        return None
    return event_date_after(text, pub[0] if pub else None)


def event_date_after(text: str | None, pub_day: date | None) -> str | None:
    """find_event_date() given the day of publication (published_and_day()'s second value)."""
    if not text:
        return None
    try:
        f = _lead(text)
        cued: list[date] = []
        plain: list[date] = []
        for m in _EVENT.finditer(f):
            cue = _CUE_BEFORE.search(f, max(0, m.start() - 40), m.start())
            start = cue.start() if cue else m.start()
            before = f[max(0, start - 30) : start]
            if _REFERENCE_BEFORE.search(before) or _DOCUMENT_BEFORE.search(before):
                continue
            if _SPAN_END_BEFORE.search(before):
                continue
            if _FUTURE_AFTER.match(f, m.end()):
                continue  # "ngày 5/2 tới": an announcement of what is to come
            d = _event_day(m, pub_day, cued=cue is not None)
            if d is None:
                continue
            (cued if cue else plain).append(d)
        if cued:
            return cued[0].isoformat()
        if plain and pub_day is not None and plain[0] >= pub_day - timedelta(days=366):
            return plain[0].isoformat()
        if plain and pub_day is None:
            return plain[0].isoformat()
        return None
    except Exception:
        return None


def _event_day(m: re.Match[str], pub_day: date | None, *, cued: bool) -> date | None:
    """The date a match names (first day of a range), the year inferred when missing."""
    day = int(m.group("d"))
    month_s = m.group("m") or m.group("wm")
    year_s = m.group("y") or m.group("wy")
    if m.group("sep") == "." and not cued and not year_s:
        return None  # "2.5 tỷ đồng": a bare dotted pair is a number, not a date
    if not cued and not year_s:
        return None  # "20/12" alone could be a ratio or a score; need a cue or a year
    month = int(month_s)
    if year_s:
        d = _valid_date(int(year_s), month, day)
    elif pub_day is None:
        return None  # no year and nothing to infer it from: don't guess
    else:
        # The year that puts it closest on or before publication (a day's grace for
        # articles posted the evening before the date line rolls over).
        latest = pub_day + timedelta(days=1)
        options = (_valid_date(y, month, day) for y in (latest.year, latest.year - 1))
        d = max((o for o in options if o is not None and o <= latest), default=None)
    if d is None:
        return None
    if pub_day is not None and d > pub_day + timedelta(days=1):
        return None  # a date after publication is a plan or a deadline, not the event
    return d


_HAS_DATE = re.compile(
    r"\d(?<!\d\d)(?:\d?\s*([/.-])\s*\d{1,2}\s*\1\s*\d{4}|\d{3}-\d{1,2}-\d{1,2}"
    r"|\d?\s+thang\s+\d{1,2}\s*(?:,|nam)\s*\d{4})(?!\d)"
)


def has_date(text: str | None) -> bool:
    """Whether a line carries a full date: `has_date("Ngày đăng 03/01/2018")` -> True."""
    if not text:
        return False
    return _HAS_DATE.search(fold(text)) is not None
