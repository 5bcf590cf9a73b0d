# ruff: noqa: E501
"""(d) Liferay 6.2 portal of Quận Cầu Giấy, Hà Nội (2018) with a custom web-content template
(class names unlike the usual journal-content-article), asset-publisher URLs
/web/guest/tin-tuc/-/asset_publisher/<instance>/content/<slug>, _cur=2 paging, redirect
parameters on links, a second asset publisher (sidebar) reaching the same articles under
another instance id, and a canonical link naming the portal's public host."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from _common import Article, Site, Truth, dmy, esc, weekday

D = dt.date
LISTING = "/web/guest/hoat-dong-cac-phuong"
INST = "aBc3dEf9GhIj"  # the section's asset publisher
SIDE = "Qw8rTy5uIoPa"  # the "Tin mới" asset publisher in the right column
PUBLIC = "http://caugiay.hanoi.gov.vn"


def content_path(slug: str, inst: str = INST) -> str:
    return f"/web/guest/tin-tuc/-/asset_publisher/{inst}/content/{slug}"


def art(slug, title, day, hm, lead, paras, byline, ward, truth, **extra):
    raw = f"Cập nhật lúc {hm}, {weekday(day)}, {dmy(day)}"
    return Article(
        slug[:24],
        content_path(slug),
        title,
        day,
        raw,
        lead,
        paras,
        byline,
        ward,
        truth,
        {"slug": slug, **extra},
    )


ARTICLES = [
    art(
        "phuong-dich-vong-hau-tong-ket-cong-tac-nam-2017-trien-khai-nhiem-vu-nam-2018",
        "Phường Dịch Vọng Hậu tổng kết công tác năm 2017, triển khai nhiệm vụ năm 2018",
        D(2018, 1, 2),
        "08:30",
        "Chiều ngày 29/12/2017, HĐND – UBND phường Dịch Vọng Hậu tổ chức Hội nghị tổng kết công tác năm 2017, triển khai nhiệm vụ năm 2018.",
        [
            "Dự Hội nghị có đồng chí Đỗ Thị Hồng Vân – Phó Chủ tịch UBND quận Cầu Giấy; đồng chí Nguyễn Mạnh Cường – Bí thư Đảng ủy phường Dịch Vọng Hậu; đồng chí Trần Thị Bích Liên – Chủ tịch UBND phường.",
            "Năm 2017, phường hoàn thành vượt 15% chỉ tiêu thu ngân sách, giải quyết 100% hồ sơ hành chính đúng hạn, an ninh chính trị, trật tự an toàn xã hội được giữ vững.",
        ],
        "Thanh Xuân - UBND phường Dịch Vọng Hậu",
        "Dịch Vọng Hậu",
        Truth(
            "2018-01-02T08:30:00+07:00",
            "Thanh Xuân",
            "UBND phường Dịch Vọng Hậu",
            "00167",
            "2017-12-29",
        ),
    ),
    art(
        "phuong-dich-vong-ra-quan-lap-lai-trat-tu-do-thi-dau-nam-2018",
        "Phường Dịch Vọng ra quân lập lại trật tự đô thị đầu năm 2018",
        D(2018, 1, 8),
        "15:10",
        "Ngày 5/1, UBND phường Dịch Vọng phối hợp Công an phường, Đội Trật tự xây dựng đô thị ra quân lập lại trật tự đô thị trên các tuyến phố Trần Thái Tông, Xuân Thủy, Trần Đăng Ninh.",
        [
            "Lực lượng ra quân đã nhắc nhở 45 hộ kinh doanh lấn chiếm vỉa hè, tháo dỡ 28 biển quảng cáo sai quy định. Đồng chí Phạm Thị Thu Hà – Chủ tịch UBND phường Dịch Vọng yêu cầu các lực lượng duy trì kiểm tra thường xuyên, không để tái lấn chiếm."
        ],
        "Quang Huy - PV",
        "Dịch Vọng",
        Truth("2018-01-08T15:10:00+07:00", "Quang Huy", None, "00166", "2018-01-05"),
    ),
    art(
        "phuong-yen-hoa-nang-cao-chat-luong-hoat-dong-cua-to-dan-pho",
        "Phường Yên Hoà: Nâng cao chất lượng hoạt động của tổ dân phố",
        D(2018, 1, 17),
        "10:00",
        "Những năm qua, phường Yên Hoà (quận Cầu Giấy) luôn chú trọng kiện toàn, nâng cao chất lượng hoạt động của các tổ dân phố, coi đây là “cánh tay nối dài” của chính quyền cơ sở.",
        [
            "Toàn phường hiện có 54 tổ dân phố với hơn 12.000 hộ dân. Theo đồng chí Lê Văn Quý – Chủ tịch UBND phường Yên Hoà, đội ngũ tổ trưởng tổ dân phố phần lớn là cán bộ hưu trí, có kinh nghiệm, nhiệt tình, trách nhiệm.",
            "Nhiều tổ dân phố đã xây dựng được quy ước, hương ước riêng, phát huy tốt vai trò tự quản của cộng đồng dân cư.",
        ],
        "Nguồn: Báo Hà Nội Mới",
        "Yên Hòa",
        Truth("2018-01-17T10:00:00+07:00", None, None, "00172", None),
    ),
    art(
        "phuong-quan-hoa-to-chuc-hoi-nghi-nhan-dan-to-dan-pho-nam-2018",
        "Phường Quan Hoa tổ chức Hội nghị nhân dân tổ dân phố năm 2018",
        D(2018, 1, 26),
        "14:45",
        "Sáng 25/1/2018, tổ dân phố số 12 phường Quan Hoa tổ chức Hội nghị nhân dân điểm của phường, bầu tổ trưởng tổ dân phố nhiệm kỳ 2018 – 2020.",
        [
            "Dự Hội nghị có đồng chí Nguyễn Thị Minh Nguyệt – Phó Chủ tịch UBND phường Quan Hoa. Hội nghị đã đánh giá kết quả thực hiện quy ước của tổ dân phố năm 2017 và thống nhất các nội dung thực hiện trong năm 2018.",
            "Kết quả, ông Phạm Văn Tiến được tín nhiệm bầu làm tổ trưởng tổ dân phố số 12.",
        ],
        "Hà Linh, Phương Thảo - UBND phường Quan Hoa",
        "Quan Hoa",
        Truth(
            "2018-01-26T14:45:00+07:00",
            "Hà Linh, Phương Thảo",
            "UBND phường Quan Hoa",
            "00169",
            "2018-01-25",
        ),
    ),
    art(
        "phuong-nghia-do-tang-qua-tet-cho-cac-gia-dinh-chinh-sach",
        "Phường Nghĩa Đô tặng quà Tết cho các gia đình chính sách",
        D(2018, 2, 8),
        "09:20",
        "Sáng ngày 7/2, Đảng ủy – HĐND – UBND – UBMTTQ phường Nghĩa Đô tổ chức thăm hỏi, tặng quà các gia đình chính sách, người có công nhân dịp Tết Nguyên đán Mậu Tuất 2018.",
        [
            "Đoàn do đồng chí Hoàng Văn Nam – Bí thư Đảng ủy phường làm trưởng đoàn đã đến thăm, tặng 320 suất quà, mỗi suất trị giá 500.000 đồng."
        ],
        "Lan Hương (Trung tâm Văn hóa - Thông tin và Thể thao quận Cầu Giấy)",
        "Nghĩa Đô",
        Truth(
            "2018-02-08T09:20:00+07:00",
            "Lan Hương",
            "Trung tâm Văn hóa - Thông tin và Thể thao quận Cầu Giấy",
            "00157",
            "2018-02-07",
        ),
    ),
    art(
        "phuong-nghia-tan-giao-luu-van-nghe-mung-xuan-mau-tuat",
        "Phường Nghĩa Tân giao lưu văn nghệ mừng Xuân Mậu Tuất",
        D(2018, 2, 26),
        "16:00",
        "Tối 24/2 (tức mùng 9 Tết Mậu Tuất), tại sân Nhà văn hóa phường Nghĩa Tân đã diễn ra chương trình giao lưu văn nghệ “Mừng Đảng, mừng Xuân”.",
        [
            "Chương trình có sự tham gia của các câu lạc bộ văn nghệ của phường và các tổ dân phố với nhiều tiết mục đặc sắc. Đồng chí Đinh Thị Thu Hà – Phó Chủ tịch UBND phường Nghĩa Tân chúc mừng năm mới cán bộ và nhân dân."
        ],
        "Minh Đức - UBND phường Nghĩa Tân",
        "Nghĩa Tân",
        Truth(
            "2018-02-26T16:00:00+07:00", "Minh Đức", "UBND phường Nghĩa Tân", "00160", "2018-02-24"
        ),
    ),
    art(
        "phuong-trung-hoa-phat-dong-tet-trong-cay-xuan-mau-tuat-2018",
        "Phường Trung Hoà phát động Tết trồng cây Xuân Mậu Tuất 2018",
        D(2018, 3, 6),
        "07:55",
        "Sáng 3/3, phường Trung Hoà tổ chức Lễ phát động Tết trồng cây “Đời đời nhớ ơn Bác Hồ” Xuân Mậu Tuất 2018 tại vườn hoa tổ dân phố 38.",
        [
            "Đồng chí Bùi Thị Ngọc Lan – Chủ tịch UBND phường Trung Hoà phát động nhân dân tích cực trồng và chăm sóc cây xanh. Trong dịp này, phường đã trồng mới 150 cây bóng mát và cây hoa các loại."
        ],
        "Hoàng Yến - Hội Cựu chiến binh phường Trung Hoà",
        "Trung Hòa",
        Truth(
            "2018-03-06T07:55:00+07:00",
            "Hoàng Yến",
            "Hội Cựu chiến binh phường Trung Hoà",
            "00175",
            "2018-03-03",
        ),
    ),
    art(
        "phuong-mai-dich-gap-mat-can-bo-nu-nhan-ngay-quoc-te-phu-nu-8-3",
        "Phường Mai Dịch gặp mặt cán bộ nữ nhân Ngày Quốc tế Phụ nữ 8/3",
        D(2018, 3, 9),
        "11:30",
        "Chiều 7/3, UBND phường Mai Dịch tổ chức gặp mặt cán bộ, hội viên phụ nữ nhân kỷ niệm 108 năm Ngày Quốc tế Phụ nữ 8/3 và 1978 năm Khởi nghĩa Hai Bà Trưng.",
        [
            "Phát biểu tại buổi gặp mặt, đồng chí Trương Văn Hải – Chủ tịch UBND phường Mai Dịch ghi nhận những đóng góp của cán bộ, hội viên phụ nữ trong các phong trào của phường."
        ],
        "CTV Thu Phương",
        "Mai Dịch",
        Truth("2018-03-09T11:30:00+07:00", "Thu Phương", None, "00163", "2018-03-07"),
    ),
]

TODAY = D(2018, 3, 10)
P = f"_101_INSTANCE_{INST}_"


def listing_url(cur: int) -> str:
    return (
        f"{LISTING}?p_p_id=101_INSTANCE_{INST}&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view"
        f"&p_p_col_id=column-2&p_p_col_count=1&{P}cur={cur}&{P}delta=5&{P}keywords="
        f"&{P}advancedSearch=false&{P}andOperator=true&p_r_p_564233524_resetCur=false"
    )


def linked(a: Article, inst: str, back: str) -> str:
    """The href Liferay prints for an asset: content URL plus redirect back to the list."""
    return f"{content_path(a.extra['slug'], inst)}?inheritRedirect=false&redirect={quote(back, safe='')}"


def frame(title: str, canonical: str | None, main: str, side: list[Article], back: str) -> str:
    canon = f'<link href="{PUBLIC}{canonical}" rel="canonical" />' if canonical else ""
    tin_moi = "".join(
        f'<li class="tm-item"><a class="tm-link" href="{esc(linked(a, SIDE, back))}">{esc(a.title)}</a>'
        f'<span class="tm-date">{dmy(a.day)}</span></li>'
        for a in side
    )
    return f"""<!DOCTYPE html>
<html class="ltr" dir="ltr" lang="vi-VN">
<head>
<title>{esc(title)} - Cổng giao tiếp điện tử quận Cầu Giấy</title>
<meta content="initial-scale=1.0, width=device-width" name="viewport" />
<meta content="text/html; charset=UTF-8" http-equiv="content-type" />
{canon}
<link href="/caugiay-theme/images/favicon.ico" rel="Shortcut Icon" />
<link class="lfr-css-file" href="/caugiay-theme/css/main.css?browserId=other&amp;themeId=caugiay_WAR_caugiaytheme&amp;minifierType=css&amp;languageId=vi_VN&amp;b=6205&amp;t=1514764800000" rel="stylesheet" type="text/css" />
<script src="/html/js/barebone.jsp?browserId=other&amp;themeId=caugiay_WAR_caugiaytheme&amp;colorSchemeId=01&amp;minifierType=js&amp;minifierBundleId=javascript.barebone.files&amp;languageId=vi_VN&amp;b=6205&amp;t=1514764800000" type="text/javascript"></script>
</head>
<body class="yui3-skin-sam controls-visible guest-site signed-out public-page site">
<div class="container-fluid" id="wrapper">
  <header id="banner" role="banner">
    <div class="cg-topline"><span class="cg-topline__date">{weekday(TODAY)}, ngày {dmy(TODAY)}</span>
    <span class="cg-topline__weather">Hà Nội 17°C - 22°C</span>
    <a href="/web/guest/dang-nhap" class="cg-topline__login">Đăng nhập</a></div>
    <div class="cg-brand"><a class="logo custom-logo" href="/web/guest/trang-chu" title="Đi tới Cổng giao tiếp điện tử quận Cầu Giấy"><img alt="" height="120" src="/image/company_logo?img_id=10301&amp;t=1514764800000" width="1140" /></a></div>
    <nav class="sort-pages modify-pages" id="navigation" role="navigation">
      <ul aria-label="Các trang trong website" role="menubar">
        <li class="lfr-nav-item"><a href="/web/guest/trang-chu" role="menuitem"><span>Trang chủ</span></a></li>
        <li class="lfr-nav-item"><a href="/web/guest/gioi-thieu" role="menuitem"><span>Giới thiệu</span></a></li>
        <li class="lfr-nav-item"><a href="/web/guest/tin-tuc" role="menuitem"><span>Tin tức - Sự kiện</span></a></li>
        <li class="selected lfr-nav-item"><a href="{LISTING}" role="menuitem"><span>Hoạt động các phường</span></a></li>
        <li class="lfr-nav-item"><a href="/web/guest/thu-tuc-hanh-chinh" role="menuitem"><span>Thủ tục hành chính</span></a></li>
      </ul>
    </nav>
  </header>
  <div id="content">
    <div class="portlet-layout row-fluid">
      <div class="portlet-column portlet-column-first span8" id="column-2">
        <div class="portlet-dropzone portlet-column-content portlet-column-content-first" id="layout-column_column-2">
          <div class="portlet-boundary portlet-boundary_101_ portlet-static portlet-static-end portlet-borderless portlet-asset-publisher" id="p_p_id_101_INSTANCE_{INST}_">
            <span id="p_101_INSTANCE_{INST}"></span>
            <div class="portlet-borderless-container"><div class="portlet-body">
{main}
            </div></div>
          </div>
        </div>
      </div>
      <div class="portlet-column portlet-column-last span4" id="column-3">
        <div class="portlet-boundary portlet-boundary_101_ portlet-asset-publisher" id="p_p_id_101_INSTANCE_{SIDE}_">
          <div class="cg-box"><div class="cg-box__head">Tin mới</div><ul class="tm-list">{tin_moi}</ul></div>
        </div>
        <div class="portlet-boundary portlet-boundary_56_"><div class="cg-box"><div class="cg-box__head">Đường dây nóng</div>
          <p>Chủ tịch UBND quận: 0243.8343.xxx<br/>Văn phòng HĐND-UBND: 0243.8343.yyy</p></div></div>
      </div>
    </div>
  </div>
  <footer id="footer" role="contentinfo">
    <div class="cg-footer"><p><b>CỔNG GIAO TIẾP ĐIỆN TỬ QUẬN CẦU GIẤY</b></p>
    <p>Cơ quan chủ quản: UBND quận Cầu Giấy - Địa chỉ: 36 Cầu Giấy, quận Cầu Giấy, Hà Nội</p>
    <p>Điện thoại: 024.3834.3xxx - Email: vanphong_caugiay@hanoi.gov.vn</p>
    <p>Bản quyền © 2015 - 2018 UBND quận Cầu Giấy</p></div>
  </footer>
</div>
<script type="text/javascript">AUI().use('aui-base', function(A) {{ Liferay.Portlet.onLoad({{canEditTitle: false, columnPos: 0, isStatic: 'end', namespacedId: 'p_p_id_101_INSTANCE_{INST}_', portletId: '101_INSTANCE_{INST}', refreshURL: '/c/portal/render_portlet?p_l_id=10415&p_p_id=101_INSTANCE_{INST}'}}); }});</script>
</body>
</html>
"""


def article_main(a: Article) -> str:
    body = "".join(f'<p style="text-align: justify;">{esc(p)}</p>\n' for p in [a.lead, *a.paras])
    body += f'<p style="text-align: right;"><strong>{esc(a.byline)}</strong></p>\n'
    # showAssetTitle is off ("no-title"): Liferay prints no taglib-header, the template
    # prints the title itself; the box above carries the section name.
    return f"""              <div class="cg-section-head"><a href="{LISTING}">Hoạt động các phường</a></div>
              <div class="asset-full-content default-asset-publisher no-title">
                <div class="cg-article">
                  <div class="cg-article__title"><h2>{esc(a.title)}</h2></div>
                  <div class="cg-article__time"><i class="icon-time"></i> {esc(a.date_raw)}</div>
                  <div class="cg-article__body">
{body}                  </div>
                  <div class="cg-article__tools"><a class="cg-back" href="{LISTING}">« Quay lại</a> | <a href="javascript:;" onclick="window.print();">In trang</a> | <a href="mailto:?subject={quote(a.title)}">Gửi email</a> | <span class="cg-article__views">Lượt xem: 214</span></div>
                </div>
                <div class="taglib-ratings stars"><div class="liferay-rating-vote">Đánh giá</div></div>
              </div>"""


def listing_main(items: list[Article], cur: int, pages: int, total: int, back: str) -> str:
    rows = "".join(
        f"""              <div class="cg-news-row">
                <div class="cg-news-row__img"><img alt="" src="/documents/10180/0/{a.key}.jpg/0?t=1514764800000" /></div>
                <div class="cg-news-row__text"><a class="cg-news-row__title" href="{esc(linked(a, INST, back))}">{esc(a.title)}</a>
                <span class="cg-news-row__date">({dmy(a.day)})</span>
                <p class="cg-news-row__sum">{esc(a.lead[:150].rsplit(" ", 1)[0])}...</p></div>
              </div>
"""
        for a in items
    )
    first, last = (cur - 1) * 5 + 1, (cur - 1) * 5 + len(items)

    def li(label: str, n: int, enabled: bool, cls: str = "") -> str:
        href = esc(listing_url(n)) if enabled else "javascript:;"
        return (
            f'<li class="{cls}{"" if enabled else " disabled"}"><a href="{href}">{label}</a></li>'
        )

    nav = (
        li("Đầu", 1, cur > 1, "first")
        + li("← Trước", cur - 1, cur > 1)
        + li("Tiếp →", cur + 1, cur < pages)
        + li("Cuối", pages, cur < pages, "last")
    )
    return f"""              <div class="cg-news-list">
{rows}              </div>
              <div class="taglib-page-iterator" id="_101_INSTANCE_{INST}_ocerSearchContainerPageIterator">
                <div class="clearfix lfr-pagination"><div class="lfr-pagination-config"><div class="lfr-pagination-page-selector">Trang {cur} của {pages}</div></div>
                <small class="search-results">Hiển thị {first} - {last} trong tổng số {total} kết quả.</small>
                <ul class="lfr-pagination-buttons pager">{nav}</ul></div>
              </div>"""


def build() -> tuple[Site, list[Article]]:
    site = Site("caugiay", "Quận Cầu Giấy", "Thành phố Hà Nội", LISTING)
    site.any_query = ["/web/guest/tin-tuc/-/asset_publisher/"]
    newest = sorted(ARTICLES, key=lambda a: a.day, reverse=True)
    pages = [newest[:5], newest[5:]]
    for n, items in enumerate(pages, 1):
        back = LISTING if n == 1 else listing_url(n)
        paths = [LISTING, listing_url(1)] if n == 1 else [listing_url(n)]
        site.add(
            paths,
            f"listing-{n}.html",
            frame(
                "Hoạt động các phường",
                None,
                listing_main(items, n, len(pages), len(newest), back),
                newest[:5],
                back,
            ),
        )
    for a in ARTICLES:
        slug = a.extra["slug"]
        canonical = content_path(slug)
        # Liferay ignores the query string of a content URL (redirect, inheritRedirect...), and
        # the sidebar's asset publisher reaches the same article under its own instance id.
        paths = [canonical, content_path(slug, SIDE)]
        site.aliases[content_path(slug, SIDE)] = canonical
        site.add(
            paths,
            f"article-{ARTICLES.index(a) + 1}.html",
            frame(a.title, canonical, article_main(a), newest[:5], canonical),
        )
    return site, ARTICLES


# Article.file is derived from key; Liferay slugs are long, so pages are numbered instead.
for _i, _a in enumerate(ARTICLES, 1):
    _a.key = str(_i)
