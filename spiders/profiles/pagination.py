"""Find a listing's next page in the forms portals use (rel=next, 'Trang sau', 2, ?page=N)."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from lxml import etree

from .dom import norm_space
from .links import href_of, same_site

__all__ = ["find_next_pages", "is_disabled", "page_number"]

_ARROWS = "«»‹›<>←→⟩⟨→⇒▶►▸"
# Labels meaning "next page" once arrows are stripped; "Xem tiếp" is a read-more link, not paging.
_NEXT_WORDS = frozenset(
    [
        "sau",
        "tiếp",
        "tiếp theo",
        "trang sau",
        "trang tiếp",
        "trang tiếp theo",
        "kế",
        "kế tiếp",
        "trang kế",
        "trang kế tiếp",
        "next",
        "next page",
        "older posts",
        "older entries",
        "bài cũ hơn",
        "các bài cũ hơn",
        "tin cũ hơn",
        "bài viết cũ hơn",
    ]
)
_NEXT_SYMBOLS = frozenset(["»", "›", ">", "→", "▶", "►", "▸", "⟩"])
# aria-label/title of icon-only pager links; anchored, since "Cổng giao tiếp điện tử" (a logo's
# title) contains "tiếp".
_NEXT_ATTR = re.compile(
    r"^(?:(?:go to |đi đến |đến )?(?:the )?next(?: page)?|(?:đi |đi đến |đến )?trang"
    r" (?:sau|tiếp|tiếp theo|kế|kế tiếp)|tiếp|tiếp theo|sau|kế tiếp)$",
    re.I,
)
_NOT_NEXT_ATTR = re.compile(r"cuối|\blast\b|trước|\bprev|đầu|\bfirst\b", re.I)
_NEXT_CLASS = re.compile(r"(?:^|[\s_-])next(?:$|[\s_-])|nextpostslink|pagination-next|page-next")
_DISABLED = re.compile(r"disabled|inactive")
_CURRENT_CLASS = re.compile(r"current|active|selected|(?:^|\s)cur(?:$|\s)|(?:^|\s)on(?:$|\s)|here")
# Query parameters that number pages, lower-cased; "start"/"limitstart" count items (Joomla).
_PAGE_PARAMS = frozenset(
    "page trang p pg paged pagenum pageno pageindex pagenumber currentpage cur pi".split()
)
_OFFSET_PARAMS = frozenset(["start", "limitstart", "offset"])
_PATH_PAGE = re.compile(r"/(?:page|trang)[/-](\d+)/?$", re.I)


def page_number(url: str) -> tuple[str, int] | None:
    """Which page (or item offset) a URL asks for: '?page=3' -> ('page', 3)."""
    parts = urlsplit(url)
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        # Liferay namespaces portlet parameters: _101_INSTANCE_Xy12_cur, _vcms..._pagenum.
        low = key.lower().rsplit("_", 1)[-1] if key.startswith("_") else key.lower()
        if not value.isdigit():
            continue
        if low in _PAGE_PARAMS or low.endswith("pageindex"):
            return (low, int(value))
        if low in _OFFSET_PARAMS:
            return (low, int(value))
    match = _PATH_PAGE.search(parts.path)
    if match:
        return ("path", int(match.group(1)))
    return None


def _path_without_page(url: str) -> str:
    path = urlsplit(url).path
    match = _PATH_PAGE.search(path)
    if match:
        path = path[: match.start()]
    return path.rstrip("/")


def _label(a: etree._Element) -> str:
    return norm_space("".join(a.itertext()))


def is_disabled(a: etree._Element) -> bool:
    """Whether a pager link is greyed out (class disabled, aria-disabled)."""
    for el in (a, a.getparent()):
        if el is not None and _DISABLED.search((el.get("class") or "").lower()):
            return True
    return a.get("aria-disabled") == "true"


def _is_next_label(a: etree._Element) -> bool:
    text = _label(a)
    stripped = norm_space(text.strip(_ARROWS + " ")).lower()
    if stripped in _NEXT_WORDS:
        return True
    if not stripped and text.strip() in _NEXT_SYMBOLS:
        # Joomla 4 prints "»" for the *last* page and says so only in its title/aria-label.
        labels = f"{a.get('aria-label') or ''} {a.get('title') or ''}"
        return not _NOT_NEXT_ATTR.search(labels)
    if not stripped:
        # Icon-only links (Liferay 7, Joomla 4) say what they do in aria-label or title.
        labels = (norm_space(a.get("aria-label")), norm_space(a.get("title")))
        return any(_NEXT_ATTR.match(label) for label in labels if label)
    return False


def _has_next_class(a: etree._Element) -> bool:
    parent = a.getparent()
    classes = [(a.get("class") or "").lower()]
    if parent is not None and parent.tag == "li":
        classes.append((parent.get("class") or "").lower())
    return any(_NEXT_CLASS.search(c) for c in classes)


def _int_label(el: etree._Element) -> int | None:
    text = _label(el).strip("[]() ")
    return int(text) if text.isdigit() and len(text) < 5 else None


def _by_numbers(anchors: list[tuple[etree._Element, str]]) -> list[str]:
    """The link numbered one more than the current page, in a block of page-number links."""
    found: list[str] = []
    numbered = [(a, url, n) for a, url in anchors if (n := _int_label(a)) is not None]
    containers: dict[etree._Element, list[tuple[etree._Element, str, int]]] = {}
    for a, url, n in numbered:
        box = a.getparent()
        if box is not None and box.tag == "li" and box.getparent() is not None:
            box = box.getparent()
        if box is not None:
            containers.setdefault(box, []).append((a, url, n))
    for box, links in containers.items():
        current = None
        for el in box.iter("span", "strong", "b", "em", "font", "li", "a"):
            number = _int_label(el)
            if number is None:
                continue
            marked = _CURRENT_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}".lower())
            unlinked = (
                el.tag != "a"
                and not any(True for _ in el.iter("a"))
                and not any(True for _ in el.iterancestors("a"))
            )
            if marked or unlinked or el.get("aria-current"):
                current = number
                break
        if current is None:
            continue
        found.extend(url for _, url, n in links if n == current + 1)
    return found


def _by_url(anchors: list[tuple[etree._Element, str]], url: str) -> list[str]:
    """Links that ask for the page after this one: same path, page parameter one higher."""
    here = page_number(url)
    base_path = _path_without_page(url)
    best: list[tuple[int, str]] = []
    for _, target in anchors:
        there = page_number(target)
        if there is None or _path_without_page(target) != base_path:
            continue
        key, n = there
        if here is not None and here[0] != key:
            continue
        current = here[1] if here else (0 if key in _OFFSET_PARAMS else 1)
        if key in _OFFSET_PARAMS:
            if n > current:
                best.append((n, target))
        elif n == current + 1:
            best.append((n, target))
    best.sort(key=lambda item: item[0])
    return [target for n, target in best if n == best[0][0]] if best else []


def _prefer_near(urls: list[str], where: dict[str, etree._Element], near) -> list[str]:
    if not urls:
        return []
    unique = list(dict.fromkeys(urls))
    if near is not None and len(unique) > 1:
        # Two paginated portlets on one page: keep the pager that sits with the article list.
        for level in (near, near.getparent()):
            if level is None:
                continue
            inside = [u for u in unique if any(anc is level for anc in where[u].iterancestors())]
            if inside:
                return inside[:1]
    return unique[:1]


def find_next_pages(
    root: etree._Element, url: str, near: etree._Element | None = None
) -> list[str]:
    """Next-page URL(s) of a listing page, by rel=next, 'Trang sau'/'»', page numbers, then URL."""
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "next":
            target = href_of(link, url)
            if target and target != url and same_site(target, url):
                return [target]
    anchors: list[tuple[etree._Element, str]] = []
    where: dict[str, etree._Element] = {}
    for a in root.iter("a"):
        target = href_of(a, url)
        if target is None or target == url or not same_site(target, url) or is_disabled(a):
            continue
        anchors.append((a, target))
        where.setdefault(target, a)
    rel_next = [t for a, t in anchors if "next" in (a.get("rel") or "").lower().split()]
    if rel_next:
        return _prefer_near(rel_next, where, near)
    labelled = [t for a, t in anchors if _is_next_label(a)]
    if labelled:
        return _prefer_near(labelled, where, near)
    classed = [t for a, t in anchors if _has_next_class(a) and _int_label(a) is None]
    if classed:
        return _prefer_near(classed, where, near)
    numbered = _by_numbers(anchors)
    if numbered:
        return _prefer_near(numbered, where, near)
    return _prefer_near(_by_url(anchors, url), where, near)
