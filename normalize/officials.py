"""Officials named in ward news: `đồng chí <Name> – <position>` and the body they serve."""

from __future__ import annotations

import re
from dataclasses import dataclass

from normalize.bylines import canonical_name
from normalize.text import clean_text

__all__ = ["Mention", "find_mentions"]


@dataclass
class Mention:
    """An official: `Mention("Nguyễn Văn Khang", "Chủ tịch UBND phường", "UBND phường X")`."""

    person: str
    position: str
    organisation: str | None


# Who introduces an official: đồng chí, đ/c, ông, bà. A plain alternation of literals
# lets the regex engine skip ahead fast (a leading look-behind made it 4x slower); word
# boundaries and "các đồng chí" (a group, no names) are checked in Python.
_TRIGGER = re.compile(r"(?:đồng chí|Đồng chí|ĐỒNG CHÍ|đ/c|Đ/c|Đ/C|đ/ c|Đ/ c|ông|Ông|bà|Bà)\s*:?\s+")
_GROUP_BEFORE = re.compile(r"(?:các|Các|những|hai|ba)\s+$")


def _is_trigger(text: str, m: re.Match[str]) -> bool:
    """A real "đồng chí/ông/bà" opening a name, not part of a word or a group."""
    start = m.start()
    if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return False
    return not _GROUP_BEFORE.search(text[max(0, start - 8) : start])


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
_POSITION_START = re.compile(
    r"(?:(?:nguyên|quyền)\s+)?(?:" + "|".join(map(re.escape, _POSITIONS)) + r")(?![\wÀ-ỹ])",
    re.I,
)
_NAME_WORD = re.compile(r"[^\W\d_]+")
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


def _read_name(text: str, pos: int) -> tuple[str, int] | None:
    """2-5 capitalised words from `pos`, stopping before a position word."""
    words: list[str] = []
    end = pos
    for m in _NAME_WORD.finditer(text, pos):
        gap = text[end : m.start()]
        if words and gap.strip() or (not words and m.start() != pos):
            break
        if "\n" in gap:
            break
        word = m.group()
        if not word[0].isupper():
            break
        if words and _POSITION_START.match(text, m.start()):
            break
        words.append(word)
        end = m.end()
        if len(words) == 5:
            break
    if not 2 <= len(words) <= 5:
        return None
    return " ".join(words), end


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


def _organisation(position: str, ward: str | None, district: str | None) -> str | None:
    """The body a position names: `Chủ tịch UBND phường` + ward -> `UBND phường Bách Khoa`."""
    clauses = [c.strip() for c in re.split(r",|\bkiêm\b", position) if c.strip()]
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
        for trig in _TRIGGER.finditer(text):
            if not _is_trigger(text, trig):
                continue
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
