"""lxml helpers shared by the profiles: visible text, page chrome, inner HTML, selector queries."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from lxml import etree
from parsel.csstranslator import HTMLTranslator

__all__ = [
    "BLOCK_TAGS",
    "ChromeCache",
    "ancestors_or_self",
    "attached",
    "contains",
    "lca",
    "compile_query",
    "drop_keep_tail",
    "first_match",
    "html_to_text",
    "inner_html",
    "is_chrome",
    "is_element",
    "is_related_heading",
    "iter_elements",
    "norm_space",
    "run_query",
    "text_of",
    "words",
    "named",
]

# Elements that start a new line when rendered; text on either side must not run together.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre "
    "section summary table tbody td tfoot th thead tr ul".split()
)
# Never visible text (or not article text at all).
SKIP_TAGS = frozenset(
    "script style noscript template svg select option button input textarea head title".split()
)
_INVISIBLE_CHARS = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00ad"), None)

# Class/id names that mark site chrome, matched in one pass over "class id" (lower-cased).
# Substrings are safe where no article container uses them ("menu", "sidebar", "share");
# short words only count as whole words or hyphen/underscore parts ("page-header" holds the
# Joomla title, "canvas" contains "nav", WordPress marks each post "tag-<slug>").
_CHROME_NAMES = re.compile(
    r"menu|sidebar|side-bar|breadcrumb|footer|masthead|site-header|share|sharing|social|addthis"
    r"|comment|discussion|binh-?luan|binhluan|related|tin-?khac|tinkhac|other-?news|othernews"
    r"|lien-?quan|widget|advert|quang-?cao|quangcao|copyright|pagination|paging|pager"
    r"|page-iterator|page-links|navbar|navigation|toolbar|hotline|marquee|ratings|asset-links"
    r"|cat-links|categories|lfr-meta-actions|icons-print|print-email|bookmark-?social"
    r"|(?:^|[\s_-])(?:nav|tags|search|login|ads|rss|poll|print|tools|gop-?y|ykien|y-kien)"
    r"(?=$|[\s_-])"
    r"|(?:^|[\s_-])tag(?=$|\s)|(?:^|\s)tag-?(?:cloud|links|list)(?=$|\s)"
    r"|(?:^|\s)(?:header|topbar|banner|logo|branding|hidden|hide|d-none)(?=$|\s)"
)
# A wrapper that holds the page's main content is never chrome, whatever its class says
# (Joomla's Protostar wraps the whole page in <div class="body" id="top">).
_HOLDS_MAIN = etree.XPath(
    "boolean(.//main | .//article | .//*[@role='main'] | .//*[@itemprop='articleBody'] | .//h1)"
)
_CHROME_TAGS = frozenset("nav aside footer menu".split())
_CHROME_ROLES = frozenset("navigation banner contentinfo complementary search".split())
# Visually hidden text (for screen readers): "Đăng vào" before a WordPress date, "về <title>"
# inside Liferay's "Xem tiếp" link. Not what a reader sees, so not part of any raw string.
_SR_ONLY = re.compile(
    r"screen-reader-text|sr-only|visually-hidden|element-invisible|hide-accessible"
    r"|helper-hidden-accessible|td-visual-hidden"
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

# Headings of "other news" blocks under an article: everything after them is not the article.
_RELATED_HEADING = re.compile(
    r"^(?:các\s+)?(?:tin|bài(?:\s+viết)?|tin\s+bài|tin\s+tức)\s+"
    r"(?:khác|liên\s+quan|cùng\s+(?:chuyên\s+mục|loại|danh\s+mục)|đã\s+đưa|mới(?:\s+hơn|\s+nhất)?"
    r"|cũ\s+hơn|nổi\s+bật|đọc\s+nhiều(?:\s+nhất)?|xem\s+nhiều(?:\s+nhất)?|trước|tiếp\s+theo)"
    r"|^xem\s+thêm(?:\s+tin)?$|^(?:related|other)\s+(?:posts|news|articles)$|^bình\s+luận$"
    r"|^ý\s+kiến\s+bạn\s+đọc$|^gửi\s+(?:bình\s+luận|ý\s+kiến)$",
    re.I,
)


def is_element(node: object) -> bool:
    """True for real elements, False for comments and processing instructions."""
    return isinstance(getattr(node, "tag", None), str)


def norm_space(text: str | None) -> str:
    """Collapse whitespace (nbsp too), drop zero-width characters: ' a\\xa0 b ' -> 'a b'."""
    if not text:
        return ""
    return " ".join(text.translate(_INVISIBLE_CHARS).split())


def words(text: str) -> int:
    """Number of space-separated words (Vietnamese: syllables) in normalised text."""
    return len(text.split())


def _hidden(el: etree._Element) -> bool:
    cls = el.get("class")
    return bool(cls) and _SR_ONLY.search(cls) is not None


def _collect(el: etree._Element, parts: list[str]) -> None:
    tag = el.tag
    if not isinstance(tag, str) or tag in SKIP_TAGS or _hidden(el):
        return
    block = tag in BLOCK_TAGS or tag == "br"
    if block:
        parts.append(" ")
    if el.text:
        parts.append(el.text)
    for child in el:
        _collect(child, parts)
        if child.tail:
            parts.append(child.tail)
    if block:
        parts.append(" ")


def text_of(el: etree._Element | None) -> str:
    """Visible text of an element, whitespace-normalised; block boundaries become spaces."""
    if el is None:
        return ""
    parts: list[str] = []
    _collect(el, parts)
    return norm_space("".join(parts))


def _block_lines(el: etree._Element, out: list[list[str]]) -> None:
    tag = el.tag
    if not isinstance(tag, str) or tag in SKIP_TAGS or _hidden(el):
        return
    block = tag in BLOCK_TAGS
    if block or tag == "br":
        out.append([])
    if el.text:
        out[-1].append(el.text)
    for child in el:
        _block_lines(child, out)
        if child.tail:
            out[-1].append(child.tail)
    if block:
        out.append([])


def html_to_text(fragment: str | etree._Element | None) -> str:
    """Plain text of an HTML fragment: a line per block or <br>, joined by blank lines."""
    if fragment is None:
        return ""
    if isinstance(fragment, str):
        if not fragment.strip():
            return ""
        el = etree.fromstring(f"<div>{fragment}</div>", etree.HTMLParser()).find(".//body/div")
        if el is None:
            return ""
    else:
        el = fragment
    lines: list[list[str]] = [[]]
    _block_lines(el, lines)
    paragraphs = (norm_space("".join(line)) for line in lines)
    return "\n\n".join(p for p in paragraphs if p)


def is_chrome(el: etree._Element) -> bool:
    """Whether this element is page furniture (menu, sidebar, share bar, comments, hidden block)."""
    tag = el.tag
    if not isinstance(tag, str):
        return True
    if tag in _CHROME_TAGS or tag in SKIP_TAGS:
        return True
    if tag == "header":
        # Site headers are chrome; <header class="entry-header"> inside an article holds the title.
        return not any(a.tag in ("article", "main") for a in el.iterancestors())
    if tag in ("html", "body"):
        return False
    role = el.get("role")
    if role and role.lower() in _CHROME_ROLES:
        return True
    style = el.get("style")
    if (style and _HIDDEN_STYLE.search(style)) or el.get("hidden") is not None or _hidden(el):
        return True
    cls, ident = el.get("class"), el.get("id")
    if not cls and not ident:
        return False
    if _chrome_names(f"{cls or ''} {ident or ''}"):
        return not _HOLDS_MAIN(el)
    return False


@lru_cache(maxsize=8192)
def _chrome_names(attrs: str) -> bool:
    # Cached: the same few hundred class strings repeat on every page of a site.
    return _CHROME_NAMES.search(attrs.lower()) is not None


def is_related_heading(text: str) -> bool:
    """Whether a short heading introduces an 'other news' list: 'Các tin khác', 'Tin liên quan:'."""
    text = norm_space(text).strip(" :.-–»>|").strip()
    return 0 < len(text) <= 40 and bool(_RELATED_HEADING.search(text))


def drop_keep_tail(el: etree._Element) -> None:
    """Remove an element from its parent but keep the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def inner_html(el: etree._Element) -> str:
    """Serialise an element's content (not its own tag) as HTML."""
    parts = [html.escape(el.text, quote=False)] if el.text else []
    parts.extend(etree.tostring(child, encoding="unicode", method="html") for child in el)
    return "".join(parts).strip()


_TRANSLATOR = HTMLTranslator()


@lru_cache(maxsize=1024)
def compile_query(query: str) -> etree.XPath:
    """Compile a CSS selector (or an XPath starting with '/', './' or '(') once, for reuse."""
    q = query.strip()
    if q.startswith(("/", "./", "(")):
        xpath = q
    else:
        xpath = _TRANSLATOR.css_to_xpath(q)
    return etree.XPath(xpath, smart_strings=False)


def run_query(context: etree._Element, query: str) -> list:
    """Evaluate one compiled selector against an element; elements or strings, in page order."""
    result = compile_query(query)(context)
    if isinstance(result, list):
        return result
    return [result] if result else []


def first_match(context: etree._Element, queries: Iterable[str]) -> list:
    """Results of the first query (tried in order) that finds a non-empty element or string."""
    for query in queries:
        found = [r for r in run_query(context, query) if _non_empty(r)]
        if found:
            return found
    return []


def _non_empty(result: object) -> bool:
    if isinstance(result, str):
        return bool(result.strip())
    if is_element(result):
        return True
    return False


def iter_elements(root: etree._Element) -> Iterator[etree._Element]:
    """All elements under root (itself included), comments skipped."""
    return root.iter(etree.Element)


class ChromeCache:
    """is_chrome() over an element and its ancestors, memoised for one page."""

    def __init__(self) -> None:
        self._known: dict[etree._Element, bool] = {}

    def __call__(self, el: etree._Element) -> bool:
        """Whether el or any ancestor is page furniture."""
        chain = []
        node = el
        while node is not None and node not in self._known:
            chain.append(node)
            node = node.getparent()
        state = self._known[node] if node is not None else False
        for item in reversed(chain):
            state = state or is_chrome(item)
            self._known[item] = state
        return self._known[el]


def named(root: etree._Element, pattern: re.Pattern[str], tags: frozenset[str] = frozenset()):
    """Elements (page order) whose tag is in tags or whose "class id" matches pattern.

    A Python walk: lxml's XPath with many contains()/re:test() costs ~10 us per element,
    this costs well under 1 us.
    """
    test = _matcher(pattern)
    for el in root.iter(etree.Element):
        if el.tag in tags:
            yield el
            continue
        cls, ident = el.get("class"), el.get("id")
        if (cls or ident) and test(f"{cls or ''} {ident or ''}"):
            yield el


@lru_cache(maxsize=64)
def _matcher(pattern: re.Pattern[str]):
    return lru_cache(maxsize=8192)(lambda attrs: pattern.search(attrs) is not None)


def ancestors_or_self(el: etree._Element) -> Iterator[etree._Element]:
    """el, then its parent, grandparent, ... up to the root."""
    yield el
    yield from el.iterancestors()


def contains(outer: etree._Element, inner: etree._Element) -> bool:
    """Whether inner is outer or sits inside it."""
    return any(node is outer for node in ancestors_or_self(inner))


def attached(el: etree._Element, root: etree._Element) -> bool:
    """Whether el is still inside root (not cut away)."""
    return contains(root, el)


def lca(a: etree._Element, b: etree._Element) -> etree._Element | None:
    """The lowest element holding both a and b."""
    seen = set(ancestors_or_self(a))
    for node in ancestors_or_self(b):
        if node in seen:
            return node
    return None
