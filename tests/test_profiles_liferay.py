"""Liferay profile: the Hai Bà Trưng VCMS view (the reference page) and a 6.2 asset publisher."""

import pytest

from spiders.profiles import get_profile
from tests.test_profiles_fixtures import paragraphs_dict, parse

LIFERAY = get_profile("liferay")

# tests/fixtures/liferay/haibatrung_article_phuong-bach-khoa-tong-ket-phong-trao-thi-dua.html
HAIBATRUNG_ARTICLE = {
    "title": (
        "Phường Bách Khoa tổng kết phong trào thi đua năm 2017 và phát động phong trào năm 2018"
    ),
    "published_raw": "Ngày đăng 03/01/2018 | 05:01",
    "published_meta": None,
    "byline_raw": "Minh Thuận - UBND phường Bách Khoa",
    "category": "Hoạt động các phường",
    "canonical_url": None,
    "author_meta": None,
    "attachments": [
        "http://haibatrung.hanoi.gov.vn/documents/10154/1837501/hoi-nghi-thi-dua-bach-khoa.jpg",
    ],
    "fallbacks": [],
    "body_paragraphs": [
        (
            "Sáng ngày 22/12/2017, UBND phường Bách Khoa tổ chức Hội nghị tổng kết phong trào thi "
            "đua năm 2017 và phát động phong trào thi đua năm 2018."
        ),
        (
            "Dự Hội nghị có đồng chí Phạm Thị Hiền – Trưởng phòng Văn hóa và Thông tin quận Hai Bà "
            "Trưng; đồng chí Nguyễn Thị Hồng Hạnh – Bí thư Đảng ủy, Chủ tịch HĐND phường; đồng chí "
            "Nguyễn Thị Thanh Minh - Phó Bí thư Đảng ủy phường; đồng chí Nguyễn Văn Khang – Phó Bí "
            "thư Đảng ủy, Chủ tịch UBND phường; các đồng chí trưởng các ngành đoàn thể chính trị- "
            "xã hội; tổ chức xã hội của phường và các tập thể, cá nhân được khen thưởng năm 2017."
        ),
        (
            "Năm 2017, phường Bách Khoa đã triển khai thực hiện tốt các phong trào thi đua yêu "
            "nước do cấp trên phát động gắn với những yêu cầu, nhiệm vụ chính trị, mục tiêu phát "
            "triển kinh tế- xã hội của phường. Các cuộc vận động, phong trào thi đua như phong "
            "trào thi đua thực hiện cải cách hành chính, phong trào “Toàn dân đoàn kết xây dựng "
            "đời sống văn hóa”, cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị "
            "văn minh”… đã được tập thể cán bộ, công chức, viên chức, người lao động các cơ quan, "
            "đơn vị và nhân dân trong toàn phường tích cực hưởng ứng."
        ),
        (
            "Qua các phong trào thi đua, nhiều gương người tốt, việc tốt, nhiều tập thể và cá nhân "
            "điển hình tiên tiến được nhân rộng, lập thành tích xuất sắc trên từng lĩnh vực, góp "
            "phần tích cực vào việc xây dựng chính quyền, cơ sở vững mạnh nhằm thực hiện thắng lợi "
            "các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội, quốc phòng – an ninh tại địa "
            "phương. UBND thành phố đã tặng bằng khen cho tập thể cán bộ và nhân dân phường Bách "
            "Khoa và tặng bằng khen cho cá nhân đồng chí Nguyễn Văn Khang – Chủ tịch UBND phường."
        ),
        (
            "Phát động phong trào thi đua năm 2018, ông Nguyễn Văn Khang - Phó Bí thư Đảng ủy, Chủ "
            "tịch UBND phường đã nhấn mạnh một số nội dung trọng tâm: Tổ chức phát động các phong "
            "trào thi đua sâu rộng đến toàn thể cán bộ, công chức, viên chức, người lao động và "
            "nhân dân trên địa bàn phường; Phát huy vai trò tiên phong, gương mẫu của cán bộ, đảng "
            "viên, người đứng đầu các cơ quan, đơn vị; kịp thời biểu dương, khen thưởng tập thể, "
            "cá nhân điển hình tiêu biểu, gương người tốt việc tốt…. Đề nghị các đơn vị, tổ chức "
            "chính trị - xã hội trên địa bàn phường tiếp tục triển khai sâu rộng, có hiệu quả các "
            "phong trào thi đua gắn với các nhiệm vụ phát triển kinh tế - xã hội của phường; đảm "
            "bảo an sinh xã hội, nâng cao chất lượng giáo dục, y tế; đẩy mạnh công tác giảm nghèo "
            "bền vững; đảm bảo quốc phòng – an ninh, trật tự an toàn xã hội trên địa bàn."
        ),
    ],
}

# tests/fixtures/liferay/haibatrung_listing_p1.html
HAIBATRUNG_LISTING = {
    "articles": [
        {
            "url": (
                "http://haibatrung.hanoi.gov.vn/hoat-dong-cac-phuong1/-/view_content/2225876-phuong"
                "-bach-khoa-tong-ket-phong-trao-thi-dua-nam-2017-va-phat-dong-phong-trao-nam-20-1.h"
                "tml"
            ),
            "title": (
                "Phường Bách Khoa tổng kết phong trào thi đua năm 2017 và phát động phong trào năm "
                "2018"
            ),
            "date_raw": None,
        },
        {
            "url": (
                "http://haibatrung.hanoi.gov.vn/hoat-dong-cac-phuong1/-/view_content/2225850-phuong"
                "-dong-tam-ra-mat-mo-hinh-tuyen-pho-van-minh.html"
            ),
            "title": "Phường Đồng Tâm ra mắt mô hình tuyến phố văn minh",
            "date_raw": None,
        },
        {
            "url": (
                "http://haibatrung.hanoi.gov.vn/hoat-dong-cac-phuong1/-/view_content/2225811-phuong"
                "-thanh-nhan-tong-ket-cong-tac-mat-tran-nam-2017.html"
            ),
            "title": "Phường Thanh Nhàn tổng kết công tác Mặt trận năm 2017",
            "date_raw": None,
        },
    ],
    "next_urls": [
        (
            "http://haibatrung.hanoi.gov.vn/hoat-dong-cac-phuong1?p_p_id=vcmsviewcontent_WAR_VCMSpo"
            "rtlet_INSTANCE_Xa9q&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view&p_p_col_id=column-2"
            "&p_p_col_count=1&_vcmsviewcontent_WAR_VCMSportlet_INSTANCE_Xa9q_jspPage=%2Fhtml%2Fport"
            "let%2Fvcmsviewcontent%2Fview.jsp&_vcmsviewcontent_WAR_VCMSportlet_INSTANCE_Xa9q_catego"
            "ryId=1837490&_vcmsviewcontent_WAR_VCMSportlet_INSTANCE_Xa9q_cat_parent=0&_vcmsviewcont"
            "ent_WAR_VCMSportlet_INSTANCE_Xa9q_cmd=&_vcmsviewcontent_WAR_VCMSportlet_INSTANCE_Xa9q_"
            "pagenum=2"
        ),
    ],
    "category": "Hoạt động các phường",
    "fallbacks": [],
}

# tests/fixtures/liferay/phuongbachkhoa_article_ra-quan-tong-ve-sinh-moi-truong.html
PHUONGBACHKHOA_ARTICLE = {
    "title": (
        "Phường Bách Khoa ra quân tổng vệ sinh môi trường hưởng ứng Tuần lễ Quốc gia nước sạch"
    ),
    "published_raw": "03/04/2019",
    "published_meta": None,
    "byline_raw": "Tin, ảnh: Lan Hương",
    "category": "Tin tức",
    "canonical_url": (
        "http://haibatrung.hanoi.gov.vn/web/phuongbachkhoa/tin-tuc/-/asset_publisher/Xy12AbCd/conte"
        "nt/phuong-bach-khoa-ra-quan-tong-ve-sinh-moi-truong"
    ),
    "author_meta": None,
    "attachments": [
        (
            "http://haibatrung.hanoi.gov.vn/documents/1840012/0/tong-ve-sinh-bach-khoa.jpg/7c1d2e04"
            "-5b7f-4f3a-9d51-0a2b8c9d1e11?t=1554285012345"
        ),
        "http://haibatrung.hanoi.gov.vn/documents/1840012/0/KH-tong-ve-sinh-2019.pdf",
    ],
    "fallbacks": [],
    "body_paragraphs": [
        (
            "Hưởng ứng Tuần lễ Quốc gia nước sạch và vệ sinh môi trường năm 2019, sáng ngày "
            "03/4/2019, UBND phường Bách Khoa phối hợp với Xí nghiệp Môi trường đô thị Hai Bà "
            "Trưng tổ chức ra quân tổng vệ sinh môi trường trên toàn địa bàn phường."
        ),
        (
            "Tham gia buổi ra quân có gần 200 cán bộ, đoàn viên, hội viên các đoàn thể, lực lượng "
            "công an, quân sự phường cùng đông đảo nhân dân 26 tổ dân phố. Các lực lượng đã tập "
            "trung thu gom rác thải, phát quang bụi rậm, khơi thông cống rãnh, xóa các quảng cáo "
            "rao vặt trái phép tại các tuyến phố Tạ Quang Bửu, Lê Thanh Nghị, Trần Đại Nghĩa và "
            "khu tập thể Bách Khoa."
        ),
        "Đoàn viên thanh niên phường tham gia thu gom rác thải trên phố Tạ Quang Bửu",
        (
            "Phát biểu tại buổi ra quân, đồng chí Nguyễn Văn Khang – Chủ tịch UBND phường đề nghị "
            "các tổ dân phố duy trì tổng vệ sinh vào sáng thứ Bảy hằng tuần, vận động nhân dân bỏ "
            "rác đúng giờ, đúng nơi quy định, không đổ phế thải xây dựng ra hè phố. Kế hoạch chi "
            "tiết được đăng tải tại Kế hoạch số 45/KH-UBND."
        ),
    ],
}

# tests/fixtures/liferay/phuongbachkhoa_listing_p1.html
PHUONGBACHKHOA_LISTING = {
    "articles": [
        {
            "url": (
                "http://haibatrung.hanoi.gov.vn/web/phuongbachkhoa/tin-tuc/-/asset_publisher/Xy12Ab"
                "Cd/content/phuong-bach-khoa-ra-quan-tong-ve-sinh-moi-truong"
            ),
            "title": (
                "Phường Bách Khoa ra quân tổng vệ sinh môi trường hưởng ứng Tuần lễ Quốc gia nước "
                "sạch"
            ),
            "date_raw": "03/04/2019",
        },
        {
            "url": (
                "http://haibatrung.hanoi.gov.vn/web/phuongbachkhoa/tin-tuc/-/asset_publisher/Xy12Ab"
                "Cd/content/phuong-bach-khoa-kiem-tra-an-toan-thuc-pham-tai-cac-bep-an-tap-the"
            ),
            "title": "Phường Bách Khoa kiểm tra an toàn thực phẩm tại các bếp ăn tập thể",
            "date_raw": "01/04/2019",
        },
        {
            "url": (
                "http://haibatrung.hanoi.gov.vn/web/phuongbachkhoa/tin-tuc/-/asset_publisher/Xy12Ab"
                "Cd/content/phuong-bach-khoa-phat-dong-phong-trao-xanh-sach-dep"
            ),
            "title": "Phường Bách Khoa phát động phong trào xanh - sạch - đẹp",
            "date_raw": "15/03/2019",
        },
    ],
    "next_urls": [
        (
            "http://haibatrung.hanoi.gov.vn/web/phuongbachkhoa/tin-tuc?p_p_id=101_INSTANCE_Xy12AbCd"
            "&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view&p_p_col_id=column-1&p_p_col_count=1&_1"
            "01_INSTANCE_Xy12AbCd_delta=3&_101_INSTANCE_Xy12AbCd_keywords=&_101_INSTANCE_Xy12AbCd_a"
            "dvancedSearch=false&_101_INSTANCE_Xy12AbCd_andOperator=true&_101_INSTANCE_Xy12AbCd_cur"
            "=2"
        ),
    ],
    "category": "Tin tức",
    "fallbacks": [],
}


@pytest.fixture(scope="module")
def haibatrung_article():
    return parse("liferay", "haibatrung_article_phuong-bach-khoa-tong-ket-phong-trao-thi-dua.html")


@pytest.fixture(scope="module")
def phuongbachkhoa_article():
    return parse("liferay", "phuongbachkhoa_article_ra-quan-tong-ve-sinh-moi-truong.html")


def test_vcms_article(haibatrung_article):
    # The reference page: the left "Tin mới" box reuses .wd-date/.wd-introduction with an
    # older date, the byline is the body's last (right-aligned) paragraph.
    assert paragraphs_dict(haibatrung_article) == HAIBATRUNG_ARTICLE


def test_vcms_listing_follows_onclick_paging():
    assert paragraphs_dict(parse("liferay", "haibatrung_listing_p1.html")) == HAIBATRUNG_LISTING


def test_asset_publisher_article_with_date_below_body(phuongbachkhoa_article):
    # Liferay 6.2 prints .asset-metadata (the date) after the body, then ratings and comments.
    assert paragraphs_dict(phuongbachkhoa_article) == PHUONGBACHKHOA_ARTICLE


def test_asset_publisher_listing_drops_redirect_parameter():
    listing = parse("liferay", "phuongbachkhoa_listing_p1.html")
    assert paragraphs_dict(listing) == PHUONGBACHKHOA_LISTING
    assert all("redirect" not in entry.url for entry in listing.articles)


@pytest.mark.parametrize(
    "url",
    [
        "http://haibatrung.hanoi.gov.vn/hoat-dong-cac-phuong1/-/view_content/2225876-x.html",
        "http://quan.hanoi.gov.vn/tin-tuc/-/asset_publisher/Xy12/content/tieu-de",
        "http://quan.hanoi.gov.vn/tin-tuc?p_p_id=101_INSTANCE_Xy12&p_p_lifecycle=0",
        "http://quan.hanoi.gov.vn/tin-tuc?_101_INSTANCE_Xy12_cur=3",
        "http://quan.hanoi.gov.vn/web/guest/tin-tuc",
    ],
)
def test_matches_liferay_url_shapes(url):
    assert LIFERAY.matches(url, "")


def test_matches_liferay_markup_without_url_hint():
    page = (
        '<html><body><div id="p_p_id_56_INSTANCE_x_" class="portlet-boundary"></div></body></html>'
    )
    assert LIFERAY.matches("http://quan.gov.vn/tin-tuc", page)
    assert not LIFERAY.matches("http://quan.gov.vn/tin-tuc", "<html><body><p>x</p></body></html>")
