"""detect_profile(): URL shapes and page markers pick the CMS profile, anything else gets AUTO."""

import pytest

from spiders.profiles import AUTO, detect_profile

PLAIN = "<html><body><p>Tin tức</p></body></html>"


@pytest.mark.parametrize(
    ("url", "page", "expected"),
    [
        (
            "http://haibatrung.hanoi.gov.vn/hoat-dong-cac-phuong1/-/view_content/1-a.html",
            None,
            "liferay",
        ),
        ("http://quan.gov.vn/tin?p_p_id=101_INSTANCE_x&p_p_lifecycle=0", PLAIN, "liferay"),
        ("https://phuong.vn/wp-content/uploads/2019/03/a.jpg", PLAIN, "wordpress"),
        (
            "https://phuong.vn/tin-tuc/",
            '<meta name="generator" content="WordPress 6.4">',
            "wordpress",
        ),
        ("http://phuong.vn/index.php?option=com_content&view=article&id=5", PLAIN, "joomla"),
        ("http://phuong.vn/tin-tuc", '<meta name="generator" content="Joomla! 4">', "joomla"),
        ("http://phuong.vn/Default.aspx?tabid=125&ItemID=4521", PLAIN, "dnn"),
        ("http://phuong.vn/tin-tuc", '<input type="hidden" name="__VIEWSTATE" value="x">', "dnn"),
        # Old ASP (not .aspx) and PHP sites, pretty URLs without markers: AUTO.
        ("http://phuong.vn/tintuc/chitiet.asp?id=345", PLAIN, "auto"),
        ("http://phuong.vn/tin-tuc/hoat-dong-phuong?page=2", PLAIN, "auto"),
        ("http://phuong.vn/index.php?cat=3&p=12", PLAIN, "auto"),
        ("http://phuong.vn/tin-tuc", None, "auto"),
        ("http://phuong.vn/tin-tuc", "", "auto"),
    ],
)
def test_detect_profile(url, page, expected):
    assert detect_profile(url, page).name == expected


def test_auto_matches_everything():
    assert AUTO.matches("http://example.org/", "")
