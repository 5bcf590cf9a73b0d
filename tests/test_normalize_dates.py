from datetime import date
from pathlib import Path

import pytest

from normalize import dates
from normalize.dates import find_event_date, has_date, parse_published

SEED_LEAD = (
    "Sáng ngày 22/12/2017, UBND phường Bách Khoa tổ chức Hội nghị tổng kết phong trào thi đua "
    "năm 2017 và phát động phong trào thi đua năm 2018."
)


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    # "Not in the future" rules depend on today: pin it.
    monkeypatch.setattr(dates, "_today", lambda: date(2026, 11, 25))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # the seed page
        ("Ngày đăng 03/01/2018 | 05:01", "2018-01-03T05:01:00+07:00"),
        ("Ngày đăng: 03/01/2018 | 05:01", "2018-01-03T05:01:00+07:00"),
        ("NGÀY ĐĂNG 03/01/2018 | 05:01", "2018-01-03T05:01:00+07:00"),
        # date only
        ("03/01/2018", "2018-01-03"),
        ("3/1/2018", "2018-01-03"),
        ("03-01-2018", "2018-01-03"),
        ("03.01.2018", "2018-01-03"),
        ("03/01/18", "2018-01-03"),
        ("Ngày: 03/01/2018", "2018-01-03"),
        ("Ngày đăng: 03/01/2018 | Lượt xem: 120", "2018-01-03"),
        # time forms
        ("03/01/2018 05:01", "2018-01-03T05:01:00+07:00"),
        ("03.01.2018 05:01", "2018-01-03T05:01:00+07:00"),
        ("03/01/2018 5h01", "2018-01-03T05:01:00+07:00"),
        ("03/01/2018 5h", "2018-01-03T05:00:00+07:00"),
        ("03/01/2018 05g01", "2018-01-03T05:01:00+07:00"),
        ("03/01/2018 05:01:33", "2018-01-03T05:01:33+07:00"),
        ("5 giờ 30 phút ngày 03/01/2018", "2018-01-03T05:30:00+07:00"),
        ("Ngày 22 tháng 12 năm 2017 lúc 14h30", "2017-12-22T14:30:00+07:00"),
        # AM/PM in its local forms
        ("05:01 SA 03/01/2018", "2018-01-03T05:01:00+07:00"),
        ("14:30 CH, 03/01/2018", "2018-01-03T14:30:00+07:00"),
        ("02:30 CH, 03/01/2018", "2018-01-03T14:30:00+07:00"),
        ("03/01/2018 05:01:33 PM", "2018-01-03T17:01:33+07:00"),
        ("Thứ 4, 3/1/2018 10:00 AM", "2018-01-03T10:00:00+07:00"),
        ("12:15 AM 03/01/2018", "2018-01-03T00:15:00+07:00"),
        ("12:15 PM 03/01/2018", "2018-01-03T12:15:00+07:00"),
        ("Chủ nhật, 07/01/2018, 9:15 sáng", "2018-01-07T09:15:00+07:00"),
        ("07/01/2018 3:15 chiều", "2018-01-07T15:15:00+07:00"),
        # weekdays, labels, separators, time before or after the date
        ("Thứ Tư, 03/01/2018 - 05:01", "2018-01-03T05:01:00+07:00"),
        ("Thứ tư, 03/01/2018 - 05:01", "2018-01-03T05:01:00+07:00"),
        ("T4, 03/01/2018 | 05:01", "2018-01-03T05:01:00+07:00"),
        ("CN, 07/01/2018 09:15", "2018-01-07T09:15:00+07:00"),
        ("Cập nhật lúc 08:30, Thứ Ba, 02/01/2018", "2018-01-02T08:30:00+07:00"),
        ("Cập nhật: 02/01/2018 08:30", "2018-01-02T08:30:00+07:00"),
        ("Đăng lúc 05:01 03/01/2018", "2018-01-03T05:01:00+07:00"),
        ("Thời gian đăng: 03/01/2018 05:01:33", "2018-01-03T05:01:33+07:00"),
        ("Ngày xuất bản 3/1/2018 - 5:01 PM", "2018-01-03T17:01:00+07:00"),
        ("Posted on 03/01/2018", "2018-01-03"),
        ("Posted on January 3, 2018", "2018-01-03"),
        ("Posted on 3 January 2018 at 5:01 pm", "2018-01-03T17:01:00+07:00"),
        # words
        ("ngày 22 tháng 12 năm 2017", "2017-12-22"),
        ("22 tháng 12, 2017", "2017-12-22"),
        ("Thứ Sáu, ngày 22 tháng 12 năm 2017", "2017-12-22"),
        # machine values, any offset -> +07:00
        ("2018-01-03T05:01:00+07:00", "2018-01-03T05:01:00+07:00"),
        ("2018-01-03T05:01:00Z", "2018-01-03T12:01:00+07:00"),
        ("2018-01-02T22:01:00Z", "2018-01-03T05:01:00+07:00"),
        ("2018-01-02T22:01:00+00:00", "2018-01-03T05:01:00+07:00"),
        ("2018-01-03T05:01:00.000+0700", "2018-01-03T05:01:00+07:00"),
        ("2018-01-03 05:01:00", "2018-01-03T05:01:00+07:00"),
        ("2018-01-03", "2018-01-03"),
        ("2018/01/03 05:01", "2018-01-03T05:01:00+07:00"),
    ],
)
def test_parse_published(raw, expected):
    assert parse_published(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "",
        "   ",
        "abc",
        "Lượt xem: 1234",
        "Hôm qua",
        "31/02/2018",  # no such day
        "03/13/2018",  # month 13 (and day first always)
        "03/01/2918",  # far future
        "03/01/1890",  # before any portal
        "03/01/2018 25:70",  # impossible time
        "2018-02-30T05:01:00Z",
        "2018-01-03T24:01:00+07:00",
        "Quyết định số 12/2017",
    ],
)
def test_parse_published_bad(raw):
    assert parse_published(raw) is None


@pytest.mark.parametrize(
    ("raw", "meta", "expected"),
    [
        # meta carries a time the page lacks, same day
        ("03/01/2018", "2018-01-02T22:01:00+00:00", "2018-01-03T05:01:00+07:00"),
        # meta agrees on the day and adds seconds
        ("Ngày đăng 03/01/2018 | 05:01", "2018-01-03T05:01:33+07:00", "2018-01-03T05:01:33+07:00"),
        # local time mislabelled as UTC: the page's own time wins
        ("Ngày đăng 03/01/2018 | 05:01", "2018-01-03T05:01:00Z", "2018-01-03T05:01:00+07:00"),
        # disagreement on the day: the page wins
        ("04/01/2018", "2018-01-03T05:01:00+07:00", "2018-01-04"),
        ("Ngày đăng 04/01/2018 | 05:01", "2018-01-03T05:01:00+07:00", "2018-01-04T05:01:00+07:00"),
        # only one of the two
        (None, "2018-01-03T05:01:00+07:00", "2018-01-03T05:01:00+07:00"),
        ("garbage", "2018-01-02T22:01:00Z", "2018-01-03T05:01:00+07:00"),
        ("Ngày đăng 03/01/2018 | 05:01", None, "2018-01-03T05:01:00+07:00"),
        ("Ngày đăng 03/01/2018 | 05:01", "not a date", "2018-01-03T05:01:00+07:00"),
        # meta without a time adds nothing
        ("Ngày đăng 03/01/2018 | 05:01", "2018-01-03", "2018-01-03T05:01:00+07:00"),
        (None, None, None),
    ],
)
def test_parse_published_with_meta(raw, meta, expected):
    assert parse_published(raw, meta) == expected


def test_two_digit_year_never_in_the_future(monkeypatch):
    monkeypatch.setattr(dates, "_today", lambda: date(2018, 6, 1))
    assert parse_published("03/01/18") == "2018-01-03"
    assert parse_published("03/01/99") == "1999-01-03"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (SEED_LEAD, "2018-01-03T05:01:00+07:00", "2017-12-22"),
        ("Ngày 5/1, UBND phường tổ chức ra quân.", "2018-01-06", "2018-01-05"),
        ("Chiều 3-1, tại trụ sở UBND phường", "2018-01-03", "2018-01-03"),
        ("Tối ngày 14/2 vừa qua, Đoàn phường tổ chức", "2018-02-20", "2018-02-14"),
        ("Sáng 22-12, Hội Cựu chiến binh phường", "2018-01-03T05:01:00+07:00", "2017-12-22"),
        ("Trong 2 ngày 20 và 21/12, phường tổ chức", "2018-01-03", "2017-12-20"),
        ("Từ ngày 20 đến 22/12/2017, phường tổ chức", "2018-01-03", "2017-12-20"),
        ("Vào ngày 22 tháng 12 năm 2017, phường", "2018-01-03", "2017-12-22"),
        ("Ngày 22 tháng 12, phường", "2018-01-03", "2017-12-22"),
        ("Hôm nay (3/1), phường ra quân", "2018-01-03T09:00:00+07:00", "2018-01-03"),
        ("Sáng 31-12, phường", "2018-01-01", "2017-12-31"),  # the year rolls back
        ("Sáng 1/1, phường", "2017-12-31T23:00:00+07:00", "2018-01-01"),  # a day's grace
        (
            "Nhân kỷ niệm 73 năm (22/12/1944 - 22/12/2017), sáng 20/12, UBND phường",
            "2017-12-25",
            "2017-12-20",
        ),
        (
            "Thực hiện Kế hoạch số 45/KH-UBND ngày 10/3/2017 của UBND quận, sáng ngày 22/3/2017, "
            "UBND phường tổ chức",
            "2017-03-25",
            "2017-03-22",
        ),
        ("Hội nghị được tổ chức 22/12/2017 tại hội trường.", "2018-01-03", "2017-12-22"),
        # an anniversary span names no event day; a period is dated by its first day
        (
            "Vừa qua, Hội Phụ nữ phường tổ chức kỷ niệm 112 năm Ngày Quốc tế Phụ nữ "
            "(8/3/1910 - 8/3/2022).",
            "2022-03-09",
            None,
        ),
        ("Kỷ niệm 92 năm (3/2/1930 – 3/2/2022), phường", "2022-02-05", None),
        ("Từ 10/3/2022 - 15/3/2022, phường ra quân", "2022-03-16", "2022-03-10"),
        ("Sáng ngày 22/12/2017, phường tổ chức", None, "2017-12-22"),
        ("Sáng thứ Sáu (22/12), UBND phường", "2018-01-03", "2017-12-22"),
        ("Chủ nhật (24/12), Hội Phụ nữ phường", "2018-01-03", "2017-12-24"),
        ("Sáng thứ 6 ngày 22/12, phường", "2018-01-03", "2017-12-22"),
        ("Thứ Bảy, 23/12/2017, phường", "2018-01-03", "2017-12-23"),
        # second paragraph of the lead still counts
        (
            "Phường Bách Khoa tổng kết năm 2017.\n\nSáng 22/12, UBND phường",
            "2018-01-03",
            "2017-12-22",
        ),
    ],
)
def test_find_event_date(text, published, expected):
    assert find_event_date(text, published) == expected


def test_find_event_date_on_the_whole_seed_page():
    # The page's own date line ("Ngày đăng 03/01/2018") is skipped, not taken for the event.
    text = Path("/work/shared/seed/ward-news-page.txt").read_text(encoding="utf-8")
    assert find_event_date(text, "2018-01-03T05:01:00+07:00") == "2017-12-22"


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (
            "Thực hiện Quyết định số 12/2017 của UBND, năm 2017 phường đạt nhiều thành tích",
            "2018-01-03",
        ),
        ("Theo Nghị định 30/2020/NĐ-CP, phường rà soát văn bản", "2020-06-01"),
        ("Mọi ý kiến xin liên hệ số 024.3869.1234", "2018-01-01"),
        ("Ngày 5/2 tới, phường sẽ tổ chức hội nghị", "2018-01-03"),  # announcement
        ("Sáng 25/12/2018, phường tổ chức", "2018-01-03"),  # after publication
        ("Năm 2017 phường đạt 2.5 tỷ đồng", "2018-01-03"),
        ("Ngày 5/1, UBND phường", None),  # no year, nothing to infer it from
        ("Phường đạt tỷ lệ 20/25 chỉ tiêu", "2018-01-03"),
        ("Không có ngày nào ở đây", "2018-01-03"),
        ("", "2018-01-03"),
        (None, "2018-01-03"),
        # a date far down the article is not the lead
        ("Đoạn một.\n\nĐoạn hai.\n\nSáng 22/12, UBND phường", "2018-01-03"),
    ],
)
def test_find_event_date_none(text, published):
    assert find_event_date(text, published) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ngày đăng 03/01/2018 | 05:01", True),
        ("03-01-2018", True),
        ("3.1.2018", True),
        ("2018-01-03", True),
        ("2018-01-03T05:01:00Z", True),
        ("ngày 22 tháng 12 năm 2017", True),
        ("Thứ Sáu, 22 tháng 12, 2017", True),
        ("Minh Thuận - UBND phường Bách Khoa", False),
        ("Quyết định số 12/2017", False),
        ("Nghị định 30/2020/NĐ-CP", False),
        ("Sáng 22/12", False),
        ("", False),
        (None, False),
    ],
)
def test_has_date(text, expected):
    assert has_date(text) is expected
