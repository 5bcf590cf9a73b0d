from pathlib import Path

import pytest

from normalize.wards import Ward, district_wards, match_ward, resolve_district

SEED = Path("/work/shared/seed/ward-news-page.txt")
SEED_TITLE = (
    "Phường Bách Khoa tổng kết phong trào thi đua năm 2017 và phát động phong trào năm 2018"
)
HBT = ("Quận Hai Bà Trưng", "Thành phố Hà Nội")


@pytest.mark.parametrize(
    ("name", "province", "expected"),
    [
        ("Hai Bà Trưng", None, HBT),
        ("Quận Hai Bà Trưng", None, HBT),
        ("quận hai bà trưng", None, HBT),
        ("hai ba trung", None, HBT),
        ("Q. Hai Bà Trưng", None, HBT),
        ("Hai Bà Trưng", "Hà Nội", HBT),
        ("Hai Bà Trưng", "Thành phố Hà Nội", HBT),
        ("Ba Đình", None, ("Quận Ba Đình", "Thành phố Hà Nội")),
        ("Long Biên", None, ("Quận Long Biên", "Thành phố Hà Nội")),
        ("Gia Lâm", None, ("Huyện Gia Lâm", "Thành phố Hà Nội")),
        ("huyện Gia Lâm", None, ("Huyện Gia Lâm", "Thành phố Hà Nội")),
        ("Hoàng Mai", "Hà Nội", ("Quận Hoàng Mai", "Thành phố Hà Nội")),
        ("Quận Hoàng Mai", None, ("Quận Hoàng Mai", "Thành phố Hà Nội")),
        ("Quận 3", None, ("Quận 3", "Thành phố Hồ Chí Minh")),
        ("Q.3", None, ("Quận 3", "Thành phố Hồ Chí Minh")),
        ("Thủ Đức", None, ("Thành phố Thủ Đức", "Thành phố Hồ Chí Minh")),
    ],
)
def test_resolve_district(name, province, expected):
    assert resolve_district(name, province) == expected


@pytest.mark.parametrize(
    ("name", "province"),
    [
        ("Hoàng Mai", None),  # a Quận in Hà Nội and a Thị xã in Nghệ An
        ("Hai Bà Trưng", "Đà Nẵng"),
        ("Không Có", None),
        ("", None),
    ],
)
def test_resolve_district_none(name, province):
    assert resolve_district(name, province) is None


def test_district_wards_hai_ba_trung():
    wards = district_wards("Hai Bà Trưng", "Hà Nội")
    assert len(wards) == 15
    assert all(
        w.district == "Quận Hai Bà Trưng" and w.province == "Thành phố Hà Nội" for w in wards
    )
    assert [w.code for w in wards] == sorted(w.code for w in wards)
    assert "Phường Bách Khoa" in {w.name for w in wards}
    assert all(w.new_code and w.new_name for w in wards)


def test_district_wards_unknown():
    assert district_wards("Không Có") == []


SEED_WARD = Ward(
    code="00277",
    name="Phường Bách Khoa",
    short_name="Bách Khoa",
    district="Quận Hai Bà Trưng",
    district_code="007",
    province="Thành phố Hà Nội",
    province_code="01",
    latitude=21.004269,
    longitude=105.84591,
    new_code="00292",
    new_name="Phường Bạch Mai",
)


def test_match_ward_seed():
    ward = match_ward(
        title=SEED_TITLE,
        org="UBND phường Bách Khoa",
        category="Hoạt động các phường",
        text=SEED.read_text(encoding="utf-8"),
        district="Hai Bà Trưng",
        province="Hà Nội",
    )
    assert ward == SEED_WARD


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"title": SEED_TITLE}, "00277"),  # unique nationwide
        # Wards merged on 2025-01-01 resolve to the ward that absorbed them.
        ({"title": "Phường Cầu Dền tổ chức hội nghị", "district": "Hai Bà Trưng"}, "00277"),
        ({"title": "Đêm hội trăng rằm tại phường Bùi Thị Xuân",
          "district": "Quận Hai Bà Trưng", "province": "Hà Nội"}, "00241"),
        ({"title": "phuong bach khoa to chuc hoi nghi"}, "00277"),  # unaccented
        ({"title": "PHƯỜNG BÁCH KHOA TỔ CHỨC HỘI NGHỊ"}, "00277"),
        (
            {"title": "Hội nghị", "text": "P. Bách Khoa tổ chức", "district": "Hai Bà Trưng"},
            "00277",
        ),
        ({"title": "P.Bách Khoa ra quân", "district": "Quận Hai Bà Trưng"}, "00277"),
        (
            {"title": "Hội nghị", "org": "UBND phường Bách Khoa", "district": "Hai Bà Trưng"},
            "00277",
        ),
        ({"category": "Phường Bách Khoa", "district": "Hai Bà Trưng"}, "00277"),
        ({"category": "Bách Khoa", "district": "Hai Bà Trưng"}, "00277"),
        ({"title": "Phường Đồng Tâm tổ chức hội nghị", "district": "Hai Bà Trưng"}, "00280"),
        # the title names two wards; the byline's org settles it
        (
            {
                "title": "Phường Bách Khoa và phường Đồng Tâm phối hợp",
                "org": "UBND phường Đồng Tâm",
                "district": "Hai Bà Trưng",
            },
            "00280",
        ),
        # title first: the lead's other ward does not matter
        (
            {
                "title": "Phường Bách Khoa ra quân",
                "text": "Phường Đồng Tâm cũng tham gia.",
                "district": "Hai Bà Trưng",
            },
            "00277",
        ),
        (
            {"title": "Hội nghị tại phường 14", "district": "Quận 3", "province": "Hồ Chí Minh"},
            "27127",
        ),
        ({"title": "P.14 tổ chức ngày hội", "district": "Quận 3"}, "27127"),
        ({"title": "Thị trấn Trâu Quỳ ra quân", "district": "Gia Lâm"}, "00565"),
        ({"title": "TT. Trâu Quỳ ra quân"}, "00565"),
        ({"title": "Phường Thanh Xuân Bắc tổ chức", "district": "Thanh Xuân"}, "00367"),
        ({"title": "Phường Đồng Tâm tổ chức hội nghị", "province": "Hà Nội"}, "00280"),
        # no district given, but the lead names it
        (
            {
                "title": "Phường Đồng Tâm tổ chức hội nghị",
                "text": "Sáng 5/1, UBND phường Đồng Tâm, quận Hai Bà Trưng tổ chức hội nghị.",
            },
            "00280",
        ),
        ({"title": "Phường Hòa Bình ra quân", "district": "Hoàn Kiếm", "province": "Hà Nội"}, None),
    ],
)
def test_match_ward(kwargs, code):
    ward = match_ward(**kwargs)
    assert (ward.code if ward else None) == code


@pytest.mark.parametrize(
    "kwargs",
    [
        {"title": "Phường Đồng Tâm tổ chức hội nghị"},  # in many districts: ambiguous
        {"title": "Phường Bách Khoa và phường Đồng Tâm phối hợp", "district": "Hai Bà Trưng"},
        {"title": "Hội nghị", "text": "kinh tế - xã hội của phường", "district": "Hai Bà Trưng"},
        {"title": "Hội nghị tổng kết", "district": "Hai Bà Trưng"},
        {"title": "Phường Bách Khoa", "district": "Ba Đình"},  # not in that district
        {},
    ],
)
def test_match_ward_none(kwargs):
    assert match_ward(**kwargs) is None


def test_new_units_follow_the_2025_reorganisation():
    wards = {w.name: w for w in district_wards("Hai Bà Trưng")}
    assert (wards["Phường Bách Khoa"].new_code, wards["Phường Bách Khoa"].new_name) == (
        "00292",
        "Phường Bạch Mai",
    )
