# ruff: noqa: E501
"""(c) Drupal 7 site of Quận Hải Châu, Đà Nẵng (2019): /node/N, .field-name-body, .submitted
"Đăng lúc 08:30 SA, 12/6/2019 bởi <user>", .pager-next (?page=1 is the second page),
"Theo ..." source lines, one page in old tone placement (Hoà, Thuỷ)."""

from __future__ import annotations

import datetime as dt

from _common import Article, Site, Truth, dmy, esc, weekday

D = dt.date
SECTION = "/hoat-dong-phuong"


def node(nid, title, day, raw, lead, paras, byline, ward, truth, **extra):
    return Article(
        str(nid), f"/node/{nid}", title, day, raw, lead, paras, byline, ward, truth, extra
    )


ARTICLES = [
    node(
        2871,
        "Phường Thạch Thang ra mắt mô hình “Tuyến đường văn minh, sạch đẹp”",
        D(2019, 6, 12),
        "Đăng lúc 08:30 SA, 12/6/2019",
        "Sáng 11/6, UBND phường Thạch Thang tổ chức ra mắt mô hình “Tuyến đường văn minh, sạch đẹp” trên đường Lê Lợi, đoạn từ Quang Trung đến Lý Tự Trọng.",
        [
            "Đồng chí Lê Văn Tâm – Chủ tịch UBND phường Thạch Thang cho biết, mô hình hướng đến mục tiêu không để rác thải, không lấn chiếm vỉa hè, không treo biển quảng cáo sai quy định trên tuyến đường. Mỗi hộ dân ký cam kết thực hiện và tự quản đoạn vỉa hè trước nhà.",
            "Thời gian tới, phường sẽ nhân rộng mô hình ra các tuyến đường Trần Phú, Bạch Đằng.",
        ],
        ("strong", "Văn Lâm"),
        "Thạch Thang",
        Truth("2019-06-12T08:30:00+07:00", "Văn Lâm", None, "20233", "2019-06-11"),
        tag=12,
    ),
    node(
        2880,
        "Phường Hoà Cường Bắc tổ chức Ngày hội Gia đình Việt Nam",
        D(2019, 6, 28),
        "Đăng lúc 04:15 CH, 28/6/2019",
        "Tối 27/6, tại khu dân cư số 5, phường Hoà Cường Bắc tổ chức Ngày hội Gia đình Việt Nam năm 2019 với chủ đề “Gia đình hạnh phúc – xã hội phát triển”.",
        [
            "Ngày hội có sự tham gia của 15 gia đình tiêu biểu đến từ các tổ dân phố với các phần thi: giới thiệu gia đình, ẩm thực và văn nghệ. Đồng chí Trần Thị Thuỷ – Chủ tịch Hội LHPN phường phát biểu khai mạc, nhấn mạnh vai trò của gia đình trong xây dựng khu dân cư văn hoá.",
            "Kết thúc ngày hội, Ban tổ chức trao giải Nhất cho gia đình anh Nguyễn Văn Hoà, tổ dân phố 23.",
        ],
        ("strong", "Thuỷ Tiên - Hội LHPN phường Hoà Cường Bắc"),
        "Hòa Cường Bắc",
        Truth(
            "2019-06-28T16:15:00+07:00",
            "Thuỷ Tiên",
            "Hội LHPN phường Hoà Cường Bắc",
            "20257",
            "2019-06-27",
        ),
        tag=14,
    ),
    node(
        2893,
        "Phường Phước Ninh đẩy mạnh tuyên truyền Luật An ninh mạng",
        D(2019, 7, 5),
        "Đăng lúc 09:00 SA, 5/7/2019",
        "Thực hiện Kế hoạch số 112/KH-UBND ngày 20/6/2019 của UBND quận Hải Châu về tuyên truyền, phổ biến Luật An ninh mạng, thời gian qua UBND phường Phước Ninh đã triển khai nhiều hình thức tuyên truyền phù hợp đến cán bộ và nhân dân.",
        [
            "Phường đã tổ chức 5 hội nghị tuyên truyền tại các tổ dân phố, lồng ghép nội dung Luật trong các buổi sinh hoạt của Mặt trận và các đoàn thể; phát 1.500 tờ rơi đến các hộ gia đình.",
            "Đồng chí Huỳnh Văn Phú – Phó Chủ tịch UBND phường đề nghị các tổ dân phố tiếp tục tuyên truyền để người dân nâng cao cảnh giác trước các thông tin xấu, độc trên không gian mạng.",
        ],
        ("em", "Theo Cổng TTĐT quận Hải Châu"),
        "Phước Ninh",
        Truth("2019-07-05T09:00:00+07:00", None, None, "20242", None),
        tag=15,
    ),
    node(
        2901,
        "Tổ đại biểu HĐND thành phố tiếp xúc cử tri phường Hòa Thuận Tây",
        D(2019, 7, 10),
        "Đăng lúc 12:10 CH, 10/7/2019",
        "Chiều ngày 9/7/2019, Tổ đại biểu HĐND thành phố Đà Nẵng ứng cử tại quận Hải Châu đã tiếp xúc cử tri phường Hòa Thuận Tây trước Kỳ họp thứ 11, HĐND thành phố khóa IX.",
        [
            "Tại buổi tiếp xúc, cử tri phường Hòa Thuận Tây đã kiến nghị nhiều nội dung liên quan đến việc nâng cấp kiệt hẻm, giải quyết tình trạng ngập úng cục bộ trên đường Núi Thành mỗi khi mưa lớn.",
            "Thay mặt Tổ đại biểu, đồng chí Trần Đình Hưng – Ủy viên Thường trực HĐND thành phố đã tiếp thu, giải trình các ý kiến thuộc thẩm quyền và ghi nhận để chuyển các cơ quan chức năng xem xét.",
        ],
        ("em", "Theo Báo Đà Nẵng"),
        "Hòa Thuận Tây",
        Truth("2019-07-10T12:10:00+07:00", None, None, "20245", "2019-07-09"),
        tag=15,
    ),
    node(
        2915,
        "Phường Thuận Phước ra quân làm sạch bãi biển",
        D(2019, 7, 22),
        "Đăng lúc 07:45 SA, 22/7/2019",
        "Sáng Chủ nhật (21/7), hơn 200 đoàn viên, thanh niên và người dân phường Thuận Phước đã tham gia ra quân thu gom rác thải dọc bãi biển Thuận Phước.",
        [
            "Đây là hoạt động hưởng ứng Chiến dịch Thanh niên tình nguyện hè năm 2019. Đồng chí Nguyễn Thị Hồng Nhung – Bí thư Đoàn phường cho biết, trong hơn 2 giờ ra quân, các lực lượng đã thu gom gần 3 tấn rác thải các loại.",
            "Đoàn phường duy trì hoạt động vào sáng Chủ nhật cuối tháng trong suốt mùa hè.",
        ],
        ("strong", "Hồng Vân - Đoàn phường Thuận Phước"),
        "Thuận Phước",
        Truth(
            "2019-07-22T07:45:00+07:00",
            "Hồng Vân",
            "Đoàn phường Thuận Phước",
            "20230",
            "2019-07-21",
        ),
        tag=12,
    ),
    node(
        2922,
        "Phường Hòa Cường Nam tổng kết 10 năm thực hiện Chỉ thị 21-CT/TW",
        D(2019, 8, 2),
        "Đăng lúc 03:30 CH, 2/8/2019",
        "Ngày 1 tháng 8 năm 2019, Đảng ủy phường Hòa Cường Nam tổ chức Hội nghị tổng kết 10 năm thực hiện Chỉ thị số 21-CT/TW ngày 20/01/2008 của Ban Bí thư.",
        [
            "Đồng chí Phan Văn Dũng – Bí thư Đảng ủy phường chủ trì Hội nghị. Qua 10 năm, công tác lãnh đạo, chỉ đạo thực hiện Chỉ thị được cấp ủy quan tâm, nhiều mô hình hay, cách làm sáng tạo được nhân rộng.",
            "Dịp này, Đảng ủy phường khen thưởng 6 tập thể và 10 cá nhân có thành tích xuất sắc.",
        ],
        ("strong", "Ngọc Hà - Minh Châu"),
        "Hòa Cường Nam",
        Truth("2019-08-02T15:30:00+07:00", "Ngọc Hà, Minh Châu", None, "20258", "2019-08-01"),
        tag=15,
    ),
    node(
        2930,
        "Phường Bình Thuận trao học bổng cho học sinh vượt khó",
        D(2019, 8, 20),
        "Đăng lúc 10:20 SA, 20/8/2019",
        "Sáng 18/8, Hội Khuyến học phường Bình Thuận tổ chức lễ trao 50 suất học bổng cho học sinh có hoàn cảnh khó khăn, vượt khó học tốt chuẩn bị bước vào năm học mới 2019 – 2020.",
        [
            "Mỗi suất học bổng trị giá 1 triệu đồng cùng bộ sách giáo khoa. Đồng chí Lê Thị Hoa – Phó Chủ tịch UBND phường mong các em tiếp tục nỗ lực, vươn lên trong học tập.",
            "Nguồn kinh phí do các doanh nghiệp, mạnh thường quân trên địa bàn phường đóng góp.",
        ],
        ("strong", "Bảo Trâm (CTV)"),
        "Bình Thuận",
        Truth("2019-08-20T10:20:00+07:00", "Bảo Trâm", None, "20254", "2019-08-18"),
        tag=14,
    ),
]

TAGS = {12: "Đô thị văn minh", 14: "Văn hóa - Xã hội", 15: "Chính trị"}
TODAY = D(2019, 8, 21)


def frame(title: str, body_class: str, crumbs: str, content: str, newest: list[Article]) -> str:
    recent = "".join(
        f'<li class="views-row"><span class="views-field views-field-title"><a href="{a.path}">{esc(a.title)}</a></span> '
        f'<span class="views-field views-field-created"><span class="field-content">{dmy(a.day)}</span></span></li>'
        for a in newest
    )
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML+RDFa 1.0//EN"
  "http://www.w3.org/MarkUp/DTD/xhtml-rdfa-1.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="vi" version="XHTML+RDFa 1.0" dir="ltr">
<head profile="http://www.w3.org/1999/xhtml/vocab">
  <meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
  <link rel="shortcut icon" href="/sites/default/files/favicon.ico" type="image/vnd.microsoft.icon" />
  <meta name="Generator" content="Drupal 7 (http://drupal.org)" />
  <title>{esc(title)} | Cổng thông tin điện tử quận Hải Châu</title>
  <link type="text/css" rel="stylesheet" href="/sites/default/files/css/css_xE-rWrJf-fncB6ztZfd2huxqgxu4WO-qwma6Xer30m4.css" media="all" />
  <script type="text/javascript" src="/misc/jquery.js?v=1.4.4"></script>
</head>
<body class="{body_class}">
  <div id="skip-link"><a href="#main-content" class="element-invisible element-focusable">Chuyển tới nội dung chính</a></div>
  <div id="page-wrapper"><div id="page">
    <div id="header"><div class="section clearfix">
      <a href="/" title="Trang chủ" rel="home" id="logo"><img src="/sites/default/files/logo_haichau.png" alt="Trang chủ" /></a>
      <div id="name-and-slogan"><div id="site-name"><strong><a href="/" rel="home"><span>Quận Hải Châu - Thành phố Đà Nẵng</span></a></strong></div></div>
      <div class="region region-header"><div id="block-block-3" class="block block-block"><div class="content">
        <p class="today">Hôm nay: {weekday(TODAY)}, {dmy(TODAY)}</p><p class="weather">Đà Nẵng: 27°C - 35°C, nắng</p>
      </div></div></div>
    </div></div>
    <div id="navigation"><div class="section">
      <ul class="menu"><li class="first leaf"><a href="/">Trang chủ</a></li>
      <li class="expanded"><a href="/tin-tuc">Tin tức - Sự kiện</a></li>
      <li class="leaf active-trail"><a href="{SECTION}" class="active-trail">Hoạt động phường</a></li>
      <li class="leaf"><a href="/van-ban">Văn bản</a></li>
      <li class="last leaf"><a href="/lien-he">Liên hệ</a></li></ul>
    </div></div>
    <div id="breadcrumb"><h2 class="element-invisible">Bạn đang ở đây</h2><div class="breadcrumb">{crumbs}</div></div>
    <div id="main-wrapper"><div id="main" class="clearfix">
      <div id="content" class="column"><div class="section">
        <a id="main-content"></a>
{content}
      </div></div>
      <div id="sidebar-second" class="column sidebar"><div class="section">
        <div class="region region-sidebar-second">
          <div id="block-views-tin-moi-block" class="block block-views"><h2>Tin mới</h2>
            <div class="content"><div class="view view-tin-moi"><div class="view-content"><ul>{recent}</ul></div></div></div></div>
          <div id="block-views-van-ban-block" class="block block-views"><h2>Văn bản mới</h2>
            <div class="content"><ul><li><a href="/sites/default/files/vanban/112-KH-UBND.pdf">Kế hoạch số 112/KH-UBND ngày 20/6/2019 về tuyên truyền Luật An ninh mạng</a> <span class="date">(20/06/2019)</span></li></ul></div></div>
        </div>
      </div></div>
    </div></div>
    <div id="footer"><div class="section">
      <div class="region region-footer"><div id="block-block-1" class="block block-block"><div class="content">
        <p><strong>CỔNG THÔNG TIN ĐIỆN TỬ QUẬN HẢI CHÂU</strong><br />
        Địa chỉ: 270 Trưng Nữ Vương, phường Bình Thuận, quận Hải Châu, thành phố Đà Nẵng<br />
        Điện thoại: 0236.3840.xxx - Email: haichau@danang.gov.vn<br />
        © Bản quyền 2012 - 2019 UBND quận Hải Châu</p>
        <p><a href="/user/login">Đăng nhập</a></p>
      </div></div></div>
    </div></div>
  </div></div>
</body>
</html>
"""


def node_content(a: Article, others: list[Article]) -> str:
    tag, byline = a.byline
    paras = [f"<p>{esc(p)}</p>" for p in [a.lead, *a.paras]]
    paras.append(f'<p style="text-align: right;"><{tag}>{esc(byline)}</{tag}></p>')
    tid = a.extra["tag"]
    related = "".join(
        f'<div class="views-row"><span class="field-content"><a href="{o.path}">{esc(o.title)}</a></span> '
        f'<span class="date-display-single">({dmy(o.day)})</span></div>'
        for o in others
    )
    return f"""        <h1 class="title" id="page-title">{esc(a.title)}</h1>
        <div class="tabs"></div>
        <div class="region region-content">
          <div id="block-system-main" class="block block-system"><div class="content">
            <div id="node-{a.key}" class="node node-article node-promoted clearfix" about="{a.path}" typeof="sioc:Item foaf:Document">
              <span property="dc:title" content="{esc(a.title)}" class="rdf-meta element-hidden"></span>
              <div class="meta submitted">
                <span rel="sioc:has_creator">{esc(a.date_raw)} bởi <span class="username" xml:lang="" typeof="sioc:UserAccount" property="foaf:name" datatype="">bientap_haichau</span></span>
              </div>
              <div class="content clearfix">
                <div class="field field-name-body field-type-text-with-summary field-label-hidden"><div class="field-items"><div class="field-item even" property="content:encoded">
                {"".join(paras)}
                </div></div></div>
                <div class="field field-name-field-tags field-type-taxonomy-term-reference field-label-inline clearfix"><div class="field-label">Từ khóa:&nbsp;</div>
                  <div class="field-items"><div class="field-item even"><a href="/taxonomy/term/{tid}" typeof="skos:Concept" property="rdfs:label skos:prefLabel" datatype="">{esc(TAGS[tid])}</a></div></div></div>
              </div>
              <ul class="links inline"><li class="statistics_counter first last"><span>315 lượt đọc</span></li></ul>
            </div>
          </div></div>
          <div id="block-views-tin-khac-block" class="block block-views"><h2>Tin khác</h2>
            <div class="content"><div class="view view-tin-khac"><div class="view-content">{related}</div></div></div></div>
        </div>"""


def teaser_list(title: str, items: list[Article], pager: str) -> str:
    rows = "".join(
        f"""<div class="views-row">
              <div class="views-field views-field-field-image"><div class="field-content"><a href="{a.path}"><img typeof="foaf:Image" src="/sites/default/files/styles/thumbnail/public/{a.key}.jpg" width="120" height="80" alt="" /></a></div></div>
              <div class="views-field views-field-title"><span class="field-content"><a href="{a.path}">{esc(a.title)}</a></span></div>
              <div class="views-field views-field-created"><span class="field-content">{dmy(a.day)}</span></div>
              <div class="views-field views-field-body"><div class="field-content">{esc(a.lead[:150].rsplit(" ", 1)[0])}...</div></div>
            </div>
"""
        for a in items
    )
    return f"""        <h1 class="title" id="page-title">{esc(title)}</h1>
        <div class="region region-content"><div id="block-system-main" class="block block-system"><div class="content">
          <div class="view view-hoat-dong-phuong view-id-hoat_dong_phuong view-display-id-page">
            <div class="view-content">
{rows}            </div>
{pager}
          </div>
        </div></div></div>"""


def pager(page: int, pages: int, base: str) -> str:
    def href(n: int) -> str:  # Drupal counts pages from 0 and omits ?page=0
        return base if n == 0 else f"{base}?page={n}"

    items = []
    if page > 0:
        items.append(
            f'<li class="pager-first first"><a title="Đến trang đầu" href="{href(0)}">« đầu</a></li>'
        )
        items.append(
            f'<li class="pager-previous"><a title="Đến trang trước" href="{href(page - 1)}">‹ trước</a></li>'
        )
    for n in range(pages):
        if n == page:
            items.append(f'<li class="pager-current">{n + 1}</li>')
        else:
            items.append(
                f'<li class="pager-item"><a title="Đến trang {n + 1}" href="{href(n)}">{n + 1}</a></li>'
            )
    if page < pages - 1:
        items.append(
            f'<li class="pager-next"><a title="Đến trang tiếp theo" href="{href(page + 1)}">sau ›</a></li>'
        )
        items.append(
            f'<li class="pager-last last"><a title="Đến trang cuối" href="{href(pages - 1)}">cuối »</a></li>'
        )
    return f'<h2 class="element-invisible">Trang</h2><div class="item-list"><ul class="pager">{"".join(items)}</ul></div>'


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def build() -> tuple[Site, list[Article]]:
    site = Site("haichau", "Quận Hải Châu", "Thành phố Đà Nẵng", SECTION)
    newest = sorted(ARTICLES, key=lambda a: a.day, reverse=True)
    crumbs = '<a href="/">Trang chủ</a> » '
    pages = [newest[:4], newest[4:]]
    for n, items in enumerate(pages):
        paths = [SECTION, f"{SECTION}?page=0"] if n == 0 else [f"{SECTION}?page={n}"]
        site.add(
            paths,
            f"listing-{n + 1}.html",
            frame(
                "Hoạt động phường",
                "html not-front not-logged-in one-sidebar sidebar-second page-hoat-dong-phuong",
                crumbs + "Hoạt động phường",
                teaser_list("Hoạt động phường", items, pager(n, len(pages), SECTION)),
                newest[:5],
            ),
        )
    for tid, name in TAGS.items():
        items = [a for a in newest if a.extra["tag"] == tid]
        site.add(
            f"/taxonomy/term/{tid}",
            f"tag-{tid}.html",
            frame(
                name,
                f"html not-front not-logged-in page-taxonomy page-taxonomy-term page-taxonomy-term-{tid}",
                crumbs + esc(name),
                teaser_list(name, items, ""),
                newest[:5],
            ),
        )
    site.add("/sites/default/files/vanban/112-KH-UBND.pdf", "112-KH-UBND.pdf", PDF)
    for a in ARTICLES:
        others = [o for o in newest if o is not a][:4]
        site.add(
            a.path,
            a.file,
            frame(
                a.title,
                f"html not-front not-logged-in one-sidebar sidebar-second page-node page-node- page-node-{a.key} node-type-article",
                crumbs + f'<a href="{SECTION}">Hoạt động phường</a>',
                node_content(a, others),
                newest[:5],
            ),
        )
    return site, ARTICLES
