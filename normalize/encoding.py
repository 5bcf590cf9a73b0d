"""Bytes to text for Vietnamese pages, and repair of text typed in legacy TCVN3/VNI fonts."""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache

__all__ = ["decode_html", "fix_legacy_text"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# `<meta charset="x">` and `<meta http-equiv="Content-Type" content="text/html; charset=x">`.
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Servers send iso-8859-1 as a default they never chose; browsers read it as windows-1252,
# and a body that is valid UTF-8 is UTF-8 (real cp1252 prose is practically never valid UTF-8).
_WESTERN = {"latin-1", "iso8859-1", "cp1252", "ascii"}
# cp1258 puts tones in combining marks (`a` + U+0301), so its text must be NFC'd.
_NEEDS_NFC = {"cp1258"}
_CANDIDATES = ["utf_8", "cp1258", "cp1252", "latin_1", "utf_16", "utf_32"]


@lru_cache(maxsize=64)
def _codec_name(label: str | None) -> str | None:
    """Python's canonical codec name for a charset label, or None when unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    # WHATWG: these labels all mean windows-1252 in a browser.
    if label in {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"}:
        label = "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _try_decode(body: bytes, name: str | None) -> str | None:
    """Strictly decode with one codec (with the Western/UTF-8 caveat), or None."""
    if name is None:
        return None
    if name in _WESTERN:
        try:
            text = body.decode("utf-8")
            if not text.isascii():
                return None  # it is really UTF-8: let the caller find that out
        except UnicodeDecodeError:
            pass
    try:
        text = body.decode(name)
    except (UnicodeDecodeError, LookupError):
        if name == "cp1252":
            # cp1252 leaves five bytes undefined; latin-1 maps them all (TCVN3 pages hit this).
            return body.decode("latin-1")
        return None
    return unicodedata.normalize("NFC", text) if name in _NEEDS_NFC else text


def decode_html(body: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode page bytes: `decode_html("Đảng".encode(), "utf-8")` -> `("Đảng", "utf-8")`."""
    try:
        if not body:
            return "", _codec_name(declared) or "utf-8"
        for bom, name in _BOMS:
            if body.startswith(bom):
                return body[len(bom) :].decode(name.removesuffix("-sig"), "replace"), name
        name = _codec_name(declared)
        text = _try_decode(body, name)
        if text is not None:
            return text, name  # type: ignore[return-value]
        match = _META_CHARSET.search(body[:2048])
        if match:
            name = _codec_name(match.group(1).decode("ascii", "ignore"))
            text = _try_decode(body, name)
            if text is not None:
                return text, name  # type: ignore[return-value]
        try:
            return body.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
        # Undeclared 8-bit bytes on a Vietnamese portal are TCVN3/VNI typed in a Western
        # code page far more often than anything else: check that before guessing.
        western = body.decode("cp1252", "replace")
        if fix_legacy_text(western) != western:
            return western, "cp1252"
        import charset_normalizer  # lazy: only pages with no usable declaration get here

        # Only code pages a Vietnamese page can be in; unrestricted, short Vietnamese
        # legacy text gets read as Shift-JIS or Big5.
        best = charset_normalizer.from_bytes(body, cp_isolation=_CANDIDATES).best()
        if best is not None and best.encoding:
            name = _codec_name(best.encoding) or best.encoding
            text = str(best)
            if name in _NEEDS_NFC:
                text = unicodedata.normalize("NFC", text)
            return text, name
        return body.decode("utf-8", "replace"), "utf-8"
    except Exception:  # never raise on bytes from the wild
        return body.decode("utf-8", "replace"), "utf-8"


# --- Legacy fonts -------------------------------------------------------------------
# Characters proper to Unicode Vietnamese (ă đ ơ ư, precomposed tones, combining marks):
# their presence means the text is already Unicode, so no legacy table may touch it.
_UNICODE_VIETNAMESE = re.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u0300-\u036f\u1ea0-\u1ef9]"
)
# Latin-1 characters that Unicode Vietnamese never uses but TCVN3 (§ ¶ µ ¸ ...) and VNI
# (û ø ö ä ñ ...) are full of. All Vietnamese Latin-1 letters (à á â ã è é ê ì í ò ó ô õ ù ú ý)
# are left out.
_LEGACY_MARKERS = re.compile(
    "[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db-\u00dc\u00de\u00df"
    "\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]"
)


@lru_cache(maxsize=1)
def _charmaps() -> dict:
    """viparse's auto-detectable tables (TCVN3, VNI, VISCII), imported on first need."""
    from viparse.normalize.encodings import AUTO_DETECT_CHARMAPS

    return dict(AUTO_DETECT_CHARMAPS)


def fix_legacy_text(s: str) -> str:
    """Convert TCVN3/VNI-typed text to Unicode: `"§¶ng ñy"` -> `"Đảng ủy"`; Unicode passes."""
    if not s or s.isascii() or _UNICODE_VIETNAMESE.search(s):
        return s
    if len(_LEGACY_MARKERS.findall(s)) < 2:
        return s  # one stray `°` or `ñ` is not evidence of a legacy font
    try:
        from viparse.normalize.detector import detect_encoding_by_content
        from viparse.normalize.tables import convert

        charmaps = _charmaps()
        # viparse's detector refuses anything ambiguous or not reading as Vietnamese
        # (Spanish, German), which is the "no false positives" guarantee we rely on.
        detection = detect_encoding_by_content(s, charmaps)
        if detection.encoding is None:
            return s
        return convert(s, charmaps[detection.encoding])
    except Exception:  # viparse internals are pinned, but a bad guess must never break a crawl
        return s
