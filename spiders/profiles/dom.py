"""lxml helpers shared by the profiles: visible text, page chrome, inner HTML, selector queries."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import cssselect
from lxml import etree
from parsel.csstranslator import HTMLTranslator

__all__ = [
    "BLOCK_TAGS",
    "ChromeCache",
    "PageIndex",
    "VISIBLE_TEXTS",
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
_INVISIBLE_LIST = ("\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad")

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
    "boolean(descendant::main | descendant::article | descendant::*[@role='main']"
    " | descendant::*[@itemprop='articleBody'] | descendant::h1)"
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
    if text.isprintable():
        # Every whitespace character but " " and every zero-width one is unprintable (Unicode
        # separators and "other" characters), so only runs of " " can need collapsing, and a
        # text without them is its own result: split() and join() cost ~100x more per character.
        if text[0] != " " and text[-1] != " " and "  " not in text:
            return text if type(text) is str else str(text)
        return " ".join(text.split())
    if any(ch in text for ch in _INVISIBLE_LIST):  # memchr scans, far cheaper than a regex
        text = text.translate(_INVISIBLE_CHARS)
    return " ".join(text.split())


def words(text: str) -> int:
    """Number of space-separated words (Vietnamese: syllables) in normalised text."""
    return len(text.split())


@lru_cache(maxsize=8192)
def _sr_only(cls: str) -> bool:
    # Cached: the same class strings repeat on every page of a site.
    return _SR_ONLY.search(cls) is not None


def _hidden(el: etree._Element) -> bool:
    cls = el.get("class")
    return bool(cls) and _sr_only(cls)


def _collect(el: etree._Element, parts: list[str]) -> None:
    tag = el.tag
    if not isinstance(tag, str) or tag in SKIP_TAGS:
        return
    cls = el.get("class")
    if cls and _sr_only(cls):
        return
    append = parts.append
    block = tag in BLOCK_TAGS or tag == "br"
    if block:
        append(" ")
    text = el.text  # each .text/.tail read decodes the string anew: read once
    if text:
        append(text)
    for child in el:
        _collect(child, parts)
        tail = child.tail
        if tail:
            append(tail)
    if block:
        append(" ")


def text_of(el: etree._Element | None) -> str:
    """Visible text of an element, whitespace-normalised; block boundaries become spaces."""
    if el is None:
        return ""
    tag = el.tag
    if not isinstance(tag, str) or tag in SKIP_TAGS or _hidden(el):
        return ""
    # _collect(el) without el's own block spaces: they stand at the ends, which norm_space()
    # strips anyway, and without them a one-line paragraph is often normalised already.
    if not len(el):
        return norm_space(el.text)
    text = el.text
    parts: list[str] = [text] if text else []
    for child in el:
        _collect(child, parts)
        tail = child.tail
        if tail:
            parts.append(tail)
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
    if tag in ("html", "body") or not el.attrib:  # every test below reads an attribute
        return False
    role = el.get("role")
    if role and role.lower() in _CHROME_ROLES:
        return True
    cls = el.get("class")
    style = el.get("style")
    if (
        (style and _HIDDEN_STYLE.search(style))
        or el.get("hidden") is not None
        or (cls and _sr_only(cls))
    ):
        return True
    ident = el.get("id")
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


# The text nodes under an element that a reader sees (not script or style code), compiled once.
# "descendant::text()" is ".//text()" without libxml2 listing every node first (~20% faster).
VISIBLE_TEXTS = etree.XPath("descendant::text()[not(parent::script or parent::style)]")


@lru_cache(maxsize=1024)
def compile_query(query: str) -> etree.XPath:
    """Compile a CSS selector (or an XPath starting with '/', './' or '(') once, for reuse."""
    q = query.strip()
    if q.startswith(("/", "./", "(")):
        xpath = q
    else:
        xpath = _TRANSLATOR.css_to_xpath(q)
    return etree.XPath(xpath, smart_strings=False)


# -- page index: selector lookups without a whole-page XPath scan -----------------------------
#
# libxml2 evaluates a class selector (descendant-or-self::*[... @class ...]) by testing every
# element of the page: 100-150 us on a 200-element page, whether it finds something or not,
# and a profile tries a dozen of them per page. One read of every class attribute tells which
# selectors cannot match at all (a class they require is nowhere on the page), and runs the
# others from the few elements carrying their leading class.

# Smart strings: getparent() of each value is its element.
_CLASS_VALUES = etree.XPath("descendant-or-self::*/@class")
# Joins the class values in PageIndex: a whitespace character to str.split() (so tokens never
# span two values) that HTML attribute values do not hold (checked per page all the same).
_SEP = "\x1f"


@dataclass(frozen=True)
class _Plan:
    """What a CSS selector needs (class tokens) and how to run it from its leading class."""

    required: frozenset[str]  # every match needs all of these classes on the page
    anchor: str | None = None  # a class of the leftmost compound selector
    self_test: etree.XPath | None = None  # the whole selector, for one anchor element (self::)
    anchor_test: etree.XPath | None = None  # the leftmost compound only (self::) ...
    rest: etree.XPath | None = None  # ... and what follows a descendant combinator under it


def _required(tree: object, has: bool = True) -> set[str]:
    """Classes any match of a parsed selector (or compound) needs somewhere on the page.

    has=False: only the classes of the matched elements themselves (an anchor must carry
    one), not those :has() asks of their relatives.
    """
    if type(tree).__name__ == "CombinedSelector":
        return _required(tree.selector, has) | _required(tree.subselector, has)
    names = set()
    node = tree
    while node is not None:
        kind = type(node).__name__
        if kind == "Class":
            names.add(node.class_name)
        elif kind == "Negation":
            pass  # :not(.x) holds on pages without .x
        elif kind == "Relation":
            # a:has(.x) needs an element with class x on the page (inside, or next to, an a);
            # a:has(.x, .y) needs what both alternatives need.
            arguments = getattr(node, "arguments", None)
            if has and arguments:
                names |= frozenset.intersection(
                    *(frozenset(_required(sub.parsed_tree)) for _, sub in arguments)
                )
        elif kind not in ("Attrib", "Hash", "Pseudo", "Function"):
            break
        node = getattr(node, "selector", None)
    return names


def _split_descendant(query: str) -> tuple[str, str] | None | bool:
    """'A B > C' -> ('A', 'B > C'); False when the first combinator is not a descendant one;
    None when the selector is a single compound."""
    depth, quote, i = 0, "", 0
    while i < len(query):
        ch = query[i]
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif depth == 0 and ch in ">+~,":
            return False
        elif depth == 0 and ch.isspace():
            rest = query[i:].lstrip()
            if not rest or rest[0] in ">+~,":
                return False
            return query[:i], rest
        i += 1
    return None


@lru_cache(maxsize=1024)
def _plan(query: str) -> _Plan | None:
    """How to run a CSS selector from a page index; None for XPath and unusual selectors."""
    q = query.strip()
    if q.startswith(("/", "./", "(")):
        return None
    try:
        parsed = cssselect.parse(q)
    except cssselect.SelectorError:
        return None
    if len(parsed) != 1:
        return None  # a selector group: evaluated as a whole
    selector = parsed[0]
    required = frozenset(_required(selector.parsed_tree))
    pseudo = selector.pseudo_element
    # ::attr(x) values follow their element's order; ::text of nested anchors would not.
    pseudo_ok = pseudo is None or getattr(pseudo, "name", None) == "attr"
    split = _split_descendant(q)
    if split is None:
        anchor = sorted(_required(selector.parsed_tree, has=False))
        if not anchor or not pseudo_ok:
            return _Plan(required)
        self_test = etree.XPath(_TRANSLATOR.css_to_xpath(q, prefix="self::"), smart_strings=False)
        return _Plan(required, anchor[0], self_test=self_test)
    if split is False:
        return _Plan(required)
    left, right = split
    left_parsed = cssselect.parse(left)
    anchor = (
        sorted(_required(left_parsed[0].parsed_tree, has=False)) if len(left_parsed) == 1 else []
    )
    if not anchor or left_parsed[0].pseudo_element is not None:
        return _Plan(required)
    return _Plan(
        required,
        anchor[0],
        anchor_test=etree.XPath(_TRANSLATOR.css_to_xpath(left, prefix="self::")),
        rest=etree.XPath(
            _TRANSLATOR.css_to_xpath(right, prefix="descendant::"), smart_strings=False
        ),
    )


class PageIndex:
    """The class tokens of one page and the elements carrying each, read once.

    Pass it to run_query()/first_match() for any element of the same page (or a copy of a
    part of it): a selector needing a class the page does not use is skipped without a scan,
    and one led by a class is run from that class's elements only (when the context is the
    page's root). The results are those of the plain XPath evaluation.
    """

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self._values: list = _CLASS_VALUES(root)
        # Every class attribute in one string, joined by _SEP: str.find() locates a class's
        # elements without splitting each value (a token, which holds no whitespace, found
        # there lies inside one value), and counting the _SEPs before it tells which value.
        self._text = _SEP.join(self._values)
        # str.split() also splits at non-XML spaces (nbsp): a superset at worst, and every
        # element taken from here is checked against the whole selector again.
        self._tokens = frozenset(self._text.split())
        # token -> its elements, grouped on first use: a page is asked about a few classes.
        self._by_class: dict[str, list[etree._Element]] = {}
        self._sep_only_between: bool | None = None  # no value holds _SEP itself (checked once)

    def has_all(self, tokens: Iterable[str]) -> bool:
        """Whether every class token occurs somewhere on the page."""
        return self._tokens.issuperset(tokens)

    def _value_index(self, at: int) -> int:
        """Which value the character at offset `at` of _text belongs to."""
        if self._sep_only_between is None:
            count = self._text.count(_SEP)
            self._sep_only_between = count == max(len(self._values) - 1, 0)
        if self._sep_only_between:
            return self._text.count(_SEP, 0, at)
        position = 0
        for index, value in enumerate(self._values):
            position += len(value)
            if at < position:
                return index
            position += len(_SEP)
        return len(self._values) - 1

    def with_class(self, token: str) -> list[etree._Element]:
        """Elements whose class list holds token, in page order."""
        found = self._by_class.get(token)
        if found is None:
            found = []
            if token in self._tokens:
                text, size, end = self._text, len(token), len(self._text)
                last = -1
                at = text.find(token)
                while at != -1:
                    after = at + size
                    # A whole word, as split() would give it (an occurrence may be a substring).
                    if (at == 0 or text[at - 1].isspace()) and (
                        after == end or text[after].isspace()
                    ):
                        index = self._value_index(at)
                        if index != last:  # class="a a"
                            found.append(self._values[index].getparent())
                            last = index
                    at = text.find(token, at + 1)
            self._by_class[token] = found
        return list(found)

    def run(self, context: etree._Element, query: str) -> list | None:
        """The query's results, or None when it has to be evaluated the ordinary way."""
        plan = _plan(query)
        if plan is None:
            return None
        if not self.has_all(plan.required):
            return []
        if plan.anchor is None or context is not self.root:
            return None
        found: list = []
        if plan.self_test is not None:
            for el in self.with_class(plan.anchor):
                found.extend(plan.self_test(el))
            return found
        contributors = 0
        for el in self.with_class(plan.anchor):
            if plan.anchor_test(el):
                hits = plan.rest(el)
                if hits:
                    contributors += 1
                    found.extend(hits)
        # Results under nested anchors may interleave: the page-wide scan keeps page order.
        return found if contributors <= 1 else None


def run_query(context: etree._Element, query: str, index: PageIndex | None = None) -> list:
    """Evaluate one compiled selector against an element; elements or strings, in page order.

    With the page's index, selectors that cannot match are skipped and class-led ones are
    run from their class's elements; the results are the same.
    """
    if index is not None:
        found = index.run(context, query)
        if found is not None:
            return found
    result = compile_query(query)(context)
    if isinstance(result, list):
        return result
    return [result] if result else []


def first_match(
    context: etree._Element, queries: Iterable[str], index: PageIndex | None = None
) -> list:
    """Results of the first query (tried in order) that finds a non-empty element or string."""
    for query in queries:
        found = [r for r in run_query(context, query, index) if _non_empty(r)]
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
