"""Vietnamese text cleaning, search folding, HTML to text, HTML sanitising, content hashing."""

from __future__ import annotations

import codecs
import hashlib
import re
import threading
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
    # Most texts have no suspect spot: one search per pattern settles that, and the
    # iterations (from the first spot on) only run when there is one.
    first_open = _SUSPECT_OPEN.search(s)
    first_closed = _SUSPECT_CLOSED.search(s)
    if first_open is None and first_closed is None:
        return s
    spots = []
    if first_open is not None:
        spots = [
            m.start()
            for m in _SUSPECT_OPEN.finditer(s, first_open.start())
            if m.start() == 0 or s[m.start() - 1] not in "qQgG"
        ]
    if first_closed is not None:
        spots += [m.start() for m in _SUSPECT_CLOSED.finditer(s, first_closed.start())]
    return _retone_at(s, spots)


def _retone_at(s: str, spots: list[int]) -> str:
    """Re-place the tones of the words holding the given positions."""
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
    # The hints of _MOJIBAKE_HINTS, tested inline: a generator costs more than the tests
    # themselves on the many short strings (names, dates, bylines) cleaned per article.
    if not (
        "áº" in s or "á»" in s or "Ã" in s or "Ä" in s or "Æ" in s or "Â" in s
    ):  # fmt: skip
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
    return _clean(s)


def _clean(s: str, encoded: bytes | None = None, *, classify: bool = True) -> str:
    """clean_text() of a text not in the cache; `encoded`: _charmap_bytes(s) if known
    (`classify=False`: known to be None)."""
    out = s
    classes = None
    if not out.isascii():
        # A long text made only of the charmap's characters is checked on its classes
        # (see "Character classes") instead of by a scan of the text per check.
        if encoded is None and classify and len(out) >= _CLASSES_FROM:
            encoded = _charmap_bytes(out)
        if encoded is not None:
            classes = encoded.translate(_CLASS_BYTES)
            if (
                b"A" in classes or b"V" in classes
                or ((b"K" in classes or b"k" in classes) and ("áº" in out or "á»" in out))
            ):  # fmt: skip
                classes = None  # a mojibake hint (see _fix_mojibake; Ä Æ are not in the charmap)
        if classes is None:
            out = _fix_mojibake(out)
        legacy = fix_legacy_text(out)  # before dropping U+00AD: in TCVN3 that byte is the letter ư
        if legacy is not out:
            classes, out = None, legacy
        if classes is None:
            out = unicodedata.normalize("NFC", out)
            if (
                "\u200b" in out or "\u200c" in out or "\u200d" in out or "\u2060" in out
                or "\ufeff" in out or "\u00ad" in out or "\u180e" in out
            ):  # fmt: skip
                out = out.translate(_INVISIBLE)  # (the characters of _INVISIBLE_CHARS, inline)
            out = _fix_tones(out)
        elif b"z" in classes:  # (the charmap's characters are all NFC already)
            classes, out = None, _fix_tones(out.translate(_INVISIBLE))
        else:
            out = _fix_tones_by_class(out, classes)  # keeps every character's place
    if "\r" in out if classes is None else b"r" in classes:
        out = out.replace("\r\n", "\n").replace("\r", "\n")
    if "\xa0" in out if classes is None else b"n" in classes:
        out = out.replace("\xa0", " ")  # the usual odd space, replaced without the regex
    if _ODD_SPACES.search(out) if classes is None else b"s" in classes:
        out = _ODD_SPACES.sub(" ", out)
    if "  " in out:
        out = _MULTI_SPACE.sub(" ", out)
    if "\n" in out:
        # The space beside a line break goes (" \n" -> "\n", "\n " -> "\n"; spaces come
        # one at a time by now, and the text's own ends are stripped below): line by line,
        # which beats two replacements that stop at every space of the text.
        out = "\n".join([line.strip(" ") for line in out.split("\n")])
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
    # Text made only of ASCII, Vietnamese letters and common punctuation folds character
    # by character through the charmap of fold_for_search() (see there); anything else
    # has no byte there and goes the NFD way.
    try:
        encoded = codecs.charmap_encode(s, "strict", _FOLD_SEARCH_MAP)[0]
    except UnicodeEncodeError:
        return _fold_nfd(s)
    return codecs.charmap_decode(encoded, "strict", _FOLD_CHARS)[0]


def _fold_nfd(s: str) -> str:
    """fold() the straightforward way: NFD, tone marks dropped, đ -> d, lower case."""
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


def _fold_for_search_nfd(s: str) -> str:
    """fold_for_search() the straightforward way: NFD, then one ASCII character or none."""
    d = unicodedata.normalize("NFD", s)
    if _NOT_FOLDABLE.search(d):
        d = _NOT_FOLDABLE.sub(" ", d)
    # The encoder drops the tone marks in C.
    return d.replace("đ", "d").replace("Đ", "D").encode("ascii", "ignore").decode("ascii").lower()


# fold_for_search() maps each character on its own: NFD splits a character into a base
# and marks, and the marks become nothing (U+0300-U+036F) or a space wherever canonical
# ordering moves them. So it can run as a one-byte charmap encoding, in C and without the
# NFD pass: each Vietnamese letter, the common punctuation and the ASCII characters get a
# byte, and a byte table gives each byte its folded, lower-case ASCII character. The rare
# characters left out of the 256 bytes are folded one by one by the error handler below.
# ASCII control characters other than \t \n \r lend their bytes to Vietnamese letters;
# a text holding one of them takes the NFD way.
_FOLD_SEARCH_LETTERS = "aăâeêioôơuưy"
_FOLD_SEARCH_EXTRA = "\xa0“”‘’–—…•«»°·×´¸ºª€²³±\u200b"


class _NoCharmapFold(Exception):
    """A text the charmap encoding of fold_for_search() does not cover."""


def _fold_for_search_rest(exc: UnicodeError) -> tuple[bytes, int]:
    """Codec error handler: fold the characters the charmap has no byte for."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    run = exc.object[exc.start : exc.end]
    if any(ch < "\x80" for ch in run):
        raise _NoCharmapFold  # an ASCII control character whose byte was lent
    return _fold_for_search_nfd(run).encode("ascii"), exc.end


def _build_fold_for_search_charmap() -> tuple[object, bytes, str, list[str]]:
    """The charmap encoding (character -> byte), the byte -> folded ASCII table (for
    fold_for_search), the byte -> folded character table (for fold) and the characters."""
    letters = _FOLD_SEARCH_LETTERS + _FOLD_SEARCH_LETTERS.upper()
    chars = [_VOWEL_JOIN[(letter, tone)] for letter in letters for tone in range(6)]
    chars = [ch for ch in chars if not ch.isascii()] + ["đ", "Đ", *_FOLD_SEARCH_EXTRA]
    lent = [i for i in range(1, 0x80) if (i < 0x20 or i == 0x7F) and chr(i) not in "\t\n\r"]
    slots = lent + list(range(0x80, 0x100))
    assert len(chars) == len(slots) and len(set(chars)) == len(chars)
    table = [chr(i) for i in range(0x80)] + ["\ufffe"] * 0x80
    folded = [ord(chr(i).lower()) for i in range(0x80)] + [0x20] * 0x80
    folded_chars = [chr(i).lower() for i in range(0x80)] + ["\ufffe"] * 0x80
    for slot, ch in zip(slots, chars, strict=True):
        out, out_char = _fold_for_search_nfd(ch), _fold_nfd(ch)
        assert len(out) == 1 and len(out_char) == 1, ch
        table[slot] = ch
        folded[slot] = ord(out)
        folded_chars[slot] = out_char
    return codecs.charmap_build("".join(table)), bytes(folded), "".join(folded_chars), table


_FOLD_SEARCH_MAP, _FOLD_SEARCH_BYTES, _FOLD_CHARS, _CHARMAP_CHARS = _build_fold_for_search_charmap()
codecs.register_error("normalize.fold_for_search", _fold_for_search_rest)


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
    try:
        encoded = codecs.charmap_encode(s, "normalize.fold_for_search", _FOLD_SEARCH_MAP)[0]
    except _NoCharmapFold:
        return _fold_for_search_nfd(s)
    return encoded.translate(_FOLD_SEARCH_BYTES).decode("ascii")


# --- Character classes ----------------------------------------------------------------
# A long text made only of the charmap's characters (ASCII, Vietnamese letters, common
# punctuation) gets one class byte per character, in C: the charmap encoding, then a byte
# table. clean_text's checks then look for a byte, or a literal run of bytes, which the
# regex engine and `in` do ~40x faster than a character class over the text:
#   o  o O u U i I ư Ư (_SUSPECT_OPEN's first character)      t  other toned vowels
#   a  toned a e y (_SUSPECT_OPEN's second character)          v  other vowels
#   l  other letters (_LETTER)    s  other odd spaces (_ODD_SPACES)    _  anything else
# and, standing for one of these while marking a character of its own:
#   A  Ã (a)   V  Â (v)   K  º (l)   k  » (_): mojibake hints     n  NBSP (s)
#   r  CR (_)   z  ZERO WIDTH SPACE (_), invisible
_CLASSES_FROM = 256  # shorter texts are checked directly (faster below ~250 characters)
_OWN_CLASS = {"Ã": "A", "Â": "V", "º": "K", "»": "k", "\xa0": "n", "\r": "r", "\u200b": "z"}
_OPEN_FIRST = "oOuUiIưƯ"
_TONED_AEY = _chars("aey")
_LETTER_CHAR = re.compile(_LETTER)


def _char_class(ch: str) -> str:
    """The class letter of one character (see above), before _OWN_CLASS."""
    if ch in _OPEN_FIRST:
        return "o"
    if ch in _TONED_AEY:
        return "a"
    if ch in _TONED:
        return "t"
    if ch in _VOWELS:
        return "v"
    if _LETTER_CHAR.match(ch):
        return "l"
    return "s" if _ODD_SPACES.match(ch) else "_"


def _build_class_tables() -> tuple[bytes, bytes]:
    """Charmap byte -> class byte; class byte -> T (toned vowel), V (other vowel), L, or '.'."""
    stands_for = {"A": "a", "V": "v", "K": "l", "k": "_", "n": "s", "r": "_", "z": "_"}
    classes = []
    for ch in _CHARMAP_CHARS:
        cls = _char_class(ch)
        own = _OWN_CLASS.get(ch)
        assert own is None or stands_for[own] == cls, ch
        # Every character of the charmap is NFC and no mark, so clean_text skips NFC on a
        # text of them (and no two of them compose: all 65,536 pairs were checked).
        assert unicodedata.is_normalized("NFC", ch) and not unicodedata.combining(ch), ch
        classes.append(own or cls)
    tone = dict.fromkeys("ovV", "V") | dict.fromkeys("aAt", "T") | dict.fromkeys("lK", "L")
    by_class = bytes(ord(tone.get(chr(i), ".")) for i in range(256))
    return "".join(classes).encode("ascii"), by_class


_CLASS_BYTES, _TONE_BYTES = _build_class_tables()
# _SUSPECT_OPEN as two patterns led by two literal bytes; its matches never overlap (each
# starts with an o and its second byte is no o), so the two find the same ones.
_OPEN_BY_CLASS = (re.compile(rb"oa(?![oaAtvVlK])"), re.compile(rb"oA(?![oaAtvVlK])"))
# _SUSPECT_CLOSED as two literal-led patterns on the T/V/L bytes. Their matches may overlap
# where the single pattern's would not, but only inside the same word, which is all that
# _retone_at uses a spot for.
_CLOSED_BY_TONE = (re.compile(rb"TT[TVL]"), re.compile(rb"TV[TVL]"))


def _charmap_bytes(s: str) -> bytes | None:
    """`s` in the charmap, one byte per character, or None when it has a character outside it."""
    try:
        return codecs.charmap_encode(s, "strict", _FOLD_SEARCH_MAP)[0]
    except UnicodeEncodeError:
        return None


def _fix_tones_by_class(s: str, classes: bytes) -> str:
    """_fix_tones() from the classes of `s`."""
    # (pattern.pattern[:2]: the two literal bytes a match starts with)
    spots = [
        m.start()
        for pattern in _OPEN_BY_CLASS
        if pattern.pattern[:2] in classes
        for m in pattern.finditer(classes)
        if m.start() == 0 or s[m.start() - 1] not in "qQgG"
    ]
    tones = classes.translate(_TONE_BYTES)
    for pattern in _CLOSED_BY_TONE:
        if pattern.pattern[:2] in tones:
            spots += [m.start() for m in pattern.finditer(tones)]
    return _retone_at(s, spots)


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


# The same marks as _mark_edges() below, written by an XSLT stylesheet in libxslt: block
# elements open and close with _EDGE, <br> is followed by one, table cells by a space, and
# _DROP_TAGS elements are left out with their content (their tail kept). Only the element
# given is read (lxml hands over the whole document when it is the root element, and
# libxml2 can leave a second <html> beside the first).
_TEXT_XSLT = f"""\
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:apply-templates select="*[1]"/>
  </xsl:template>
  <xsl:template match="{"|".join(sorted(_BLOCK_TAGS))}">
    <xsl:text>&#xE000;</xsl:text>
    <xsl:apply-templates/>
    <xsl:text>&#xE000;</xsl:text>
  </xsl:template>
  <xsl:template match="br">
    <xsl:text>&#xE000;</xsl:text>
  </xsl:template>
  <xsl:template match="{"|".join(sorted(_CELL_TAGS))}">
    <xsl:apply-templates/>
    <xsl:text> </xsl:text>
  </xsl:template>
  <xsl:template match="{"|".join(sorted(_DROP_TAGS))}"/>
</xsl:stylesheet>"""
_XSLT_BY_THREAD = threading.local()
# What lxml refuses to set as text: ASCII controls but \t \n \r (one byte each in UTF-8),
# U+FFFE and U+FFFF.
_CONTROL_BYTES = bytes(i for i in range(0x20) if chr(i) not in "\t\n\r")


def _xml_text(utf8: bytes) -> bool:
    """Whether UTF-8 text is free of the characters lxml will not set as an element's text."""
    if len(utf8.translate(None, _CONTROL_BYTES)) != len(utf8):
        return False
    return b"\xef\xbf\xbe" not in utf8 and b"\xef\xbf\xbf" not in utf8


def _text_xslt():
    """This thread's compiled _TEXT_XSLT (lxml copies a stylesheet used from another thread)."""
    xslt = getattr(_XSLT_BY_THREAD, "xslt", None)
    if xslt is None:
        from lxml import etree

        xslt = _XSLT_BY_THREAD.xslt = etree.XSLT(etree.XML(_TEXT_XSLT))
    return xslt


def _mark_edges(root) -> str:
    """The text of `root` with _EDGE at block edges, marked in the tree (Python walk)."""
    from lxml import etree

    etree.strip_elements(root, *_DROP_TAGS, with_tail=False)
    for el in root.iter(*_BLOCK_TAGS):
        el.text = _EDGE + (el.text or "")
        el.tail = _EDGE + (el.tail or "")
    for el in root.iter("br"):
        el.tail = _EDGE + (el.tail or "")
    for el in root.iter(*_CELL_TAGS):
        el.tail = " " + (el.tail or "")
    return etree.tostring(root, method="text", encoding="unicode")


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
    body = next(root.iterchildren("body"), None)  # root.find("body"), without ElementPath
    root = body if body is not None else root
    # Mark block edges with a private-use char and let libxml2 serialise the text in C:
    # the stylesheet does it without touching the tree (a Python walk over the tree costs
    # ~2 µs per element); the walk remains for what the stylesheet cannot do.
    try:
        utf8 = bytes(_text_xslt()(root))
    except etree.Error:
        utf8 = None  # a stylesheet that failed (too deep) has nothing to give
    encoded = None
    if utf8 is not None:
        text = _paragraphs(utf8.decode("utf-8") + (root.tail or ""))
        encoded = _charmap_bytes(text)
        # The walk refuses (ValueError) to rewrite a text holding a character XML does not
        # allow: such a text takes the walk. Inside the charmap only NUL is one of them.
        if b"\x00" in encoded if encoded is not None else not _xml_text(utf8):
            utf8 = encoded = None
    if utf8 is None:
        text = _paragraphs(_mark_edges(root))
    cached = _CLEAN_CACHE.get(text)
    return cached if cached is not None else _clean(text, encoded, classify=utf8 is None)


def _paragraphs(text: str) -> str:
    """Source newlines are only layout inside HTML; every block edge is a paragraph break
    (clean_text merges the runs into one blank line)."""
    return text.replace("\r", " ").replace("\n", " ").replace(_EDGE, "\n\n")


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


# The base URL links are resolved against, for the thread now sanitising: nh3 calls the
# filter back on the calling thread, so one reusable Cleaner serves every page.
_SANITIZING = threading.local()


def _absolutise(tag: str, attr: str, value: str) -> str | None:
    """nh3's attribute filter: `href`/`src` made absolute against the page's URL."""
    # nh3 has already rejected javascript:/data: by the time we see a URL; we join
    # relative ones against the page and re-check the scheme of the result.
    if attr not in ("href", "src"):
        return value
    base_url = _SANITIZING.base_url
    try:
        url = urljoin(base_url, value.strip()) if base_url else value.strip()
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme and scheme not in _URL_SCHEMES:
        return None
    return url


@lru_cache(maxsize=1)
def _cleaner():
    """The nh3 Cleaner for article bodies, built once (nh3.clean() builds one per call)."""
    import nh3

    return nh3.Cleaner(
        tags=set(_ALLOWED_TAGS),
        clean_content_tags=set(_CLEAN_CONTENT),
        attributes={k: set(v) for k, v in _ALLOWED_ATTRS.items()},
        url_schemes=set(_URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        attribute_filter=_absolutise,
        strip_comments=True,
    )


def sanitize_html(html: str | None, base_url: str) -> str:
    """Safe HTML, absolute links: `<a href="/x">` -> `<a href="http://host/x" rel="...">`."""
    if not html:
        return ""
    cleaner = _cleaner()
    _SANITIZING.base_url = base_url
    try:
        return cleaner.clean(html).strip()
    finally:
        _SANITIZING.base_url = None


def content_hash(title: str | None, body_text: str | None) -> str:
    """sha256 hex of the cleaned title and body: `content_hash("T", "B")` -> 64 hex chars."""
    data = clean_text(title) + "\n\n" + clean_text(body_text)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()
