"""Clean an article body on a copy: cut title/date/chrome/related lists/junk, split off the byline.

Profiles and AUTO both go through BodyCleaner, so they agree on what the body and the
byline are. The page's own tree is never modified (Scrapy's response.selector stays intact).
"""

from __future__ import annotations

import copy
import html
import re
from collections.abc import Callable, Iterable
from urllib.parse import urljoin

from lxml import etree

from normalize.bylines import is_byline

from .dom import (
    BLOCK_TAGS,
    PageIndex,
    attached,
    drop_keep_tail,
    inner_html,
    is_chrome,
    is_element,
    is_related_heading,
    norm_space,
    run_query,
    text_of,
)
from .links import absolute_url, href_of, is_attachment

__all__ = ["BodyCleaner", "RELATED_HINT", "cut_after", "heading_top"]

# The text nodes under an element as plain strings (no element wrapped per node, cheap), and
# the n-th of them (1-based) as a smart string, for its parent and is_tail.
_PLAIN_TEXTS = etree.XPath("descendant::text()", smart_strings=False)
_TEXT_AT = etree.XPath("(descendant::text())[$n]")
MEDIA = ("img", "iframe", "video", "audio", "object", "embed", "table")
MAX_BYLINE = 150  # a closing paragraph longer than this is text, not a byline
# Cheap pre-filter before is_related_heading(): the words such headings start with.
RELATED_HINT = re.compile(r"^\s*(?:các\s+)?(?:tin|bài|xem|bình|ý|gửi|related|other)", re.I)
_JUNK_LINE = re.compile(
    r"^(?:quay lại|trở về|trở lại|về đầu trang|lên đầu trang|in bài(?: viết)?|bản in|gửi email"
    r"|gửi bạn bè|gửi tin|chia sẻ|lượt xem|số lượt xem|lượt đọc|tags?\b|từ khóa|từ khoá|xem thêm"
    r"|print\b|back\b|share\b)",
    re.I,
)


def _related_hint(text: str) -> bool:
    """Whether a text node may be an "other news" heading (a cheap test, strings only)."""
    stripped = text.strip()
    return bool(stripped) and len(stripped) <= 45 and RELATED_HINT.match(stripped) is not None


def cut_before(root: etree._Element, el: etree._Element, inclusive: bool) -> None:
    """Remove everything inside root that comes before el (and el itself when inclusive)."""
    node = el
    while node is not root:
        parent = node.getparent()
        if parent is None:
            return
        for sib in list(node.itersiblings(preceding=True)):
            parent.remove(sib)
        parent.text = None
        node = parent
    if inclusive:
        drop_keep_tail(el)


def cut_after(root: etree._Element, el: etree._Element, inclusive: bool) -> None:
    """Remove everything inside root that comes after el (and el itself when inclusive)."""
    node = el
    while node is not root:
        parent = node.getparent()
        if parent is None:
            return
        for sib in list(node.itersiblings()):
            parent.remove(sib)
        node.tail = None
        node = parent
    if inclusive and el.getparent() is not None:
        el.getparent().remove(el)


def _text_after(root: etree._Element, el: etree._Element) -> int:
    total = 0
    node = el
    while node is not root and node.getparent() is not None:
        total += len((node.tail or "").strip())
        for sib in node.itersiblings():
            total += len(text_of(sib)) + len((sib.tail or "").strip())
        node = node.getparent()
    return total


def link_text(el: etree._Element) -> int:
    """Characters of link text under el."""
    return sum(len(text_of(a)) for a in el.iter("a"))


def has_media(el: etree._Element) -> bool:
    """Whether el is or holds an image, embed or table."""
    return el.tag in MEDIA or any(True for _ in el.iter(*MEDIA))


def _has_block_child(el: etree._Element) -> bool:
    return any(is_element(c) and c.tag in BLOCK_TAGS and text_of(c) for c in el)


def heading_top(owner: etree._Element) -> etree._Element:
    """Climb from 'Tin khác' text to the element whose following siblings are the list."""
    text = text_of(owner)
    while True:
        parent = owner.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return owner
        if any(is_element(s) for s in owner.itersiblings()) or text_of(parent) != text:
            return owner
        owner = parent


def _counterpart(
    el: etree._Element, node: etree._Element, clone: etree._Element
) -> etree._Element | None:
    """The element of clone (a deep copy of node) that stands where el stands in node."""
    path: list[int] = []
    current = el
    while current is not node:
        parent = current.getparent()
        if parent is None:
            return None  # el is not inside node
        path.append(parent.index(current))
        current = parent
    for position in reversed(path):
        clone = clone[position]
    return clone


def _inner_html_of_copy(el: etree._Element) -> str:
    """inner_html(el) of an element nobody reads afterwards: one serialisation, not one per child.

    The element's own attributes and text are cleared, so it serialises as "<tag>" + the
    children exactly as inner_html() writes them (libxml2 writes the same nodes the same way)
    + "</tag>"; its text is escaped as inner_html() does.
    """
    if not len(el):
        return inner_html(el)
    head = html.escape(el.text, quote=False) if el.text else ""
    el.text = None
    el.attrib.clear()
    out = etree.tostring(el, encoding="unicode", method="html", with_tail=False)
    start, end = f"<{el.tag}>", f"</{el.tag}>"
    if out.startswith(start) and out.endswith(end) and len(out) >= len(start) + len(end):
        return (head + out[len(start) : len(out) - len(end)]).strip()
    parts = [etree.tostring(child, encoding="unicode", method="html") for child in el]
    return (head + "".join(parts)).strip()


Unit = tuple[str, Callable[[], None]]


class BodyCleaner:
    """Cleans copies of body nodes; links resolve against base (the page URL or <base href>)."""

    def __init__(self, base: str) -> None:
        self.base = base

    def clean(
        self,
        nodes: list[etree._Element],
        *,
        title: etree._Element | None = None,
        date: etree._Element | None = None,
        bylines: Iterable[etree._Element] = (),
        drop: Iterable[str] = (),
        strip_chrome: bool = True,
        index: PageIndex | None = None,
    ) -> tuple[str | None, list[str], list[str]]:
        """(body_html, byline texts, attachment URLs) of the nodes, from a cleaned copy.

        index: the page's PageIndex (the nodes' page), to skip drop selectors it cannot match.
        """
        if not nodes:
            return None, [], []
        given = list(bylines)
        wrapper = etree.Element("div")
        # The copies of the few elements we cut at (title, date line, bylines), found by their
        # child-index path, before anything is removed from the copy.
        mapping: dict[etree._Element, etree._Element] = {}
        wanted = [el for el in (title, date, *given) if el is not None]
        for node in nodes:
            clone = copy.deepcopy(node)
            clone.tail = None
            for el in wanted:
                if el not in mapping:
                    found = _counterpart(el, node, clone)
                    if found is not None:
                        mapping[el] = found
            wrapper.append(clone)
        if len(nodes) == 1:
            # One container: clean its copy directly so body_html is its inner HTML.
            wrapper = wrapper[0]
            wrapper.getparent().remove(wrapper)

        def copy_of(el: etree._Element | None) -> etree._Element | None:
            found = mapping.get(el) if el is not None else None
            ok = found is not None and found is not wrapper and attached(found, wrapper)
            return found if ok else None

        for query in drop:
            for el in run_query(wrapper, query, index):
                if is_element(el) and el is not wrapper:
                    drop_keep_tail(el)
        if (found := copy_of(title)) is not None:
            cut_before(wrapper, found, inclusive=True)
        if (found := copy_of(date)) is not None:
            # A date line above the text takes what precedes it along; one below, what follows.
            after = _text_after(wrapper, found)
            before = len(text_of(wrapper)) - len(text_of(found)) - after
            if before <= after:
                cut_before(wrapper, found, inclusive=True)
            else:
                cut_after(wrapper, found, inclusive=True)
        byline_texts = [text_of(el) for el in given if text_of(el)]
        for el in given:
            if (found := copy_of(el)) is not None:
                drop_keep_tail(found)
        etree.strip_elements(wrapper, etree.Comment, etree.ProcessingInstruction, with_tail=False)
        if strip_chrome:
            for el in [e for e in wrapper.iterdescendants() if is_element(e) and is_chrome(e)]:
                if attached(el, wrapper):
                    drop_keep_tail(el)
        self.cut_related(wrapper)
        self.trim_tail(wrapper)
        if not given:
            byline_texts = self.take_tail_bylines(wrapper)
        self.trim_head(wrapper)
        self.absolutize(wrapper)
        attachments = self.attachments(wrapper)
        return _inner_html_of_copy(wrapper) or None, byline_texts, attachments

    # -- trimming --------------------------------------------------------------------------

    def is_junk(self, el: etree._Element) -> bool:
        """Empty blocks, <br>s, and short link-only or tool lines ("In bài | Quay lại")."""
        if not is_element(el) or el.tag == "br":
            return True
        text = text_of(el)
        if not text:
            return not has_media(el)
        if len(text) > 80 or has_media(el) or is_byline(text):
            return False
        if any(is_attachment(href_of(a, self.base) or "") for a in el.iter("a")):
            return False
        return link_text(el) >= 0.6 * len(text) or bool(_JUNK_LINE.match(text))

    def trim_tail(self, node: etree._Element) -> None:
        """Remove junk from the end of node, descending into its last child."""
        while len(node):
            last = node[-1]
            if last.tail and last.tail.strip():
                return
            if self.is_junk(last):
                node.remove(last)
                continue
            if is_element(last) and len(last) and last.tag not in MEDIA:
                self.trim_tail(last)
            return

    def trim_head(self, node: etree._Element) -> None:
        """Drop <br>s and empty blocks left at the start once title and date line are cut."""
        while len(node) and not (node.text or "").strip():
            first = node[0]
            if (
                not is_element(first)
                or first.tag == "br"
                or (not text_of(first) and not has_media(first))
            ):
                drop_keep_tail(first)
                continue
            return

    def cut_related(self, wrapper: etree._Element) -> None:
        """Remove an "other news" heading ("Các tin khác:") and everything after it."""
        # Text nodes in page order; only the few that may start a heading are looked up.
        hints = [i for i, text in enumerate(_PLAIN_TEXTS(wrapper)) if _related_hint(text)]
        for i in hints:
            found = _TEXT_AT(wrapper, n=i + 1)
            if not found:
                continue
            node = found[0]
            if getattr(node, "is_tail", False):
                continue
            owner = node.getparent()
            if owner is None or owner is wrapper or not attached(owner, wrapper):
                continue
            if is_related_heading(text_of(owner)):
                cut_after(wrapper, heading_top(owner), inclusive=True)
                return

    # -- byline ----------------------------------------------------------------------------

    def last_unit(self, node: etree._Element) -> Unit | None:
        """The last line or paragraph under node, with a function that removes it."""
        parts: list[str] = []
        run: list[etree._Element] = []
        tails: list[etree._Element] = []
        reached_start = True
        for child in reversed(list(node)):
            if child.tail and child.tail.strip():
                parts.insert(0, child.tail)
                tails.append(child)
            if not is_element(child):
                continue
            if child.tag != "br" and child.tag not in BLOCK_TAGS:
                run.insert(0, child)
                parts.insert(0, text_of(child))
                continue
            if norm_space(" ".join(parts)):
                reached_start = False
                break
            if child.tag == "br":
                continue
            # A wrapper, or a paragraph whose last <br>-line may be the byline: look inside.
            if _has_block_child(child) or child.find("br") is not None:
                return self.last_unit(child)
            text = text_of(child)
            if len(text) > 300:
                return self.last_unit(child)
            if not text:
                if has_media(child):
                    return None
                continue
            return text, lambda c=child: drop_keep_tail(c)
        head = reached_start and bool(node.text and node.text.strip())
        if head:
            parts.insert(0, node.text)
        text = norm_space(" ".join(parts))
        if not text:
            return None

        def remove() -> None:
            for el in tails:
                el.tail = None
            for el in run:
                if el.getparent() is not None:
                    el.getparent().remove(el)
            if head:
                node.text = None

        return text, remove

    def take_tail_bylines(self, wrapper: etree._Element) -> list[str]:
        """Remove and return the 1-3 closing lines that is_byline() accepts, in page order."""
        found: list[str] = []
        for _ in range(3):
            unit = self.last_unit(wrapper)
            if unit is None:
                break
            text, remove = unit
            if len(text) > MAX_BYLINE or not is_byline(text):
                break
            found.insert(0, text)
            remove()
            self.trim_tail(wrapper)
        return found

    # -- links -----------------------------------------------------------------------------

    def absolutize(self, wrapper: etree._Element) -> None:
        """Rewrite links and image sources against the page URL, so the body stands alone."""
        for el in wrapper.iter("a", "img", "source", "video", "audio", "embed", "iframe"):
            for attr in ("href", "src"):
                value = el.get(attr)
                if value and not value.startswith(("#", "data:", "javascript:", "mailto:")):
                    el.set(attr, urljoin(self.base, value.strip()))

    def attachments(self, wrapper: etree._Element) -> list[str]:
        """Absolute URLs of images, media and linked files (PDF, DOC, ...) in the body."""
        urls: list[str] = []
        for el in wrapper.iter("img", "a", "source", "video", "audio", "embed", "object"):
            if el.tag == "img":
                # Lazy-loading themes keep the real image in data-src behind a data: placeholder.
                src = el.get("data-src") or el.get("data-original") or el.get("src")
            elif el.tag == "a":
                url = absolute_url(el.get("href"), self.base)
                if url is not None and is_attachment(url):
                    urls.append(url)
                continue
            elif el.tag == "object":
                src = el.get("data")
            else:
                src = el.get("src")
            url = absolute_url(src, self.base)
            if url:
                urls.append(url)
        return list(dict.fromkeys(urls))
