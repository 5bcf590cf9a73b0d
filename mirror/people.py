"""Invented Vietnamese names: ward and district officials (stable per term) and reporters.

Everything is drawn from `random.Random` seeded with strings, which Python hashes with SHA-512,
so the same seed gives the same people on every machine and every run.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

__all__ = ["Person", "Roster", "make_person", "reporter_names", "term_of"]


def _names(text: str) -> list[str]:
    """'Văn, Đức, Tuấn Anh' -> ['Văn', 'Đức', 'Tuấn Anh']."""
    return text.split(", ")


SURNAMES = (
    ["Nguyễn"] * 30
    + ["Trần"] * 10
    + ["Lê"] * 9
    + ["Phạm"] * 7
    + ["Hoàng"] * 4
    + ["Vũ"] * 4
    + ["Đặng", "Bùi", "Đỗ"] * 3
    + ["Phan", "Ngô", "Dương", "Đinh", "Hồ"] * 2
    + ["Trịnh", "Tạ", "Lương", "Đào", "Cao", "Lý", "Mai", "Kiều", "Chu", "Tô"]
)
SOUTH_SURNAMES = ["Huỳnh", "Võ", "Trương", "Lâm", "Huỳnh", "Võ"]
MALE_MIDDLE = _names(
    "Văn, Văn, Văn, Đức, Minh, Quang, Hữu, Thanh, Xuân, Ngọc, Mạnh, Công, Trọng, Quốc, Thế, "
    "Anh, Đình, Tiến, Duy, Hoàng"
)
MALE_GIVEN = _names(
    "Hùng, Dũng, Tùng, Thắng, Hải, Nam, Sơn, Long, Tuấn, Bình, Cường, Hòa, Thành, Trung, "
    "Kiên, Phong, Quân, Hiếu, Tâm, Lâm, Huy, Việt, Đạt, Vinh, Toàn, Thịnh, Lực, Khánh, Hưng, "
    "Phúc, Chiến, Quyết"
)
FEMALE_MIDDLE = _names(
    "Thị, Thị, Thị, Thị, Thị, Thu, Thanh, Minh, Ngọc, Hồng, Kim, Thúy, Bích, Phương, "
    "Thị Thanh, Thị Hồng, Thị Minh, Thị Thu, Lan"
)
FEMALE_GIVEN = _names(
    "Hà, Lan, Hương, Hạnh, Hiền, Nga, Hoa, Mai, Thảo, Huyền, Trang, Yến, Loan, Dung, Thủy, "
    "Oanh, Vân, Liên, Phượng, Nhung, Hằng, Ngân, Tuyết, Quyên, Nhàn, Xuân, Hòa, Thơm"
)
REPORTER_FIRST = _names(
    "Minh, Thu, Hương, Ngọc, Văn, Bích, Hoàng, Thanh, Quốc, Phương, Đức, Mai, Hải, Lan, Kim, "
    "Hồng, Tuấn, Diệu, Khánh, Trà"
)
REPORTER_LAST = _names(
    "Thuận, Hà, Giang, Trang, Ánh, Tuấn, Ngọc, Dung, Hương, Khánh, Linh, Anh, Phúc, Yến, My, "
    "Long, Sơn, Nhi, Tâm, Vy, Châu, Thảo"
)


@dataclass(frozen=True)
class Person:
    """A named person; `female` picks 'bà' or 'ông'."""

    name: str
    female: bool

    @property
    def pron(self) -> str:
        """'bà' or 'ông'."""
        return "bà" if self.female else "ông"


def make_person(rng: random.Random, female: bool | None = None, south: bool = False) -> Person:
    """Draw a full Vietnamese name: make_person(rng, female=True) -> Person('Lê Thị Hạnh', True)."""
    if female is None:
        female = rng.random() < 0.45
    surnames = SURNAMES + SOUTH_SURNAMES * 3 if south else SURNAMES
    surname = rng.choice(surnames)
    middles, givens = (FEMALE_MIDDLE, FEMALE_GIVEN) if female else (MALE_MIDDLE, MALE_GIVEN)
    middle, given = rng.choice(middles), rng.choice(givens)
    while middle == surname or given in (surname, middle):
        middle, given = rng.choice(middles), rng.choice(givens)
    return Person(f"{surname} {middle} {given}", female)


def reporter_names(rng: random.Random, n: int) -> list[str]:
    """Short pen names of ward correspondents: ['Minh Thuận', 'Thu Hà', ...]."""
    names: list[str] = []
    while len(names) < n:
        name = f"{rng.choice(REPORTER_FIRST)} {rng.choice(REPORTER_LAST)}"
        if name not in names and name.split()[0] != name.split()[1]:
            names.append(name)
    return names


def term_of(day: date) -> str:
    """The local term a date falls in: the 2015–2020 Party term changed over in autumn 2020."""
    return "2015" if day < date(2020, 9, 1) else "2020"


# Positions by role. The first variant of each holds no comma, so it can sit in the
# "bà X, <position>, cho biết" form.
WARD_ROLES: dict[str, tuple[bool | None, list[str]]] = {
    "bt": (None, ["Bí thư Đảng ủy phường", "Bí thư Đảng ủy, Chủ tịch HĐND phường"]),
    "ct": (None, ["Chủ tịch UBND phường", "Phó Bí thư Đảng ủy, Chủ tịch UBND phường"]),
    "pbt": (None, ["Phó Bí thư Thường trực Đảng ủy phường", "Phó Bí thư Đảng ủy phường"]),
    "pct": (None, ["Phó Chủ tịch UBND phường"]),
    "pct2": (None, ["Phó Chủ tịch UBND phường"]),
    "mttq": (
        None,
        ["Chủ tịch Ủy ban MTTQ phường", "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam phường"],
    ),
    "hpn": (True, ["Chủ tịch Hội Liên hiệp Phụ nữ phường", "Chủ tịch Hội Phụ nữ phường"]),
    "doan": (None, ["Bí thư Đoàn phường", "Bí thư Đoàn Thanh niên phường"]),
    "ccb": (False, ["Chủ tịch Hội Cựu chiến binh phường"]),
    "ca": (False, ["Trưởng Công an phường"]),
    "qs": (False, ["Chỉ huy trưởng Ban Chỉ huy Quân sự phường", "Chỉ huy trưởng Quân sự phường"]),
    "yte": (None, ["Trạm trưởng Trạm Y tế phường", "Trưởng Trạm Y tế phường"]),
    "vhxh": (None, ["Công chức Văn hóa - Xã hội phường"]),
}

# District roles; "{d}" is the district in lower case ("quận Hai Bà Trưng"), "{u}" its unit
# ("quận"), "{U}" the party committee ("Quận ủy Hai Bà Trưng").
DISTRICT_ROLES: dict[str, tuple[bool | None, list[str]]] = {
    "q_bt": (None, ["Bí thư {U}"]),
    "q_ct": (None, ["Chủ tịch UBND {d}"]),
    "q_pct": (
        None,
        ["Phó Chủ tịch UBND {d}", "Ủy viên Ban Thường vụ {Ushort}, Phó Chủ tịch UBND {u}"],
    ),
    "q_pct2": (None, ["Phó Chủ tịch UBND {d}"]),
    "q_hdnd": (None, ["Phó Chủ tịch HĐND {d}"]),
    "q_vhtt": (None, ["Trưởng phòng Văn hóa và Thông tin {d}"]),
    "q_tnmt": (None, ["Trưởng phòng Tài nguyên và Môi trường {d}"]),
    "q_yte": (None, ["Trưởng phòng Y tế {d}"]),
    "q_ldtbxh": (None, ["Trưởng phòng Lao động - Thương binh và Xã hội {d}"]),
    "q_mttq": (None, ["Chủ tịch Ủy ban MTTQ {d}"]),
    "q_qs": (False, ["Chỉ huy trưởng Ban Chỉ huy Quân sự {d}"]),
    "q_ca": (False, ["Phó Trưởng Công an {d}"]),
    "q_tgdv": (None, ["Trưởng ban Tuyên giáo {Ushort}"]),
}

# People fixed by the reference article (Phường Bách Khoa, Hai Bà Trưng, 2015–2020 term).
FIXED: dict[tuple[str, str, str], Person] = {
    ("haibatrung/Bách Khoa", "2015", "bt"): Person("Nguyễn Thị Hồng Hạnh", True),
    ("haibatrung/Bách Khoa", "2015", "pbt"): Person("Nguyễn Thị Thanh Minh", True),
    ("haibatrung/Bách Khoa", "2015", "ct"): Person("Nguyễn Văn Khang", False),
    ("haibatrung", "2015", "q_vhtt"): Person("Phạm Thị Hiền", True),
}


class Roster:
    """Who holds each role in a ward (or district) during a term; the same on every call."""

    def __init__(self, scope: str, term: str, south: bool = False, district: bool = False):
        self.scope, self.term, self.south = scope, term, south
        self.roles = DISTRICT_ROLES if district else WARD_ROLES
        self._people: dict[str, Person] = {}

    def person(self, role: str) -> Person:
        """Holder of a role: Roster('haibatrung/Bách Khoa', '2015').person('ct') -> Khang."""
        if role not in self._people:
            fixed = FIXED.get((self.scope, self.term, role))
            if fixed is not None:
                self._people[role] = fixed
            else:
                rng = random.Random(f"{self.scope}|{self.term}|{role}")
                female, _ = self.roles[role]
                self._people[role] = make_person(rng, female, self.south)
        return self._people[role]

    def positions(self, role: str) -> list[str]:
        """The ways a text may name the role, comma-free form first."""
        return self.roles[role][1]
