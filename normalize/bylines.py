"""Bylines of Vietnamese ward news: who wrote it, for which body, from which source."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from normalize.dates import has_date
from normalize.text import clean_text

__all__ = ["Byline", "canonical_name", "is_byline", "split_byline"]


@dataclass
class Byline:
    """A split byline: `Minh Thuận - UBND phường Bách Khoa` -> authors + org."""

    authors: list[str] = field(default_factory=list)
    org: str | None = None
    source: str | None = None
    raw: str = ""


# "Tin, ảnh:", "Bài và ảnh:", "Tin/ảnh:", "Ảnh:", "Thực hiện:" ... always with a colon, so
# that an ordinary sentence starting with "Tin" or "Bài" never looks like a label.
_KIND = (
    r"(?:tin|bài|ảnh|clip|video|đồ họa|infographic|thực hiện|tác giả|người viết|tổng hợp"
    r"|biên tập|lược dịch|trình bày)"
)
_LABEL = re.compile(rf"^{_KIND}(?:\s*(?:,|và|&|/|\+|-)\s*{_KIND})*\s*[:：]\s*", re.I)
_INNER_LABEL = re.compile(rf"\s*[;,|–-]?\s*(?<![\wÀ-ỹ]){_KIND}\s*[:：]\s*", re.I)
_SOURCE_LABEL = re.compile(r"^(?:nguồn|theo|nguồn tin|nguồn ảnh)\s*[:：]?\s*", re.I)
# Roles stand for "a staff member", not a person: they are never names.
_ROLE = re.compile(
    r"^(?:nhóm\s+)?(?:pv|ctv|btv|ttv|bbt|nv|phóng viên|cộng tác viên|biên tập viên|"
    r"ban biên tập|tòa soạn|nhóm phóng viên|nhóm pv)(?![\wÀ-ỹ])\.?\s*[:.]?\s*",
    re.I,
)
# Lines that end an article but are not bylines.
_NOT_BYLINE = re.compile(
    r"^(?:tags?|từ khóa|từ khoá|xem thêm|tin liên quan|tin khác|các tin|bình luận|ý kiến|"
    r"chia sẻ|in bài|bản in|lượt xem|gửi|quay lại|về đầu trang|trở về|đầu trang|top|"
    r"tải về|file đính kèm|đính kèm|liên hệ|email|điện thoại|tel|hotline)\b",
    re.I,
)
# Acronyms that only ever name a body.
_ORG_ACRONYMS = frozenset(
    "UBND HĐND MTTQ TTVH TTYT TT-VH VH-TT VHTT BCH BQL CLB TDP THCS THPT LĐLĐ HLHPN HCCB "
    "HND ĐTN TNCS TTXVN VOV VTV QĐND CAND TTĐT CTTĐT UBMTTQ ĐUP TCCS BCĐ".split()
)
# First word(s) of a body's name, matched with diacritics: folding would make "Phong"
# (a given name) look like "phòng" and "Bảo" like "báo".
_ORG_STARTS = (
    "phường",
    "quận",
    "xã",
    "huyện",
    "tỉnh",
    "tp",
    "tp.",
    "thị trấn",
    "thị xã",
    "thành phố",
    "hội",
    "phòng",
    "ban",
    "báo",
    "đài",
    "sở",
    "bộ",
    "cục",
    "chi cục",
    "chi bộ",
    "chi hội",
    "chi đoàn",
    "viện",
    "trạm",
    "đảng ủy",
    "đảng bộ",
    "ủy ban",
    "mặt trận",
    "công an",
    "công ty",
    "trung tâm",
    "văn phòng",
    "tạp chí",
    "tổ dân phố",
    "khu phố",
    "khu dân cư",
    "câu lạc bộ",
    "bệnh viện",
    "cổng thông tin",
    "cổng ttđt",
    "liên đoàn",
    "hợp tác xã",
    "ngân hàng",
    "thông tấn",
    "quận ủy",
    "huyện ủy",
    "thành ủy",
    "tỉnh ủy",
    "đoàn thanh niên",
    "đoàn tn",
    "đoàn phường",
    "tòa án",
    "viện kiểm sát",
)
_ORG_WORDS = frozenset(_ORG_STARTS)
_ORG_WORDS_AND_SPACE = tuple(start + " " for start in _ORG_STARTS)


def _opens_with_org_word(lower: str) -> bool:
    """Whether lower-cased text is, or opens with, one of _ORG_STARTS and a space."""
    return lower in _ORG_WORDS or lower.startswith(_ORG_WORDS_AND_SPACE)


# Common words that begin like a body but are not one ("Hội nghị" is a conference,
# "Báo cáo" a report, "Phòng chống" prevention).
_NOT_ORG_STARTS = (
    "hội nghị",
    "hội thi",
    "hội diễn",
    "hội thao",
    "hội trại",
    "hội chợ",
    "hội thảo",
    "hội viên",
    "báo cáo",
    "phòng chống",
    "phòng ngừa",
    "phòng cháy",
    "ban hành",
    "bộ đội",
    "bộ mặt",
    "xã hội",
)
_ORG_ONLY_STARTS = (
    "ban biên tập",
    "cổng thông tin",
    "cổng ttđt",
    "văn phòng",
    "báo ",
    "đài ",
    "trung tâm",
    "phòng ",
)
_SCHOOL_NEXT = frozenset("mầm tiểu trung đại cao mẫu chính phổ thcs thpt mn th".split())
# Words that make a "body" part a sentence instead ("UBND phường tổ chức hội nghị").
_SENTENCE_WORDS = frozenset(
    "đã được là sẽ đang cho tại với về nhằm để này những một khi thì nhưng trong từ đến có "
    "chức tiếp phát biểu nhấn mạnh tham dự".split()
)
# Credits that name where a photo came from, not who took it ("Ảnh: Internet").
_NOT_PEOPLE = frozenset(
    {
        "internet",
        "nguồn internet",
        "sưu tầm",
        "st",
        "minh họa",
        "tư liệu",
        "ảnh tư liệu",
        "chụp màn hình",
        "facebook",
        "zalo",
        "youtube",
        "google",
    }
)
# "Phóng viên Báo Hà Nội Mới", "Cán bộ VHTT phường": the body is what follows the role.
_ORG_ROLE = re.compile(
    r"^(?:phóng viên|pv|ctv|cộng tác viên|cán bộ|công chức|chuyên viên|nhân viên)\s+(?=\S)",
    re.I,
)
_DASH_SPLIT = re.compile(r"\s+[-–—]+\s+|\s*[–—]\s*|(?<=[a-zà-ỹ])-(?=[A-ZÀ-ỸĐ])")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\bvà\b|/)\s*")
_PAREN = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
_WORD_CHARS = re.compile(r"^[^\W\d_]+\.?$")


def canonical_name(name: str) -> str:
    """One spelling per person: `"MINH THUẬN"` / `"minh thuận"` -> `"Minh Thuận"`."""
    words = clean_text(name).strip(" .,;:-–—()[]\"'").split()
    return " ".join([w[:1].upper() + w[1:].lower() for w in words])


def _is_capitalised(word: str) -> bool:
    """Whether a word starts with an upper-case letter."""
    return word[:1].isupper()


def _is_org(part: str) -> bool:
    """Whether a byline part names a body (UBND phường X, Phòng Văn hóa, Báo Hà Nội Mới)."""
    words = part.split()
    if not words:
        return False
    if any(
        w.strip(".,:;()").upper() in _ORG_ACRONYMS and w.strip(".,:;()").isupper() for w in words
    ):
        return True
    lower = part.lower()
    if lower.startswith(_NOT_ORG_STARTS):
        return False
    if _opens_with_org_word(lower):
        return True
    if words[0].lower() == "trường" and len(words) > 1:
        # "Trường Giang" is a person; "Trường Mầm non Hoa Sữa" and "Trường THCS ..." are not.
        return words[1].lower() in _SCHOOL_NEXT or not _is_capitalised(words[1])
    # A person's name is capitalised throughout; a lower-case word means a body's name.
    return any(not _is_capitalised(w) for w in words if w.lower() not in ("và", "&", "-"))


def _is_name(part: str, *, allow_single: bool) -> bool:
    """Whether a part is a person's name: 1-5 capitalised syllables, letters only."""
    words = part.split()
    if not words or len(words) > 5 or (len(words) == 1 and not allow_single):
        return False
    return all(_is_capitalised(w) and _WORD_CHARS.match(w) and len(w) <= 8 for w in words)


def _is_clean_org(org: str) -> bool:
    """An org part that reads as a name, not as a sentence."""
    words = org.split()
    # Only lower-case words count as sentence words: "Thì" in "Phường Ngô Thì Nhậm" is a name.
    common = {w.lower() for w in words if not w[:1].isupper()}
    return 0 < len(words) <= 14 and not (_SENTENCE_WORDS & common)


@dataclass
class _Parse:
    """Intermediate result of reading a byline."""

    authors: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    source: str | None = None
    roles: int = 0
    bad: bool = False


def _read_people(text: str, result: _Parse, *, labelled: bool) -> None:
    """Read the names/orgs/roles of one dash-separated segment into `result`."""
    text = text.strip(" .,;:")
    if not text:
        return
    if not _ROLE.match(text) and _is_org(text):
        # "Minh Thuận, UBND phường Bách Khoa": split at the comma when the head is a person.
        head, _, tail = text.partition(",")
        if tail and _is_name(head.strip(), allow_single=False) and _is_org(tail.strip()):
            _read_people(head, result, labelled=labelled)
            result.orgs.append(tail.strip())
        else:
            result.orgs.append(text)
        return
    for part in _NAME_SPLIT.split(text):
        part = part.strip(" .:")
        if not part:
            continue
        role = _ROLE.match(part)
        if role:
            result.roles += 1
            part = part[role.end() :].strip(" .:")
            if not part:
                continue
        if role and _is_org_start(part):
            result.orgs.append(part)  # "Phóng viên Báo Hà Nội Mới"
        elif _is_name(part, allow_single=labelled or bool(role) or bool(result.orgs)):
            result.authors.append(canonical_name(part))
        elif _is_org(part):
            result.orgs.append(part)
        else:
            result.bad = True


def _is_org_start(text: str) -> bool:
    """Whether text opens with a body word or acronym (checked with diacritics)."""
    words = text.split()
    if not words:
        return False
    first = words[0].strip(".,:;()")
    if first.isupper() and first.upper() in _ORG_ACRONYMS:
        return True
    lower = text.lower()
    if lower.startswith(_NOT_ORG_STARTS):
        return False
    return _opens_with_org_word(lower)


_TWO_SENTENCES = re.compile(r"[.!?…]\s+\S")
_DOMAIN = re.compile(r"\.(?:vn|com|net|org)\b")


# Cached: extractors call is_byline then split_byline on the same line, and a site
# repeats its bylines from article to article.
@lru_cache(maxsize=4096)
def _parse(raw: str | None) -> _Parse | None:
    """Read a byline, or None when the text is clearly something else."""
    s = clean_text(raw).strip(" .;,")
    if not s or len(s) > 160 or "\n" in s:
        return None
    if s[0] in "([" and s[-1] in ")]":
        s = s[1:-1].strip(" .;,")
    if not s or _NOT_BYLINE.match(s) or has_date(s) or len(s.split()) > 16:
        return None
    if _TWO_SENTENCES.search(s) and not _DOMAIN.search(s):
        return None  # two sentences
    result = _Parse()
    labelled = False
    label = _LABEL.match(s)
    if label:
        s, labelled = s[label.end() :].strip(), True
        # "Tin: Thu Hà; Ảnh: Minh Đức": later labels just separate more names.
        s = _INNER_LABEL.sub(", ", s).strip(" ,")
        if s.lower().strip(" .()") in _NOT_PEOPLE:
            result.source = s.strip(" .()")
            return result
    source = _SOURCE_LABEL.match(s)
    if source and not label:
        rest = s[source.end() :].strip(" .")
        if _looks_like_source(rest, has_colon=":" in s[: source.end()]):
            result.source = rest
            return result
        return None
    # "Thu Hà (Phường Đồng Tâm)", "Thu Hà (Theo Báo Hà Nội Mới)"
    for m in _PAREN.finditer(s):
        inner = (m.group(1) or m.group(2) or "").strip(" .")
        src = _SOURCE_LABEL.match(inner)
        if src and _looks_like_source(inner[src.end() :], has_colon=True):
            result.source = inner[src.end() :].strip(" .")
        elif inner:
            _read_people(inner, result, labelled=True)
    s = _PAREN.sub(" ", s).strip(" .;,")
    segments = [seg.strip() for seg in _DASH_SPLIT.split(s) if seg and seg.strip()]
    # "Hùng - UBND phường": beside a body, a one-word name is still a name.
    labelled = labelled or any(_is_org_start(seg) for seg in segments)
    previous_was_org = False
    for seg in segments:
        seg = seg.strip()
        src = _SOURCE_LABEL.match(seg)
        if src and _looks_like_source(seg[src.end() :], has_colon=":" in seg[: src.end()]):
            result.source = seg[src.end() :].strip(" .")
            previous_was_org = False
            continue
        if previous_was_org and not _is_name(seg, allow_single=False) and not _ROLE.match(seg):
            # "Trung tâm Văn hóa - Thông tin quận": a spaced dash inside the body's name.
            result.orgs[-1] = f"{result.orgs[-1]} - {seg}"
            continue
        orgs_before = len(result.orgs)
        _read_people(seg, result, labelled=labelled)
        previous_was_org = len(result.orgs) > orgs_before and not result.bad
    return result


def _looks_like_source(text: str, *, has_colon: bool) -> bool:
    """A source after "Nguồn:"/"Theo": a domain, or a short capitalised name."""
    text = text.strip(" .")
    if not text:
        return False
    if re.fullmatch(r"[\w.-]+\.(?:vn|com|net|org|info|gov\.vn)(?:/\S*)?", text, re.I):
        return True
    words = text.split()
    if len(words) > 10 or _SENTENCE_WORDS & {w.lower() for w in words}:
        return False
    if has_colon:
        return True
    # Without a colon "Theo" also opens sentences ("Theo kế hoạch, ..."): demand a name.
    return (
        _is_capitalised(words[0])
        and "," not in text
        and (_is_org_start(text) or all(_is_capitalised(w) for w in words))
    )


def is_byline(text: str | None) -> bool:
    """Whether a short closing paragraph is a byline: `is_byline("Tin, ảnh: Thu Hà")` -> True."""
    try:
        result = _parse(text)
    except Exception:
        return False
    if result is None or result.bad:
        return False
    if result.source or result.authors or result.roles:
        return all(_is_clean_org(o) for o in result.orgs)
    # A body alone ("UBND phường Bách Khoa") only when it opens with an acronym or a
    # newsroom-like word: "Phường Bách Khoa tổng kết ..." is a caption or a title.
    if len(result.orgs) != 1:
        return False
    org = result.orgs[0]
    first = org.split()[0].strip(".,:;()")
    starts_right = (first.isupper() and first in _ORG_ACRONYMS) or org.lower().startswith(
        _ORG_ONLY_STARTS
    )
    return starts_right and len(org.split()) <= 8 and _is_clean_org(org)


def split_byline(raw: str | None) -> Byline:
    """Split a byline: `"Minh Thuận - UBND phường Bách Khoa"` -> authors ["Minh Thuận"], org."""
    raw_text = raw or ""
    try:
        result = _parse(raw_text)
    except Exception:
        result = None
    if result is None:
        return Byline(raw=raw_text)
    authors = list(dict.fromkeys(result.authors))  # one entry per person, first order kept
    org = _ORG_ROLE.sub("", clean_text(result.orgs[0])) if result.orgs else None
    return Byline(authors=authors, org=org, source=result.source, raw=raw_text)
