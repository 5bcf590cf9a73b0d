"""Read one article page: body by paragraph density, then title, date line, byline and category.

A site profile fills in what its selectors found (title element, body nodes, ...); whatever is
still missing is inferred here, and the body is cleaned the same way in both cases, so a profile
and the automatic extractor agree on what "the body" and "the byline" are.
"""

from __future__ import annotations

import re
from collections import defaultdict
from urllib.parse import urljoin

from lxml import etree

from normalize.bylines import is_byline

from .base import RawArticle
from .bodyclean import MAX_BYLINE, RELATED_HINT, BodyCleaner, heading_top, link_text
from .dateline import (
    MAX_LINE,
    date_elements,
    date_hint_count,
    extra_words,
    only_labels,
    refine_date_element,
    shows_date,
)
from .dom import (
    BLOCK_TAGS,
    VISIBLE_TEXTS,
    ChromeCache,
    PageIndex,
    ancestors_or_self,
    contains,
    is_element,
    is_related_heading,
    lca,
    named,
    norm_space,
    text_of,
    words,
)
from .links import href_of
from .pagemeta import (
    active_menu_item,
    breadcrumb_category,
    canonical_url,
    clean_category,
    jsonld_date,
    meta_content,
    meta_date,
    meta_map,
    page_elements,
    rel_category,
)

__all__ = ["ArticleContext"]

HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_HEADING_WEIGHT = {"h1": 6.0, "h2": 4.0, "h3": 3.0, "h4": 2.0}
_BOLD = frozenset(["b", "strong", "font"])
_TITLE_ATTR = re.compile(r"title|tieu-?de|tieude|headline|heading", re.I)
_TITLE_NAMES = re.compile(r"title|tieu-?de|tieude|headline", re.I)
_TITLE_TAGS = frozenset("h1 h2 h3 h4 b strong font".split())
_TITLE_SPLIT = re.compile(r"\s+[|–—-]\s+|\s*::\s*|\s+[»|]\s+")
_SITE_NAME = re.compile(
    r"cổng|trang thông tin|trang tin|portal|website|ủy ban|uỷ ban|ubnd|\.vn\b|\.com\b|\.gov\b", re.I
)
# Compiled once. "//@a[test]/.." finds the same elements, in the same order, as "//*[test on @a]"
# but tests only the elements that have the attribute: 4-5x faster in libxml2. "/descendant::*"
# is what "//" selects here, spelled so that libxml2 does not first list every node of the page
# (~30% faster; the same for "//x//text()" below).
_AUTHOR_QUERIES = tuple(
    etree.XPath(query)
    for query in (
        "/descendant::*/@itemprop[. = 'author']/..",
        "/descendant::*/@rel[. = 'author']/..",
        "/descendant::*/@class[contains(concat(' ', normalize-space(.), ' '), ' author ')"
        " or contains(concat(' ', normalize-space(.), ' '), ' byline ')"
        " or contains(., 'tac-gia') or contains(., 'tacgia') or contains(., 'nguon-tin')]/..",
    )
)
_BODY_TEXTS = etree.XPath(
    "/descendant::body/descendant::text()[not(parent::script or parent::style)]"
)
_ALL_TEXTS = etree.XPath("/descendant::text()[not(parent::script or parent::style)]")
_HEAD_TITLE = etree.XPath("/descendant::title/descendant::text()", smart_strings=False)
_GENERIC_AUTHOR = re.compile(
    r"^(?:admin|administrator|quản trị(?: viên)?|quantri|super user|webmaster|ban biên tập|bbt)$",
    re.I,
)
_AUTHOR_LABEL = re.compile(
    r"^(?:đăng bởi|người đăng|viết bởi|tác giả|posted by|by|bởi)\s*:?\s*", re.I
)
_UPDATED = re.compile(r"^(?!.*publish).*(?:updated|modified|cap-?nhat)", re.I)


def _starts_line(el: etree._Element) -> bool:
    prev = el.getprevious()
    while prev is not None and not is_element(prev):
        prev = prev.getprevious()
    if prev is None:
        parent = el.getparent()
        return parent is not None and not (parent.text or "").strip()
    return (prev.tag == "br" or prev.tag in BLOCK_TAGS) and not (prev.tail or "").strip()


def _site_names(metas: dict[str, str]) -> set[str]:
    name = meta_content(metas, "og:site_name", "application-name")
    return {name.lower()} if name else set()


class ArticleContext:
    """One article page: fields a profile found are kept, the rest inferred, the body cleaned."""

    def __init__(self, root: etree._Element, url: str) -> None:
        self.root = root
        self.url = url
        base = [h for el in page_elements(root, "base") if (h := el.get("href")) is not None]
        # Old static sites set <base href>; relative links then resolve against it, not the URL.
        self.base = urljoin(url, base[0].strip()) if base and base[0].strip() else url
        self.title_el: etree._Element | None = None
        self.title_text: str | None = None
        self.date_el: etree._Element | None = None
        self.published_meta: str | None = None
        self.body_nodes: list[etree._Element] = []
        self.byline_els: list[etree._Element] = []
        self.category: str | None = None
        self.body_drop: tuple[str, ...] = ()
        self.extra_attachments: list[str] = []
        self.index: PageIndex | None = None  # the page's class index, when a profile made one
        self.track_fallbacks = False
        self.fallbacks: list[str] = []
        self.in_chrome = ChromeCache()
        self._order: dict[etree._Element, int] | None = None
        self._related: set[etree._Element] | None = None
        self._texts: list | None = None
        self._metas: dict[str, str] | None = None
        self._auto_body = False
        self._from_trafilatura = False

    # -- shared lookups ------------------------------------------------------------------

    @property
    def metas(self) -> dict[str, str]:
        """The page's <meta> values, read once."""
        if self._metas is None:
            self._metas = meta_map(self.root)
        return self._metas

    @property
    def order(self) -> dict[etree._Element, int]:
        """Document position of every node, built once on first use."""
        if self._order is None:
            self._order = {el: i for i, el in enumerate(self.root.iter())}
        return self._order

    def _end(self, el: etree._Element) -> int:
        last = el
        for last in el.iter():  # noqa: B007 - we want the last node of the subtree
            pass
        return self.order[last]

    def _body_texts(self) -> list:
        """Every visible text node of the page, fetched once."""
        if self._texts is None:
            self._texts = _BODY_TEXTS(self.root) or _ALL_TEXTS(self.root)
        return self._texts

    def _related_heads(self) -> set[etree._Element]:
        if self._related is None:
            self._related = set()
            for node in self._body_texts():
                stripped = node.strip()
                if not stripped or len(stripped) > 45 or not RELATED_HINT.match(stripped):
                    continue
                owner = node.getparent()
                if getattr(node, "is_tail", False):
                    continue
                if owner is None or not is_related_heading(text_of(owner)):
                    continue
                self._related.add(heading_top(owner))
        return self._related

    def in_related(self, el: etree._Element) -> bool:
        """Whether el is an 'other news' heading or comes after one among its siblings."""
        heads = self._related_heads()
        if not heads:
            return False
        for node in ancestors_or_self(el):
            if node in heads:
                return True
            for sib in node.itersiblings(preceding=True):
                if sib in heads:
                    return True
        return False

    def _links_elsewhere(self, el: etree._Element) -> bool:
        anchor = el if el.tag == "a" else next(el.iterancestors("a"), None)
        if anchor is None:
            inner = el.find(".//a")
            if inner is not None and text_of(inner) == text_of(el):
                anchor = inner
        if anchor is None:
            return False
        target = href_of(anchor, self.base)
        return target is not None and target.rstrip("/") != self.url.rstrip("/")

    # -- body ------------------------------------------------------------------------------

    def _score_containers(self) -> etree._Element | None:
        """The element holding the most paragraph text (links, chrome, headings not counted)."""
        texts = self._body_texts()
        info: dict[etree._Element, tuple[etree._Element | None, bool, bool]] = {}
        own: dict[etree._Element, int] = defaultdict(int)
        linked: dict[etree._Element, int] = defaultdict(int)
        for node in texts:
            size = len(node.strip())
            if not size:
                continue
            owner = node.getparent()
            if getattr(node, "is_tail", False) and owner is not None:
                owner = owner.getparent()
            if owner is None:
                continue
            block, in_link, skip = self._block_info(owner, info)
            if skip or block is None:
                continue
            (linked if in_link else own)[block] += size
        scores: dict[etree._Element, float] = defaultdict(float)
        for block, size in own.items():
            if size < 25 or linked.get(block, 0) > size or block.tag in HEADINGS:
                continue
            # A paragraph scores for its container; a cell or a <br>-broken block is a container.
            if block.tag in ("td", "th", "body") or len(block.findall("br")) >= 2:
                target = block
            else:
                target = block.getparent()
            if target is None:
                continue
            scores[target] += size
            parent = target.getparent()
            if parent is not None:
                scores[parent] += size * 0.25
        if not scores:
            return None
        best = max(scores, key=scores.__getitem__)
        return best if scores[best] >= 80 else None

    def _block_info(self, el, info):
        chain = []
        node = el
        while node is not None and node not in info:
            chain.append(node)
            node = node.getparent()
        state = info[node] if node is not None else (None, False, False)
        for item in reversed(chain):
            block, in_link, skip = state
            tag = item.tag
            state = (
                item if tag in BLOCK_TAGS else block,
                in_link or tag == "a",
                skip or self.in_chrome(item),
            )
            info[item] = state
        return info[el]

    def _merge_lead(self, container: etree._Element) -> list[etree._Element]:
        """Add the lead (sapo) kept in a sibling block just before the chosen container."""
        if container.tag in ("td", "th", "tr", "body"):
            return [container]
        nodes = [container]
        stops = [el for el in (self.title_el, self.date_el) if el is not None]
        for sib in container.itersiblings(preceding=True):
            if not is_element(sib):
                continue
            if any(contains(sib, s) or contains(s, sib) for s in stops) or self.in_chrome(sib):
                break
            text = text_of(sib)
            if not text:
                continue
            if len(text) < 40 or link_text(sib) > 0.3 * len(text) or sib.tag in HEADINGS:
                break
            if shows_date(text) and len(text) <= MAX_LINE:
                break
            nodes.insert(0, sib)
        return nodes

    def _body_start(self) -> int | None:
        """Position of the first real paragraph text of the body (not a heading, link or bold)."""
        if not self.body_nodes:
            return None
        for top in self.body_nodes:
            for node in VISIBLE_TEXTS(top):
                if len(node.strip()) < 50:
                    continue
                owner = node.getparent()
                anchor = owner
                if getattr(node, "is_tail", False):
                    owner = owner.getparent()
                if owner is None or self._heading_like(owner, top):
                    continue
                return self.order[anchor]
        return self.order[self.body_nodes[0]]

    @staticmethod
    def _heading_like(el: etree._Element, stop: etree._Element) -> bool:
        for node in ancestors_or_self(el):
            tag = node.tag
            if tag in HEADINGS or tag in ("b", "strong", "a"):
                return True
            if _TITLE_ATTR.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
                return True
            if node is stop:
                return False
        return False

    # -- title -----------------------------------------------------------------------------

    def _meta_titles(self) -> list[tuple[str, bool]]:
        """Title texts from og:title (True) and <title> (False), site names split off."""
        sites = _site_names(self.metas)
        found: list[tuple[str, bool]] = []
        head_title = norm_space(" ".join(_HEAD_TITLE(self.root)))
        for value, is_og in (
            (meta_content(self.metas, "og:title", "twitter:title"), True),
            (head_title, False),
        ):
            if not value:
                continue
            parts = [p.strip() for p in _TITLE_SPLIT.split(value) if p.strip()]
            kept = [p for p in parts if p.lower() not in sites and not _SITE_NAME.search(p)]
            if kept:
                found.append((max(kept, key=len), is_og))
                if len(kept) > 1:
                    found.append((value, is_og))
        return found

    def _auto_title(self) -> None:
        metas = [(m.lower(), is_og) for m, is_og in self._meta_titles()]
        start = self._body_start()
        best, best_score = None, float("-inf")
        for el in named(self.root, _TITLE_NAMES, _TITLE_TAGS):
            pos = self.order.get(el)
            if pos is None or (start is not None and pos > start):
                continue
            tag = el.tag
            if self.in_chrome(el):
                continue
            text = text_of(el)
            count = words(text)
            if count < 3 or count > 60 or len(text) > 400:
                continue
            if is_related_heading(text) or (shows_date(text) and count <= 8):
                continue
            if tag in _BOLD and (not _starts_line(el) or text.endswith((".", ":", ";"))):
                continue
            score = _HEADING_WEIGHT.get(tag, 0.0) + min(count, 15) / 5
            attrs = f"{el.get('class') or ''} {el.get('id') or ''}"
            if _TITLE_ATTR.search(attrs):
                score += 3
            low = text.lower()
            for meta, is_og in metas:
                if low == meta or (len(low) >= 20 and (low in meta or meta in low)):
                    # Liferay names a page after its section, so a short heading equal to
                    # <title> is the section name ("Hoạt động các phường"), not the article.
                    score += 6 if is_og or count >= 6 else -2
                    break
            if text.endswith(".") and tag not in HEADINGS:
                score -= 3
            if self._links_elsewhere(el):
                score -= 8
            if start is not None:
                score += 5 - (start - pos) / 40
            if score > best_score:
                best, best_score = el, score
        if best is not None and best_score > 0:
            self.title_el = best
            self.title_text = text_of(best)
        else:
            metas_raw = self._meta_titles()
            self.title_text = metas_raw[0][0] if metas_raw else None

    # -- date line -------------------------------------------------------------------------

    def _date_skip(self, el: etree._Element) -> bool:
        if self.in_chrome(el) or self.in_related(el):
            return True
        if self.title_el is not None and (
            contains(self.title_el, el) or contains(el, self.title_el)
        ):
            return True
        if el.tag != "time" and self._links_elsewhere(el):
            return True
        for top in self.body_nodes:
            if contains(top, el) and el is not top:
                return not self._at_body_edge(top, el)
        return False

    def _in_body(self, el: etree._Element) -> bool:
        return any(contains(top, el) for top in self.body_nodes)

    @staticmethod
    def _at_body_edge(top: etree._Element, el: etree._Element) -> bool:
        child = el
        while child.getparent() is not top:
            child = child.getparent()
        kids = [k for k in top if is_element(k) and text_of(k)]
        return child in kids[:3] or child in kids[-2:]

    def _auto_date(self) -> None:
        anchors = [el for el in (self.title_el, *self.body_nodes[:1]) if el is not None]
        if not anchors:
            return
        region = lca(anchors[0], anchors[-1]) if len(anchors) == 2 else anchors[0].getparent()
        candidates: list[etree._Element] = []
        for _ in range(4):
            if region is None or region.tag == "html":
                break
            candidates = [refine_date_element(el) for el in date_elements(region, self._date_skip)]
            if candidates:
                break
            region = region.getparent()
        if not candidates:
            return
        title_end = self._end(self.title_el) if self.title_el is not None else None
        start = self._body_start()
        body_end = self._end(self.body_nodes[-1]) if self.body_nodes else None
        best, best_score = None, float("-inf")
        for el in dict.fromkeys(candidates):
            text = text_of(el)
            # A sentence that cites a date ("Vừa qua, ... (8/3/1910 - 8/3/2022).") is not a
            # date line; inside the body only a bare line ("Cập nhật: 12/03/2016") can be.
            if len(text) > MAX_LINE or extra_words(text) > 6:
                continue
            if self._in_body(el) and not only_labels(text):
                continue
            pos = self.order[el]
            if title_end is not None and pos > title_end and (start is None or pos <= start):
                score = 1000.0 - (pos - title_end)
            elif title_end is None and start is not None and pos <= start:
                score = 800.0 - (start - pos)
            elif body_end is not None and pos > body_end:
                score = 500.0 - (pos - body_end)
            elif start is not None and pos > start:
                score = 400.0 - (pos - start) / 10
            else:
                score = 100.0 - ((title_end or pos) - pos)
            if date_hint_count(text) == 1 and only_labels(text):
                score += 300
            if _UPDATED.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
                # WordPress prints <time class="updated"> next to the published one (CSS hides it).
                score -= 200
            if score > best_score:
                best, best_score = el, score
        self.date_el = best

    # -- byline ----------------------------------------------------------------------------

    def _outside_byline(self) -> str | None:
        """A byline next to the body (the sibling after it) or in an author element."""
        if self.body_nodes:
            sib = self.body_nodes[-1].getnext()
            for _ in range(2):
                if sib is None:
                    break
                if is_element(sib):
                    text = text_of(sib)
                    if (
                        text
                        and len(text) <= MAX_BYLINE
                        and is_byline(text)
                        and not self.in_chrome(sib)
                    ):
                        return text
                    if text:
                        break
                sib = sib.getnext()
        for query in _AUTHOR_QUERIES:
            for el in query(self.root):
                if self.in_chrome(el) or el.tag == "link":
                    continue
                text = _AUTHOR_LABEL.sub("", text_of(el)).strip()
                if text and words(text) <= 12 and not _GENERIC_AUTHOR.match(text):
                    return text
        return None

    def _clean_body(self) -> tuple[str | None, list[str], list[str]]:
        """Body HTML, byline texts and attachments from a cleaned copy of the body nodes."""
        body_html, bylines, attachments = BodyCleaner(self.base).clean(
            self.body_nodes,
            title=self.title_el,
            date=self.date_el,
            bylines=self.byline_els,
            drop=self.body_drop,
            # The class index describes the page; trafilatura's tree is a new document.
            index=None if self._from_trafilatura else self.index,
            # trafilatura's output keeps the page's classes but is already free of chrome.
            strip_chrome=not self._from_trafilatura,
        )
        return body_html, bylines, list(dict.fromkeys(attachments + self.extra_attachments))

    def _trafilatura_body(self) -> etree._Element | None:
        # Last resort only: trafilatura is ~50x slower than the heuristics above.
        import trafilatura

        html = etree.tostring(self.root, encoding="unicode", method="html")
        result = trafilatura.extract(
            html, output_format="html", include_tables=True, include_comments=False, url=self.url
        )
        if not result:
            return None
        tree = etree.fromstring(result, etree.HTMLParser())
        body = tree.find(".//body")
        return body if body is not None and text_of(body) else None

    # -- other fields ----------------------------------------------------------------------

    def _machine_date(self) -> str | None:
        found = meta_date(self.root, self.metas)
        if found:
            return found
        for el in self.root.iter("time"):
            value = el.get("datetime")
            if value and not self.in_chrome(el) and not self.in_related(el):
                return value.strip()
        return jsonld_date(self.root)

    def _section_heading(self) -> str | None:
        if self.title_el is None:
            return None
        pos = self.order[self.title_el]
        region = self.title_el.getparent()
        for _ in range(3):
            if region is None or region.getparent() is None:
                break
            region = region.getparent()
        if region is None:
            return None
        best = None
        for el in named(region, _TITLE_NAMES, _TITLE_TAGS):
            if self.order.get(el, pos) >= pos or el.tag in _BOLD or self.in_chrome(el):
                continue
            text = text_of(el)
            if 1 <= words(text) <= 10 and not shows_date(text) and not is_related_heading(text):
                if not self._links_elsewhere(el) or el.tag in HEADINGS:
                    best = text
        return best

    def _auto_category(self) -> str | None:
        found = (
            breadcrumb_category(self.root, self.title_text)
            or rel_category(self.root, self.metas)
            or self._section_heading()
            or active_menu_item(self.root)
        )
        return clean_category(found)

    # -- assembly --------------------------------------------------------------------------

    def _note(self, field: str) -> None:
        if self.track_fallbacks:
            self.fallbacks.append(field)

    def build(self) -> RawArticle:
        """Fill in every field not set yet and return the article's raw strings."""
        container = None
        if not self.body_nodes:
            container = self._score_containers()
            if container is not None:
                self.body_nodes = [container]
                self._auto_body = True
        if self.title_el is None and not self.title_text:
            self._note("title")
            self._auto_title()
        elif self.title_el is not None and not self.title_text:
            self.title_text = text_of(self.title_el)
        if self.date_el is None:
            self._note("published_raw")
            self._auto_date()
        else:
            self.date_el = refine_date_element(self.date_el)
        if container is not None:
            self.body_nodes = self._merge_lead(container)
        if self._auto_body or not self.body_nodes:
            self._note("body_html")
        used_trafilatura = False
        if not self.body_nodes:
            body = self._trafilatura_body()
            if body is not None:
                self.body_nodes = [body]
                used_trafilatura = self._from_trafilatura = True
        body_html, bylines, attachments = self._clean_body()
        if used_trafilatura:
            self.body_nodes = []
            self._note("trafilatura")
        # Several closing lines ("Bài, ảnh: Minh Châu" / "Nguồn: Báo SGGP") read as one byline
        # joined by " - ", the separator split_byline() already understands.
        byline = " - ".join(bylines) if bylines else None
        if byline is None:
            byline = self._outside_byline()
        if self.published_meta is None:
            self.published_meta = self._machine_date()
        if not self.category:
            self._note("category")
            self.category = self._auto_category()
        else:
            self.category = clean_category(self.category)
        return RawArticle(
            title=self.title_text or None,
            published_raw=(text_of(self.date_el) or None) if self.date_el is not None else None,
            published_meta=self.published_meta,
            byline_raw=byline,
            body_html=body_html,
            category=self.category,
            canonical_url=canonical_url(self.root, self.metas, self.base, self.url),
            author_meta=meta_content(self.metas, "author", "article:author", "dc.creator"),
            attachments=attachments,
            fallbacks=list(dict.fromkeys(self.fallbacks)),
        )
