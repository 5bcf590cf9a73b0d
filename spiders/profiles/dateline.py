"""Find the element showing a date line ('Ngày đăng 03/01/2018 | 05:01'), trimmed to that line."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from lxml import etree

from normalize.dates import has_date

from .dom import VISIBLE_TEXTS, is_element, text_of

__all__ = [
    "date_elements",
    "date_hint_count",
    "extra_words",
    "only_labels",
    "refine_date_element",
    "shows_date",
]

# Cheap pre-filter before the real has_date(): something date-shaped is in this text.
_HINT = re.compile(
    r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|tháng\s*\d", re.I
)
# What may sit beside the date on its line without being "something else": labels, weekdays,
# the time, separators. Anything left over (an author, a view count) ends the line.
_LABEL = re.compile(
    r"\b(?:ngày|đăng|cập\s+nhật|cập\s+nhập|cập|nhật|xuất\s+bản|lúc|vào|thời\s+gian|giờ|gmt|utc|ict"
    r"|posted|published|on|at|updated?|date|thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|thứ|chủ\s+nhật|cn"
    r"|sáng|chiều|tối|sa|ch|am|pm|t[2-7]|h|phút|tháng|năm)\b|[\d:/\-.,|()+\[\]–—]",
    re.I,
)
_LETTER = re.compile(r"[^\W\d_]")
MAX_LINE = 120  # a date line longer than this has swallowed neighbouring text
# Joomla's vi-VN date format "d F Y" prints "13 Tháng 4 2025" (no "năm"), which
# normalize.dates.has_date() does not accept yet; parse_published() reads it.
_MONTH_WORD_DATE = re.compile(r"(?<!\d)\d{1,2}\s+tháng\s+\d{1,2}\s*,?\s+\d{4}(?!\d)", re.I)


def shows_date(text: str) -> bool:
    """Whether a text shows a full date: has_date() plus the "13 Tháng 4 2025" form."""
    return has_date(text) or bool(_MONTH_WORD_DATE.search(text))


def date_hint_count(text: str) -> int:
    """How many date-shaped substrings a text holds (pre-filter, not validation)."""
    return len(_HINT.findall(text))


def only_labels(text: str) -> bool:
    """Whether text holds nothing but date labels, times and separators: 'Ngày đăng: 03/01/2018'."""
    return not _LETTER.search(_LABEL.sub(" ", text))


def extra_words(text: str) -> int:
    """Words beside the date and its labels: 'Đăng bởi Admin - 03/01/2018' -> 2 (bởi, Admin)."""
    return sum(1 for word in _LABEL.sub(" ", text).split() if _LETTER.search(word))


def refine_date_element(el: etree._Element, limit: etree._Element | None = None) -> etree._Element:
    """Trim to the one date's line: narrow to the first dated descendant, widen over labels only."""
    text = text_of(el)
    if date_hint_count(text) > 1:
        # "03/01/2018 05/01/2018" (published + updated <time>s): keep the first date only.
        limit = el
        for child in el.iterdescendants():
            if not is_element(child):
                continue
            child_text = text_of(child)
            if date_hint_count(child_text) == 1 and shows_date(child_text):
                el, text = child, child_text
                break
        else:
            return el
    hints = date_hint_count(text)
    while True:
        parent = el.getparent()
        if parent is None or parent is limit or parent.tag in ("body", "html"):
            return el
        parent_text = text_of(parent)
        if len(parent_text) > MAX_LINE or date_hint_count(parent_text) != hints:
            return el
        if not only_labels(parent_text.replace(text, " ", 1)):
            return el
        el, text = parent, parent_text


def date_elements(
    container: etree._Element, skip: Callable[[etree._Element], bool] | None = None
) -> Iterator[etree._Element]:
    """Smallest elements under container whose text holds a full date, in page order."""
    seen: set[etree._Element] = set()
    for node in VISIBLE_TEXTS(container):
        if not _HINT.search(node):
            continue
        owner = node.getparent()
        if owner is None:
            continue
        if getattr(node, "is_tail", False):
            owner = owner.getparent()
        steps = 0
        while owner is not None and steps < 4:
            text = text_of(owner)
            if len(text) > 200:
                owner = None
                break
            if shows_date(text):
                break
            owner = owner.getparent()
            steps += 1
        else:
            owner = None
        if owner is None or owner in seen:
            continue
        seen.add(owner)
        if skip is not None and skip(owner):
            continue
        yield owner
