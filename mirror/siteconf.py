"""The four mirrored sites: who runs them, where they are, how many articles they carry.

Also CONVENTIONS, the rules truth.json follows (copied into every truth.json).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mirror.places import DISTRICTS, District
from mirror.render.base import Renderer
from mirror.render.common import SiteInfo
from mirror.render.dnn import DnnRenderer
from mirror.render.joomla import JoomlaRenderer
from mirror.render.liferay import LiferayRenderer
from mirror.render.wordpress import WordPressRenderer

__all__ = ["CONVENTIONS", "SITES", "SiteSpec"]

CONVENTIONS = {
    "url": "path (with query) of the article as its listing links it; prefix with the server's base URL",
    "published_at": "ISO 8601 with +07:00, from the article page's own date line or machine-readable "
    "date (a UTC datetime attribute is converted to +07:00); date only (YYYY-MM-DD) "
    "where the page gives no time at all",
    "published_raw": "the visible date text of the article header, label included, whitespace-trimmed",
    "event_date": "day the lead says the event happened (year inferred from publication when the lead "
    "omits it; the first day of a multi-day event); null when the lead gives no date",
    "author": "names in the byline joined by ', '; null when the byline names no person ('PV', an "
    "office only, or no byline)",
    "authors": "every person the byline credits, in order; [] when none",
    "author_org": "the body the byline names ('UBND phường Bách Khoa', 'Phường Đồng Tâm'), else null",
    "byline_raw": "the byline paragraph text (last paragraph of the body), trimmed; null if none",
    "ward": "official name of the ward in the vietnamadminunits legacy gazetteer; a ward merged on "
    "2025-01-01 resolves to the ward that absorbed it (ward_as_named keeps the title's name)",
    "ward_code": "its GSO code from the same gazetteer",
    "mentions": "every official named with a position, in reading order (captions included): "
    "{person, position}; people named without a position are not mentions",
    "officials": "distinct persons of mentions, each with the position of their first mention",
    "body_paragraphs": "visible text of paragraphs, captions and attachment links in order, NBSP as "
    "space, whitespace collapsed; tables and the byline left out",
}


@dataclass
class SiteSpec:
    """Everything that makes one mirrored site."""

    name: str
    renderer: type[Renderer]
    info: SiteInfo
    district: str
    count: int
    byline_mode: str = "free"
    south: bool = False
    ward_names: list[str] = field(default_factory=list)  # empty: all wards of the district

    def make_renderer(self) -> Renderer:
        """A renderer bound to this site's facts."""
        return self.renderer(self.info)

    @property
    def place(self) -> District:
        """The district."""
        return DISTRICTS[self.district]


SITES: dict[str, SiteSpec] = {
    spec.name: spec
    for spec in [
        SiteSpec(
            "haibatrung",
            LiferayRenderer,
            SiteInfo(
                name="haibatrung",
                family="liferay",
                portal="Cổng giao tiếp điện tử quận Hai Bà Trưng",
                owner="Ủy ban nhân dân quận Hai Bà Trưng",
                address="Số 30 phố Lê Đại Hành, phường Lê Đại Hành, quận Hai Bà Trưng, thành phố Hà Nội",
                phone="(024) 3978 1546",
                fax="(024) 3978 2230",
                email="vanphong_haibatrung@hanoi.gov.vn",
                license="Giấy phép số 25/GP-TTĐT ngày 13/02/2017 của Sở Thông tin và Truyền thông Hà Nội",
                category="Hoạt động các phường",
                city_weather="Hà Nội",
            ),
            "haibatrung",
            64,
            byline_mode="ward",
        ),
        SiteSpec(
            "phuong-wp",
            WordPressRenderer,
            SiteInfo(
                name="phuong-wp",
                family="wordpress",
                portal="Trang thông tin điện tử phường Thạch Thang",
                owner="Ủy ban nhân dân phường Thạch Thang",
                address="Số 58 Lý Tự Trọng, phường Thạch Thang, quận Hải Châu, thành phố Đà Nẵng",
                phone="0236 3821 307",
                fax="0236 3821 308",
                email="ubndthachthang@danang.gov.vn",
                license="Chịu trách nhiệm nội dung: Chủ tịch UBND phường Thạch Thang",
                category="Tin tức",
                city_weather="Đà Nẵng",
                per_page=8,
            ),
            "haichau",
            22,
        ),
        SiteSpec(
            "phuong-joomla",
            JoomlaRenderer,
            SiteInfo(
                name="phuong-joomla",
                family="joomla",
                portal="Trang thông tin điện tử Phường 25 - Quận Bình Thạnh",
                owner="Ủy ban nhân dân Phường 25, quận Bình Thạnh",
                address="Số 2 Ung Văn Khiêm, Phường 25, quận Bình Thạnh, TP. Hồ Chí Minh",
                phone="(028) 3899 1725",
                fax="(028) 3899 1726",
                email="p25binhthanh@tphcm.gov.vn",
                license="Trưởng ban biên tập: Phó Chủ tịch UBND Phường 25",
                category="Tin tức",
                city_weather="TP. Hồ Chí Minh",
            ),
            "binhthanh",
            24,
            south=True,
        ),
        SiteSpec(
            "eportal-dnn",
            DnnRenderer,
            SiteInfo(
                name="eportal-dnn",
                family="dnn",
                portal="Cổng thông tin điện tử thành phố Thủ Dầu Một",
                owner="Ủy ban nhân dân thành phố Thủ Dầu Một",
                address="Số 01 Quang Trung, phường Phú Cường, thành phố Thủ Dầu Một, tỉnh Bình Dương",
                phone="(0274) 3822 345",
                fax="(0274) 3822 346",
                email="ubndtp@thudaumot.binhduong.gov.vn",
                license="Giấy phép số 07/GP-STTTT ngày 15/3/2016 của Sở Thông tin và Truyền thông tỉnh Bình Dương",
                category="Hoạt động phường",
                city_weather="Bình Dương",
                per_page=8,
            ),
            "thudaumot",
            21,
            south=True,
        ),
    ]
}
