"""Places behind the demo mirror: districts, their pre-2025 wards, GSO codes and street names.

Codes come from `vietnamadminunits` 1.0.4 (legacy mode, the state just before the July 2025
reorganisation), e.g. ``parse_address("Phường Bách Khoa, Quận Hai Bà Trưng, Hà Nội",
mode=ParseMode.LEGACY, level=3).ward_code == "00277"``. Five Hai Bà Trưng wards (Cầu Dền,
Đống Mác, Ngô Thì Nhậm, Quỳnh Lôi, Bùi Thị Xuân) were merged into neighbours on 1 January
2025; the gazetteer only knows the receiving ward, so an article about one of them carries the
receiving ward's official name and code, and keeps the name it used in ``ward_as_named``.
`tests/test_mirror.py` checks every code here against the gazetteer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

__all__ = ["District", "Ward", "DISTRICTS"]


@dataclass(frozen=True)
class Ward:
    """One ward as articles name it, with the gazetteer unit it resolves to."""

    short: str  # "Bách Khoa", "25"
    official: str  # gazetteer name: "Phường Bách Khoa" (the receiving ward for a merged one)
    code: str  # GSO code of `official`
    streets: tuple[str, ...] = ()
    merged_on: date | None = None  # the day it stopped existing, for merged wards

    @property
    def named(self) -> str:
        """Name as written in a title: 'Phường Cầu Dền'."""
        return f"Phường {self.short}"

    @property
    def lower(self) -> str:
        """Name inside a sentence: 'phường Cầu Dền', 'Phường 25' (numbered wards keep the capital)."""
        return f"Phường {self.short}" if self.short.isdigit() else f"phường {self.short}"

    def exists_on(self, day: date) -> bool:
        """Whether the ward still existed on `day`."""
        return self.merged_on is None or day < self.merged_on


@dataclass(frozen=True)
class District:
    """A district (or provincial city) with its wards and how its texts refer to places."""

    key: str
    name: str  # "Quận Hai Bà Trưng"
    lower: str  # "quận Hai Bà Trưng"
    unit: str  # "quận" or "thành phố", as in "UBND quận"
    province: str  # "Thành phố Hà Nội"
    city: str  # "Hà Nội"
    city_level: str  # "thành phố" / "tỉnh"
    hamlet: str  # "tổ dân phố" / "khu phố"
    wards: tuple[Ward, ...] = field(default_factory=tuple)

    def ward(self, short: str) -> Ward:
        """Look a ward up by its short name: 'Bách Khoa' -> Ward."""
        for ward in self.wards:
            if ward.short == short:
                return ward
        raise KeyError(short)


MERGE_2025 = date(2025, 1, 1)

HAI_BA_TRUNG = District(
    key="haibatrung",
    name="Quận Hai Bà Trưng",
    lower="quận Hai Bà Trưng",
    unit="quận",
    province="Thành phố Hà Nội",
    city="Hà Nội",
    city_level="thành phố",
    hamlet="tổ dân phố",
    wards=(
        Ward(
            "Bách Khoa",
            "Phường Bách Khoa",
            "00277",
            ("Tạ Quang Bửu", "Lê Thanh Nghị", "Đại Cồ Việt"),
        ),
        Ward("Bạch Đằng", "Phường Bạch Đằng", "00244", ("Bạch Đằng", "Vạn Kiếp", "Nguyễn Khoái")),
        Ward("Bạch Mai", "Phường Bạch Mai", "00292", ("Bạch Mai", "Hồng Mai", "Thanh Nhàn")),
        Ward("Đồng Nhân", "Phường Đồng Nhân", "00259", ("Đồng Nhân", "Hòa Mã", "Lò Đúc")),
        Ward("Đồng Tâm", "Phường Đồng Tâm", "00280", ("Trần Đại Nghĩa", "Vọng", "Giải Phóng")),
        Ward(
            "Lê Đại Hành", "Phường Lê Đại Hành", "00256", ("Lê Đại Hành", "Thể Giao", "Mai Hắc Đế")
        ),
        Ward("Minh Khai", "Phường Minh Khai", "00295", ("Minh Khai", "Dương Văn Bé", "Hòa Bình")),
        Ward(
            "Nguyễn Du",
            "Phường Nguyễn Du",
            "00241",
            ("Nguyễn Du", "Trần Bình Trọng", "Quang Trung"),
        ),
        Ward(
            "Phạm Đình Hổ",
            "Phường Phạm Đình Hổ",
            "00247",
            ("Phạm Đình Hổ", "Hàng Chuối", "Hàn Thuyên"),
        ),
        Ward("Phố Huế", "Phường Phố Huế", "00262", ("Huế", "Tô Hiến Thành", "Hồ Xuân Hương")),
        Ward("Quỳnh Mai", "Phường Quỳnh Mai", "00289", ("Quỳnh Mai", "Kim Ngưu", "Lạc Trung")),
        Ward(
            "Thanh Lương",
            "Phường Thanh Lương",
            "00268",
            ("Nguyễn Khoái", "Thanh Lương", "Vĩnh Tuy"),
        ),
        Ward("Thanh Nhàn", "Phường Thanh Nhàn", "00271", ("Thanh Nhàn", "Võ Thị Sáu", "Kim Ngưu")),
        Ward("Trương Định", "Phường Trương Định", "00298", ("Trương Định", "Tân Mai", "Đại La")),
        Ward("Vĩnh Tuy", "Phường Vĩnh Tuy", "00283", ("Minh Khai", "Vĩnh Tuy", "Lạc Trung")),
        Ward(
            "Cầu Dền",
            "Phường Bách Khoa",
            "00277",
            ("Thanh Nhàn", "Kim Ngưu", "Bạch Mai"),
            MERGE_2025,
        ),
        Ward(
            "Đống Mác",
            "Phường Đồng Nhân",
            "00259",
            ("Lò Đúc", "Đống Mác", "Nguyễn Cao"),
            MERGE_2025,
        ),
        Ward(
            "Ngô Thì Nhậm",
            "Phường Phạm Đình Hổ",
            "00247",
            ("Ngô Thì Nhậm", "Hàn Thuyên", "Trần Xuân Soạn"),
            MERGE_2025,
        ),
        Ward(
            "Quỳnh Lôi",
            "Phường Bạch Mai",
            "00292",
            ("Kim Ngưu", "Thanh Nhàn", "Bạch Mai"),
            MERGE_2025,
        ),
        Ward(
            "Bùi Thị Xuân",
            "Phường Nguyễn Du",
            "00241",
            ("Bùi Thị Xuân", "Triệu Việt Vương", "Mai Hắc Đế"),
            MERGE_2025,
        ),
    ),
)

HAI_CHAU = District(
    key="haichau",
    name="Quận Hải Châu",
    lower="quận Hải Châu",
    unit="quận",
    province="Thành phố Đà Nẵng",
    city="Đà Nẵng",
    city_level="thành phố",
    hamlet="tổ dân phố",
    wards=(
        Ward(
            "Thạch Thang",
            "Phường Thạch Thang",
            "20233",
            ("Lê Duẩn", "Quang Trung", "Lý Tự Trọng", "Ông Ích Khiêm", "Nguyễn Thị Minh Khai"),
        ),
    ),
)

BINH_THANH = District(
    key="binhthanh",
    name="Quận Bình Thạnh",
    lower="quận Bình Thạnh",
    unit="quận",
    province="Thành phố Hồ Chí Minh",
    city="TP. Hồ Chí Minh",
    city_level="thành phố",
    hamlet="khu phố",
    wards=(
        Ward(
            "25",
            "Phường 25",
            "26920",
            ("Điện Biên Phủ", "Ung Văn Khiêm", "Nguyễn Gia Trí", "Phan Văn Hân", "Nguyễn Hữu Cảnh"),
        ),
    ),
)

THU_DAU_MOT = District(
    key="thudaumot",
    name="Thành phố Thủ Dầu Một",
    lower="thành phố Thủ Dầu Một",
    unit="thành phố",
    province="Tỉnh Bình Dương",
    city="Bình Dương",
    city_level="tỉnh",
    hamlet="khu phố",
    wards=(
        Ward(
            "Phú Cường",
            "Phường Phú Cường",
            "25747",
            ("Bạch Đằng", "Đinh Bộ Lĩnh", "Cách Mạng Tháng Tám"),
        ),
        Ward("Phú Hòa", "Phường Phú Hòa", "25750", ("Lê Hồng Phong", "Huỳnh Văn Lũy", "30/4")),
        Ward("Phú Lợi", "Phường Phú Lợi", "25744", ("Phú Lợi", "Huỳnh Văn Lũy", "Lê Hồng Phong")),
        Ward(
            "Hiệp Thành",
            "Phường Hiệp Thành",
            "25741",
            ("Đại lộ Bình Dương", "Nguyễn Văn Lên", "Lê Văn Tách"),
        ),
        Ward(
            "Chánh Nghĩa", "Phường Chánh Nghĩa", "25756", ("Yersin", "Bạch Đằng", "Hoàng Hoa Thám")
        ),
        Ward(
            "Phú Thọ",
            "Phường Phú Thọ",
            "25753",
            ("Đại lộ Bình Dương", "Lê Thị Trung", "Cách Mạng Tháng Tám"),
        ),
        Ward(
            "Định Hòa",
            "Phường Định Hòa",
            "25759",
            ("Phạm Ngọc Thạch", "Huỳnh Văn Lũy", "Lê Chí Dân"),
        ),
        Ward(
            "Tương Bình Hiệp",
            "Phường Tương Bình Hiệp",
            "25771",
            ("Nguyễn Chí Thanh", "Lê Chí Dân", "Huỳnh Thị Chấu"),
        ),
        Ward(
            "Hiệp An",
            "Phường Hiệp An",
            "25768",
            ("Lê Chí Dân", "Huỳnh Thị Hiếu", "Nguyễn Chí Thanh"),
        ),
        Ward(
            "Chánh Mỹ",
            "Phường Chánh Mỹ",
            "25774",
            ("Nguyễn Chí Thanh", "Bùi Ngọc Thu", "Huỳnh Thị Hiếu"),
        ),
        Ward(
            "Phú Mỹ", "Phường Phú Mỹ", "25762", ("Huỳnh Văn Lũy", "Phạm Ngọc Thạch", "Võ Minh Đức")
        ),
        Ward("Hòa Phú", "Phường Hòa Phú", "25760", ("Huỳnh Văn Lũy", "Võ Văn Kiệt", "Lê Lai")),
    ),
)

DISTRICTS: dict[str, District] = {
    d.key: d for d in (HAI_BA_TRUNG, HAI_CHAU, BINH_THANH, THU_DAU_MOT)
}
