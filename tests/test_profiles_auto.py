"""AUTO: odd layouts no profile knows, every pagination form, link filters, fallbacks."""

import pytest
from lxml import etree

from spiders.profiles import AUTO, SelectorProfile
from spiders.profiles.dom import is_chrome
from spiders.profiles.listing import accept_article_url
from spiders.profiles.pagination import find_next_pages
from tests.test_profiles_fixtures import paragraphs_dict, parse

# tests/fixtures/auto/lienbao_article_345.html
LIENBAO_ARTICLE = {
    "title": "Phường Liên Bảo tổ chức Hội nghị nhân dân tổ dân phố năm 2016",
    "published_raw": "Cập nhật ngày 12/03/2016",
    "published_meta": None,
    "byline_raw": "Nguyễn Văn Hùng",
    "category": "Hoạt động của phường",
    "canonical_url": None,
    "author_meta": None,
    "attachments": [
        "http://phuonglienbao.vinhyen.vinhphuc.gov.vn/upload/tintuc/2016/hoinghi-tdp.jpg",
        "http://phuonglienbao.vinhyen.vinhphuc.gov.vn/upload/vanban/tong-hop-kien-nghi-2016.doc",
    ],
    "fallbacks": [],
    "body_paragraphs": [
        (
            "Trong thời gian từ ngày 01/3 đến ngày 10/3/2016, 17 tổ dân phố trên địa bàn phường "
            "Liên Bảo đã tổ chức thành công Hội nghị nhân dân năm 2016, với sự tham dự của hơn "
            "2.500 đại biểu đại diện cho các hộ gia đình."
        ),
        (
            "Tại các hội nghị, nhân dân đã được nghe báo cáo kết quả thực hiện nhiệm vụ kinh tế - "
            "xã hội, quốc phòng - an ninh năm 2015 của tổ dân phố; thảo luận và thống nhất các chỉ "
            "tiêu phấn đấu năm 2016, trong đó có việc đóng góp xây dựng đường giao thông ngõ xóm, "
            "nhà văn hóa và duy trì vệ sinh môi trường."
        ),
        (
            "Hội nghị cũng bầu trưởng ban công tác Mặt trận, tổ trưởng tổ dân phố nhiệm kỳ 2016 - "
            "2018 với tỷ lệ tín nhiệm cao. Các ý kiến, kiến nghị của nhân dân đã được tổng hợp để "
            "báo cáo UBND phường xem xét giải quyết. Danh sách kiến nghị xem tại đây."
        ),
    ],
}

# tests/fixtures/auto/lienbao_listing_cat2.html
LIENBAO_LISTING = {
    "articles": [
        {
            "url": "http://phuonglienbao.vinhyen.vinhphuc.gov.vn/tintuc/chitiet.asp?id=345",
            "title": "Phường Liên Bảo tổ chức Hội nghị nhân dân tổ dân phố năm 2016",
            "date_raw": "(12/03/2016)",
        },
        {
            "url": "http://phuonglienbao.vinhyen.vinhphuc.gov.vn/tintuc/chitiet.asp?id=341",
            "title": "Phường Liên Bảo ra quân tổng vệ sinh đón Tết Bính Thân",
            "date_raw": "(02/02/2016)",
        },
        {
            "url": "http://phuonglienbao.vinhyen.vinhphuc.gov.vn/tintuc/chitiet.asp?id=338",
            "title": "Tổng kết công tác quốc phòng quân sự địa phương năm 2015",
            "date_raw": "(15/01/2016)",
        },
    ],
    "next_urls": [
        "http://phuonglienbao.vinhyen.vinhphuc.gov.vn/tintuc/danhsach.asp?cat=2&page=2",
    ],
    "category": "HOẠT ĐỘNG CỦA PHƯỜNG",
    "fallbacks": [],
}

# tests/fixtures/auto/thachban_article_hien-mau-tinh-nguyen.html
THACHBAN_ARTICLE = {
    "title": "Phường Thạch Bàn tổ chức ngày hội hiến máu tình nguyện đợt 1 năm 2020",
    "published_raw": "Ngày đăng: 20/04/2020 09:15",
    "published_meta": None,
    "byline_raw": "Tin, ảnh: Hồng Nhung",
    "category": "Tin tức hoạt động",
    "canonical_url": None,
    "author_meta": None,
    "attachments": [],
    "fallbacks": [],
    "body_paragraphs": [
        (
            "Sáng ngày 18/4/2020, tại Nhà văn hóa tổ dân phố số 5, Ban Chỉ đạo vận động hiến máu "
            "tình nguyện phường Thạch Bàn phối hợp với Viện Huyết học - Truyền máu Trung ương tổ "
            "chức ngày hội hiến máu tình nguyện đợt 1 năm 2020."
        ),
        (
            "Để bảo đảm an toàn phòng, chống dịch Covid-19, ngày hội được tổ chức theo hình thức "
            "đăng ký trước, chia khung giờ tiếp nhận; người tham gia được đo thân nhiệt, sát khuẩn "
            "tay và giữ khoảng cách theo quy định."
        ),
        (
            "Hưởng ứng lời kêu gọi của Ban Chỉ đạo, gần 300 cán bộ, đảng viên, đoàn viên thanh "
            "niên, lực lượng vũ trang và nhân dân trên địa bàn đã đăng ký tham gia. Kết quả, Ban "
            "tổ chức đã tiếp nhận được 246 đơn vị máu đạt tiêu chuẩn, góp phần bổ sung nguồn máu "
            "dự trữ đang thiếu hụt do ảnh hưởng của dịch bệnh."
        ),
        (
            "Dịp này, Ban Chỉ đạo đã biểu dương 12 cá nhân có thành tích hiến máu từ 10 lần trở "
            "lên, trong đó có anh Nguyễn Đức Long (tổ dân phố số 8) đã 21 lần hiến máu tình nguyện."
        ),
    ],
}

# tests/fixtures/auto/dongtam_listing_p2.html
DONGTAM_LISTING = {
    "articles": [
        {
            "url": (
                "http://phuongdongtam.haibatrung.hanoi.gov.vn/tin-tuc/hoat-dong-phuong/phuong-dong-"
                "tam-ra-mat-cau-lac-bo-phong-chong-bao-luc-gia-dinh-231.html"
            ),
            "title": "Phường Đồng Tâm ra mắt Câu lạc bộ phòng, chống bạo lực gia đình",
            "date_raw": "14/05/2021 10:20",
        },
        {
            "url": (
                "http://phuongdongtam.haibatrung.hanoi.gov.vn/tin-tuc/hoat-dong-phuong/hoi-nghi-hie"
                "p-thuong-lan-thu-ba-bau-cu-dai-bieu-hdnd-229.html"
            ),
            "title": (
                "Hội nghị hiệp thương lần thứ ba lập danh sách người ứng cử đại biểu HĐND phường"
            ),
            "date_raw": "10/05/2021 16:05",
        },
        {
            "url": (
                "http://phuongdongtam.haibatrung.hanoi.gov.vn/tin-tuc/hoat-dong-phuong/phuong-dong-"
                "tam-kiem-tra-cong-tac-phong-chong-dich-tai-cho-dong-tam-226.html"
            ),
            "title": "Phường Đồng Tâm kiểm tra công tác phòng, chống dịch tại chợ Đồng Tâm",
            "date_raw": "06/05/2021 09:40",
        },
        {
            "url": (
                "http://phuongdongtam.haibatrung.hanoi.gov.vn/tin-tuc/hoat-dong-phuong/tong-ve-sinh"
                "-moi-truong-tai-cac-tuyen-pho-chinh-224.html"
            ),
            "title": "Tổng vệ sinh môi trường tại các tuyến phố chính trên địa bàn phường",
            "date_raw": "02/05/2021 08:00",
        },
    ],
    "next_urls": [
        "http://phuongdongtam.haibatrung.hanoi.gov.vn/tin-tuc/hoat-dong-phuong?page=3",
    ],
    "category": "Hoạt động phường",
    "fallbacks": [],
}


@pytest.fixture(scope="module")
def lienbao_article():
    return parse("auto", "lienbao_article_345.html")


def test_table_layout_article(lienbao_article):
    # An old ASP site: everything in one <td> broken by <br>s, <base href> for links,
    # title and date as <font>, byline as a bold line, "Các tin khác:" list in the same cell.
    assert paragraphs_dict(lienbao_article) == LIENBAO_ARTICLE


def test_table_layout_article_links_are_absolute(lienbao_article):
    assert 'src="http://phuonglienbao.vinhyen.vinhphuc.gov.vn/upload/' in lienbao_article.body_html
    assert "../upload" not in lienbao_article.body_html


def test_table_layout_listing():
    assert paragraphs_dict(parse("auto", "lienbao_listing_cat2.html")) == LIENBAO_LISTING


def test_date_below_the_body_and_lead_in_its_own_block():
    article = parse("auto", "thachban_article_hien-mau-tinh-nguyen.html")
    assert paragraphs_dict(article) == THACHBAN_ARTICLE


def test_listing_mixing_articles_menus_tags_and_files():
    # A category menu, a tag list and a PDF link sit between the article rows; a sidebar
    # repeats the row markup; the footer has mailto:/tel: and long-titled site links.
    assert paragraphs_dict(parse("auto", "dongtam_listing_p2.html")) == DONGTAM_LISTING


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def _next(body: str, url: str, head: str = "") -> list[str]:
    root = etree.fromstring(_page(body, head), etree.HTMLParser())
    return find_next_pages(root, url)


BASE = "http://phuong.gov.vn/tin-tuc"

PAGINATION_FORMS = [
    pytest.param(
        "",
        '<link rel="next" href="/tin-tuc/page/3/">',
        f"{BASE}/page/2/",
        [f"{BASE}/page/3/"],
        id="link-rel-next",
    ),
    pytest.param(
        '<a rel="next" href="?page=3">3</a>',
        "",
        f"{BASE}?page=2",
        [f"{BASE}?page=3"],
        id="a-rel-next",
    ),
    pytest.param('<a href="?trang=2">Trang sau</a>', "", BASE, [f"{BASE}?trang=2"], id="trang-sau"),
    pytest.param(
        '<a href="?trang=2">Trang tiếp</a>', "", BASE, [f"{BASE}?trang=2"], id="trang-tiep"
    ),
    pytest.param('<a href="?trang=2">Tiếp &raquo;</a>', "", BASE, [f"{BASE}?trang=2"], id="tiep"),
    pytest.param('<a href="?trang=2">Sau</a>', "", BASE, [f"{BASE}?trang=2"], id="sau"),
    pytest.param('<a href="?pg=2">&raquo;</a>', "", BASE, [f"{BASE}?pg=2"], id="raquo"),
    pytest.param('<a href="?pg=2">&rsaquo;</a>', "", BASE, [f"{BASE}?pg=2"], id="rsaquo"),
    pytest.param(
        '<a href="?pg=2">&gt;</a> <a href="?pg=9">&gt;&gt;</a>', "", BASE, [f"{BASE}?pg=2"], id="gt"
    ),
    pytest.param('<a href="?pg=2">Next</a>', "", BASE, [f"{BASE}?pg=2"], id="next-en"),
    pytest.param(
        '<a href="?pg=2" aria-label="Trang sau"><i class="fa fa-angle-right"></i></a>',
        "",
        BASE,
        [f"{BASE}?pg=2"],
        id="icon-aria-label",
    ),
    pytest.param(
        '<div class="pages"><a href="?x=1">1</a> <b>2</b> <a href="?x=3">3</a></div>',
        "",
        f"{BASE}?x=2",
        [f"{BASE}?x=3"],
        id="number-after-unlinked-current",
    ),
    pytest.param(
        '<ul><li><a href="?x=1">1</a></li><li class="active"><a href="#">2</a></li>'
        '<li><a href="?x=3">3</a></li></ul>',
        "",
        f"{BASE}?x=2",
        [f"{BASE}?x=3"],
        id="number-after-active-li",
    ),
    pytest.param(
        '<a href="?page=1"><img src="prev.gif"></a> <a href="?page=3"><img src="next.gif"></a>',
        "",
        f"{BASE}?page=2",
        [f"{BASE}?page=3"],
        id="page-param-icons-only",
    ),
    pytest.param(
        '<a href="/tin-tuc/page/2/"><img src="n.gif"></a>',
        "",
        f"{BASE}/",
        [f"{BASE}/page/2/"],
        id="path-page",
    ),
    pytest.param(
        '<a href="?_101_INSTANCE_Ab_cur=4"><img src="n.gif"></a>',
        "",
        f"{BASE}?_101_INSTANCE_Ab_cur=3",
        [f"{BASE}?_101_INSTANCE_Ab_cur=4"],
        id="liferay-cur",
    ),
    pytest.param(
        '<a href="?start=0"><i></i></a><a href="?start=20"><i></i></a>'
        '<a href="?start=30"><i></i></a>',
        "",
        f"{BASE}?start=10",
        [f"{BASE}?start=20"],
        id="joomla-start-offset",
    ),
    pytest.param(
        '<a href="Default.aspx?tabid=5&amp;PageIndex=3"><i></i></a>',
        "",
        "http://phuong.gov.vn/Default.aspx?tabid=5&PageIndex=2",
        ["http://phuong.gov.vn/Default.aspx?tabid=5&PageIndex=3"],
        id="dnn-pageindex",
    ),
    pytest.param('<a href="?p=3"><i></i></a>', "", f"{BASE}?p=2", [f"{BASE}?p=3"], id="p-param"),
    pytest.param(
        """<a href="#" onclick="self.location = '/tin-tuc?pagenum=2';">&gt;</a>""",
        "",
        BASE,
        [f"{BASE}?pagenum=2"],
        id="onclick-location",
    ),
    pytest.param(
        '<li class="disabled"><a href="?page=4">Trang sau</a></li>',
        "",
        f"{BASE}?page=3",
        [],
        id="disabled",
    ),
    pytest.param(
        '<a href="?page=9">Cuối</a> <a href="?page=9">&raquo;&raquo;</a>',
        "",
        BASE,
        [],
        id="last-only",
    ),
    pytest.param(
        '<a href="/tin-tuc/chuyen-muc">Xem tiếp</a>', "", BASE, [], id="read-more-is-not-next"
    ),
    pytest.param(
        '<a href="/" title="Cổng giao tiếp điện tử"><img src="logo.png"></a>',
        "",
        BASE,
        [],
        id="logo-title",
    ),
    pytest.param('<a href="http://other.vn/?page=2">Trang sau</a>', "", BASE, [], id="other-host"),
]


@pytest.mark.parametrize(("body", "head", "url", "expected"), PAGINATION_FORMS)
def test_pagination_forms(body, head, url, expected):
    assert _next(body, url, head) == expected


PAGE = "http://phuong.gov.vn/tin-tuc/hoat-dong"


@pytest.mark.parametrize(
    ("href", "accepted"),
    [
        ("http://phuong.gov.vn/tin-tuc/hoat-dong/phuong-to-chuc-hoi-nghi-123.html", True),
        ("http://www.phuong.gov.vn/tin-tuc/bai-viet-456.html", True),
        ("http://phuong.gov.vn/?p=1523", True),
        ("http://phuong.gov.vn/uploads/ke-hoach-2021.pdf", False),
        ("http://phuong.gov.vn/uploads/anh.JPG", False),
        ("http://phuong.gov.vn/uploads/bieu-mau.docx", False),
        ("http://phuong.gov.vn/LinkClick.aspx?fileticket=abc", False),
        ("http://phuong.gov.vn/tag/bau-cu-2021", False),
        ("http://phuong.gov.vn/the/trat-tu-do-thi/", False),
        ("http://phuong.gov.vn/category/tin-tuc/", False),
        ("http://phuong.gov.vn/chuyen-muc/tin-hoat-dong/", False),
        ("http://phuong.gov.vn/author/admin/", False),
        ("http://phuong.gov.vn/tim-kiem?q=phuong", False),
        ("http://phuong.gov.vn/?s=phuong", False),
        ("http://phuong.gov.vn/dang-nhap", False),
        ("http://phuong.gov.vn/index.php?option=com_content&view=category&id=8", False),
        ("http://other.gov.vn/tin-tuc/bai-viet-456.html", False),
        ("http://phuong.gov.vn/tin-tuc/hoat-dong", False),
        ("http://phuong.gov.vn/tin-tuc/hoat-dong?page=2", False),
        (None, False),
    ],
)
def test_accept_article_url(href, accepted):
    assert accept_article_url(href, PAGE) is accepted


def _el(markup: str, xpath: str = "//body/*[1]"):
    return etree.fromstring(_page(markup), etree.HTMLParser()).xpath(xpath)[0]


@pytest.mark.parametrize(
    ("markup", "xpath", "chrome"),
    [
        ("<nav><a href='/'>Trang chủ</a></nav>", "//nav", True),
        ("<aside>Tin mới</aside>", "//aside", True),
        ("<header id='masthead'><p>Phường</p></header>", "//header", True),
        ("<article><header class='entry-header'><h1>T</h1></header></article>", "//header", False),
        ("<div class='page-header'><h2>Tiêu đề</h2></div>", "//div", False),
        ("<article class='post tag-trat-tu category-tin'><p>x</p></article>", "//article", False),
        ("<div class='tags'><a href='/tag/x'>x</a></div>", "//div", True),
        ("<div class='canvas-wrap'>x</div>", "//div", False),
        ("<div class='wd-other-news'>x</div>", "//div", True),
        ("<div class='social-share'>x</div>", "//div", True),
        ("<span class='screen-reader-text'>Đăng vào</span>", "//span", True),
        ("<div style='display: none'>x</div>", "//div", True),
        # Joomla Protostar wraps the whole page in <div class="body" id="top">.
        ("<div class='body' id='top'><main><p>x</p></main></div>", "//div", False),
        ("<div id='left-menu'><main><p>x</p></main></div>", "//div", False),
    ],
)
def test_is_chrome(markup, xpath, chrome):
    assert is_chrome(_el(markup, xpath)) is chrome


LONG = (
    "Sáng ngày 12/5/2021, UBND phường tổ chức hội nghị tổng kết công tác năm, đánh giá kết quả "
    "thực hiện nhiệm vụ phát triển kinh tế - xã hội và triển khai nhiệm vụ trọng tâm năm tới."
)


def _article(body: str, url: str = "http://phuong.gov.vn/tin/hoi-nghi-1.html"):
    page = _page(
        f"<div class='main'><h1>Phường tổ chức hội nghị tổng kết công tác năm 2021</h1>"
        f"<div class='date'>Ngày đăng: 13/05/2021</div>{body}</div>"
    )
    return AUTO.parse_article(page, url)


@pytest.mark.parametrize(
    ("body", "byline"),
    [
        (
            f"<div><p>{LONG}</p><p>{LONG}</p><p>Minh Thuận - UBND phường</p></div>",
            "Minh Thuận - UBND phường",
        ),
        (
            f"<div><p>{LONG}</p><p>{LONG}<br><b>Thu Hà</b></p></div>",
            "Thu Hà",
        ),
        (
            f"<div><p>{LONG}</p><p>{LONG}</p><p>Tin, ảnh: Thu Hà</p>"
            "<p><em>Nguồn: Báo Hà Nội Mới</em></p></div>",
            "Tin, ảnh: Thu Hà - Nguồn: Báo Hà Nội Mới",
        ),
        (
            f"<div><p>{LONG}</p><p>{LONG}</p></div><div class='author'>Lan Anh</div>",
            "Lan Anh",
        ),
        (f"<div><p>{LONG}</p><p>{LONG}</p></div><div class='author'>admin</div>", None),
        (
            f"<div><p>{LONG}</p><p>{LONG}</p>"
            "<p>Trân trọng cảm ơn bà con nhân dân đã tham gia.</p></div>",
            None,
        ),
    ],
)
def test_byline_forms(body, byline):
    article = _article(body)
    assert article.byline_raw == byline
    if byline:
        assert byline.split(" - ")[0] not in article.body_html


def test_title_from_og_title_when_no_heading():
    page = (
        "<html><head><meta property='og:title' content='Phường tổ chức hội nghị tổng kết năm 2021'>"
        "<title>Phường tổ chức hội nghị tổng kết năm 2021 | Cổng thông tin phường</title></head>"
        f"<body><div class='content'><p>{LONG}</p><p>{LONG}</p></div></body></html>"
    )
    assert AUTO.parse_article(page, "http://phuong.gov.vn/a-1.html").title == (
        "Phường tổ chức hội nghị tổng kết năm 2021"
    )


def test_section_name_in_title_tag_is_not_the_title():
    # Liferay names the page after its section: <title>Hoạt động các phường - Cổng ...</title>.
    page = (
        "<html><head><title>Hoạt động các phường - Cổng giao tiếp điện tử quận</title></head><body>"
        "<h2>Hoạt động các phường</h2><h3>Phường Bách Khoa tổ chức hội nghị tổng kết năm 2017</h3>"
        f"<div class='d'>Ngày đăng 03/01/2018 | 05:01</div><div><p>{LONG}</p><p>{LONG}</p></div>"
        "</body></html>"
    )
    article = AUTO.parse_article(page, "http://quan.gov.vn/-/view_content/1-x.html")
    assert article.title == "Phường Bách Khoa tổ chức hội nghị tổng kết năm 2017"
    assert article.published_raw == "Ngày đăng 03/01/2018 | 05:01"


def test_canonical_pointing_at_home_page_is_ignored():
    page = _page(f"<div><p>{LONG}</p><p>{LONG}</p></div>", '<link rel="canonical" href="/">')
    assert AUTO.parse_article(page, "http://phuong.gov.vn/tin/a-1.html").canonical_url is None


def test_profile_falls_back_field_by_field():
    # Only the title selector hits: date line, body and category come from AUTO, and say so.
    page = _page(
        "<div class='main'><h1>Phường tổ chức hội nghị tổng kết công tác năm 2021</h1>"
        f"<div class='date'>Ngày đăng: 13/05/2021</div><div><p>{LONG}</p><p>{LONG}</p></div></div>"
    )
    profile = SelectorProfile(name="partial", title=("h1",), body=("div.khong-co",))
    article = profile.parse_article(page, "http://phuong.gov.vn/tin/hoi-nghi-1.html")
    assert article.title == "Phường tổ chức hội nghị tổng kết công tác năm 2021"
    assert article.published_raw == "Ngày đăng: 13/05/2021"
    assert article.body_html == f"<p>{LONG}</p><p>{LONG}</p>"
    assert article.fallbacks == ["published_raw", "body_html", "category"]


def test_trafilatura_only_when_heuristics_find_no_body():
    # A content class that collides with the chrome vocabulary ("ads-free") hides every
    # paragraph from the heuristics; trafilatura is the last resort, and says so.
    page = _page(
        "<h1>Phường tổ chức hội nghị tổng kết công tác năm 2021</h1><div class='ads-free'>"
        + "".join(f"<p>{LONG}</p>" for _ in range(4))
        + "</div>"
    )
    article = SelectorProfile(name="bare").parse_article(page, "http://phuong.gov.vn/a-1.html")
    assert "trafilatura" in article.fallbacks
    assert article.body_html.count("tổ chức hội nghị tổng kết công tác năm,") == 4


def test_extend_tries_site_selectors_first():
    page = _page(
        "<div class='hn-view'><div class='hn-title'>Phường tổ chức hội nghị tổng kết năm 2021</div>"
        f"<div class='hn-date'>Ngày đăng 13/05/2021 | 08:00</div><div class='hn-body'><p>{LONG}</p>"
        f"<p>{LONG}</p></div></div>"
    )
    base = SelectorProfile(name="base", title=("h1",), date_line=(".date",))
    site = base.extend("site", title=(".hn-title",), date_line=(".hn-date",), body=(".hn-body",))
    assert site.title == (".hn-title", "h1") and base.title == ("h1",)
    article = site.parse_article(page, "http://quan.gov.vn/tin/a-1.html")
    assert article.title == "Phường tổ chức hội nghị tổng kết năm 2021"
    assert article.published_raw == "Ngày đăng 13/05/2021 | 08:00"
    assert article.fallbacks == ["category"]
    with pytest.raises(SyntaxError):
        base.extend(title=("div[",))  # a broken selector fails when the profile is built


def test_path_scope_keeps_one_site_of_a_shared_host():
    rows = "".join(
        f"<li><a href='/phuong-a/tin/{i}-hoi-nghi-tong-ket.html'>Phường A tổ chức hội nghị "
        f"tổng kết số {i}</a> <span>0{i}/05/2021</span></li>"
        for i in range(1, 5)
    )
    rows += (
        "<li><a href='/phuong-b/tin/9-hoi-nghi.html'>Phường B tổ chức hội nghị tổng kết năm</a>"
        " <span>09/05/2021</span></li>"
    )
    listing = AUTO.parse_listing(_page(f"<ul>{rows}</ul>"), "http://127.0.0.1:8000/phuong-a/tin")
    assert [e.url.rsplit("/", 1)[-1] for e in listing.articles] == [
        "1-hoi-nghi-tong-ket.html",
        "2-hoi-nghi-tong-ket.html",
        "3-hoi-nghi-tong-ket.html",
        "4-hoi-nghi-tong-ket.html",
    ]
