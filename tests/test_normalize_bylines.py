import pytest

from normalize.bylines import Byline, canonical_name, is_byline, split_byline


@pytest.mark.parametrize(
    "text",
    [
        "Minh Thuận - UBND phường Bách Khoa",
        "Bích Thuận - UBND phường Ngô Thì Nhậm",  # "Thì" is part of a name, not a word
        "                 Minh Thuận - UBND phường Bách Khoa",
        "Minh Thuận – UBND phường Bách Khoa.",
        "Minh Thuận-UBND phường Bách Khoa",
        "Minh Thuận, UBND phường Bách Khoa",
        "Tin, ảnh: Thu Hà",
        "Tin và ảnh: Lan Anh (Hội LHPN phường)",
        "Bài, ảnh: Hương Giang – Thu Trang",
        "Bài và ảnh: Thanh Tùng",
        "Tin/ảnh: Quang Vinh",
        "Tin: PV",
        "Ảnh: Thu Hà",
        "Ảnh: Internet",
        "Thực hiện: Nhóm PV",
        "Theo hanoimoi.com.vn",
        "(Theo hanoimoi.com.vn)",
        "Theo Báo Hà Nội Mới",
        "Nguồn: Báo Hà Nội Mới",
        "Nguồn: hanoi.gov.vn",
        "Thu Hà (Phường Đồng Tâm)",
        "Thu Hà (Theo Báo Hà Nội Mới)",
        "PV",
        "BBT",
        "Phóng viên",
        "Ban biên tập",
        "CTV Hoàng Lan",
        "Văn Hùng",
        "MINH THUẬN",
        "Hương Giang, Thu Trang",
        "Hương Giang và Thu Trang",
        "Nguyễn Thị Minh Thuận - Đoàn Thanh niên phường",
        "Phạm Hùng - Phòng Văn hóa và Thông tin quận",
        "Minh Thuận - Trung tâm Văn hóa - Thông tin và Thể thao quận",
        "UBND phường Bách Khoa",
        "Phòng Văn hóa và Thông tin quận",
        "Hùng - UBND phường Bách Khoa",
        "Tin: Thu Hà; Ảnh: Minh Đức",
        "Thu Hà - Phóng viên Báo Hà Nội Mới",
    ],
)
def test_is_byline_true(text):
    assert is_byline(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "Hội nghị đã thành công tốt đẹp.",
        "Đồng chí Nguyễn Văn Khang phát biểu tại hội nghị",
        "Toàn cảnh hội nghị",
        "Ảnh minh họa",
        "Ngày đăng 03/01/2018 | 05:01",
        "Hà Nội, ngày 03/01/2018",
        "Tags: phường Bách Khoa",
        "Từ khóa: thi đua",
        "Xem thêm",
        "Tin liên quan",
        "Các tin khác",
        "Chia sẻ",
        "In bài viết",
        "Về đầu trang",
        "Lượt xem: 120",
        "Theo kế hoạch, phường sẽ tổ chức hội nghị vào tháng tới.",
        "UBND phường tổ chức hội nghị",
        "Đề nghị các đơn vị tiếp tục triển khai.",
        "Bài viết rất hay. Cảm ơn.",
        "Phát động phong trào thi đua năm 2018, ông Nguyễn Văn Khang nhấn mạnh",
        "Tin: phường Bách Khoa đã tổ chức hội nghị tổng kết công tác năm 2017 và phát động thi đua "
        "năm 2018 với sự tham dự của đông đảo cán bộ",
        "Dòng một\nDòng hai",
        "Hội nghị tổng kết năm 2017",  # a caption: "Hội nghị" is a meeting, not an association
        "Phường Bách Khoa tổng kết phong trào thi đua",  # a title
        "Báo cáo kết quả thực hiện",
        "Quang cảnh buổi lễ",
        "Các đại biểu tham dự hội nghị",
        "Hùng",  # one word alone is too little
        "",
        None,
    ],
)
def test_is_byline_false(text):
    assert is_byline(text) is False


@pytest.mark.parametrize(
    ("raw", "authors", "org", "source"),
    [
        ("Minh Thuận - UBND phường Bách Khoa", ["Minh Thuận"], "UBND phường Bách Khoa", None),
        ("Minh Thuận – UBND phường Bách Khoa.", ["Minh Thuận"], "UBND phường Bách Khoa", None),
        ("Minh Thuận-UBND phường Bách Khoa", ["Minh Thuận"], "UBND phường Bách Khoa", None),
        ("Minh Thuận, UBND phường Bách Khoa", ["Minh Thuận"], "UBND phường Bách Khoa", None),
        ("MINH THUẬN - UBND phường Bách Khoa", ["Minh Thuận"], "UBND phường Bách Khoa", None),
        ("Hương Giang – Thu Trang", ["Hương Giang", "Thu Trang"], None, None),
        ("Hương Giang, Thu Trang", ["Hương Giang", "Thu Trang"], None, None),
        ("Hương Giang và Thu Trang", ["Hương Giang", "Thu Trang"], None, None),
        ("Bài, ảnh: Hương Giang – Thu Trang", ["Hương Giang", "Thu Trang"], None, None),
        ("Tin, ảnh: Thu Hà", ["Thu Hà"], None, None),
        ("Tin: Thu Hà; Ảnh: Minh Đức", ["Thu Hà", "Minh Đức"], None, None),
        ("Bài: Thu Hà - Ảnh: Minh Đức", ["Thu Hà", "Minh Đức"], None, None),
        (
            "Tin: Thu Hà, ảnh: Minh Đức (Phường Đồng Tâm)",
            ["Thu Hà", "Minh Đức"],
            "Phường Đồng Tâm",
            None,
        ),
        ("Bài và ảnh: Thanh Tùng", ["Thanh Tùng"], None, None),
        ("Tin: PV", [], None, None),
        ("PV", [], None, None),
        ("BBT", [], None, None),
        ("CTV", [], None, None),
        ("Phóng viên", [], None, None),
        ("Ban biên tập", [], None, None),
        ("CTV Hoàng Lan", ["Hoàng Lan"], None, None),
        ("PV Thu Hà", ["Thu Hà"], None, None),
        ("Thu Hà (Phường Đồng Tâm)", ["Thu Hà"], "Phường Đồng Tâm", None),
        ("Tin và ảnh: Lan Anh (Hội LHPN phường)", ["Lan Anh"], "Hội LHPN phường", None),
        ("Nguồn: Báo Hà Nội Mới", [], None, "Báo Hà Nội Mới"),
        ("Theo Báo Hà Nội Mới", [], None, "Báo Hà Nội Mới"),
        ("Theo hanoimoi.com.vn", [], None, "hanoimoi.com.vn"),
        ("Thu Hà (Theo Báo Hà Nội Mới)", ["Thu Hà"], None, "Báo Hà Nội Mới"),
        ("Ảnh: Internet", [], None, "Internet"),
        (
            "Phạm Hùng - Phòng Văn hóa và Thông tin quận",
            ["Phạm Hùng"],
            "Phòng Văn hóa và Thông tin quận",
            None,
        ),
        (
            "Minh Thuận - Trung tâm Văn hóa - Thông tin và Thể thao quận",
            ["Minh Thuận"],
            "Trung tâm Văn hóa - Thông tin và Thể thao quận",
            None,
        ),
        (
            "Nguyễn Thị Minh Thuận - Đoàn Thanh niên phường",
            ["Nguyễn Thị Minh Thuận"],
            "Đoàn Thanh niên phường",
            None,
        ),
        ("Đoàn Thị Hương", ["Đoàn Thị Hương"], None, None),  # Đoàn is also a family name
        ("Trường Giang", ["Trường Giang"], None, None),  # and Trường a given name
        ("Thanh Hoà - UBND phường Hoà Bình", ["Thanh Hòa"], "UBND phường Hòa Bình", None),
        ("UBND phường Bách Khoa", [], "UBND phường Bách Khoa", None),
        ("Hùng - UBND phường Bách Khoa", ["Hùng"], "UBND phường Bách Khoa", None),
        ("Thu Hà - Phóng viên Báo Hà Nội Mới", ["Thu Hà"], "Báo Hà Nội Mới", None),
        ("Nguyễn Minh Thuận - Cán bộ VHTT phường", ["Nguyễn Minh Thuận"], "VHTT phường", None),
    ],
)
def test_split_byline(raw, authors, org, source):
    assert split_byline(raw) == Byline(authors=authors, org=org, source=source, raw=raw)


@pytest.mark.parametrize("raw", ["", None, "Xem thêm", "Ngày đăng 03/01/2018 | 05:01"])
def test_split_byline_not_a_byline(raw):
    assert split_byline(raw) == Byline(authors=[], org=None, source=None, raw=raw or "")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("MINH THUẬN", "Minh Thuận"),
        ("minh thuận", "Minh Thuận"),
        ("Minh  Thuận.", "Minh Thuận"),
        ("nguyễn thị hồng hạnh", "Nguyễn Thị Hồng Hạnh"),
        ("Phạm Thị Thuỷ", "Phạm Thị Thủy"),
        ("ĐỖ VĂN ĐỨC", "Đỗ Văn Đức"),
    ],
)
def test_canonical_name(raw, expected):
    assert canonical_name(raw) == expected
