"""Read a listing without a profile: the largest group of repeated article links, with dates."""

from __future__ import annotations

import re
from collections import defaultdict
from urllib.parse import urlsplit

from lxml import etree

from .base import ListingEntry
from .dateline import date_elements, only_labels, refine_date_element
from .dom import (
    ChromeCache,
    is_chrome,
    is_element,
    is_related_heading,
    norm_space,
    text_of,
    words,
)
from .links import (
    absolute_url,
    is_attachment,
    is_not_article,
    looks_like_article,
    same_site,
    strip_params,
)
from .pagemeta import breadcrumb_category, clean_category
from .pagination import page_number

__all__ = ["accept_article_url", "find_article_links", "listing_heading", "row_date"]

# Row classes that alternate or count (odd/even, item-3) must not split one list into groups.
# WordPress also marks each post with its own slugs (tag-<slug>, category-<slug>, post-<id>,
# has-post-thumbnail), so those never split a list either.
_VARYING_CLASS = re.compile(
    r"^(?:odd|even|alt|first|last|active|current|selected|clearfix)$"
    r"|^(?:post|tag|category|format|status|type|has|author|postid)-",
    re.I,
)
_DIGITS = re.compile(r"\d+")
_HEADING_XPATH = etree.XPath(
    "descendant-or-self::*[self::h1 or self::h2 or self::h3 or "
    "re:test(concat(@class, ' ', @id), 'title|heading|tieu-?de|chuyen-?muc|cat-?name|subheading',"
    " 'i')]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)


def accept_article_url(url: str | None, page_url: str) -> bool:
    """Whether a listing link can lead to an article: same site, a page, not tag/search/login."""
    if not url or not same_site(url, page_url) or is_attachment(url) or is_not_article(url):
        return False
    if url.rstrip("/") == page_url.rstrip("/"):
        return False
    # Another page of this same listing (?page=3, /page/3/) is pagination, not an article;
    # but WordPress's "/?p=1523" is a post id, so "p" alone never rules a link out.
    here, there = urlsplit(page_url), urlsplit(url)
    number = page_number(url)
    if there.path.rstrip("/") == here.path.rstrip("/") and number and number[0] != "p":
        return False
    return True


def _signature(a: etree._Element) -> tuple[str, ...]:
    path = []
    for node in (a, *a.iterancestors()):
        if node.tag in ("body", "html"):
            break
        tokens = sorted(
            _DIGITS.sub("", t)
            for t in (node.get("class") or "").split()
            if not _VARYING_CLASS.match(t.lower())
        )
        path.append(f"{node.tag}.{'.'.join(tokens)}")
    return tuple(reversed(path))


def row_date(row: etree._Element, link: etree._Element | None = None) -> etree._Element | None:
    """The element showing a listing row's date (not the link, not a summary that cites a date)."""
    fallback = None
    for el in date_elements(row):
        if el is link or (link is not None and any(a is el for a in link.iterancestors())):
            continue
        el = refine_date_element(el, limit=row)
        text = text_of(el)
        if only_labels(text):
            return el
        if fallback is None and len(text) <= 60:
            fallback = el
    return fallback


def _rows(anchors: dict[etree._Element, str]) -> dict[etree._Element, etree._Element]:
    """Each link's row: its highest ancestor that leads to no other article of the group."""
    targets: dict[etree._Element, set[str]] = defaultdict(set)
    for a, target in anchors.items():
        for anc in a.iterancestors():
            targets[anc].add(target)
    rows = {}
    for a in anchors:
        row = a
        parent = a.getparent()
        while (
            parent is not None and len(targets[parent]) == 1 and parent.tag not in ("body", "html")
        ):
            row = parent
            parent = parent.getparent()
        rows[a] = row
    return rows


def _path_scope(page_url: str, targets: list[str]) -> str:
    """'/<site>/' when the list's articles live under the listing's first path segment.

    Several sites can share one host under path prefixes (a district portal's ward sub-sites,
    the demo mirror); links outside the prefix belong to another site.
    """
    first = urlsplit(page_url).path.strip("/").split("/")[0]
    if not first or "." in first:
        return "/"
    prefix = f"/{first}/"
    inside = sum(1 for t in targets if urlsplit(t).path.startswith(prefix))
    return prefix if targets and inside >= 0.8 * len(targets) else "/"


def _under_box_heading(container: etree._Element | None) -> bool:
    """Whether a list sits right under an "other news" box heading ("Tin xem nhiều")."""
    node = container
    # Liferay puts the box title four levels up (section > header.portlet-topper).
    for _ in range(5):
        if node is None:
            return False
        prev = node.getprevious()
        while prev is not None and not is_element(prev):
            prev = prev.getprevious()
        if prev is not None:
            return is_related_heading(text_of(prev))
        node = node.getparent()
    return False


def _list_container(row: etree._Element) -> etree._Element | None:
    """The element holding a list: above rows, and above repeated wrappers (grid rows)."""
    node = row.getparent()
    while node is not None and node.getparent() is not None and node.tag not in ("body", "html"):
        key = _class_key(node)
        if not any(
            is_element(sib) and _class_key(sib) == key
            for sib in (*node.itersiblings(), *node.itersiblings(preceding=True))
        ):
            break
        node = node.getparent()
    return node


def _class_key(el: etree._Element) -> tuple[str, str]:
    tokens = sorted(
        _DIGITS.sub("", t) for t in (el.get("class") or "").split() if not _VARYING_CLASS.match(t)
    )
    return el.tag, " ".join(tokens)


def _lca_all(elements: list[etree._Element]) -> etree._Element | None:
    if not elements:
        return None
    common = [elements[0], *elements[0].iterancestors()]
    for el in elements[1:]:
        ancestors = {el, *el.iterancestors()}
        common = [c for c in common if c in ancestors]
    return common[0] if common else None


def _entry(a: etree._Element, url: str, row: etree._Element) -> ListingEntry:
    date_el = row_date(row, a)
    title = text_of(a) or norm_space(a.get("title"))
    if date_el is not None and any(anc is a for anc in date_el.iterancestors()):
        # VCMS puts the date inside the link: "Tiêu đề (03/01/2018)".
        title = norm_space(title.replace(text_of(date_el), "")).strip(" -–|")
    return ListingEntry(
        url=url, title=title or None, date_raw=text_of(date_el) if date_el is not None else None
    )


def find_article_links(
    root: etree._Element, url: str
) -> tuple[list[ListingEntry], etree._Element | None]:
    """Article links of a listing page, in page order, and the element that holds the list."""
    in_chrome = ChromeCache()
    groups: dict[tuple, list[tuple[etree._Element, str]]] = defaultdict(list)
    signatures: dict[etree._Element, tuple[str, ...]] = {}
    candidates: list[tuple[etree._Element, str]] = []
    for a in root.iter("a"):
        target = absolute_url(a.get("href"), url)
        if not accept_article_url(target, url) or in_chrome(a):
            continue
        target = strip_params(target)
        text = text_of(a) or norm_space(a.get("title"))
        if words(text) < 4:
            continue
        signatures[a] = _signature(a)
        candidates.append((a, target))
    if not candidates:
        return [], None
    # Rows are the links' highest single-article ancestors; one list keeps its rows in one
    # container, so boxes with the same markup in different places (two sidebar lists in
    # DNN panes) are different groups.
    rows_all = _rows({a: t for a, t in candidates})
    for a, target in candidates:
        groups[(signatures[a], _list_container(rows_all[a]))].append((a, target))
    scored = []
    for sig, members in groups.items():
        unique: dict[str, etree._Element] = {}
        for a, target in members:
            unique.setdefault(target, a)
        anchors = list(unique.values())
        rows = _rows({a: t for t, a in unique.items()})
        score = 0.0
        for target, a in unique.items():
            row = rows[a]
            dated = row_date(row, a) is not None
            score += 1 + min(words(text_of(a)), 25) / 8 + 1.5 * dated
            score += 1.0 if looks_like_article(target) else 0.0
            # The main list shows a summary and a thumbnail; sidebar boxes only titles.
            score += 2.0 if len(text_of(row)) - len(text_of(a)) >= 80 else 0.0
            score += 0.5 if row.find(".//img") is not None else 0.0
        if _under_box_heading(_list_container(rows[anchors[0]])):
            # "Tin mới cập nhật", "Tin xem nhiều", "Bài viết mới": a sidebar box, not the list.
            score *= 0.5
        scored.append((score, score / len(unique), sig, anchors))
    scored.sort(key=lambda item: item[0], reverse=True)
    best_score, best_avg, _, best_anchors = scored[0]
    holder = _lca_all(best_anchors)
    if holder is None or holder is best_anchors[0]:
        holder = best_anchors[0].getparent()
    keep = {a for _, avg, _, anchors in scored if avg >= 0.6 * best_avg for a in anchors}
    target_of = {a: t for members in groups.values() for a, t in members}
    members = {a: target_of[a] for a in holder.iter("a") if a in keep}
    rows = _rows(members)
    scope = _path_scope(url, [target_of[a] for a in best_anchors])
    entries: list[ListingEntry] = []
    seen: set[str] = set()
    for a, target in members.items():
        if target in seen or not urlsplit(target).path.startswith(scope):
            continue
        seen.add(target)
        entries.append(_entry(a, target, rows[a]))
    return entries, holder


def listing_heading(root: etree._Element, holder: etree._Element | None) -> str | None:
    """The section a listing shows: breadcrumb, else the heading just above the list, else <h1>."""
    found = breadcrumb_category(root)
    if found:
        return clean_category(found)
    if holder is not None:
        # Old table layouts put the section title in the list's own first row.
        first_link = next(holder.iter("a"), None)
        above = [
            el
            for el in _HEADING_XPATH(holder)
            if first_link is not None and _before(el, first_link) and not _furniture(el)
        ]
        for el in reversed(above):
            text = text_of(el)
            if 1 <= words(text) <= 10:
                return clean_category(text)
    node = holder
    for _ in range(4):
        if node is None or node.getparent() is None:
            break
        parent = node.getparent()
        for sib in node.itersiblings(preceding=True):
            for el in _HEADING_XPATH(sib):
                text = text_of(el)
                if 1 <= words(text) <= 10 and not _furniture(el):
                    return clean_category(text)
        node = parent
    for el in root.iter("h1"):
        text = text_of(el)
        if text and not _furniture(el):
            return clean_category(text)
    return None


def _before(el: etree._Element, other: etree._Element) -> bool:
    """Whether el comes before other in document order and does not contain it."""
    if any(anc is el for anc in other.iterancestors()):
        return False
    for node in el.getroottree().getroot().iter():
        if node is el:
            return True
        if node is other:
            return False
    return False


def _furniture(el: etree._Element) -> bool:
    """Chrome other than <header>: a portlet's <header> holds the section title of the list."""
    return any(is_chrome(node) and node.tag != "header" for node in (el, *el.iterancestors()))
