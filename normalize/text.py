"""Vietnamese text cleaning, search folding, HTML to text, HTML sanitising, content hashing."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from normalize.encoding import fix_legacy_text

__all__ = [
    "clean_text",
    "content_hash",
    "fold",
    "fold_for_search",
    "html_to_text",
    "sanitize_html",
]

# --- Tone-mark placement ------------------------------------------------------------
# Vietnamese has two spellings for the same syllable: traditional `hòa thủy khỏe` and
# "new style" `hoà thuỷ khoẻ`. The gazetteer and the seed page use the traditional one,
# and a search for `Hòa` must find an article typed `Hoà`, so we rewrite every syllable to
# the traditional placement.
_TONES = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
_SHAPES = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter
_SHAPED_VOWELS = set("ăâêôơư")


def _build_vowel_tables() -> tuple[dict[str, tuple[str, int]], dict[tuple[str, int], str]]:
    """Map each Vietnamese vowel char to (toneless letter, tone) and back."""
    split: dict[str, tuple[str, int]] = {}
    join: dict[tuple[str, int], str] = {}
    for code in list(range(0x41, 0x7B)) + list(range(0xC0, 0x1EFA)):
        ch = chr(code)
        nfd = unicodedata.normalize("NFD", ch)
        if nfd[0].lower() not in "aeiouy":
            continue
        marks = nfd[1:]
        tones = [_TONES[m] for m in marks if m in _TONES]
        if len(tones) > 1 or any(m not in _TONES and m not in _SHAPES for m in marks):
            continue
        letter = unicodedata.normalize("NFC", nfd[0] + "".join(m for m in marks if m in _SHAPES))
        tone = tones[0] if tones else 0
        split[ch] = (letter, tone)
        join[(letter, tone)] = ch
    return split, join


_VOWEL_SPLIT, _VOWEL_JOIN = _build_vowel_tables()
_TONED = "".join(ch for ch, (_, tone) in _VOWEL_SPLIT.items() if tone)
_VOWELS = "".join(_VOWEL_SPLIT)


# clean_text runs on whole article bodies, so instead of re-reading every word we look
# only for the spellings that can be off: (a) "new style" open syllables, a tone on the
# second vowel of oa/oe/uy or ua/ia/ưa (`hoà`, `khoẻ`, `thuỷ`, `cuả`), not after q/g, which
# would make them `quý`/`già`; (b) a toned vowel followed by another vowel and a letter
# (`hòang`, `ngòai`), which the traditional rule never writes.
def _chars(letters: str) -> str:
    """All toned forms of the given toneless letters, both cases: `_chars("y")` -> "ỳýỷỹỵỲ..."."""
    wanted = set(letters + letters.upper())
    return "".join(ch for ch, (letter, tone) in _VOWEL_SPLIT.items() if letter in wanted and tone)


_LETTER = r"[^\W\d_]"
# Two separate scans: an alternation of the two would defeat the regex engine's
# first-character optimisation and cost three times as much.
_SUSPECT_OPEN = re.compile(rf"[oOuUiIưƯ][{_chars('aey')}](?!{_LETTER})")
_SUSPECT_CLOSED = re.compile(rf"[{_TONED}][{_VOWELS}]{_LETTER}")
# `gi`/`qu` are consonants only when a vowel follows: fullmatch backtracks to plain `g`
# for `gìn`/`gì`, so `già` = gi+a but `gìn` = g+i+n.
_SYLLABLE = re.compile(
    r"(ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnpqrstvx])?"
    r"([aăâeêioôơuưy]{1,3})(ch|nh|ng|[cmnpt])?"
)


@lru_cache(maxsize=8192)
def _retone(word: str) -> str:
    """Move a syllable's tone to its traditional place: `"thuỷ"` -> `"thủy"`."""
    letters: list[str] = []
    tone, tone_at = 0, -1
    for i, ch in enumerate(word):
        base = _VOWEL_SPLIT.get(ch)
        if base is None:
            letters.append(ch.lower())
            continue
        letters.append(base[0].lower())
        if base[1]:
            if tone:
                return word  # two tones: not a syllable we understand
            tone, tone_at = base[1], i
    plain = "".join(letters)
    match = _SYLLABLE.fullmatch(plain)
    if match is None or not tone:
        return word  # foreign word (café, José) or no tone: leave it alone
    initial, vowels, final = match.group(1) or "", match.group(2), match.group(3)
    start = len(initial)
    shaped = [i for i, v in enumerate(vowels) if v in _SHAPED_VOWELS]
    if shaped:
        pos = shaped[-1]  # ươ takes the tone on ơ; otherwise the only shaped vowel
    elif final:
        pos = len(vowels) - 1  # closed syllable: hoàng, huỳnh, toán
    elif len(vowels) == 3:
        pos = 1  # ngoài, khuỷu, ngoáy
    else:
        pos = 0  # traditional open syllable: hòa, thủy, khỏe, mùa
    target = start + pos
    if target == tone_at:
        return word
    out = list(word)
    for i in (tone_at, target):
        letter = _VOWEL_SPLIT[word[i]][0]
        new = _VOWEL_JOIN[(letter, tone if i == target else 0)]
        out[i] = new
    return "".join(out)


def _fix_tones(s: str) -> str:
    """Re-place tones in the words around each suspect spot: `"Hoà bình"` -> `"Hòa bình"`."""
    spots = [
        m.start()
        for m in _SUSPECT_OPEN.finditer(s)
        if m.start() == 0 or s[m.start() - 1] not in "qQgG"
    ]
    spots += [m.start() for m in _SUSPECT_CLOSED.finditer(s)]
    if not spots:
        return s
    out: list[str] = []
    done = 0
    for spot in sorted(spots):
        if spot < done:
            continue  # same word as the previous spot
        start = end = spot
        while start > done and s[start - 1].isalpha():
            start -= 1
        while end < len(s) and s[end].isalpha():
            end += 1
        out.append(s[done:start])
        out.append(_retone(s[start:end]))
        done = end
    out.append(s[done:])
    return "".join(out)


# --- Cleaning ------------------------------------------------------------------------
# The checks below are written as substring tests and literal-led regexes on purpose:
# clean_text runs over every body, and a regex that starts with a character class costs
# ~7 ns per character on our hardware.
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE_CHARS), None)
_ODD_SPACES = re.compile(
    "[\t\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)
_MULTI_SPACE = re.compile("  +")
_BLANK_LINES = re.compile("\n\n\n+")
# UTF-8 Vietnamese read as latin-1/cp1252 always shows one of these (Ä = first byte of
# đ/ă, Æ of ơ/ư, áº/á» of the precomposed tone letters).
_MOJIBAKE_HINTS = ("áº", "á»", "Ã", "Ä", "Æ", "Â")


def _fix_mojibake(s: str) -> str:
    """Undo UTF-8 read as latin-1/cp1252 (`Äáº£ng` -> `Đảng`) with ftfy, only when hinted."""
    if not any(hint in s for hint in _MOJIBAKE_HINTS):
        return s
    import ftfy

    return ftfy.fix_encoding(s)


# clean_text is idempotent, and the same body is cleaned by html_to_text and again by
# content_hash; remembering recent outputs as their own answers makes the second call free.
_CLEAN_CACHE: dict[str, str] = {}
_CLEAN_CACHE_SIZE = 512


def clean_text(s: str | None) -> str:
    """NFC, traditional tones, spaces collapsed: `"Đảng uỷ\u00a0 phường"` -> `"Đảng ủy phường"`."""
    if not s:
        return ""
    cached = _CLEAN_CACHE.get(s)
    if cached is not None:
        return cached
    out = s
    if not out.isascii():
        out = _fix_mojibake(out)
        out = fix_legacy_text(out)  # before dropping U+00AD: in TCVN3 that byte is the letter ư
        out = unicodedata.normalize("NFC", out)
        if any(ch in out for ch in _INVISIBLE_CHARS):
            out = out.translate(_INVISIBLE)
        out = _fix_tones(out)
    if "\r" in out:
        out = out.replace("\r\n", "\n").replace("\r", "\n")
    if _ODD_SPACES.search(out):
        out = _ODD_SPACES.sub(" ", out)
    if "  " in out:
        out = _MULTI_SPACE.sub(" ", out)
    if " \n" in out or "\n " in out:
        out = out.replace(" \n", "\n").replace("\n ", "\n")
    if "\n\n\n" in out:
        out = _BLANK_LINES.sub("\n\n", out)
    out = out.strip()
    if len(_CLEAN_CACHE) >= _CLEAN_CACHE_SIZE:
        _CLEAN_CACHE.clear()
    _CLEAN_CACHE[s] = out
    _CLEAN_CACHE[out] = out
    return out


_COMBINING = re.compile("[\u0300-\u036f]")


def fold(s: str | None) -> str:
    """Accent-free lower-case form for search and matching: `"Đảng ủy"` -> `"dang uy"`."""
    if not s:
        return ""
    if s.isascii():
        return s.lower()
    # str.replace beats str.translate by ~10x here: only đ/Đ survive NFD undecomposed.
    return (
        _COMBINING.sub("", unicodedata.normalize("NFD", s))
        .replace("đ", "d")
        .replace("Đ", "D")
        .lower()
    )


# Everything fold() would keep that is neither ASCII nor a tone mark (nor đ): quotes,
# dashes, ellipses, letters of other scripts.
_NOT_FOLDABLE = re.compile("[^\x00-\x7f\u0300-\u036f\u0110\u0111]")


def fold_for_search(s: str | None) -> str:
    """fold() for the full-text index's folded column, 2-3x faster on a whole body.

    Same ASCII letters and digits as fold(), but characters fold() keeps outside ASCII
    (`“ ” – …`, other scripts) become spaces. The FTS5 tokenizer splits words on those
    anyway, so the folded column holds the same words: `fold_for_search("“Đảng ủy”")` ->
    `" dang uy "`. Not for matching text: dates and names read dashes that this drops.
    """
    if not s:
        return ""
    if s.isascii():
        return s.lower()
    d = unicodedata.normalize("NFD", s)
    if _NOT_FOLDABLE.search(d):
        d = _NOT_FOLDABLE.sub(" ", d)
    # The encoder drops the tone marks in C, which is what makes this fast.
    return d.replace("đ", "d").replace("Đ", "D").encode("ascii", "ignore").decode("ascii").lower()


# --- HTML to text ----------------------------------------------------------------------
_BLOCK_TAGS = frozenset(
    "p div li ul ol h1 h2 h3 h4 h5 h6 tr table thead tbody tfoot blockquote section article "
    "header footer aside nav main figure figcaption pre dd dt dl address center form fieldset "
    "hr caption details summary".split()
)
_DROP_TAGS = frozenset(
    "script style noscript template iframe object embed svg math head title select "
    "textarea button canvas video audio".split()
)
_CELL_TAGS = frozenset(("td", "th"))
_EDGE = "\ue000"  # private-use char marking block edges while libxml2 serialises


@lru_cache(maxsize=1)
def _html_parser():
    """One lxml HTML parser without comments or PIs (created on first use)."""
    from lxml import etree

    return etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)


def html_to_text(html: str | None) -> str:
    """Plain text, one paragraph per block: `"<p>Một</p><p>Hai</p>"` -> `"Một\\n\\nHai"`."""
    if not html or not html.strip():
        return ""
    from lxml import etree

    try:
        root = etree.fromstring(html.replace(_EDGE, ""), _html_parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        return clean_text(re.sub(r"<[^>]*>", " ", html))
    body = root.find("body")
    root = body if body is not None else root
    etree.strip_elements(root, *_DROP_TAGS, with_tail=False)
    # Mark block edges with a private-use char and let libxml2 serialise the text in C:
    # a Python walk over the tree costs ~5 µs per element.
    for el in root.iter(*_BLOCK_TAGS):
        el.text = _EDGE + (el.text or "")
        el.tail = _EDGE + (el.tail or "")
    for el in root.iter("br"):
        el.tail = _EDGE + (el.tail or "")
    for el in root.iter(*_CELL_TAGS):
        el.tail = " " + (el.tail or "")
    text = etree.tostring(root, method="text", encoding="unicode")
    # Source newlines are only layout inside HTML; every block edge is a paragraph break
    # (clean_text merges the runs into one blank line).
    text = text.replace("\r", " ").replace("\n", " ").replace(_EDGE, "\n\n")
    return clean_text(text)


# --- Sanitising ------------------------------------------------------------------------
_ALLOWED_TAGS = frozenset(
    "p br b strong i em u ul ol li table thead tbody tfoot tr td th caption "
    "h2 h3 h4 h5 h6 blockquote a img".split()
)
_ALLOWED_ATTRS = {
    "a": {"href", "title"},
    "img": {"src", "alt"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}
_URL_SCHEMES = frozenset(("http", "https", "mailto", "tel"))
# Removed with their content: code and embedded players are never article text.
_CLEAN_CONTENT = frozenset(
    "script style iframe object embed noscript template svg math select textarea button".split()
)


def sanitize_html(html: str | None, base_url: str) -> str:
    """Safe HTML, absolute links: `<a href="/x">` -> `<a href="http://host/x" rel="...">`."""
    if not html:
        return ""
    import nh3

    def absolutise(tag: str, attr: str, value: str) -> str | None:
        # nh3 has already rejected javascript:/data: by the time we see a URL; we join
        # relative ones against the page and re-check the scheme of the result.
        if attr not in ("href", "src"):
            return value
        try:
            url = urljoin(base_url, value.strip()) if base_url else value.strip()
            scheme = urlsplit(url).scheme.lower()
        except ValueError:
            return None
        if scheme and scheme not in _URL_SCHEMES:
            return None
        return url

    return nh3.clean(
        html,
        tags=set(_ALLOWED_TAGS),
        clean_content_tags=set(_CLEAN_CONTENT),
        attributes={k: set(v) for k, v in _ALLOWED_ATTRS.items()},
        url_schemes=set(_URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        attribute_filter=absolutise,
        strip_comments=True,
    ).strip()


def content_hash(title: str | None, body_text: str | None) -> str:
    """sha256 hex of the cleaned title and body: `content_hash("T", "B")` -> 64 hex chars."""
    data = clean_text(title) + "\n\n" + clean_text(body_text)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()
