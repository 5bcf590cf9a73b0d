"""Article stories for the demo mirror: invented but realistic Vietnamese ward news.

A `Story` is what the CMS renderers need (title, date, body blocks, byline) plus what
truth.json records (event date, officials named, ward). `write_story()` draws one from a
seeded `random.Random`; `reference_story()` is the real Bách Khoa article from
shared/seed, kept word for word.

Officials enter the text only through `Doc.o()`, which leaves a placeholder in the sentence;
`Doc.finish()` swaps the placeholders for the phrases and lists the mentions in reading
order, so the truth can never disagree with the text.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from mirror.people import Person, Roster, make_person, term_of
from mirror.places import District, Ward

__all__ = ["Block", "Byline", "Story", "KINDS", "write_story", "reference_story", "pick_kind"]


@dataclass
class Block:
    """One piece of an article body: a paragraph, a photo with caption, a table or a file link."""

    kind: str  # "p", "img", "table", "file", "sub"
    text: str = ""  # paragraph text, caption or link label
    photo: int = 0  # 1..10, which asset photo
    rows: list[list[str]] = field(default_factory=list)
    file: str = ""  # attachment stem, e.g. "KH-45-UBND"


@dataclass
class Byline:
    """The credit line as shown, and what it means."""

    raw: str
    authors: list[str]
    org: str | None
    style: str = "plain"  # how renderers dress it: plain, strong, em, pad


@dataclass
class Story:
    """One article, before any CMS renders it."""

    title: str
    ward: Ward
    kind: str
    published: datetime
    event_date: date | None
    blocks: list[Block]
    byline: Byline | None
    mentions: list[tuple[str, str]]
    tags: list[str] = field(default_factory=list)
    views: int = 0
    key: int = 0  # the CMS id (Liferay article id, WordPress post id, ...)
    slug: str = ""
    indent: bool = False  # CKEditor-style "&nbsp; &nbsp;" indents

    @property
    def lead(self) -> str:
        """First paragraph text."""
        return next(b.text for b in self.blocks if b.kind == "p")


TET = {
    2017: (date(2017, 1, 28), "Đinh Dậu"),
    2018: (date(2018, 2, 16), "Mậu Tuất"),
    2019: (date(2019, 2, 5), "Kỷ Hợi"),
    2020: (date(2020, 1, 25), "Canh Tý"),
    2021: (date(2021, 2, 12), "Tân Sửu"),
    2022: (date(2022, 2, 1), "Nhâm Dần"),
    2023: (date(2023, 1, 22), "Quý Mão"),
    2024: (date(2024, 2, 10), "Giáp Thìn"),
    2025: (date(2025, 1, 29), "Ất Tỵ"),
}
MID_AUTUMN = {
    2017: date(2017, 10, 4),
    2018: date(2018, 9, 24),
    2019: date(2019, 9, 13),
    2020: date(2020, 10, 1),
    2021: date(2021, 9, 21),
    2022: date(2022, 9, 10),
    2023: date(2023, 9, 29),
    2024: date(2024, 9, 17),
}
RANKS = ["Thiếu tá", "Trung tá", "Đại úy", "Trung tá"]


def nfc(text: str) -> str:
    """Unicode NFC, which every string in the mirror is written in (before any re-encoding)."""
    return unicodedata.normalize("NFC", text)


def dmy(day: date, year: bool = True, zero: bool = False, sep: str = "/") -> str:
    """Vietnamese day-first date: dmy(date(2018, 1, 5)) -> '5/1/2018'."""
    d, m = (f"{day.day:02d}", f"{day.month:02d}") if zero else (str(day.day), str(day.month))
    return f"{d}{sep}{m}{sep}{day.year}" if year else f"{d}{sep}{m}"


class Doc:
    """Builds one story's body, tracking the officials it names and the event date of its lead."""

    def __init__(
        self,
        rng: random.Random,
        district: District,
        ward: Ward,
        published: datetime,
        event: date,
        south: bool,
    ):
        self.rng, self.district, self.ward = rng, district, ward
        self.published, self.event, self.south = published, event, south
        self.Y = event.year
        self.event_date: date | None = None
        self.roster = Roster(f"{district.key}/{ward.short}", term_of(event), south)
        self.droster = Roster(district.key, term_of(event), south, district=True)
        self.dash = rng.choice([" – ", " – ", " - "])
        self._phrases: list[tuple[str, str, str]] = []
        self.images: list[tuple[int, str]] = []
        self.table: list[list[str]] | None = None
        self.table_intro = ""
        self.attachment: tuple[str, str] | None = None
        self.tags: list[str] = []

    # -- places -------------------------------------------------------------------------
    @property
    def W(self) -> str:  # noqa: N802 - reads like the text it stands for
        """'phường Bách Khoa'."""
        return self.ward.lower

    @property
    def WN(self) -> str:  # noqa: N802
        """'Phường Bách Khoa'."""
        return self.ward.named

    @property
    def ubnd(self) -> str:
        """'UBND phường Bách Khoa'."""
        return f"UBND {self.W}"

    @property
    def ubndq(self) -> str:
        """'UBND quận Hai Bà Trưng'."""
        return f"UBND {self.district.lower}"

    @property
    def party(self) -> str:
        """'Quận ủy Hai Bà Trưng' / 'Thành ủy Thủ Dầu Một'."""
        return self.district.name.replace("Quận ", "Quận ủy ").replace("Thành phố ", "Thành ủy ")

    def street(self) -> str:
        """A street of the ward as a sentence names it: 'phố Tạ Quang Bửu', 'đường 30/4'."""
        name = self.rng.choice(self.ward.streets)
        if name.startswith("Đại lộ"):
            return name
        if self.district.key == "haibatrung" and name not in {"Giải Phóng", "Minh Khai", "Đại La"}:
            return f"phố {name}"
        return f"đường {name}"

    def hamlet(self) -> str:
        """'tổ dân phố số 5' / 'khu phố 3'."""
        n = self.rng.randint(1, 24 if self.district.hamlet == "tổ dân phố" else 6)
        return f"tổ dân phố số {n}" if self.district.hamlet == "tổ dân phố" else f"khu phố {n}"

    def n(self, lo: int, hi: int) -> int:
        """Random int in [lo, hi]."""
        return self.rng.randint(lo, hi)

    def pick(self, options: list[str]) -> str:
        """Random choice."""
        return self.rng.choice(options)

    def money(self, lo: int, hi: int) -> str:
        """'125 triệu đồng' between lo and hi million."""
        return f"{self.n(lo, hi)} triệu đồng"

    def citizen(self, old: bool = False) -> str:
        """A resident named without a position (never an official mention)."""
        person = make_person(self.rng, None, self.south)
        if old:
            return f"cụ {person.name} ({self.n(80, 98)} tuổi, {self.hamlet()})"
        return f"gia đình {person.pron} {person.name} ở {self.hamlet()}"

    # -- officials ----------------------------------------------------------------------
    def o(self, role: str, style: str = "dc", variant: int | None = None) -> str:
        """Name an official; returns a placeholder that `finish()` turns into the phrase."""
        district = role.startswith("q_")
        roster = self.droster if district else self.roster
        person: Person = roster.person(role)
        positions = roster.positions(role)
        if variant is None:
            variant = 0 if style.lower() == "comma" else self.rng.randrange(len(positions))
        position = positions[variant].format(
            d=self.district.lower,
            u=self.district.unit,
            U=self.party,
            Ushort=self.party.split(" ")[0] + " " + self.party.split(" ")[1],
        )
        if not district and position.endswith("phường") and self.rng.random() < 0.25:
            position = f"{position} {self.ward.short}"
        dash = self.dash if self.rng.random() < 0.85 else self.rng.choice([" – ", " - "])
        name = person.name
        if style in ("dc", "Dc"):
            phrase = f"{'Đồng' if style == 'Dc' else 'đồng'} chí {name}{dash}{position}"
        elif style in ("ob", "Ob"):
            pron = person.pron.capitalize() if style == "Ob" else person.pron
            phrase = f"{pron} {name}{dash}{position}"
        elif style in ("comma", "Comma"):
            pron = person.pron.capitalize() if style == "Comma" else person.pron
            phrase = f"{pron} {name}, {position}"
        elif style == "rank":
            rank = RANKS[sum(map(ord, name)) % len(RANKS)]
            phrase = f"{rank} {name}{dash}{position}"
        else:
            raise ValueError(style)
        self._phrases.append((phrase, name, position))
        return f"\x01{len(self._phrases) - 1}\x02"

    def short(self, role: str) -> str:
        """'đồng chí Khang': a later reference by given name, not a mention."""
        roster = self.droster if role.startswith("q_") else self.roster
        return f"đồng chí {roster.person(role).name.split()[-1]}"

    # -- the lead -----------------------------------------------------------------------
    def when(self, allow_undated: bool = True) -> str:
        """Opening words dating the event ('Sáng ngày 22/12/2017'); sets `event_date`."""
        ev, pub, rng = self.event, self.published.date(), self.rng
        part = rng.choice(["Sáng", "Sáng", "Chiều", "Sáng", "Chiều", "Tối", ""])
        if ev == pub:
            # Reported the same day: the event must be over before the article went up.
            hour = self.published.hour
            done = ["Sáng"] + (["Chiều"] if hour >= 17 else []) + (["Tối"] if hour >= 21 else [])
            part = part if part in done else "Sáng"
        r = rng.random()
        self.event_date = ev
        if allow_undated and r < 0.10:
            self.event_date = None
            return rng.choice(["Vừa qua", "Mới đây", "Trong những ngày qua"])
        if r < 0.16 and ev == pub and part:
            return f"{part} nay ({dmy(ev, year=False)})"
        if r < 0.22 and (pub - ev).days == 1 and part in ("Sáng", "Chiều", "Tối"):
            return f"{part} qua ({dmy(ev, year=False)})"
        if r < 0.30 and (pub - ev).days >= 1 and (ev + timedelta(days=1)).month == ev.month:
            return f"Trong 2 ngày {ev.day} và {ev.day + 1}/{ev.month}/{ev.year}"
        if r < 0.38:
            plan = ev - timedelta(days=rng.randint(12, 40))
            return (
                f"Thực hiện Kế hoạch số {rng.randint(12, 260)}/KH-UBND ngày {dmy(plan)} của "
                f"{self.ubndq}, {(part or 'ngày').lower()} {dmy(ev, year=False)}"
            )
        if r < 0.44:
            return f"{part or 'Ngày'} {'ngày ' if part else ''}{ev.day} tháng {ev.month} năm {ev.year}".strip()
        fmt = rng.random()
        if fmt < 0.30:
            text = dmy(ev, zero=rng.random() < 0.3)
        elif fmt < 0.75:
            text = dmy(ev, year=False, zero=rng.random() < 0.2)
        else:
            text = dmy(ev, year=False, sep="-")
        if part:
            return f"{part} {'ngày ' if rng.random() < 0.5 else ''}{text}"
        return f"Ngày {text}"

    # -- blocks -------------------------------------------------------------------------
    def photo(self, photo: int, caption: str) -> None:
        """Queue a photo with its caption."""
        self.images.append((photo, caption))

    def finish(
        self, lead: str, body: list[str], closing: list[str], target: int
    ) -> tuple[list[Block], list[tuple[str, str]]]:
        """Assemble about `target` paragraphs with photos, table and file; resolve mentions."""
        rng = self.rng
        body = list(body)
        extras = generic_paragraphs(self)
        rng.shuffle(extras)
        while len(body) + len(closing) + 1 < target and extras:
            body.append(extras.pop())
        while len(body) + len(closing) + 1 > target and len(body) > 1:
            body.pop(rng.randrange(1, len(body)) if len(body) > 2 else len(body) - 1)
        if len(body) + len(closing) + 1 > target and closing:
            closing = closing[: max(0, target - 1 - len(body))]
        paragraphs = [lead, *body, *closing]
        blocks = [Block("p", p) for p in paragraphs]
        images = self.images[: rng.choice([0, 1, 1, 2, 2, 3])]
        for i, (photo, caption) in enumerate(images):
            at = min(len(blocks), 1 + i * 2 + rng.randint(0, 1))
            blocks.insert(at, Block("img", caption, photo=photo))
        if self.table and rng.random() < 0.5:
            at = max(2, len(blocks) - 1 - len(closing))
            blocks.insert(at, Block("table", rows=self.table))
            if self.table_intro:
                blocks.insert(at, Block("p", self.table_intro))
        if self.attachment and rng.random() < 0.45:
            label, stem = self.attachment
            blocks.append(Block("file", label, file=stem))
        return self._resolve(blocks)

    def _resolve(self, blocks: list[Block]) -> tuple[list[Block], list[tuple[str, str]]]:
        mentions: list[tuple[str, str]] = []

        def swap(match: re.Match[str]) -> str:
            phrase, name, position = self._phrases[int(match.group(1))]
            mentions.append((name, position))
            return phrase

        for block in blocks:
            block.text = nfc(re.sub("\x01(\\d+)\x02", swap, block.text))
            block.rows = [
                [nfc(re.sub("\x01(\\d+)\x02", swap, c)) for c in row] for row in block.rows
            ]
        return blocks, mentions


# ---------------------------------------------------------------------------------------
# Paragraphs any story may borrow.


def generic_paragraphs(d: Doc) -> list[str]:
    """Filler a real ward report would carry: context, figures, thanks, next steps."""
    return [
        f"Thời gian qua, Đảng ủy, HĐND, UBND {d.W} đã tập trung lãnh đạo, chỉ đạo triển khai "
        f"đồng bộ các giải pháp, bám sát chương trình công tác năm {d.Y} của {d.ubndq}. "
        f"Nhờ vậy, tình hình kinh tế - xã hội trên địa bàn tiếp tục ổn định, quốc phòng - an ninh "
        f"được giữ vững, đời sống vật chất, tinh thần của nhân dân từng bước được nâng lên.",
        f"Theo báo cáo, toàn phường hiện có {d.n(2, 9)}.{d.n(100, 999)} hộ gia đình với hơn "
        f"{d.n(9, 28)}.{d.n(100, 999)} nhân khẩu, sinh sống tại {d.n(18, 62)} "
        f"{'tổ dân phố' if d.district.hamlet == 'tổ dân phố' else 'khu phố'}. Tỷ lệ hộ gia đình "
        f"đạt danh hiệu “Gia đình văn hóa” năm {d.Y - 1} đạt {d.n(88, 97)},{d.n(1, 9)}%.",
        f"Công tác tuyên truyền được triển khai bằng nhiều hình thức phong phú như qua hệ thống "
        f"loa truyền thanh, băng rôn, khẩu hiệu, trang thông tin điện tử và nhóm Zalo của các "
        f"{d.district.hamlet}, giúp người dân nắm bắt kịp thời chủ trương của Đảng, chính sách, "
        f"pháp luật của Nhà nước.",
        f"Bên cạnh những kết quả đạt được, công tác này vẫn còn một số hạn chế như: việc phối hợp "
        f"giữa các ngành, đoàn thể có lúc chưa chặt chẽ; một bộ phận người dân chưa thực sự quan "
        f"tâm; cơ sở vật chất tại một số nhà văn hóa {d.district.hamlet} còn xuống cấp.",
        f"Trên tuyến {d.street()}, lực lượng chức năng của phường đã phối hợp với các "
        f"{d.district.hamlet} rà soát, nắm tình hình, kịp thời giải quyết những kiến nghị của người "
        f"dân ngay từ cơ sở, không để phát sinh điểm nóng.",
        f"Được biết, trong {d.n(3, 11)} tháng đầu năm {d.Y}, phường đã tổ chức {d.n(5, 19)} "
        f"buổi tuyên truyền với hơn {d.n(3, 12) * 100} lượt người tham dự; vận động nhân dân ủng "
        f"hộ các quỹ vì người nghèo, đền ơn đáp nghĩa với tổng số tiền {d.money(40, 380)}.",
        f"Thay mặt lãnh đạo phường, {d.o('pct', 'dc')} cảm ơn sự vào cuộc tích cực của các "
        f"ban, ngành, đoàn thể và sự đồng thuận của nhân dân, đồng thời đề nghị các "
        f"{d.district.hamlet} tiếp tục duy trì, nhân rộng những cách làm hay, hiệu quả.",
        "Hoạt động nhận được sự hưởng ứng nhiệt tình của đông đảo cán bộ, đảng viên và nhân dân, "
        "góp phần tăng cường khối đại đoàn kết toàn dân tộc, xây dựng nếp sống văn minh đô thị "
        "trên địa bàn.",
        f"Đồng thời, phường yêu cầu các {d.district.hamlet} rà soát, cập nhật số liệu, báo cáo "
        f"kết quả về UBND phường (qua bộ phận Văn phòng - Thống kê) trước ngày "
        f"{dmy(d.event + timedelta(days=d.n(10, 25)), year=False, zero=True)} để tổng hợp.",
        f"Có thể thấy, với sự vào cuộc đồng bộ của cả hệ thống chính trị, {d.W} đã và đang tạo "
        f"được những chuyển biến rõ nét, để lại ấn tượng tốt đẹp trong lòng nhân dân.",
    ]


def attendees(d: Doc, roles: list[str], tail: str, verb: str = "Tới dự") -> str:
    """'Tới dự có đồng chí A – X; đồng chí B – Y; ...' with a closing phrase."""
    parts = [d.o(r, "dc") for r in roles]
    return f"{verb} có {'; '.join(parts)}; {tail}."


# ---------------------------------------------------------------------------------------
# Kinds of story. Each returns (title, lead, body, closing) and may queue photos, a table,
# an attachment and tags on the Doc.


def k_thi_dua(d: Doc):
    y = d.Y if d.event.month == 12 else d.Y - 1
    title = d.pick(
        [
            f"{d.WN} tổng kết công tác thi đua, khen thưởng năm {y}",
            f"{d.WN} tổng kết phong trào thi đua năm {y}, phát động phong trào thi đua năm {y + 1}",
            f"{d.WN}: Sôi nổi phát động phong trào thi đua yêu nước năm {y + 1}",
        ]
    )
    lead = (
        f"{d.when()}, {d.ubnd} tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm "
        f"{y} và phát động phong trào thi đua năm {y + 1}."
    )
    body = [
        attendees(
            d,
            ["q_pct", "bt", "ct"],
            "cùng các đồng chí trong Thường trực Đảng ủy, lãnh đạo "
            f"các ban, ngành, đoàn thể phường và đại diện các {d.district.hamlet}",
            "Dự Hội nghị",
        ),
        f"Năm {y}, các phong trào thi đua của phường được triển khai sâu rộng, bám sát nhiệm vụ "
        f"chính trị của địa phương. Phường đã hoàn thành và hoàn thành vượt mức {d.n(14, 19)}/19 "
        f"chỉ tiêu kinh tế - xã hội; thu ngân sách đạt {d.n(104, 168)}% dự toán quận giao; "
        f"{d.n(92, 99)}% {d.district.hamlet} đạt danh hiệu “{d.district.hamlet.capitalize()} văn hóa”.",
        f"Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”, cuộc vận động “Người Việt Nam "
        f"ưu tiên dùng hàng Việt Nam” và phong trào thi đua “Dân vận khéo” tiếp tục được duy trì "
        f"hiệu quả, xuất hiện nhiều mô hình hay như “{d.pick(['Tuyến phố văn minh', 'Ngõ xanh - sạch - đẹp', 'Camera an ninh', 'Tủ sách cộng đồng'])}” "
        f"tại {d.hamlet()}.",
        f"Tại Hội nghị, {d.o('ct', 'ob')} đã công bố các quyết định khen thưởng của UBND "
        f"{d.district.unit} và UBND phường cho {d.n(6, 25)} tập thể và {d.n(18, 64)} cá nhân có "
        f"thành tích xuất sắc trong phong trào thi đua năm {y}.",
        f"Phát biểu chỉ đạo, {d.o('q_pct', 'dc')} ghi nhận những kết quả mà {d.W} đạt được; đề "
        f"nghị phường tiếp tục đổi mới nội dung, hình thức tổ chức các phong trào thi đua, chú "
        f"trọng phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến.",
    ]
    closing = [
        f"Hưởng ứng phong trào thi đua năm {y + 1}, đại diện các ban, ngành, đoàn thể và các "
        f"{d.district.hamlet} đã ký giao ước thi đua, quyết tâm hoàn thành thắng lợi các chỉ tiêu, "
        f"nhiệm vụ đề ra.",
    ]
    d.photo(1, f"{d.o('q_pct', 'Dc')} phát biểu chỉ đạo tại Hội nghị")
    d.photo(10, f"Lãnh đạo phường trao thưởng cho các tập thể có thành tích xuất sắc năm {y}")
    d.table_intro = "Kết quả khen thưởng năm " + str(y) + " như sau:"
    d.table = [
        ["STT", "Hình thức khen thưởng", "Tập thể", "Cá nhân"],
        ["1", f"Giấy khen của Chủ tịch UBND {d.district.unit}", str(d.n(2, 6)), str(d.n(4, 12))],
        ["2", "Giấy khen của Chủ tịch UBND phường", str(d.n(5, 16)), str(d.n(14, 48))],
        ["3", "Danh hiệu Lao động tiên tiến", "-", str(d.n(12, 30))],
    ]
    d.attachment = (
        f"Quyết định số {(q := d.n(120, 480))}/QĐ-UBND về việc khen thưởng năm {y}",
        f"QD-{q}-UBND-{y}",
    )
    d.tags = ["thi đua khen thưởng", "hội nghị"]
    return title, lead, body, closing


def k_trien_khai(d: Doc):
    title = d.pick(
        [
            f"{d.WN} triển khai nhiệm vụ phát triển kinh tế - xã hội năm {d.Y}",
            f"{d.WN} tổ chức Hội nghị triển khai nhiệm vụ năm {d.Y}",
        ]
    )
    lead = (
        f"{d.when()}, Đảng ủy - HĐND - UBND - Ủy ban MTTQ {d.W} tổ chức Hội nghị đánh giá "
        f"kết quả thực hiện nhiệm vụ năm {d.Y - 1}, triển khai nhiệm vụ trọng tâm năm {d.Y}."
    )
    body = [
        attendees(d, ["q_hdnd", "bt"], "đại diện lãnh đạo các phòng, ban chuyên môn của quận"),
        f"Năm {d.Y - 1}, mặc dù còn nhiều khó khăn nhưng {d.W} đã hoàn thành tốt các chỉ tiêu "
        f"được giao. Tổng thu ngân sách trên địa bàn đạt {d.n(18, 95)},{d.n(1, 9)} tỷ đồng; công "
        f"tác cải cách hành chính có nhiều chuyển biến, {d.n(97, 100)}% hồ sơ được giải quyết "
        f"đúng và trước hạn.",
        f"Năm {d.Y}, phường xác định chủ đề là “{d.pick(['Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển', 'Nâng cao hiệu quả công tác quản lý đô thị', 'Đẩy mạnh chuyển đổi số, xây dựng chính quyền số'])}” "
        f"với {d.n(4, 8)} nhóm nhiệm vụ trọng tâm, trong đó tập trung vào công tác quản lý trật "
        f"tự xây dựng, vệ sinh môi trường và chăm lo an sinh xã hội.",
        f"Phát biểu tại Hội nghị, {d.o('q_hdnd', 'dc')} đề nghị phường tiếp tục nâng cao vai trò "
        f"lãnh đạo của cấp ủy, chủ động nắm bắt tình hình, giải quyết dứt điểm các vấn đề tồn "
        f"tại kéo dài.",
    ]
    closing = [
        f"Tiếp thu ý kiến chỉ đạo, {d.o('ct', 'ob')} khẳng định phường sẽ cụ thể hóa thành kế "
        f"hoạch, phân công rõ người, rõ việc, rõ thời gian hoàn thành.",
    ]
    d.photo(1, "Quang cảnh Hội nghị")
    d.attachment = (
        f"Kế hoạch số {(q := d.n(2, 30))}/KH-UBND ngày {dmy(d.event - timedelta(days=3))} của UBND phường",
        f"KH-{q}-UBND-{d.Y}",
    )
    d.tags = ["hội nghị", "kinh tế - xã hội"]
    return title, lead, body, closing


def k_tet(d: Doc):
    tet, canchi = next(TET[y] for y in (d.event.year, d.event.year + 1) if TET[y][0] >= d.event)
    title = d.pick(
        [
            f"Lãnh đạo {d.W} thăm, tặng quà gia đình chính sách nhân dịp Tết Nguyên đán {canchi}",
            f"{d.WN} chăm lo Tết {canchi} {tet.year} cho người có công và hộ nghèo",
            f"{d.WN} tổ chức chương trình “Tết ấm cho người nghèo” Xuân {canchi}",
        ]
    )
    lead = (
        f"{d.when()}, đoàn công tác của {d.W} do {d.o('bt', 'dc')} làm trưởng đoàn đã đến "
        f"thăm hỏi, tặng quà các gia đình chính sách, người có công và hộ nghèo trên địa bàn "
        f"nhân dịp Tết Nguyên đán {canchi} {tet.year}."
    )
    body = [
        f"Đoàn đã đến thăm {d.citizen(old=True)} - thương binh hạng {d.n(1, 4)}/4; "
        f"{d.citizen()} - gia đình có công với cách mạng và một số hộ có hoàn cảnh đặc biệt khó khăn.",
        f"Tại các gia đình, {d.o('bt', 'ob')} ân cần hỏi thăm tình hình sức khỏe, đời sống; chúc "
        f"các gia đình đón Tết vui tươi, đầm ấm và mong các cụ tiếp tục là tấm gương sáng để con "
        f"cháu noi theo.",
        f"Dịp này, phường đã trao tổng cộng {d.n(120, 480)} suất quà, mỗi suất trị giá từ "
        f"{d.n(3, 5)}00.000 đồng đến 1.000.000 đồng, tổng kinh phí hơn {d.money(90, 420)}, từ nguồn "
        f"ngân sách và sự ủng hộ của các nhà hảo tâm, doanh nghiệp trên địa bàn.",
        f"Cũng trong dịp này, Ủy ban MTTQ phường phối hợp với các chi hội, đoàn thể tổ chức "
        f"“Phiên chợ 0 đồng”, trao tặng bánh chưng, gạo, dầu ăn cho người lao động có hoàn cảnh "
        f"khó khăn tại {d.hamlet()} và {d.hamlet()}.",
    ]
    closing = [
        "Các gia đình bày tỏ sự xúc động trước sự quan tâm của Đảng ủy, chính quyền phường, hứa "
        "sẽ tiếp tục giữ gìn truyền thống, gương mẫu chấp hành tốt chủ trương của Đảng, chính "
        "sách, pháp luật của Nhà nước.",
    ]
    d.photo(3, f"{d.o('bt', 'Dc')} tặng quà gia đình chính sách")
    d.photo(3, "Đoàn công tác thăm hỏi, chúc Tết các gia đình")
    d.table_intro = "Tổng hợp quà Tết phường đã trao:"
    d.table = [
        ["Đối tượng", "Số suất", "Trị giá (đồng/suất)"],
        ["Người có công, thân nhân liệt sĩ", str(d.n(60, 200)), "600.000"],
        ["Hộ nghèo, cận nghèo", str(d.n(10, 60)), "500.000"],
        ["Người cao tuổi cô đơn", str(d.n(5, 20)), "400.000"],
    ]
    d.tags = ["Tết Nguyên đán", "an sinh xã hội"]
    return title, lead, body, closing


def k_ve_sinh(d: Doc):
    reason = d.pick(
        [
            "hưởng ứng “Ngày Chủ nhật xanh”",
            "hưởng ứng Tháng hành động vì môi trường",
            "chào mừng các ngày lễ lớn",
            "phòng, chống dịch sốt xuất huyết",
            "đón Tết Nguyên đán",
        ]
    )
    title = d.pick(
        [
            f"{d.WN} ra quân tổng vệ sinh môi trường {reason}",
            f"{d.WN} ra quân làm sạch các tuyến phố, ngõ xóm",
            f"Ra quân tổng vệ sinh môi trường tại {d.W}",
        ]
    )
    lead = (
        f"{d.when()}, {d.ubnd} phối hợp với Ủy ban MTTQ và các đoàn thể tổ chức ra quân tổng "
        f"vệ sinh môi trường {reason}."
    )
    body = [
        f"Tham gia buổi ra quân có hơn {d.n(12, 60) * 10} cán bộ, đoàn viên, hội viên, lực lượng "
        f"công an, quân sự và nhân dân {d.n(8, 28)} {d.district.hamlet}. Chỉ đạo buổi ra quân có "
        f"{d.o('ct', 'dc')}.",
        f"Các lực lượng đã tập trung thu gom rác thải, phát quang bụi rậm, khơi thông cống rãnh, "
        f"bóc xóa quảng cáo rao vặt trên các tuyến {d.street()}, {d.street()} và các ngõ, ngách "
        f"trong khu dân cư.",
        f"Kết thúc buổi ra quân, đã thu gom được khoảng {d.n(3, 25)} tấn rác thải, xóa {d.n(150, 900)} "
        f"quảng cáo rao vặt, giải tỏa {d.n(12, 70)} trường hợp lấn chiếm vỉa hè.",
        f"{d.o('ct', 'Comma')}, cho biết: “Phường sẽ duy trì ra quân vào sáng Chủ nhật hằng tuần, "
        f"đồng thời đưa tiêu chí giữ gìn vệ sinh môi trường vào bình xét danh hiệu gia đình văn "
        f"hóa, {d.district.hamlet} văn hóa”.",
    ]
    closing = [
        "Buổi ra quân góp phần nâng cao ý thức của người dân trong việc giữ gìn vệ sinh môi "
        "trường, xây dựng cảnh quan đô thị xanh - sạch - đẹp.",
    ]
    d.photo(2, "Cán bộ, nhân dân phường ra quân tổng vệ sinh môi trường")
    d.photo(2, f"Đoàn viên thanh niên thu gom rác thải trên {d.street()}")
    d.tags = ["vệ sinh môi trường", "đô thị văn minh"]
    return title, lead, body, closing


def k_bau_cu(d: Doc):
    election = date(2021, 5, 23)
    if d.event >= election:
        title = d.pick([f"Cử tri {d.W} nô nức đi bầu cử", f"{d.WN}: Ngày hội non sông"])
        lead = (
            f"{d.when(allow_undated=False)}, cùng với cử tri cả nước, {d.n(8, 19)}.{d.n(100, 999)} "
            f"cử tri {d.W} đã nô nức đến {d.n(6, 14)} khu vực bỏ phiếu để bầu đại biểu Quốc hội "
            f"khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021 - 2026."
        )
        body = [
            f"Ngay từ 6 giờ sáng, tại các khu vực bỏ phiếu, không khí đã diễn ra hết sức trang "
            f"nghiêm. {d.o('bt', 'Dc')} đã tới dự lễ khai mạc và thực hiện quyền bầu cử tại khu "
            f"vực bỏ phiếu số {d.n(1, 9)}.",
            f"Trong số những cử tri đi bỏ phiếu sớm có {d.citizen(old=True)}. Cụ chia sẻ, dù tuổi "
            f"cao nhưng cụ vẫn muốn tự tay bỏ lá phiếu để lựa chọn những đại biểu xứng đáng.",
            "Các tổ bầu cử đã bố trí hòm phiếu phụ mang đến tận nhà cho cử tri là người cao tuổi, "
            "người ốm đau, khuyết tật không thể đến khu vực bỏ phiếu; đồng thời bảo đảm nghiêm "
            "các biện pháp phòng, chống dịch Covid-19.",
            f"Đến {d.n(15, 18)} giờ, {d.n(99, 100)},{d.n(10, 99)}% cử tri {d.W} đã đi bỏ phiếu.",
        ]
        closing = []
        d.photo(8, "Cử tri bỏ phiếu tại khu vực bỏ phiếu số " + str(d.n(1, 9)))
    else:
        title = d.pick(
            [
                f"{d.WN} tổ chức Hội nghị hiệp thương lần thứ ba",
                f"{d.WN} kiểm tra công tác chuẩn bị bầu cử tại các khu vực bỏ phiếu",
                f"{d.WN} sẵn sàng cho ngày bầu cử đại biểu Quốc hội và HĐND các cấp",
            ]
        )
        lead = (
            f"{d.when()}, Ủy ban MTTQ {d.W} tổ chức Hội nghị hiệp thương lựa chọn, lập danh "
            f"sách những người đủ tiêu chuẩn ứng cử đại biểu HĐND phường nhiệm kỳ 2021 - 2026."
        )
        body = [
            f"Chủ trì Hội nghị có {d.o('mttq', 'dc')}. Dự Hội nghị có {d.o('q_mttq', 'dc')}.",
            f"Trên cơ sở kết quả lấy ý kiến cử tri nơi cư trú, Hội nghị đã thống nhất lập danh "
            f"sách chính thức {d.n(30, 45)} người đủ tiêu chuẩn ứng cử đại biểu HĐND phường, "
            f"trong đó có {d.n(9, 20)} người là nữ, {d.n(3, 8)} người ngoài Đảng.",
            f"Hiện nay, phường đã thành lập {d.n(6, 14)} tổ bầu cử, hoàn thành việc niêm yết danh "
            f"sách cử tri và đẩy mạnh tuyên truyền về cuộc bầu cử trên hệ thống loa truyền thanh.",
            f"{d.o('ct', 'Comma')}, cho biết phường đã xây dựng phương án bảo đảm an ninh trật "
            f"tự, phòng cháy chữa cháy và phòng, chống dịch tại tất cả các khu vực bỏ phiếu.",
        ]
        closing = []
        d.photo(8, "Quang cảnh Hội nghị hiệp thương")
    d.attachment = (
        "Danh sách chính thức những người ứng cử đại biểu HĐND phường nhiệm kỳ 2021 - 2026",
        "DS-ung-cu-HDND-2021",
    )
    d.tags = ["bầu cử", "Mặt trận Tổ quốc"]
    return title, lead, body, closing


def k_dai_hoi(d: Doc):
    title = d.pick(
        [
            f"Đại hội đại biểu Đảng bộ {d.W} lần thứ {d.pick(['XIII', 'XIV', 'XV', 'XVI', 'XVII'])}, nhiệm kỳ 2020 - 2025",
            f"{d.WN} tổ chức thành công Đại hội Đảng bộ nhiệm kỳ 2020 - 2025",
        ]
    )
    lead = (
        f"{d.when(allow_undated=False)}, Đảng bộ {d.W} long trọng tổ chức Đại hội đại biểu lần "
        f"thứ {d.pick(['XIII', 'XIV', 'XV', 'XVI'])}, nhiệm kỳ 2020 - 2025 với sự tham dự của "
        f"{d.n(90, 180)} đại biểu đại diện cho hơn {d.n(4, 12)}00 đảng viên trong toàn Đảng bộ."
    )
    body = [
        f"Dự và chỉ đạo Đại hội có {d.o('q_bt', 'dc')}.",
        f"Nhiệm kỳ 2015 - 2020, Đảng bộ {d.W} đã lãnh đạo hoàn thành và hoàn thành vượt mức "
        f"{d.n(15, 21)}/21 chỉ tiêu Nghị quyết Đại hội đề ra. Công tác xây dựng Đảng được chú "
        f"trọng, {d.n(85, 100)}% tổ chức cơ sở đảng hằng năm đạt trong sạch, vững mạnh.",
        f"Đại hội đã bầu Ban Chấp hành Đảng bộ phường nhiệm kỳ 2020 - 2025 gồm {d.n(13, 17)} đồng "
        f"chí. Tại phiên họp thứ nhất, Ban Chấp hành đã bầu {d.o('bt', 'dc', variant=0)} giữ "
        f"chức Bí thư Đảng ủy phường nhiệm kỳ 2020 - 2025.",
    ]
    closing = ["Đại hội cũng bầu đoàn đại biểu đi dự Đại hội Đảng bộ cấp trên."]
    d.photo(10, "Ban Chấp hành Đảng bộ phường nhiệm kỳ 2020 - 2025 ra mắt Đại hội")
    d.photo(1, "Quang cảnh Đại hội")
    d.tags = ["Đại hội Đảng", "xây dựng Đảng"]
    return title, lead, body, closing


def k_bau_tdp(d: Doc):
    title = d.pick(
        [
            f"{d.WN} hoàn thành bầu cử {d.district.hamlet}, trưởng {d.district.hamlet} nhiệm kỳ {d.Y}-{d.Y + 3}"
            if d.district.hamlet == "khu phố"
            else f"{d.WN} tổ chức bầu tổ trưởng tổ dân phố nhiệm kỳ {d.Y} - {d.Y + 3}",
        ]
    )
    lead = (
        f"{d.when()}, {d.n(8, 24)}/{d.n(24, 30)} {d.district.hamlet} của {d.W} đồng loạt tổ "
        f"chức hội nghị bầu {'tổ trưởng tổ dân phố' if d.district.hamlet == 'tổ dân phố' else 'trưởng khu phố'} "
        f"nhiệm kỳ {d.Y} - {d.Y + 3}."
    )
    body = [
        f"Theo ghi nhận, các hội nghị đều diễn ra dân chủ, đúng quy trình; tỷ lệ đại diện hộ gia "
        f"đình tham dự đạt trên {d.n(60, 85)}%. {d.o('ct', 'Dc')} đã trực tiếp dự và chỉ đạo "
        f"hội nghị tại {d.hamlet()}.",
        f"Kết quả, {d.n(95, 100)}% người được bầu đạt số phiếu trên 50%, trong đó nhiều người "
        f"tái cử nhờ uy tín trong công việc và sự gắn bó với khu dân cư.",
    ]
    closing = []
    d.photo(8, "Người dân bỏ phiếu bầu tại hội nghị")
    d.tags = ["bầu cử", "tổ dân phố"]
    return title, lead, body, closing


def k_attp(d: Doc):
    season = d.pick(["Tết Nguyên đán", "Tháng hành động vì an toàn thực phẩm", "Tết Trung thu"])
    title = d.pick(
        [
            f"Kiểm tra an toàn thực phẩm tại {d.W}",
            f"{d.WN} tăng cường kiểm tra an toàn thực phẩm dịp {season}",
        ]
    )
    lead = (
        f"{d.when()}, Đoàn kiểm tra liên ngành về an toàn thực phẩm {d.W} do "
        f"{d.o('pct', 'dc')} làm trưởng đoàn đã tiến hành kiểm tra tại các cơ sở kinh doanh "
        f"thực phẩm, dịch vụ ăn uống trên địa bàn."
    )
    body = [
        f"Đoàn đã kiểm tra {d.n(12, 40)} cơ sở trên {d.street()}, {d.street()}, tập trung vào "
        f"giấy chứng nhận đủ điều kiện an toàn thực phẩm, nguồn gốc nguyên liệu, giấy khám sức "
        f"khỏe của người trực tiếp chế biến.",
        f"Qua kiểm tra, đoàn đã nhắc nhở {d.n(4, 12)} cơ sở, lập biên bản xử lý vi phạm hành "
        f"chính {d.n(1, 5)} cơ sở với tổng số tiền {d.n(3, 25)}.{d.n(1, 9)}00.000 đồng; tiêu hủy "
        f"{d.n(10, 80)} kg thực phẩm không rõ nguồn gốc.",
        f"{d.o('yte', 'Comma')}, cho biết thời gian tới phường sẽ tiếp tục kiểm tra đột xuất, "
        f"công khai trên hệ thống truyền thanh những cơ sở vi phạm.",
    ]
    closing = []
    d.photo(7, "Đoàn kiểm tra làm việc tại một cơ sở kinh doanh thực phẩm")
    d.table_intro = "Kết quả kiểm tra:"
    d.table = [
        ["Loại hình", "Số cơ sở kiểm tra", "Đạt", "Vi phạm"],
        ["Dịch vụ ăn uống", str(d.n(8, 20)), str(d.n(6, 15)), str(d.n(0, 3))],
        ["Kinh doanh thực phẩm", str(d.n(4, 15)), str(d.n(3, 12)), str(d.n(0, 2))],
        ["Thức ăn đường phố", str(d.n(3, 10)), str(d.n(2, 8)), str(d.n(1, 3))],
    ]
    d.attachment = (
        f"Kế hoạch số {(q := d.n(10, 90))}/KH-BCĐ kiểm tra liên ngành về an toàn thực phẩm",
        f"KH-{q}-BCD-{d.Y}",
    )
    d.tags = ["an toàn thực phẩm", "kiểm tra"]
    return title, lead, body, closing


def k_pccc(d: Doc):
    title = d.pick(
        [
            f"{d.WN} kiểm tra công tác phòng cháy, chữa cháy tại khu dân cư",
            f"{d.WN} diễn tập phương án chữa cháy và cứu nạn, cứu hộ năm {d.Y}",
        ]
    )
    lead = (
        f"{d.when()}, {d.ubnd} phối hợp với Đội Cảnh sát PCCC và CNCH {d.district.lower} tổ "
        f"chức diễn tập phương án chữa cháy và cứu nạn, cứu hộ tại {d.hamlet()}."
    )
    body = [
        f"Tham dự buổi diễn tập có {d.o('ca', 'rank')}, cùng hơn {d.n(8, 20) * 10} người dân và "
        f"lực lượng dân phòng.",
        f"Tình huống giả định xảy ra cháy tại một hộ kinh doanh trong ngõ nhỏ trên {d.street()}, "
        f"đám cháy nhanh chóng lan rộng, có người mắc kẹt. Lực lượng dân phòng và “Tổ liên gia an "
        f"toàn PCCC” đã sử dụng bình chữa cháy, lăng vòi tại chỗ để khống chế đám cháy.",
        f"Thời gian qua, phường đã thành lập {d.n(20, 90)} “Tổ liên gia an toàn PCCC”, {d.n(8, 30)} "
        f"“Điểm chữa cháy công cộng”, kiểm tra {d.n(30, 200)} nhà trọ, cơ sở kinh doanh có nguy cơ "
        f"cháy nổ cao.",
    ]
    closing = [
        f"Kết thúc diễn tập, {d.o('ct', 'dc')} đã khen ngợi tinh thần, trách nhiệm của các lực "
        f"lượng tham gia và đề nghị tiếp tục nhân rộng mô hình.",
    ]
    d.photo(2, "Lực lượng dân phòng phường thực hành chữa cháy")
    d.tags = ["phòng cháy chữa cháy"]
    return title, lead, body, closing


def k_khen(d: Doc):
    honor = d.pick(
        [
            "Huân chương Lao động hạng Ba",
            f"Bằng khen của UBND {d.district.city_level} {d.district.city}",
            "Cờ thi đua của UBND thành phố"
            if d.district.city_level == "thành phố"
            else "Cờ thi đua của UBND tỉnh",
        ]
    )
    title = d.pick([f"{d.WN} đón nhận {honor}", f"{d.WN} vinh dự đón nhận {honor}"])
    lead = (
        f"{d.when()}, {d.W} long trọng tổ chức Lễ đón nhận {honor} vì đã có thành tích xuất "
        f"sắc trong phong trào thi đua giai đoạn {d.Y - 5} - {d.Y - 1}."
    )
    body = [
        attendees(
            d, ["q_bt", "q_ct"], "đại diện lãnh đạo các phòng, ban, ngành quận và các phường bạn"
        ),
        f"Được thành lập năm {(founded := d.n(1961, 1982))}, trải qua {d.Y - founded} năm xây dựng "
        f"và phát triển, {d.W} hiện có diện tích tự nhiên {d.n(20, 95)} ha với {d.n(7, 26)}.{d.n(100, 999)} "
        f"nhân khẩu. Đảng bộ phường có {d.n(12, 40)} chi bộ trực thuộc với hơn {d.n(5, 12)}00 đảng viên.",
        f"Thay mặt lãnh đạo {d.district.lower}, {d.o('q_ct', 'dc')} đã trao {honor} cho cán bộ và "
        f"nhân dân {d.W}.",
        f"Phát biểu tại buổi lễ, {d.o('bt', 'ob')} bày tỏ niềm vinh dự, tự hào và khẳng định "
        f"đây là nguồn động viên to lớn để Đảng bộ, chính quyền và nhân dân phường tiếp tục phấn đấu.",
    ]
    closing = []
    d.photo(10, f"Lãnh đạo {d.district.lower} trao {honor} cho {d.W}")
    d.attachment = (f"Quyết định số {(q := d.n(1000, 6000))}/QĐ-UBND", f"QD-{q}-UBND-{d.Y}")
    d.tags = ["thi đua khen thưởng"]
    return title, lead, body, closing


def k_hoc_sinh(d: Doc):
    title = f"{d.WN} khen thưởng học sinh giỏi năm học {d.Y - 1} - {d.Y}"
    lead = (
        f"{d.when()}, Hội Khuyến học {d.W} tổ chức Lễ tuyên dương, khen thưởng học sinh đạt "
        f"thành tích cao trong năm học {d.Y - 1} - {d.Y}."
    )
    body = [
        f"Năm học vừa qua, trên địa bàn phường có {d.n(80, 260)} học sinh đạt danh hiệu học sinh "
        f"giỏi cấp quận, {d.n(10, 40)} em đạt giải cấp thành phố và {d.n(1, 4)} em đạt giải quốc gia.",
        f"Tại buổi lễ, {d.o('pct', 'dc')} đã trao phần thưởng cho {d.n(90, 300)} học sinh với "
        f"tổng giá trị hơn {d.money(20, 90)}.",
        f"Em {make_person(d.rng, None, d.south).name}, học sinh lớp {d.n(6, 12)}, đại diện cho các "
        f"học sinh được khen thưởng, bày tỏ lòng biết ơn và hứa sẽ tiếp tục cố gắng học tập.",
    ]
    closing = []
    d.photo(10, "Các em học sinh nhận thưởng tại buổi lễ")
    d.tags = ["khuyến học", "giáo dục"]
    return title, lead, body, closing


def k_dai_doan_ket(d: Doc):
    n = d.Y - 1930
    kdc = f"khu dân cư số {d.n(1, 12)}"
    title = d.pick(
        [
            f"Ngày hội Đại đoàn kết toàn dân tộc tại {kdc} {d.W}",
            f"{d.WN}: Ấm áp Ngày hội Đại đoàn kết toàn dân tộc năm {d.Y}",
        ]
    )
    lead = (
        f"{d.when(allow_undated=False)}, tại {kdc}, {d.W} long trọng tổ chức Ngày hội Đại "
        f"đoàn kết toàn dân tộc năm {d.Y}, kỷ niệm {n} năm Ngày thành lập Mặt trận Dân tộc thống "
        f"nhất Việt Nam - Ngày truyền thống Mặt trận Tổ quốc Việt Nam (18/11/1930 - 18/11/{d.Y})."
    )
    body = [
        attendees(d, ["q_mttq", "mttq"], f"cùng đông đảo nhân dân {kdc}", "Về dự Ngày hội"),
        f"Năm {d.Y}, Ban Công tác Mặt trận {kdc} đã vận động nhân dân đóng góp hơn "
        f"{d.money(15, 80)} xây dựng các công trình phúc lợi; {d.n(92, 99)}% hộ gia đình đạt danh "
        f"hiệu “Gia đình văn hóa”.",
        f"Dịp này, Ủy ban MTTQ phường đã trao {d.n(5, 20)} suất quà cho các hộ có hoàn cảnh khó "
        f"khăn và tặng Giấy khen cho {d.n(3, 10)} gia đình tiêu biểu.",
        "Sau phần lễ, các gia đình đã cùng nhau tham gia các trò chơi dân gian, giao lưu văn nghệ "
        "và tổ chức bữa cơm đoàn kết ấm cúng.",
    ]
    closing = []
    d.photo(4, f"Ngày hội Đại đoàn kết toàn dân tộc tại {kdc}")
    d.photo(4, f"{d.o('mttq', 'Dc')} tặng quà cho các hộ khó khăn")
    d.tags = ["Mặt trận Tổ quốc", "đại đoàn kết"]
    return title, lead, body, closing


def k_cu_tri(d: Doc):
    level = (
        d.pick(["HĐND quận", "HĐND thành phố"]) if d.district.unit == "quận" else "HĐND thành phố"
    )
    title = d.pick(
        [
            f"Đại biểu {level} tiếp xúc cử tri {d.W}",
            f"Cử tri {d.W} kiến nghị nhiều vấn đề dân sinh",
        ]
    )
    lead = (
        f"{d.when()}, Tổ đại biểu {level} ứng cử tại {d.W} đã có buổi tiếp xúc cử tri trước "
        f"kỳ họp thường lệ cuối năm {d.Y}."
    )
    body = [
        f"Tham dự có {d.o('q_hdnd', 'dc')} cùng hơn {d.n(8, 20) * 10} cử tri của phường.",
        f"Tại buổi tiếp xúc, cử tri đã phản ánh, kiến nghị về tình trạng ngập úng cục bộ tại "
        f"{d.street()} mỗi khi mưa lớn; việc cấp giấy chứng nhận quyền sử dụng đất còn chậm; "
        f"tình trạng lấn chiếm vỉa hè, đỗ xe trái phép tại {d.hamlet()}.",
        f"{d.citizen()} đề nghị cơ quan chức năng sớm có giải pháp xử lý các công trình xây dựng "
        f"sai phép, gây ảnh hưởng đến đời sống của người dân xung quanh.",
        f"Thay mặt lãnh đạo phường, {d.o('ct', 'dc')} đã tiếp thu, giải trình các ý kiến thuộc "
        f"thẩm quyền; các ý kiến vượt thẩm quyền được Tổ đại biểu ghi nhận, chuyển đến cơ quan "
        f"có thẩm quyền xem xét, giải quyết.",
    ]
    closing = []
    d.photo(1, "Cử tri phát biểu ý kiến tại buổi tiếp xúc")
    d.tags = ["tiếp xúc cử tri", "HĐND"]
    return title, lead, body, closing


def k_giao_quan(d: Doc):
    title = d.pick(
        [
            f"{d.WN} gặp mặt, tặng quà thanh niên lên đường nhập ngũ năm {d.Y}",
            f"{d.WN} tổ chức tiễn tân binh lên đường nhập ngũ",
        ]
    )
    lead = (
        f"{d.when()}, Hội đồng Nghĩa vụ quân sự {d.W} tổ chức gặp mặt, động viên {d.n(6, 22)} "
        f"thanh niên trúng tuyển nghĩa vụ quân sự và nghĩa vụ tham gia Công an nhân dân năm {d.Y}."
    )
    body = [
        f"Tại buổi gặp mặt, {d.o('qs', 'dc')} đã thông qua kết quả công tác tuyển quân năm "
        f"{d.Y}. Phường đã hoàn thành 100% chỉ tiêu, trong đó {d.n(1, 6)} thanh niên có trình độ "
        f"đại học, cao đẳng; {d.n(1, 4)} thanh niên là đảng viên.",
        f"Phát biểu giao nhiệm vụ, {d.o('bt', 'dc')} mong các tân binh phát huy truyền thống quê "
        f"hương, ra sức học tập, rèn luyện, hoàn thành tốt nhiệm vụ được giao.",
        f"Dịp này, phường và các đoàn thể đã trao mỗi tân binh một suất quà trị giá "
        f"{d.n(1, 3)}.000.000 đồng.",
    ]
    closing = []
    d.photo(9, "Lãnh đạo phường tặng hoa, động viên các tân binh")
    d.tags = ["quân sự địa phương", "tuyển quân"]
    return title, lead, body, closing


def k_covid(d: Doc):
    vaccine = d.event >= date(2021, 7, 1)
    if vaccine:
        title = d.pick(
            [
                f"{d.WN} triển khai tiêm vắc-xin phòng Covid-19 cho người dân",
                f"{d.WN} đẩy nhanh tiến độ tiêm vắc-xin phòng Covid-19",
            ]
        )
        lead = (
            f"{d.when()}, {d.ubnd} phối hợp với Trung tâm Y tế {d.district.lower} tổ chức tiêm "
            f"vắc-xin phòng Covid-19 cho {d.n(6, 25)}00 người dân trên địa bàn."
        )
    else:
        title = d.pick(
            [
                f"{d.WN} ra quân tuyên truyền phòng, chống dịch Covid-19",
                f"{d.WN} thành lập Tổ Covid cộng đồng",
            ]
        )
        lead = (
            f"{d.when()}, Ban Chỉ đạo phòng, chống dịch Covid-19 {d.W} tổ chức ra quân tuyên "
            f"truyền, hướng dẫn người dân thực hiện Thông điệp 5K của Bộ Y tế."
        )
    body = [
        f"Trưởng Ban Chỉ đạo - {d.o('ct', 'dc', variant=0)} cho biết, phường đã thành lập "
        f"{d.n(12, 40)} Tổ Covid cộng đồng, phân công cán bộ phụ trách từng {d.district.hamlet}, "
        f"rà soát từng hộ gia đình, không để lọt đối tượng.",
        f"Điểm tiêm được bố trí tại Nhà văn hóa {d.hamlet()}, chia thành các khu vực đón tiếp, khám "
        f"sàng lọc, tiêm và theo dõi sau tiêm; lực lượng đoàn viên thanh niên hỗ trợ đưa đón người "
        f"cao tuổi, người có bệnh nền.",
        f"Tính đến ngày {dmy(d.event - timedelta(days=1))}, tỷ lệ người dân trên 18 tuổi của phường "
        f"được tiêm ít nhất một mũi vắc-xin đạt {d.n(70, 99)},{d.n(1, 9)}%.",
    ]
    closing = []
    d.photo(5, "Nhân viên y tế tiêm vắc-xin cho người dân")
    d.attachment = (
        f"Kế hoạch số {(q := d.n(30, 200))}/KH-BCĐ phòng, chống dịch Covid-19",
        f"KH-{q}-BCD-{d.Y}",
    )
    d.tags = ["Covid-19", "y tế"]
    return title, lead, body, closing


def k_trung_thu(d: Doc):
    title = d.pick(
        [
            f"{d.WN} tổ chức “Vui Tết Trung thu” cho thiếu nhi năm {d.Y}",
            f"Rộn ràng đêm hội trăng rằm tại {d.W}",
        ]
    )
    lead = (
        f"{d.when()}, Đoàn Thanh niên {d.W} phối hợp với các đoàn thể tổ chức chương trình “Vui "
        f"Tết Trung thu” năm {d.Y} cho hơn {d.n(2, 9)}00 em thiếu nhi trên địa bàn."
    )
    body = [
        f"Tham dự chương trình có {d.o('pbt', 'dc')}, cùng các đồng chí lãnh đạo ban, ngành, đoàn "
        f"thể phường và đông đảo các bậc phụ huynh.",
        "Chương trình gồm nhiều tiết mục văn nghệ đặc sắc, múa lân, rước đèn ông sao và phá cỗ "
        "trông trăng, mang đến cho các em một đêm hội ý nghĩa.",
        f"Dịp này, phường đã trao tặng {d.n(30, 120)} suất quà cho thiếu nhi có hoàn cảnh khó khăn, "
        f"con em gia đình chính sách, mỗi suất trị giá {d.n(2, 5)}00.000 đồng.",
    ]
    closing = []
    d.photo(6, "Các em thiếu nhi rước đèn trong đêm hội trăng rằm")
    d.tags = ["thiếu nhi", "Trung thu"]
    return title, lead, body, closing


def k_27_7(d: Doc):
    n = d.Y - 1947
    title = d.pick(
        [
            f"{d.WN} gặp mặt kỷ niệm {n} năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/{d.Y})",
            f"{d.WN} tri ân người có công nhân kỷ niệm {n} năm Ngày Thương binh - Liệt sĩ",
        ]
    )
    lead = (
        f"{d.when(allow_undated=False)}, {d.ubnd} tổ chức buổi gặp mặt các thương binh, bệnh "
        f"binh, thân nhân liệt sĩ và người có công với cách mạng nhân kỷ niệm {n} năm Ngày "
        f"Thương binh - Liệt sĩ (27/7/1947 - 27/7/{d.Y})."
    )
    body = [
        f"Tại buổi gặp mặt, {d.o('ct', 'dc')} đã ôn lại truyền thống 27/7, đồng thời báo cáo kết "
        f"quả công tác đền ơn đáp nghĩa của phường trong thời gian qua.",
        f"Hiện nay, phường có {d.n(90, 260)} đối tượng đang hưởng chế độ ưu đãi người có công; "
        f"100% gia đình chính sách có mức sống bằng hoặc cao hơn mức sống trung bình của khu dân cư.",
        f"Nhân dịp này, phường đã trao {d.n(120, 300)} suất quà của Chủ tịch nước, của thành phố, "
        f"của quận và của phường với tổng trị giá hơn {d.money(100, 380)}.",
    ]
    closing = []
    d.photo(3, "Lãnh đạo phường tặng quà các gia đình chính sách")
    d.tags = ["đền ơn đáp nghĩa", "27/7"]
    return title, lead, body, closing


def k_8_3(d: Doc):
    n = d.Y - 1910
    title = d.pick(
        [
            f"{d.WN} kỷ niệm {n} năm Ngày Quốc tế Phụ nữ 8/3",
            f"Hội Phụ nữ {d.W} tổ chức kỷ niệm Ngày Quốc tế Phụ nữ 8/3",
        ]
    )
    lead = (
        f"{d.when()}, Hội Liên hiệp Phụ nữ {d.W} tổ chức Lễ kỷ niệm {n} năm Ngày Quốc tế Phụ "
        f"nữ (8/3/1910 - 8/3/{d.Y})."
    )
    body = [
        f"Dự buổi lễ có {d.o('bt', 'dc')}, cùng đông đảo cán bộ, hội viên phụ nữ các chi hội.",
        f"{d.o('hpn', 'Comma')}, cho biết năm qua các cấp Hội đã vận động hội viên giúp nhau phát "
        f"triển kinh tế với tổng số vốn hơn {d.money(200, 900)}, hỗ trợ {d.n(5, 20)} hội viên "
        f"thoát nghèo bền vững.",
        f"Dịp này, Hội đã khen thưởng {d.n(10, 30)} tập thể, cá nhân tiêu biểu trong phong trào "
        f"“Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc”.",
    ]
    closing = []
    d.photo(10, "Các hội viên phụ nữ tiêu biểu được khen thưởng")
    d.tags = ["phụ nữ", "8/3"]
    return title, lead, body, closing


def k_via_he(d: Doc):
    title = d.pick(
        [
            f"{d.WN} ra quân lập lại trật tự lòng đường, vỉa hè",
            f"{d.WN} quyết liệt xử lý vi phạm trật tự đô thị",
        ]
    )
    lead = (
        f"{d.when()}, Đội Trật tự đô thị {d.W} phối hợp với Công an phường ra quân xử lý các "
        f"trường hợp lấn chiếm lòng đường, vỉa hè trên tuyến {d.street()}."
    )
    body = [
        f"Chỉ đạo buổi ra quân có {d.o('pct', 'dc')}; {d.o('ca', 'rank')}.",
        f"Lực lượng chức năng đã nhắc nhở {d.n(30, 90)} hộ kinh doanh, tạm giữ {d.n(10, 60)} biển "
        f"quảng cáo, bàn ghế, ô dù lấn chiếm; lập biên bản xử phạt {d.n(3, 15)} trường hợp.",
        "Trước đó, phường đã tổ chức tuyên truyền, cho các hộ kinh doanh ký cam kết không lấn "
        "chiếm vỉa hè, đồng thời kẻ vạch sơn phân định phần vỉa hè dành cho người đi bộ.",
    ]
    closing = [
        f"Theo {d.short('pct')}, phường sẽ duy trì lực lượng trực chốt, kiểm tra thường xuyên, "
        f"kiên quyết không để tái lấn chiếm.",
    ]
    d.photo(2, f"Lực lượng chức năng xử lý lấn chiếm vỉa hè trên {d.street()}")
    d.attachment = (
        f"Thông báo số {(q := d.n(20, 150))}/TB-UBND về việc lập lại trật tự đô thị",
        f"TB-{q}-UBND-{d.Y}",
    )
    d.tags = ["trật tự đô thị", "vỉa hè"]
    return title, lead, body, closing


def k_hien_mau(d: Doc):
    title = f"{d.WN} tổ chức Ngày hội hiến máu tình nguyện đợt {d.n(1, 2)} năm {d.Y}"
    lead = (
        f"{d.when()}, Ban Chỉ đạo vận động hiến máu tình nguyện {d.W} phối hợp với Viện Huyết "
        f"học - Truyền máu Trung ương tổ chức Ngày hội hiến máu tình nguyện."
    )
    body = [
        f"Ngay từ sáng sớm, đông đảo cán bộ, đoàn viên thanh niên và người dân đã có mặt tại "
        f"Nhà văn hóa {d.hamlet()} để đăng ký hiến máu. {d.o('doan', 'Dc')} cho biết đây là lần "
        f"thứ {d.n(10, 30)} phường tổ chức ngày hội.",
        f"Kết quả, ngày hội đã tiếp nhận {d.n(80, 240)} đơn vị máu, vượt {d.n(5, 40)}% chỉ tiêu "
        f"được giao.",
    ]
    closing = []
    d.photo(5, "Người dân tham gia hiến máu tình nguyện")
    d.tags = ["hiến máu", "thanh niên"]
    return title, lead, body, closing


def k_so(d: Doc):
    title = d.pick(
        [
            f"{d.WN} ra mắt Tổ công nghệ số cộng đồng",
            f"{d.WN} đẩy mạnh triển khai Đề án 06 của Chính phủ",
            f"{d.WN} hướng dẫn người dân sử dụng dịch vụ công trực tuyến",
        ]
    )
    lead = (
        f"{d.when()}, {d.ubnd} tổ chức ra mắt {d.n(8, 30)} Tổ công nghệ số cộng đồng tại các "
        f"{d.district.hamlet}, góp phần thực hiện Đề án 06 của Chính phủ về phát triển ứng dụng "
        f"dữ liệu về dân cư, định danh và xác thực điện tử."
    )
    body = [
        f"Mỗi tổ gồm từ 3 đến 5 thành viên là đoàn viên thanh niên, cán bộ {d.district.hamlet} có "
        f"hiểu biết về công nghệ thông tin, có nhiệm vụ hướng dẫn người dân cài đặt, kích hoạt tài "
        f"khoản định danh điện tử VNeID, thanh toán không dùng tiền mặt và nộp hồ sơ trực tuyến.",
        f"{d.o('ct', 'Comma')}, cho biết đến nay tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận "
        f"trực tuyến tại phường đạt {d.n(60, 95)}%, tỷ lệ người dân kích hoạt tài khoản định danh "
        f"mức 2 đạt {d.n(55, 90)}%.",
        f"Tại buổi ra mắt, Công an phường đã hướng dẫn trực tiếp cho hơn {d.n(100, 400)} lượt người "
        f"dân cài đặt ứng dụng VNeID.",
    ]
    closing = []
    d.photo(10, "Ra mắt Tổ công nghệ số cộng đồng")
    d.attachment = (
        "Hướng dẫn cài đặt, kích hoạt tài khoản định danh điện tử VNeID",
        f"HD-VNeID-{d.Y}",
    )
    d.tags = ["chuyển đổi số", "Đề án 06"]
    return title, lead, body, closing


def k_sap_xep(d: Doc):
    merged = [w for w in d.district.wards if w.merged_on and w.official == d.ward.official]
    old = merged[0].lower if merged else d.W
    title = f"{d.WN} (mới) đi vào hoạt động sau sắp xếp đơn vị hành chính"
    lead = (
        f"{d.when(allow_undated=False)}, Đảng ủy - HĐND - UBND - Ủy ban MTTQ {d.W} tổ chức "
        f"Hội nghị công bố Nghị quyết của Ủy ban Thường vụ Quốc hội về việc sắp xếp đơn vị "
        f"hành chính cấp xã của thành phố Hà Nội giai đoạn 2023 - 2025."
    )
    body = [
        f"Theo Nghị quyết số 1286/NQ-UBTVQH15, {d.W} được thành lập trên cơ sở nhập toàn bộ diện "
        f"tích tự nhiên, quy mô dân số của {old} vào {d.W}. Sau sắp xếp, phường có diện tích "
        f"{d.n(70, 140)} ha, quy mô dân số hơn {d.n(18, 35)}.{d.n(100, 999)} người.",
        f"Tại hội nghị, {d.o('q_pct', 'dc')} đã trao quyết định chỉ định Ban Chấp hành Đảng bộ "
        f"và kiện toàn các chức danh chủ chốt của phường.",
        f"Phát biểu nhận nhiệm vụ, {d.o('bt', 'ob')} cam kết sẽ sớm ổn định tổ chức bộ máy, bảo "
        f"đảm việc giải quyết thủ tục hành chính cho người dân và doanh nghiệp không bị gián đoạn.",
    ]
    closing = []
    d.photo(1, "Quang cảnh Hội nghị")
    d.tags = ["sắp xếp đơn vị hành chính"]
    return title, lead, body, closing


def _tet_window(year: int, before: tuple[int, int]) -> list[tuple[date, date]]:
    tet = TET.get(year)
    return [(tet[0] - timedelta(days=before[0]), tet[0] - timedelta(days=before[1]))] if tet else []


def _range(year: int, m1: int, d1: int, m2: int, d2: int) -> list[tuple[date, date]]:
    return [(date(year, m1, d1), date(year, m2, d2))]


# kind -> (writer, weight, windows(year) -> [(first, last)], ward-site friendly)
KINDS = {
    "thi_dua": (k_thi_dua, 3, lambda y: _range(y, 12, 12, 12, 28) + _range(y, 1, 3, 1, 16)),
    "trien_khai": (k_trien_khai, 2, lambda y: _range(y, 1, 4, 1, 20)),
    "tet": (k_tet, 4, lambda y: _tet_window(y, (20, 3))),
    "ve_sinh": (k_ve_sinh, 4, lambda y: _range(y, 3, 1, 6, 30) + _range(y, 9, 1, 11, 30)),
    "bau_cu": (k_bau_cu, 3, lambda y: _range(y, 3, 5, 5, 24) if y == 2021 else []),
    "dai_hoi": (k_dai_hoi, 3, lambda y: _range(y, 4, 10, 6, 28) if y == 2020 else []),
    "bau_tdp": (k_bau_tdp, 1, lambda y: _range(y, 11, 25, 12, 20) if y in (2019, 2022) else []),
    "attp": (k_attp, 3, lambda y: _range(y, 4, 15, 5, 15) + _range(y, 1, 5, 1, 20)),
    "pccc": (k_pccc, 2, lambda y: _range(y, 3, 1, 11, 30)),
    "khen": (k_khen, 1, lambda y: _range(y, 1, 10, 12, 20)),
    "hoc_sinh": (k_hoc_sinh, 2, lambda y: _range(y, 7, 20, 8, 28)),
    "dai_doan_ket": (k_dai_doan_ket, 4, lambda y: _range(y, 11, 2, 11, 19)),
    "cu_tri": (k_cu_tri, 2, lambda y: _range(y, 6, 5, 6, 30) + _range(y, 11, 20, 12, 10)),
    "giao_quan": (
        k_giao_quan,
        2,
        lambda y: (
            [(TET[y][0] + timedelta(days=10), TET[y][0] + timedelta(days=28))] if y in TET else []
        ),
    ),
    "covid": (k_covid, 4, lambda y: _range(y, 3, 1, 12, 20) if y in (2020, 2021) else []),
    "trung_thu": (
        k_trung_thu,
        2,
        lambda y: [(MID_AUTUMN[y] - timedelta(days=6), MID_AUTUMN[y])] if y in MID_AUTUMN else [],
    ),
    "27_7": (k_27_7, 2, lambda y: _range(y, 7, 18, 7, 27)),
    "8_3": (k_8_3, 2, lambda y: _range(y, 3, 3, 3, 8)),
    "via_he": (k_via_he, 2, lambda y: _range(y, 2, 20, 4, 30) + _range(y, 8, 1, 10, 31)),
    "hien_mau": (k_hien_mau, 2, lambda y: _range(y, 3, 10, 11, 25)),
    "so": (k_so, 3, lambda y: _range(y, 3, 1, 12, 15) if y >= 2022 else []),
    "sap_xep": (k_sap_xep, 0, lambda y: _range(y, 1, 2, 1, 6) if y == 2025 else []),
}


def pick_kind(rng: random.Random, year: int, last: date) -> tuple[str, date]:
    """A story kind that can happen in `year` and a day for it (not after `last`)."""
    while True:
        names = [
            k for k, (_, w, win) in KINDS.items() if w and any(a <= last for a, _ in win(year))
        ]
        weights = [KINDS[k][1] for k in names]
        kind = rng.choices(names, weights)[0]
        spans = [(a, min(b, last)) for a, b in KINDS[kind][2](year) if a <= last]
        a, b = rng.choice(spans)
        if a <= b:
            return kind, a + timedelta(days=rng.randint(0, (b - a).days))


BYLINE_STYLES = ("plain", "strong", "strong", "em", "strong_em")


def make_byline(rng: random.Random, d: Doc, reporters: list[str], mode: str) -> Byline | None:
    """A credit line. `mode` 'ward' leans on the ward office, 'free' on correspondents."""
    a, b = rng.sample(reporters, 2)
    style = rng.choice(BYLINE_STYLES)
    org_name = d.WN if rng.random() < 0.5 else f"Phường {d.ward.short}"
    options: list[tuple[float, Byline | None]] = [
        (5, Byline(f"{a} - {d.ubnd}", [a], d.ubnd, style)),
        (3, Byline(f"Tin, ảnh: {a}", [a], None, style)),
        (2, Byline(f"{a} – {b}", [a, b], None, style)),
        (2, Byline(f"{a} ({org_name})", [a], org_name, style)),
        (1, Byline("PV", [], None, style)),
        (2, None),
        (1, Byline(f"{a}, {b}", [a, b], None, style)),
        (1, Byline(f"Bài, ảnh: {a}", [a], None, style)),
        (1, Byline(d.ubnd, [], d.ubnd, style)),
        (1, Byline(f"{a} - Văn phòng HĐND-UBND {d.W}", [a], f"Văn phòng HĐND-UBND {d.W}", style)),
        (1, Byline(f"Tin: {a} - Ảnh: {b}", [a, b], None, style)),
    ]
    if mode == "ward":
        options[0] = (9, options[0][1])
    weights = [w for w, _ in options]
    return rng.choices([o for _, o in options], weights)[0]


def write_story(
    rng: random.Random,
    district: District,
    ward: Ward,
    kind: str,
    event: date,
    published: datetime,
    reporters: list[str],
    byline_mode: str = "free",
    south: bool = False,
) -> Story:
    """Draw one story of `kind` about `ward`, for an event on `event`, published at `published`."""
    d = Doc(rng, district, ward, published, event, south)
    writer = KINDS[kind][0]
    title, lead, body, closing = writer(d)
    target = rng.choice([2, 3, 4, 4, 5, 5, 5, 6, 6, 7, 8, 9, 10])
    blocks, mentions = d.finish(lead, body, closing, target)
    byline = make_byline(rng, d, reporters, byline_mode)
    if byline is not None and ward.short not in title and (byline.org is None):
        # Keep the ward findable: the title or the byline names it.
        byline = (
            Byline(f"{byline.raw} - {d.ubnd}", byline.authors, d.ubnd, byline.style)
            if byline.authors
            else Byline(d.ubnd, [], d.ubnd, byline.style)
        )
    if byline is None and ward.short not in title:
        byline = Byline(d.ubnd, [], d.ubnd, "strong")
    return Story(
        title=nfc(title),
        ward=ward,
        kind=kind,
        published=published,
        event_date=d.event_date,
        blocks=blocks,
        byline=byline,
        mentions=mentions,
        tags=d.tags,
        views=rng.randint(40, 2600),
        indent=rng.random() < 0.4,
    )


# ---------------------------------------------------------------------------------------
# The real article from shared/seed/ward-news-page.txt, verbatim (NBSP indents included).

REFERENCE_URL = (
    "/haibatrung/hoat-dong-cac-phuong1/-/view_content/"
    "2225876-phuong-bach-khoa-tong-ket-phong-trao-thi-dua-nam-2017-va-phat-dong-phong-trao-nam-20-1.html"
)
REFERENCE_TITLE = (
    "Phường Bách Khoa tổng kết phong trào thi đua năm 2017 và phát động phong trào năm 2018"
)
REFERENCE_DATE_LINE = "Ngày đăng 03/01/2018 | 05:01"
REFERENCE_PARAGRAPHS = [
    "Sáng ngày 22/12/2017, UBND phường Bách Khoa tổ chức Hội nghị tổng kết phong trào thi đua "
    "năm 2017 và phát động phong trào thi đua năm 2018.",
    "\xa0 \xa0 \xa0 \xa0Dự Hội nghị có đồng chí Phạm Thị Hiền – Trưởng phòng Văn hóa và Thông "
    "tin quận Hai Bà Trưng; đồng chí Nguyễn Thị Hồng Hạnh – Bí thư Đảng ủy, Chủ tịch HĐND "
    "phường; đồng chí Nguyễn Thị Thanh Minh - Phó Bí thư Đảng ủy phường; đồng chí Nguyễn Văn "
    "Khang – Phó Bí thư Đảng ủy, Chủ tịch UBND phường; các đồng chí trưởng các ngành đoàn thể "
    "chính trị- xã hội; tổ chức xã hội của phường và các tập thể, cá nhân được khen thưởng năm "
    "2017.",
    "\xa0 \xa0 \xa0 \xa0Năm 2017, phường Bách Khoa đã triển khai thực hiện tốt các phong trào "
    "thi đua yêu nước do cấp trên phát động gắn với những yêu cầu, nhiệm vụ chính trị, mục "
    "tiêu phát triển kinh tế- xã hội của phường. Các cuộc vận động, phong trào thi đua như "
    "phong trào thi đua thực hiện cải cách hành chính, phong trào “Toàn dân đoàn kết xây dựng "
    "đời sống văn hóa”, cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn "
    "minh”… đã được tập thể cán bộ, công chức, viên chức, người lao động các cơ quan, đơn vị "
    "và nhân dân trong toàn phường tích cực hưởng ứng.",
    "\xa0 \xa0 \xa0Qua các phong trào thi đua, nhiều gương người tốt, việc tốt, nhiều tập thể "
    "và cá nhân điển hình tiên tiến được nhân rộng, lập thành tích xuất sắc trên từng lĩnh "
    "vực, góp phần tích cực vào việc xây dựng chính quyền, cơ sở vững mạnh nhằm thực hiện "
    "thắng lợi các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội, quốc phòng – an ninh tại "
    "địa phương. UBND thành phố đã tặng bằng khen cho tập thể cán bộ và nhân dân phường Bách "
    "Khoa và tặng bằng khen cho cá nhân đồng chí\xa0Nguyễn Văn Khang – Chủ tịch UBND "
    "phường.\xa0",
    "\xa0 \xa0 \xa0 \xa0Phát động phong trào thi đua năm 2018, ông\xa0Nguyễn Văn Khang - Phó "
    "Bí thư Đảng ủy, Chủ tịch UBND phường đã nhấn mạnh một số\xa0nội dung trọng tâm:\xa0Tổ "
    "chức phát động các phong trào thi đua sâu rộng đến toàn thể cán bộ, công chức, viên chức, "
    "người lao động và nhân dân trên địa bàn phường; Phát huy vai trò tiên phong, gương mẫu "
    "của cán bộ, đảng viên, người đứng đầu các cơ quan, đơn vị; kịp thời biểu dương, khen "
    "thưởng tập thể, cá nhân điển hình tiêu biểu, gương người tốt việc tốt…. Đề nghị \xa0các "
    "đơn vị, tổ chức chính trị - xã hội trên địa bàn phường tiếp tục triển khai sâu rộng, có "
    "hiệu quả các phong trào thi đua gắn với các nhiệm vụ phát triển kinh tế - xã hội của "
    "phường; đảm bảo an sinh xã hội, nâng cao chất lượng giáo dục, y tế; đẩy mạnh công tác "
    "giảm nghèo bền vững; đảm bảo quốc phòng – an ninh, trật tự an toàn xã hội trên địa bàn.",
]
REFERENCE_BYLINE_PAD = "\xa0 " * 44
REFERENCE_BYLINE = "Minh Thuận - UBND phường Bách Khoa"
REFERENCE_MENTIONS = [
    ("Phạm Thị Hiền", "Trưởng phòng Văn hóa và Thông tin quận Hai Bà Trưng"),
    ("Nguyễn Thị Hồng Hạnh", "Bí thư Đảng ủy, Chủ tịch HĐND phường"),
    ("Nguyễn Thị Thanh Minh", "Phó Bí thư Đảng ủy phường"),
    ("Nguyễn Văn Khang", "Phó Bí thư Đảng ủy, Chủ tịch UBND phường"),
    ("Nguyễn Văn Khang", "Chủ tịch UBND phường"),
    ("Nguyễn Văn Khang", "Phó Bí thư Đảng ủy, Chủ tịch UBND phường"),
]


def reference_story(ward: Ward) -> Story:
    """The seed article (Phường Bách Khoa, 03/01/2018 05:01) as a Story, text untouched."""
    return Story(
        title=REFERENCE_TITLE,
        ward=ward,
        kind="thi_dua",
        published=datetime(2018, 1, 3, 5, 1),
        event_date=date(2017, 12, 22),
        blocks=[Block("p", p) for p in REFERENCE_PARAGRAPHS],
        byline=Byline(REFERENCE_BYLINE, ["Minh Thuận"], "UBND phường Bách Khoa", "pad"),
        mentions=list(REFERENCE_MENTIONS),
        tags=["thi đua khen thưởng"],
        views=1873,
        key=2225876,
        slug="phuong-bach-khoa-tong-ket-phong-trao-thi-dua-nam-2017-va-phat-dong-phong-trao-nam-20-1",
    )
