"""WordPress profile: Twenty Seventeen with Jetpack, a Newspaper-theme post, a category page."""

import pytest

from spiders.profiles import get_profile
from tests.test_profiles_fixtures import paragraphs_dict, parse

WORDPRESS = get_profile("wordpress")

# tests/fixtures/wordpress/phuongtandinh_article_ra-quan-giai-toa-lan-chiem-via-he.html
PHUONGTANDINH_ARTICLE = {
    "title": "Phường Tân Định ra quân giải tỏa lấn chiếm vỉa hè trên đường Hai Bà Trưng",
    "published_raw": "15/03/2019",
    "published_meta": "2019-03-15T09:20:11+00:00",
    "byline_raw": "Tin, ảnh: Thu Hà",
    "category": "Tin hoạt động",
    "canonical_url": "https://phuongtandinh.gov.vn/2019/03/15/phuong-tan-dinh-ra-quan-giai-toa-lan-chiem-via-he/",
    "author_meta": None,
    "attachments": [
        "https://phuongtandinh.gov.vn/wp-content/uploads/2019/03/ra-quan-via-he-1024x683.jpg",
        (
            "https://phuongtandinh.gov.vn/wp-content/uploads/2019/03/ke-hoach-lap-lai-trat-tu-via-h"
            "e-2019.pdf"
        ),
    ],
    "fallbacks": [],
    "body_paragraphs": [
        (
            "Sáng ngày 14/3/2019, UBND phường Tân Định phối hợp với Đội Quản lý trật tự đô thị "
            "Quận 1 ra quân lập lại trật tự lòng đường, vỉa hè trên tuyến đường Hai Bà Trưng, đoạn "
            "từ cầu Kiệu đến đường Trần Quang Khải."
        ),
        (
            "Lực lượng ra quân gồm Công an phường, Ban chỉ huy Quân sự phường, Tổ quản lý trật tự "
            "đô thị và các đoàn thể. Qua kiểm tra, đoàn đã nhắc nhở 35 trường hợp buôn bán lấn "
            "chiếm vỉa hè, tạm giữ 12 bảng hiệu, 9 dù che và nhiều vật dụng khác; đồng thời vận "
            "động các hộ kinh doanh ký cam kết không tái lấn chiếm."
        ),
        "Lực lượng chức năng phường Tân Định nhắc nhở hộ kinh doanh trên đường Hai Bà Trưng",
        (
            "Ông Lê Văn Tâm – Phó Chủ tịch UBND phường cho biết, thời gian tới phường sẽ duy trì "
            "kiểm tra thường xuyên vào các khung giờ cao điểm, kiên quyết xử lý các trường hợp tái "
            "phạm. Người dân có thể xem chi tiết tại Kế hoạch số 37/KH-UBND ngày 01/3/2019."
        ),
    ],
}

# tests/fixtures/wordpress/phuongtandinh_article_tiep-nhan-ho-so-dang-ky-kinh-doanh.html
PHUONGTANDINH_ARTICLE_2 = {
    "title": "Phường Tân Định tiếp nhận hồ sơ đăng ký kinh doanh trực tuyến",
    "published_raw": "18/03/2019",
    "published_meta": "2019-03-18T08:15:00+07:00",
    "byline_raw": "Bài, ảnh: Minh Châu - Nguồn: Báo Sài Gòn Giải Phóng",
    "category": "Tin hoạt động",
    "canonical_url": (
        "https://phuongtandinh.gov.vn/2019/03/18/phuong-tan-dinh-tiep-nhan-ho-so-dang-ky-kinh-doanh"
        "-truc-tuyen/"
    ),
    "author_meta": "Biên tập viên",
    "attachments": [],
    "fallbacks": [],
    "body_paragraphs": [
        (
            "Từ ngày 18/3/2019, UBND phường Tân Định chính thức tiếp nhận hồ sơ đăng ký hộ kinh "
            "doanh qua Cổng dịch vụ công trực tuyến mức độ 3, giúp người dân tiết kiệm thời gian "
            "đi lại."
        ),
        (
            "Theo đó, người dân có nhu cầu đăng ký thành lập, thay đổi nội dung hoặc tạm ngừng "
            "hoạt động hộ kinh doanh chỉ cần truy cập Cổng dịch vụ công của Quận 1, điền thông tin "
            "theo mẫu và đính kèm bản chụp giấy tờ. Sau khi hồ sơ hợp lệ, kết quả sẽ được trả qua "
            "bưu điện hoặc tại Bộ phận tiếp nhận và trả kết quả của phường."
        ),
        (
            "Trong tuần đầu triển khai, cán bộ một cửa của phường sẽ trực hướng dẫn trực tiếp tại "
            "trụ sở vào giờ hành chính. Phường cũng phát tờ rơi hướng dẫn đến 14 khu phố để người "
            "dân nắm rõ các bước thực hiện."
        ),
    ],
}

# tests/fixtures/wordpress/phuongtandinh_listing_p2.html
PHUONGTANDINH_LISTING = {
    "articles": [
        {
            "url": (
                "https://phuongtandinh.gov.vn/2019/03/08/phuong-tan-dinh-to-chuc-hoi-thi-nau-an-cha"
                "o-mung-ngay-8-3/"
            ),
            "title": "Phường Tân Định tổ chức hội thi nấu ăn chào mừng ngày 8/3",
            "date_raw": "08/03/2019",
        },
        {
            "url": (
                "https://phuongtandinh.gov.vn/2019/03/04/hoi-nghi-trien-khai-cong-tac-tuyen-quan-na"
                "m-2019/"
            ),
            "title": "Hội nghị triển khai công tác tuyển quân năm 2019 tại phường Tân Định",
            "date_raw": "04/03/2019",
        },
        {
            "url": (
                "https://phuongtandinh.gov.vn/2019/02/27/phuong-tan-dinh-ra-mat-mo-hinh-khu-pho-kho"
                "ng-rac/"
            ),
            "title": "Phường Tân Định ra mắt mô hình khu phố không rác trên đường phố",
            "date_raw": "27/02/2019",
        },
    ],
    "next_urls": [
        "https://phuongtandinh.gov.vn/chuyen-muc/tin-hoat-dong/page/3/",
    ],
    "category": "Tin hoạt động",
    "fallbacks": [],
}


def test_twentyseventeen_article():
    # Jetpack's share bar and related posts sit inside .entry-content; the hidden
    # <time class="updated"> and the screen-reader "Đăng vào" label are not the date line.
    article = parse("wordpress", "phuongtandinh_article_ra-quan-giai-toa-lan-chiem-via-he.html")
    assert paragraphs_dict(article) == PHUONGTANDINH_ARTICLE


def test_newspaper_theme_article_with_two_closing_lines():
    # "Bài, ảnh: ..." and "Nguồn: ..." are one byline, joined as split_byline() reads it.
    article = parse("wordpress", "phuongtandinh_article_tiep-nhan-ho-so-dang-ky-kinh-doanh.html")
    assert paragraphs_dict(article) == PHUONGTANDINH_ARTICLE_2


def test_category_page_two():
    assert paragraphs_dict(parse("wordpress", "phuongtandinh_listing_p2.html")) == (
        PHUONGTANDINH_LISTING
    )


@pytest.mark.parametrize(
    ("url", "page", "expected"),
    [
        ("https://phuong.vn/wp-content/uploads/a.jpg", "", True),
        ("https://phuong.vn/?page_id=12", "", True),
        ("https://phuong.vn/tin-tuc/", '<meta name="generator" content="WordPress 6.4.2">', True),
        ("https://phuong.vn/tin-tuc/", '<link rel="https://api.w.org/" href="/wp-json/">', True),
        # ?p= and ?cat= are WordPress's too, but old ASP sites use the same names.
        ("http://phuong.vn/danhsach.asp?cat=2", "<p>x</p>", False),
        ("http://phuong.vn/chitiet.php?p=12", "<p>x</p>", False),
    ],
)
def test_matches(url, page, expected):
    assert WORDPRESS.matches(url, page) is expected
