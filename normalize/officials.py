"""Officials named in ward news: `đồng chí <Name> – <position>` and the body they serve."""

from __future__ import annotations

import re
from dataclasses import dataclass

from normalize.bylines import canonical_name
from normalize.text import _VOWELS, clean_text

__all__ = ["Mention", "find_mentions"]


@dataclass
class Mention:
    """An official: `Mention("Nguyễn Văn Khang", "Chủ tịch UBND phường", "UBND phường X")`."""

    person: str
    position: str
    organisation: str | None


# Who introduces an official: đồng chí, đ/c, ông, bà, with a word boundary before it (`ông`
# in `công` is no trigger); "các đồng chí" (a group, no names) is checked in Python.
_TRIGGER_WORDS = (
    "đồng chí", "Đồng chí", "ĐỒNG CHÍ", "đ/c", "Đ/c", "Đ/C", "đ/ c", "Đ/ c",
    "ông", "Ông", "bà", "Bà",
)  # fmt: skip
# One regex per first letter, each opening with that literal letter: the regex engine skips
# ahead to a literal many times faster than to any of several characters (which a single
# alternation of the words is), and the word boundary is a look-behind placed after the
# letter (`(?<!\wđ)` after `đ`: no word character before it). No match can start inside
# another one (no word starts inside another word, nor with a space or a colon), so the
# matches of the regexes together, in text order, are the alternation's.
_TRIGGERS = tuple(
    re.compile(
        f"{first}(?<!\\w{first})(?:"
        + "|".join(re.escape(w[1:]) for w in _TRIGGER_WORDS if w[0] == first)
        + r")\s*:?\s+"
    )
    for first in dict.fromkeys(w[0] for w in _TRIGGER_WORDS)
)
_GROUP_BEFORE = re.compile(r"(?:các|Các|những|hai|ba)\s+$")


def _triggers(text: str) -> list[re.Match[str]]:
    """Every "đồng chí/đ/c/ông/bà" and the spaces after it, in text order."""
    found = [m for pattern in _TRIGGERS for m in pattern.finditer(text)]
    found.sort(key=re.Match.start)
    return found


# Phrases that open a position ("Chủ tịch", "Phó Bí thư", "Trưởng phòng" ...); a name
# stops before them when no dash separates the two. Whole phrases, because single words
# such as "Trung", "Đại", "Chánh", "Nguyên" and "Quyền" are also given names.
_POSITIONS = (
    "chủ tịch",
    "phó",
    "bí thư",
    "trưởng",
    "giám đốc",
    "ủy viên",
    "uỷ viên",
    "thường trực",
    "đại biểu",
    "tổ trưởng",
    "tổ phó",
    "chánh văn phòng",
    "chánh án",
    "chánh thanh tra",
    "chỉ huy",
    "thư ký",
    "cán bộ",
    "công chức",
    "hiệu trưởng",
    "hiệu phó",
    "kế toán",
    "chủ nhiệm",
    "đội trưởng",
    "tổng biên tập",
    "tổng giám đốc",
    "thiếu tá",
    "thiếu úy",
    "trung tá",
    "trung úy",
    "thượng tá",
    "thượng úy",
    "đại tá",
    "đại úy",
    "quận ủy viên",
    "huyện ủy viên",
    "thành ủy viên",
    "tỉnh ủy viên",
    "đảng ủy viên",
    "bác sĩ",
    "phụ trách",
    "chuyên viên",
    "người phát ngôn",
)


def _trie(words: tuple[str, ...]) -> str:
    """The words as one regex, branching letter by letter: `("phó", "phụ")` -> `ph(?:ó|ụ)`.

    It matches the same strings as the plain alternation `phó|phụ`, but the engine tries
    one branch per letter instead of one per word (with re.I it cannot skip a branch on
    its first letter alone), so a word that opens no phrase is turned away at once. Only
    for patterns whose matches are used as yes/no: the branches are not tried in order.
    """
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def regex(node: dict) -> str:
        branches = [re.escape(ch) + regex(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if "" in node:
            return "(?:" + "|".join(branches) + ")?"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return regex(tree)


# Matched as yes/no only (see _trie).
_POSITION_START = re.compile(
    r"(?:(?:nguyên|quyền)\s+)?" + _trie(_POSITIONS) + r"(?![\wÀ-ỹ])",
    re.I,
)
_SEPARATOR = re.compile(r"\s*(?:(?:[–—-]+|,|:|\()\s*)?")
# Where a position ends: a clause break, a new mention, or the verb of the sentence.
_POSITION_END = re.compile(
    r"\s*(?:;|:|(?<![A-ZĐ])\.(?=\s|$)|\)|…|\n|,\s*(?=(?:các\s+)?(?:đồng chí|đ/c|ông|bà)\s)"
    r"|\s+(?:và|cùng|cùng với|với)\s+(?:các\s+)?(?:đồng chí|đ/c|ông|bà)\s"
    r"|\s+(?:đã|đang|sẽ|vừa|cũng|phát biểu|cho biết|nhấn mạnh|khẳng định|yêu cầu|đề nghị|trao|tặng|"
    r"chủ trì|tham dự|dự|báo cáo|giới thiệu|chúc mừng|thay mặt|tới|đến|về|tại|với|trình bày|"
    r"gửi|kêu gọi|mong muốn|ghi nhận|biểu dương|đánh giá|chia sẻ|cùng|làm|là|được|thăm|lên)"
    r"(?![\wÀ-ỹ]))",
)
# Bodies a position names, first word(s) matched with diacritics; the body runs to the end
# of the clause ("phòng Văn hóa và Thông tin quận Hai Bà Trưng").
_BODY = re.compile(
    r"(?<![\wÀ-ỹ])(UBND|HĐND|UBMTTQ|MTTQ|Ủy ban|Uỷ ban|Hội đồng|Đảng ủy|Đảng uỷ|Đảng bộ|"
    r"Chi bộ|Mặt trận|"
    r"Ban|ban|Phòng|phòng|Hội|hội|Đoàn|đoàn|Công an|công an|Trung tâm|trung tâm|Trường|trường|"
    r"Văn phòng|văn phòng|Sở|sở|Cục|cục|Chi cục|chi cục|Trạm|trạm|Tổ dân phố|tổ dân phố|"
    r"Quận ủy|Huyện ủy|Thành ủy|Tỉnh ủy|Quận đoàn|Liên đoàn|Bệnh viện|Viện|Đài|Báo|Câu lạc bộ|CLB)"
    r"(?![\wÀ-ỹ])"
)
# "Quận ủy viên" is a title (member of the district committee), not a body.
_MEMBER_TITLE = re.compile(r"^(?:quận|huyện|thành|tỉnh|đảng)\s+ủy\s+viên\b", re.I)
_LOCALITY = re.compile(
    r"(?<![\wÀ-ỹ])(phường|Phường|xã|Xã|thị trấn|Thị trấn|quận|Quận|huyện|Huyện|thị xã|Thị xã)"
    r"(?:\s+(?P<name>(?:[A-ZÀ-ỸĐ0-9][\wÀ-ỹ]*)(?:\s+[A-ZÀ-ỸĐ0-9][\wÀ-ỹ]*)*))?"
)
_WARD_PREFIX = re.compile(r"^(?:phường|xã|thị trấn)\s+", re.I)
_DISTRICT_PREFIX = re.compile(r"^(?:quận|huyện|thị xã|thành phố)\s+", re.I)


# A name's run of words, read in one match: up to 5 words at `pos`, each after spaces (no
# line break) and, from the second on, not opening a position. Whether each word is
# capitalised is checked in Python; the run already stops at a word that starts with a
# lower-case letter (`_LOWER`), the commonest way not to be, before the costlier
# position test.
_LOWER = "a-zđ" + "".join(ch for ch in _VOWELS if ch.islower() and not ch.isascii())
_NAME_RUN = re.compile(
    rf"(?![{_LOWER}])[^\W\d_]+"
    rf"(?:[^\S\n]+(?![{_LOWER}])(?!(?i:{_POSITION_START.pattern}))[^\W\d_]+){{0,4}}"
)


def _read_name(text: str, pos: int) -> tuple[str, int] | None:
    """2-5 capitalised words from `pos`, stopping before a position word."""
    m = _NAME_RUN.match(text, pos)
    if m is None:
        return None
    words = m.group().split()
    kept = 0
    for word in words:
        if not word[0].isupper():
            break
        kept += 1
    if kept < 2:
        return None
    if kept == len(words):
        return " ".join(words), m.end()
    end = pos
    for word in words[:kept]:
        end = text.index(word, end) + len(word)
    return " ".join(words[:kept]), end


def _read_position(text: str, pos: int) -> str:
    """The position after a name: up to `;`, `.`, a new mention or the sentence's verb."""
    sep = _SEPARATOR.match(text, pos)
    start = sep.end() if sep else pos
    if not _POSITION_START.match(text, start):
        return ""
    rest = text[start : start + 200]
    m = _POSITION_END.search(rest)
    position = rest[: m.start()] if m else rest
    return position.strip(" ,:–—-")


_CLAUSE_SPLIT = re.compile(r",|\bkiêm\b")


def _organisation(position: str, ward: str | None, district: str | None) -> str | None:
    """The body a position names: `Chủ tịch UBND phường` + ward -> `UBND phường Bách Khoa`."""
    clauses = [c.strip() for c in _CLAUSE_SPLIT.split(position) if c.strip()]
    for i, clause in enumerate(clauses):
        if _MEMBER_TITLE.match(clause):
            continue
        m = _BODY.search(clause)
        if m is None:
            continue
        body = clause[m.start() :]
        body = body[0].upper() + body[1:]
        if _LOCALITY.search(body) is None:
            # "Bí thư Đảng ủy, Chủ tịch HĐND phường": the level is written once, later on.
            later = next((c for c in clauses[i + 1 :] if _LOCALITY.search(c)), None)
            if later:
                loc = _LOCALITY.search(later)
                body = f"{body} {loc.group(0)}"  # type: ignore[union-attr]
        return _fill_locality(body, ward, district)
    return None


def _fill_locality(body: str, ward: str | None, district: str | None) -> str:
    """Name a bare `phường`/`quận` at the end of a body after the article's ward/district."""
    m = None
    for m in _LOCALITY.finditer(body):  # noqa: B007 - we want the last one
        pass
    if m is None or m.group("name") or m.end() != len(body.rstrip()):
        return body
    kind = m.group(1).lower()
    if kind in ("phường", "xã", "thị trấn") and ward:
        return f"{body.rstrip()} {_WARD_PREFIX.sub('', ward.strip())}"
    if kind in ("quận", "huyện", "thị xã") and district:
        return f"{body.rstrip()} {_DISTRICT_PREFIX.sub('', district.strip())}"
    return body


def find_mentions(
    text: str | None, *, ward: str | None = None, district: str | None = None
) -> list[Mention]:
    """Officials in a text: `"đồng chí Nguyễn Văn Khang – Chủ tịch UBND phường"` -> [Mention]."""
    if not text:
        return []
    try:
        # Cleaned once here (free for a body that came from clean_text: it is cached), so
        # that each position below, a slice of clean text, only needs its spaces tidied.
        text = clean_text(text)
        found: dict[str, Mention] = {}
        spellings: dict[str, str] = {}  # as written -> canonical; officials recur
        for trig in _triggers(text):
            start = trig.start()
            if start and _GROUP_BEFORE.search(text, max(0, start - 8), start):
                continue  # "các đồng chí": a group (the word boundary is in _TRIGGERS)
            name = _read_name(text, trig.end())
            if name is None:
                continue
            person = spellings.get(name[0])
            if person is None:
                person = spellings[name[0]] = canonical_name(name[0])
            if person in found:
                continue  # one mention per person, with the position first written
            position = " ".join(_read_position(text, name[1]).split())
            if not position:
                continue  # no position: a citizen, not an official
            found[person] = Mention(person, position, _organisation(position, ward, district))
        return list(found.values())
    except Exception:  # a normaliser never breaks a crawl
        return []
