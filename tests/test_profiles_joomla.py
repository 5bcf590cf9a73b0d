"""Joomla profile: a Joomla 3 (Protostar) article and a category blog page with ?start= paging."""

import pytest

from spiders.profiles import get_profile
from tests.test_profiles_fixtures import paragraphs_dict, parse

JOOMLA = get_profile("joomla")

# tests/fixtures/joomla/hoakhanhbac_article_ra-quan-don-dep-bai-bien.html
HOAKHANHBAC_ARTICLE = {
    "title": "Phường Hòa Khánh Bắc ra quân dọn dẹp bãi biển Xuân Thiều",
    "published_raw": "Ngày đăng: 21/04/2019",
    "published_meta": "2019-04-21T08:30:00+07:00",
    "byline_raw": "Thu Hà - Phường Hòa Khánh Bắc",
    "category": "Hoạt động phường",
    "canonical_url": None,
    "author_meta": "Super User",
    "attachments": [
        (
            "http://hoakhanhbac.lienchieu.danang.gov.vn/images/2019/04/don-dep-bai-bien-xuan-thieu."
            "jpg"
        ),
    ],
    "fallbacks": [],
    "body_paragraphs": [
        (
            "Hưởng ứng Chiến dịch làm cho thế giới sạch hơn, sáng Chủ nhật ngày 21/4/2019, UBND "
            "phường Hòa Khánh Bắc phối hợp với Đoàn Thanh niên, Hội Liên hiệp Phụ nữ và các tổ dân "
            "phố ven biển tổ chức ra quân dọn dẹp vệ sinh bãi biển Xuân Thiều."
        ),
        (
            "Hơn 300 đoàn viên, hội viên và người dân đã tham gia thu gom khoảng 2 tấn rác thải, "
            "chủ yếu là túi ni lông, chai nhựa và rác sinh hoạt bị sóng đánh dạt vào bờ. Nhiều hộ "
            "kinh doanh ven biển cũng ký cam kết không xả rác, không lấn chiếm bãi cát để kinh "
            "doanh."
        ),
        (
            "Dịp này, phường cũng phát động phong trào “Ngày Chủ nhật xanh” được tổ chức định kỳ "
            "vào tuần cuối mỗi tháng, giao Đoàn Thanh niên phường làm nòng cốt, huy động lực lượng "
            "thanh niên tình nguyện tham gia."
        ),
    ],
}

# tests/fixtures/joomla/hoakhanhbac_listing_p2.html
HOAKHANHBAC_LISTING = {
    "articles": [
        {
            "url": (
                "http://hoakhanhbac.lienchieu.danang.gov.vn/index.php/tin-tuc/hoat-dong-phuong/212-"
                "phuong-hoa-khanh-bac-tong-ket-cong-tac-dan-so-nam-2018"
            ),
            "title": (
                "Phường Hòa Khánh Bắc tổng kết công tác dân số - kế hoạch hóa gia đình năm 2018"
            ),
            "date_raw": "Ngày đăng: 10/04/2019",
        },
        {
            "url": (
                "http://hoakhanhbac.lienchieu.danang.gov.vn/index.php/tin-tuc/hoat-dong-phuong/211-"
                "tuyen-truyen-phong-chong-dich-ta-lon-chau-phi"
            ),
            "title": "Tuyên truyền phòng, chống bệnh dịch tả lợn châu Phi trên địa bàn phường",
            "date_raw": "Ngày đăng: 08/04/2019",
        },
        {
            "url": (
                "http://hoakhanhbac.lienchieu.danang.gov.vn/index.php/tin-tuc/hoat-dong-phuong/210-"
                "hoi-nghi-doi-thoai-voi-nhan-dan-ve-cai-cach-hanh-chinh"
            ),
            "title": "Hội nghị đối thoại với nhân dân về công tác cải cách hành chính quý I",
            "date_raw": "Ngày đăng: 05/04/2019",
        },
    ],
    "next_urls": [
        "http://hoakhanhbac.lienchieu.danang.gov.vn/index.php/tin-tuc/hoat-dong-phuong?start=6",
    ],
    "category": "Hoạt động phường",
    "fallbacks": [],
}


def test_protostar_article():
    # dd.createdby ("Viết bởi Super User") is the account, not the byline.
    article = parse("joomla", "hoakhanhbac_article_ra-quan-don-dep-bai-bien.html")
    assert paragraphs_dict(article) == HOAKHANHBAC_ARTICLE


def test_blog_listing_reads_leading_and_intro_items():
    # One leading item (.items-leading) and two intro items (.items-row), one list.
    assert paragraphs_dict(parse("joomla", "hoakhanhbac_listing_p2.html")) == HOAKHANHBAC_LISTING


@pytest.mark.parametrize(
    ("url", "page", "expected"),
    [
        ("http://phuong.vn/index.php?option=com_content&view=article&id=5", "", True),
        ("http://phuong.vn/component/content/article/5-tieu-de", "", True),
        (
            "http://phuong.vn/tin-tuc",
            '<meta name="generator" content="Joomla! - Open Source">',
            True,
        ),
        ("http://phuong.vn/tin-tuc", '<body class="site com_content view-article">', True),
        ("http://phuong.vn/tin-tuc", "<p>x</p>", False),
    ],
)
def test_matches(url, page, expected):
    assert JOOMLA.matches(url, page) is expected
