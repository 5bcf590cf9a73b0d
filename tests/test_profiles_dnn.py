"""DNN profile: a DotNetNuke e-portal news module (ItemID=, PageIndex=) inside dnn_ctr panes."""

import pytest

from spiders.profiles import get_profile
from tests.test_profiles_fixtures import paragraphs_dict, parse

DNN = get_profile("dnn")

# tests/fixtures/dnn/phuoctan_article_4521.html
PHUOCTAN_ARTICLE = {
    "title": "Phường Phước Tân tổ chức Lễ ra quân hưởng ứng Tháng hành động vì an toàn thực phẩm",
    "published_raw": "14/06/2019 08:30:00 SA",
    "published_meta": None,
    "byline_raw": "Ngọc Lan - Trạm Y tế phường Phước Tân",
    "category": "Tin tức - Sự kiện",
    "canonical_url": None,
    "author_meta": "UBND phường Phước Tân",
    "attachments": [
        (
            "http://www.phuoctan.nhatrang.khanhhoa.gov.vn/Portals/0/News/2019/6/ra-quan-attp-phuoc-"
            "tan.jpg"
        ),
        (
            "http://www.phuoctan.nhatrang.khanhhoa.gov.vn/LinkClick.aspx?fileticket=Zk3dE9x0aQ4%3d&"
            "tabid=125"
        ),
    ],
    "fallbacks": [],
    "body_paragraphs": [
        (
            "Sáng ngày 13/6/2019, Ban Chỉ đạo liên ngành vệ sinh an toàn thực phẩm phường Phước "
            "Tân tổ chức Lễ ra quân hưởng ứng Tháng hành động vì an toàn thực phẩm năm 2019."
        ),
        (
            "Tháng hành động năm nay có chủ đề “Tăng cường trách nhiệm của chính quyền cơ sở trong "
            "công tác bảo đảm an toàn thực phẩm”. Tham dự buổi lễ có đại diện Phòng Y tế thành "
            "phố, Trạm Y tế phường, các ban ngành đoàn thể cùng hơn 150 hộ kinh doanh thực phẩm "
            "trên địa bàn."
        ),
        (
            "Phát biểu tại buổi lễ, ông Trần Văn Bình – Phó Chủ tịch UBND phường, Trưởng Ban Chỉ "
            "đạo yêu cầu các hộ kinh doanh thực phẩm tại chợ Phước Tân và các tuyến đường Ngô Gia "
            "Tự, Lê Thánh Tôn thực hiện nghiêm việc ghi chép nguồn gốc thực phẩm, không sử dụng "
            "phụ gia ngoài danh mục cho phép. Đoàn kiểm tra liên ngành của phường sẽ kiểm tra đột "
            "xuất trong suốt tháng hành động."
        ),
        (
            "Sau lễ ra quân, các lực lượng đã diễu hành tuyên truyền bằng xe loa trên các tuyến "
            "đường chính của phường, phát 1.000 tờ rơi về an toàn thực phẩm đến các hộ gia đình. "
            "Chi tiết xem tại Kế hoạch số 58/KH-BCĐ."
        ),
    ],
}

# tests/fixtures/dnn/phuoctan_listing_p2.html
PHUOCTAN_LISTING = {
    "articles": [
        {
            "url": "http://www.phuoctan.nhatrang.khanhhoa.gov.vn/Default.aspx?tabid=125&ItemID=4521",
            "title": (
                "Phường Phước Tân tổ chức Lễ ra quân hưởng ứng Tháng hành động vì an toàn thực phẩm"
            ),
            "date_raw": "(14/06/2019)",
        },
        {
            "url": "http://www.phuoctan.nhatrang.khanhhoa.gov.vn/Default.aspx?tabid=125&ItemID=4510",
            "title": "Hội nghị sơ kết công tác 6 tháng đầu năm 2019 của Đảng ủy phường",
            "date_raw": "(05/06/2019)",
        },
        {
            "url": "http://www.phuoctan.nhatrang.khanhhoa.gov.vn/Default.aspx?tabid=125&ItemID=4502",
            "title": "Ra quân chiến dịch Thanh niên tình nguyện hè năm 2019 tại phường Phước Tân",
            "date_raw": "(28/05/2019)",
        },
    ],
    "next_urls": [
        "http://www.phuoctan.nhatrang.khanhhoa.gov.vn/Default.aspx?tabid=125&PageIndex=3",
    ],
    "category": "Tin tức - Sự kiện",
    "fallbacks": [],
}


def test_news_detail():
    # The skin prints today's date in dnn_dnnCURRENTDATE_lblDate, a *_lblDate like the
    # article's; the right pane's Text/HTML module has a *_lblContent like the body.
    assert paragraphs_dict(parse("dnn", "phuoctan_article_4521.html")) == PHUOCTAN_ARTICLE


def test_news_list_follows_get_pager_not_postback():
    assert paragraphs_dict(parse("dnn", "phuoctan_listing_p2.html")) == PHUOCTAN_LISTING


def test_postback_only_pager_gives_no_next_page():
    page = """<html><body><form id="Form"><input name="__VIEWSTATE" value="x">
    <div id="dnn_ctr5_ContentPane"><div class="NewsItem"><a class="NewsTitle"
    href="/Default.aspx?tabid=5&amp;ItemID=7">Phường tổ chức hội nghị tổng kết năm</a></div>
    <a id="dnn_ctr5_NewsList_lnkNext" href="javascript:__doPostBack('dnn$ctr5$lnkNext','')">
    Trang sau</a></div></form></body></html>"""
    listing = DNN.parse_listing(page, "http://phuong.vn/Default.aspx?tabid=5")
    assert [e.url for e in listing.articles] == ["http://phuong.vn/Default.aspx?tabid=5&ItemID=7"]
    assert listing.next_urls == []


@pytest.mark.parametrize(
    ("url", "page", "expected"),
    [
        ("http://phuong.vn/Default.aspx?tabid=125&ItemID=4521", "", True),
        ("http://phuong.vn/tabid/125/Default.aspx", "", True),
        ("http://phuong.vn/tin-tuc", '<input type="hidden" name="__VIEWSTATE" value="x">', True),
        ("http://phuong.vn/tin-tuc", '<div id="dnn_ContentPane"></div>', True),
        ("http://phuong.vn/chitiet.asp?id=3", "<p>x</p>", False),
    ],
)
def test_matches(url, page, expected):
    assert DNN.matches(url, page) is expected
