import hashlib
import re
import unicodedata

import pytest

from normalize.encoding import decode_html, fix_legacy_text
from normalize.text import (
    clean_text,
    content_hash,
    fold,
    fold_for_search,
    html_to_text,
    sanitize_html,
)

TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(s: str) -> bytes:
    """Encode like a windows-1258 page: precomposed base letters, combining tones."""
    out = []
    for ch in s:
        d = unicodedata.normalize("NFD", ch)
        rest = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
        out.append(rest + "".join(c for c in d if c in TONES))
    return "".join(out).encode("cp1258")


# --- clean_text ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # new-style tone placement -> the gazetteer's traditional one
        ("Hoà Bình", "Hòa Bình"),
        ("hoà giải ở cơ sở", "hòa giải ở cơ sở"),
        ("Đảng uỷ phường", "Đảng ủy phường"),
        ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
        ("UỶ BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"),
        ("Phạm Thị Thuỷ", "Phạm Thị Thủy"),
        ("sức khoẻ cộng đồng", "sức khỏe cộng đồng"),
        ("văn hoá", "văn hóa"),
        ("Văn hoá - Thông tin", "Văn hóa - Thông tin"),
        ("tuỳ theo", "tùy theo"),
        ("Thuý Hằng", "Thúy Hằng"),
        ("hoạ sĩ", "họa sĩ"),
        ("khoá học", "khóa học"),
        ("thoả thuận", "thỏa thuận"),
        ("luỹ kế", "lũy kế"),
        ("HOÀ BÌNH", "HÒA BÌNH"),
        # misplaced tones in closed syllables and triphthongs
        ("hòang hôn", "hoàng hôn"),
        ("ngòai trời", "ngoài trời"),
        ("tóan học", "toán học"),
        ("cuả phường", "của phường"),
        # qu/gi clusters and already-traditional spellings stay as they are
        ("quý I", "quý I"),
        ("kết quả", "kết quả"),
        ("người già", "người già"),
        ("giữ gìn", "giữ gìn"),
        ("Quỳnh Mai", "Quỳnh Mai"),
        ("huỳnh quang", "huỳnh quang"),
        ("khuỷu tay", "khuỷu tay"),
        ("quyết định", "quyết định"),
        ("Đảng ủy, Chủ tịch HĐND phường", "Đảng ủy, Chủ tịch HĐND phường"),
        ("người dân thuở trước", "người dân thuở trước"),
        ("hoặc", "hoặc"),
        # foreign words with accents are not syllables: untouched
        ("Café José", "Café José"),
        # spaces, NBSP, zero-width, soft hyphen
        ("  Phường\u00a0\u00a0Bách   Khoa  ", "Phường Bách Khoa"),
        ("Bách\u200bKhoa", "BáchKhoa"),
        ("tổ\u00adchức", "tổchức"),
        ("a\tb\u202fc\u3000d", "a b c d"),
        ("Dòng 1  \n   Dòng 2", "Dòng 1\nDòng 2"),
        ("Đoạn 1\n\n\n\n   Đoạn 2", "Đoạn 1\n\nĐoạn 2"),
        ("Đoạn 1\r\n\r\nĐoạn 2", "Đoạn 1\n\nĐoạn 2"),
        ("\n\n  Đầu và cuối  \n\n", "Đầu và cuối"),
        # NFD input -> NFC
        (unicodedata.normalize("NFD", "Phường Bách Khoa"), "Phường Bách Khoa"),
        # mojibake (UTF-8 read as cp1252) and legacy fonts
        ("PhÆ°á»\x9dng BÃ¡ch Khoa", "Phường Bách Khoa"),
        ("Ä\x90áº£ng á»§y", "Đảng ủy"),
        ("§¶ng ñy ph\xadêng B¸ch Khoa", "Đảng ủy phường Bách Khoa"),
        ("Ñaûng uûy phöôøng Baùch Khoa", "Đảng ủy phường Bách Khoa"),
        ("plain ASCII text", "plain ASCII text"),
    ],
)
def test_clean_text(raw, expected):
    assert clean_text(raw) == expected


@pytest.mark.parametrize("raw", [None, "", "   ", "\n\n", "\u200b"])
def test_clean_text_empty(raw):
    assert clean_text(raw) == ""


def test_clean_text_is_idempotent_and_nfc():
    raw = "Đảng uỷ  phường\u00a0Bách Khoa\n\n\nhoà giải"
    once = clean_text(raw)
    assert clean_text(once) == once
    assert unicodedata.is_normalized("NFC", once)


# --- fold ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Đảng ủy", "dang uy"),
        ("Phường Bách Khoa", "phuong bach khoa"),
        ("Hòa", "hoa"),
        ("Hoà", "hoa"),
        ("QUẬN HAI BÀ TRƯNG", "quan hai ba trung"),
        ("đồng chí", "dong chi"),
        (unicodedata.normalize("NFD", "Nguyễn Văn Khang"), "nguyen van khang"),
        ("Ngày đăng 03/01/2018 | 05:01", "ngay dang 03/01/2018 | 05:01"),
        ("ASCII", "ascii"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold(raw, expected):
    assert fold(raw) == expected


FOLD_SAMPLES = [
    "Đảng ủy phường Bách Khoa",
    "“Ngày hội Đại đoàn kết” 2017–2018… Thủy, HOÀ, khuỷu",
    unicodedata.normalize("NFD", "Nguyễn Văn Khang – Chủ tịch UBND phường"),
    "Straße ÅNGSTRÖM 漢字 ﬁ café",
    "ASCII only, 03/01/2018 | 05:01",
]


@pytest.mark.parametrize("text", FOLD_SAMPLES)
def test_fold_for_search_gives_the_index_the_same_words_as_fold(text):
    """The folded FTS column's fast fold: the words FTS5 would split out of fold()."""
    word = re.compile(r"\w+")
    fast = fold_for_search(text)
    assert fast.isascii()
    slow_words = word.findall(fold(text))
    if all(w.isascii() for w in slow_words):  # Vietnamese text: exactly the same words
        assert word.findall(fast) == slow_words
    else:  # letters of other scripts are dropped; the others stay
        assert {w for w in slow_words if w.isascii()} <= set(word.findall(fast))


# --- html_to_text ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Một</p><p>Hai</p>", "Một\n\nHai"),
        (
            "<div><p>Sáng ngày 22/12/2017,\n  UBND   phường</p></div>",
            "Sáng ngày 22/12/2017, UBND phường",
        ),
        ("dòng 1<br>dòng 2<br/>dòng 3", "dòng 1\n\ndòng 2\n\ndòng 3"),
        ("<div>x<div>y</div>z</div>", "x\n\ny\n\nz"),
        ("<p>a<b>đậm</b>c <i>nghiêng</i></p>", "ađậmc nghiêng"),
        ("<h2>Tiêu đề</h2><ul><li>Một</li><li>Hai</li></ul>", "Tiêu đề\n\nMột\n\nHai"),
        (
            "<table><tr><td>Chỉ tiêu</td><td>Kết quả</td></tr>"
            "<tr><td>A</td><td>105%</td></tr></table>",
            "Chỉ tiêu Kết quả\n\nA 105%",
        ),
        (
            "<p>Trước</p><script>var x = '<p>không</p>';</script><style>p{}</style><p>Sau</p>",
            "Trước\n\nSau",
        ),
        ("<p>Có<!-- chú thích --> chữ</p>", "Có chữ"),
        ("<p>A&nbsp;&nbsp;B &amp; C</p>", "A B & C"),
        ("<p>Đảng uỷ phường</p>", "Đảng ủy phường"),
        ("<p>§¶ng ñy ph\xadêng</p>", "Đảng ủy phường"),
        ("<html><head><title>T</title></head><body><p>Thân</p></body></html>", "Thân"),
        ("<p></p><p>   </p><p>Chữ</p>", "Chữ"),
        ("chỉ là chữ", "chỉ là chữ"),
    ],
)
def test_html_to_text(html, expected):
    assert html_to_text(html) == expected


@pytest.mark.parametrize("html", [None, "", "   ", "<p></p>", "<script>x()</script>"])
def test_html_to_text_empty(html):
    assert html_to_text(html) == ""


# --- sanitize_html ---------------------------------------------------------------------
BASE = "http://haibatrung.hanoi.gov.vn/hoat-dong-cac-phuong1/-/view_content/1-x.html"
REL = 'rel="noopener noreferrer nofollow"'


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Chữ</p>", "<p>Chữ</p>"),
        ('<p onclick="x()">Chữ</p>', "<p>Chữ</p>"),
        ("<p>a</p><script>alert(1)</script>", "<p>a</p>"),
        ("<style>p{}</style><p>a</p>", "<p>a</p>"),
        ('<iframe src="http://x/"></iframe><p>a</p>', "<p>a</p>"),
        ('<object data="x.swf"></object><embed src="x.swf"><p>a</p>', "<p>a</p>"),
        ('<form action="/x"><input name="q"></form><p>a</p>', "<p>a</p>"),
        (
            '<a href="/documents/1.pdf">Tải</a>',
            f'<a href="http://haibatrung.hanoi.gov.vn/documents/1.pdf" {REL}>Tải</a>',
        ),
        ('<a href="javascript:alert(1)">x</a>', f"<a {REL}>x</a>"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', f"<a {REL}>x</a>"),
        ('<img src="data:image/png;base64,AAAA" alt="a">', '<img alt="a">'),
        (
            '<img src="anh/1.jpg" alt="Hội nghị" onerror="x()">',
            '<img src="http://haibatrung.hanoi.gov.vn/hoat-dong-cac-phuong1/-/view_content/'
            'anh/1.jpg" alt="Hội nghị">',
        ),
        (
            '<a href="//cdn.example.vn/a.jpg">x</a>',
            f'<a href="http://cdn.example.vn/a.jpg" {REL}>x</a>',
        ),
        (
            '<a href="https://hanoi.gov.vn/" target="_blank">x</a>',
            f'<a href="https://hanoi.gov.vn/" {REL}>x</a>',
        ),
        ("<h1>H1</h1><h2>H2</h2>", "H1<h2>H2</h2>"),
        ('<span style="color:red">x</span><div class="c">y</div>', "xy"),
        (
            '<table><tr><td colspan="2">a</td></tr></table>',
            '<table><tbody><tr><td colspan="2">a</td></tr></tbody></table>',
        ),
        (
            "<blockquote>Trích</blockquote><ul><li>Một</li></ul>",
            "<blockquote>Trích</blockquote><ul><li>Một</li></ul>",
        ),
    ],
)
def test_sanitize_html(html, expected):
    assert sanitize_html(html, BASE) == expected


@pytest.mark.parametrize("html", [None, ""])
def test_sanitize_html_empty(html):
    assert sanitize_html(html, BASE) == ""


# --- content_hash ----------------------------------------------------------------------
def test_content_hash_is_sha256_of_clean_title_and_body():
    expected = hashlib.sha256("Tiêu đề\n\nThân bài".encode()).hexdigest()
    assert content_hash("Tiêu đề", "Thân bài") == expected


def test_content_hash_ignores_spacing_and_tone_placement():
    assert content_hash("Hoà  giải", "Đảng uỷ\u00a0phường") == content_hash(
        "Hòa giải", "Đảng ủy phường"
    )


def test_content_hash_changes_with_text_and_accepts_none():
    assert content_hash("A", "B") != content_hash("A", "C")
    assert content_hash(None, None) == hashlib.sha256(b"\n\n").hexdigest()


# --- encoding: fix_legacy_text ---------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("§¶ng ñy", "Đảng ủy"),
        ("Ñaûng uûy", "Đảng ủy"),
        (
            "§¶ng ñy ph\xadêng B¸ch Khoa tæ chøc héi nghÞ",
            "Đảng ủy phường Bách Khoa tổ chức hội nghị",
        ),
        (
            "Ñaûng uûy phöôøng Baùch Khoa toå chöùc hoäi nghò",
            "Đảng ủy phường Bách Khoa tổ chức hội nghị",
        ),
    ],
)
def test_fix_legacy_text_converts(raw, expected):
    assert fix_legacy_text(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "Đảng ủy phường Bách Khoa",  # real Unicode Vietnamese
        "Hòa Bình, Thủy, Khỏe",
        "plain ASCII",
        "Café señor año",  # Spanish
        "Straße Größe Öl",  # German
        "© 2018 Bản quyền thuộc UBND quận",  # a single Latin-1 sign
        "Nhiệt độ 30°C",
        "",
    ],
)
def test_fix_legacy_text_leaves_unicode_alone(raw):
    assert fix_legacy_text(raw) == raw


# --- encoding: decode_html -------------------------------------------------------------
VN = "Đảng ủy phường Bách Khoa tổ chức hội nghị tổng kết phong trào thi đua năm 2017"


@pytest.mark.parametrize(
    ("body", "declared", "text", "encoding"),
    [
        (VN.encode(), "utf-8", VN, "utf-8"),
        (VN.encode(), None, VN, "utf-8"),
        (VN.encode(), "iso-8859-1", VN, "utf-8"),  # the server default lies
        (b"\xef\xbb\xbf" + VN.encode(), "windows-1252", VN, "utf-8-sig"),  # BOM wins
        ("x".encode("utf-16"), None, "x", "utf-16-le"),
        (to_cp1258(VN), "windows-1258", VN, "cp1258"),  # combining tones -> NFC
        (
            b'<meta charset="windows-1258">' + to_cp1258(VN),
            None,
            '<meta charset="windows-1258">' + VN,
            "cp1258",
        ),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
            + to_cp1258(VN),
            "bogus",
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">' + VN,
            "cp1258",
        ),
        ("Café déjà vu".encode("cp1252"), "windows-1252", "Café déjà vu", "cp1252"),
        (
            b"\xa7\xb6ng \xf1y ph\xad\xeang B\xb8ch Khoa",
            None,
            "§¶ng ñy ph\xadêng B¸ch Khoa",
            "cp1252",
        ),
        (b"", None, "", "utf-8"),
    ],
)
def test_decode_html(body, declared, text, encoding):
    assert decode_html(body, declared) == (text, encoding)


@pytest.mark.parametrize("body", [b"\x81\x8d\xff\xfe garbage", b"\x00\x01\x02", bytes(range(256))])
def test_decode_html_never_raises(body):
    text, encoding = decode_html(body, "no-such-charset")
    assert isinstance(text, str) and encoding


def test_decoded_windows_1258_is_nfc():
    text, _ = decode_html(to_cp1258(VN) * 3)
    assert unicodedata.is_normalized("NFC", text)
