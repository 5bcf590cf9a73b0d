from pathlib import Path

import pytest

from normalize.officials import Mention, find_mentions

SEED = Path("/work/shared/seed/ward-news-page.txt")


def test_seed_officials():
    mentions = find_mentions(
        SEED.read_text(encoding="utf-8"), ward="Phường Bách Khoa", district="Quận Hai Bà Trưng"
    )
    assert mentions == [
        Mention(
            "Phạm Thị Hiền",
            "Trưởng phòng Văn hóa và Thông tin quận Hai Bà Trưng",
            "Phòng Văn hóa và Thông tin quận Hai Bà Trưng",
        ),
        Mention(
            "Nguyễn Thị Hồng Hạnh",
            "Bí thư Đảng ủy, Chủ tịch HĐND phường",
            "Đảng ủy phường Bách Khoa",
        ),
        Mention("Nguyễn Thị Thanh Minh", "Phó Bí thư Đảng ủy phường", "Đảng ủy phường Bách Khoa"),
        # named three times; kept once, with the position as first written
        Mention(
            "Nguyễn Văn Khang",
            "Phó Bí thư Đảng ủy, Chủ tịch UBND phường",
            "Đảng ủy phường Bách Khoa",
        ),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "đồng chí Nguyễn Văn Khang – Chủ tịch UBND phường.",
            [("Nguyễn Văn Khang", "Chủ tịch UBND phường", "UBND phường Bách Khoa")],
        ),
        (
            "Tham dự có đ/c Trần Văn Nam, Phó Chủ tịch UBND quận; đ/c Lê Thị Hoa - Chủ tịch "
            "UBMTTQ phường.",
            [
                ("Trần Văn Nam", "Phó Chủ tịch UBND quận", "UBND quận Hai Bà Trưng"),
                ("Lê Thị Hoa", "Chủ tịch UBMTTQ phường", "UBMTTQ phường Bách Khoa"),
            ],
        ),
        (
            "Đồng chí Nguyễn Thành Trung – Bí thư Đoàn phường phát biểu.",
            [("Nguyễn Thành Trung", "Bí thư Đoàn phường", "Đoàn phường Bách Khoa")],
        ),
        (
            "bà Nguyễn Thị Lan, Tổ trưởng tổ dân phố số 5, cho biết: năm nay",
            [("Nguyễn Thị Lan", "Tổ trưởng tổ dân phố số 5", "Tổ dân phố số 5")],
        ),
        (
            "Đến dự có đồng chí Nguyễn Văn An Chủ tịch UBND TP. Hà Nội và đồng chí Trần Thị Bình - "
            "Phó Chủ tịch HĐND phường.",
            [
                ("Nguyễn Văn An", "Chủ tịch UBND TP. Hà Nội", "UBND TP. Hà Nội"),
                ("Trần Thị Bình", "Phó Chủ tịch HĐND phường", "HĐND phường Bách Khoa"),
            ],
        ),
        (
            "Đồng chí Hoàng Minh Đức, Quận ủy viên, Bí thư Đảng ủy phường chủ trì hội nghị.",
            [("Hoàng Minh Đức", "Quận ủy viên, Bí thư Đảng ủy phường", "Đảng ủy phường Bách Khoa")],
        ),
        (
            "ông Lê Văn Tám, Chủ tịch Ủy ban MTTQ Việt Nam phường 14 cùng đông đảo bà con",
            [
                (
                    "Lê Văn Tám",
                    "Chủ tịch Ủy ban MTTQ Việt Nam phường 14",
                    "Ủy ban MTTQ Việt Nam phường 14",
                )
            ],
        ),
        (
            "Đ/c Phạm Thị Thuỷ (Phó Chủ tịch HĐND phường) trao thưởng.",
            [("Phạm Thị Thủy", "Phó Chủ tịch HĐND phường", "HĐND phường Bách Khoa")],
        ),
        (
            "đồng chí NGUYỄN VĂN KHANG - Chủ tịch UBND phường. Sau đó đồng chí Nguyễn Văn Khang "
            "- Bí thư Đảng ủy phường phát biểu.",
            [("Nguyễn Văn Khang", "Chủ tịch UBND phường", "UBND phường Bách Khoa")],
        ),
        (
            "đồng chí Đỗ Thị Lan – Giám đốc Trung tâm Văn hóa - Thể thao quận.",
            [
                (
                    "Đỗ Thị Lan",
                    "Giám đốc Trung tâm Văn hóa - Thể thao quận",
                    "Trung tâm Văn hóa - Thể thao quận Hai Bà Trưng",
                )
            ],
        ),
        (
            "ông Trần Văn Hải - Trưởng Công an phường cho biết",
            [("Trần Văn Hải", "Trưởng Công an phường", "Công an phường Bách Khoa")],
        ),
        (
            "bà Vũ Thị Mai - Hiệu trưởng Trường Mầm non Hoa Sữa",
            [("Vũ Thị Mai", "Hiệu trưởng Trường Mầm non Hoa Sữa", "Trường Mầm non Hoa Sữa")],
        ),
        (
            "đồng chí Lê Văn Nam - Chủ tịch UBND phường Đồng Tâm",
            [("Lê Văn Nam", "Chủ tịch UBND phường Đồng Tâm", "UBND phường Đồng Tâm")],
        ),
    ],
)
def test_find_mentions(text, expected):
    got = find_mentions(text, ward="Phường Bách Khoa", district="Quận Hai Bà Trưng")
    assert [(m.person, m.position, m.organisation) for m in got] == expected


def test_bare_locality_stays_bare_without_ward():
    got = find_mentions("đồng chí Nguyễn Văn Khang – Chủ tịch UBND phường.")
    assert got == [Mention("Nguyễn Văn Khang", "Chủ tịch UBND phường", "UBND phường")]


@pytest.mark.parametrize(
    "text",
    [
        "các đồng chí trưởng các ngành đoàn thể chính trị - xã hội",
        "các đồng chí lãnh đạo quận",
        "ông Lê Văn Tám cho biết năm nay gia đình thu hoạch tốt",  # no position: a citizen
        "bà con nhân dân trong phường",
        "quận Hai Bà Trưng tổ chức hội nghị",
        "Công an phường phối hợp",
        "đồng chí Khang - Chủ tịch UBND phường",  # one word is not a name
        "",
        None,
    ],
)
def test_find_mentions_none(text):
    assert find_mentions(text, ward="Phường Bách Khoa") == []
