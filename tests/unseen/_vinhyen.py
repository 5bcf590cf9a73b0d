# ruff: noqa: E501
"""(f) Provincial e-portal of Thành phố Vĩnh Yên, Vĩnh Phúc (2020), WordPress-like: the month in
the URL (/2020/11/...html), "Thu Hà (Phường Đồng Tâm)" bylines, listings that mix articles
with documents (PDF links), tag pages, and "Tin liên quan" lists with dates."""

from __future__ import annotations

import datetime as dt

from _common import Article, Site, Truth, dmy, esc, weekday

D = dt.date
LISTING = "/chuyen-muc/tin-phuong-xa/"
TAGS = {
    "phuong-dong-tam": "Phường Đồng Tâm",
    "xay-dung-do-thi-van-minh": "Xây dựng đô thị văn minh",
    "van-hoa-xa-hoi": "Văn hóa - Xã hội",
}


def post(pid, slug, title, day, raw, lead, paras, byline, ward, truth, tags):
    return Article(
        str(pid),
        f"/{day:%Y/%m}/{slug}.html",
        title,
        day,
        raw,
        lead,
        paras,
        byline,
        ward,
        truth,
        {"tags": tags},
    )


ARTICLES = [
    post(
        4498,
        "phuong-lien-bao-to-chuc-ngay-hoi-dai-doan-ket-toan-dan-toc",
        "Phường Liên Bảo tổ chức Ngày hội Đại đoàn kết toàn dân tộc",
        D(2020, 11, 16),
        "16/11/2020 14:30",
        "Chiều 15/11, Ban Công tác Mặt trận tổ dân phố Đông Hải, phường Liên Bảo tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2020.",
        [
            "Dự Ngày hội có đồng chí Trần Văn Lợi – Phó Chủ tịch Ủy ban MTTQ thành phố Vĩnh Yên; đồng chí Nguyễn Thị Thanh – Chủ tịch Ủy ban MTTQ phường Liên Bảo.",
            "Dịp này, Ban Công tác Mặt trận tổ dân phố trao 15 suất quà cho các hộ có hoàn cảnh khó khăn.",
        ],
        "Minh Hằng (Phường Liên Bảo)",
        "Liên Bảo",
        Truth("2020-11-16T14:30:00+07:00", "Minh Hằng", "Phường Liên Bảo", "08710", "2020-11-15"),
        ["van-hoa-xa-hoi"],
    ),
    post(
        4521,
        "phuong-dong-tam-ra-quan-xay-dung-tuyen-pho-van-minh-do-thi",
        "Phường Đồng Tâm ra quân xây dựng tuyến phố văn minh đô thị",
        D(2020, 11, 20),
        "20/11/2020 09:15",
        "Thực hiện Kế hoạch số 245/KH-UBND ngày 02/11/2020 của UBND thành phố Vĩnh Yên, sáng ngày 18/11, phường Đồng Tâm tổ chức ra quân xây dựng tuyến phố văn minh đô thị trên đường Nguyễn Tất Thành.",
        [
            "Hơn 200 cán bộ, đoàn viên, hội viên và nhân dân đã tham gia dọn dẹp vỉa hè, tháo dỡ biển quảng cáo sai quy định, thu gom rác thải dọc tuyến phố và đoạn giáp ranh đường Ngô Quyền.",
            "Đồng chí Nguyễn Văn Hải – Chủ tịch UBND phường Đồng Tâm yêu cầu các tổ dân phố duy trì tổng vệ sinh vào sáng thứ Bảy hằng tuần.",
        ],
        "Thu Hà (Phường Đồng Tâm)",
        "Đồng Tâm",
        Truth("2020-11-20T09:15:00+07:00", "Thu Hà", "Phường Đồng Tâm", "08722", "2020-11-18"),
        ["phuong-dong-tam", "xay-dung-do-thi-van-minh"],
    ),
    post(
        4533,
        "phuong-ngo-quyen-tang-cuong-tuyen-truyen-phong-chong-dich-covid-19",
        "Phường Ngô Quyền tăng cường tuyên truyền phòng, chống dịch COVID-19",
        D(2020, 11, 25),
        "25/11/2020",
        "Ngày 24/11/2020, UBND phường Ngô Quyền tổ chức Hội nghị triển khai các biện pháp phòng, chống dịch COVID-19 trong tình hình mới.",
        [
            "Đồng chí Lê Thị Hồng – Phó Chủ tịch UBND phường Ngô Quyền đề nghị các tổ dân phố tăng cường tuyên truyền thực hiện thông điệp 5K, kịp thời phát hiện, báo cáo các trường hợp nhập cảnh trái phép."
        ],
        "Hoàng Lâm - Trung tâm VH-TT&TT thành phố Vĩnh Yên",
        "Ngô Quyền",
        Truth(
            "2020-11-25",
            "Hoàng Lâm",
            "Trung tâm VH-TT&TT thành phố Vĩnh Yên",
            "08719",
            "2020-11-24",
        ),
        ["van-hoa-xa-hoi"],
    ),
    post(
        4560,
        "phuong-dong-da-hoan-thanh-xay-dung-3-nha-van-hoa-to-dan-pho",
        "Phường Đống Đa hoàn thành xây dựng 3 nhà văn hóa tổ dân phố",
        D(2020, 12, 5),
        "05/12/2020 08:00",
        "Năm 2020, phường Đống Đa đã huy động trên 4 tỷ đồng từ ngân sách và sự đóng góp của nhân dân để xây dựng mới 3 nhà văn hóa tổ dân phố.",
        [
            "Các nhà văn hóa được xây dựng khang trang, đáp ứng nhu cầu sinh hoạt cộng đồng. Đồng chí Đỗ Văn Hùng – Bí thư Đảng ủy phường Đống Đa ghi nhận sự đồng thuận của nhân dân trong quá trình triển khai."
        ],
        "Văn Toàn (Phường Đống Đa)",
        "Đống Đa",
        Truth("2020-12-05T08:00:00+07:00", "Văn Toàn", "Phường Đống Đa", "08716", None),
        ["xay-dung-do-thi-van-minh"],
    ),
    post(
        4572,
        "phuong-tich-son-tong-ket-phong-trao-toan-dan-bao-ve-an-ninh-to-quoc",
        "Phường Tích Sơn tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc",
        D(2020, 12, 10),
        "10/12/2020 16:20",
        "Sáng 9/12, Công an phường Tích Sơn tổ chức Hội nghị tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2020.",
        [
            "Năm 2020, phong trào tiếp tục được triển khai sâu rộng; 100% tổ dân phố đạt danh hiệu “An toàn về an ninh, trật tự”. Thượng tá Nguyễn Quang Minh – Phó Trưởng Công an thành phố Vĩnh Yên trao giấy khen cho các tập thể, cá nhân."
        ],
        "Nguồn: Báo Vĩnh Phúc",
        "Tích Sơn",
        Truth("2020-12-10T16:20:00+07:00", None, None, "08707", "2020-12-09"),
        ["van-hoa-xa-hoi"],
    ),
    post(
        4588,
        "phuong-khai-quang-ra-mat-mo-hinh-camera-an-ninh",
        "Phường Khai Quang ra mắt mô hình “Camera an ninh”",
        D(2020, 12, 18),
        "18/12/2020 10:45",
        "Ngày 17/12, UBND phường Khai Quang tổ chức ra mắt mô hình “Camera an ninh” tại tổ dân phố Vị Thanh.",
        [
            "Mô hình lắp đặt 24 camera tại các tuyến đường, ngõ xóm, kết nối về Công an phường. Đồng chí Phùng Văn Tú – Chủ tịch UBND phường Khai Quang cho biết, kinh phí do nhân dân tự nguyện đóng góp."
        ],
        "Thu Hà, Ngọc Ánh (Phường Khai Quang)",
        "Khai Quang",
        Truth(
            "2020-12-18T10:45:00+07:00",
            "Thu Hà, Ngọc Ánh",
            "Phường Khai Quang",
            "08728",
            "2020-12-17",
        ),
        ["xay-dung-do-thi-van-minh"],
    ),
    post(
        4602,
        "phuong-hoi-hop-to-chuc-lien-hoan-van-nghe-quan-chung",
        "Phường Hội Hợp tổ chức liên hoan văn nghệ quần chúng",
        D(2020, 12, 28),
        "28/12/2020 15:00",
        "Tối 26/12, tại Nhà văn hóa phường Hội Hợp đã diễn ra Liên hoan văn nghệ quần chúng chào mừng năm mới 2021.",
        [
            "Liên hoan có 10 đội văn nghệ đến từ các tổ dân phố tham gia. Đồng chí Trịnh Thị Mai – Phó Chủ tịch UBND phường Hội Hợp trao giải Nhất cho đội văn nghệ tổ dân phố Lai Sơn."
        ],
        "Phạm Hưng (Phường Hội Hợp)",
        "Hội Hợp",
        Truth("2020-12-28T15:00:00+07:00", "Phạm Hưng", "Phường Hội Hợp", "08713", "2020-12-26"),
        ["van-hoa-xa-hoi"],
    ),
    post(
        4611,
        "phuong-lien-bao-tong-ket-cong-tac-mat-tran-nam-2020",
        "Phường Liên Bảo tổng kết công tác Mặt trận năm 2020",
        D(2020, 12, 30),
        "Thứ Tư, ngày 30 tháng 12 năm 2020",
        "Ngày 29 tháng 12 năm 2020, Ủy ban MTTQ Việt Nam phường Liên Bảo tổ chức Hội nghị tổng kết công tác Mặt trận năm 2020, triển khai nhiệm vụ năm 2021.",
        [
            "Năm 2020, Ủy ban MTTQ phường đã vận động Quỹ “Vì người nghèo” được trên 120 triệu đồng, hỗ trợ sửa chữa 2 nhà Đại đoàn kết. Đồng chí Nguyễn Thị Thanh – Chủ tịch Ủy ban MTTQ phường Liên Bảo trình bày báo cáo tổng kết."
        ],
        "PV",
        "Liên Bảo",
        Truth("2020-12-30", None, None, "08710", "2020-12-29"),
        ["van-hoa-xa-hoi"],
    ),
]

DOCS = [  # (day, title, href) listed among the posts
    (
        D(2020, 12, 15),
        "Thông báo lịch tiếp công dân của Chủ tịch UBND thành phố tháng 12/2020",
        "/wp-content/uploads/2020/12/TB-lich-tiep-cong-dan-T12-2020.pdf",
    ),
    (
        D(2020, 11, 2),
        "Kế hoạch số 245/KH-UBND ngày 02/11/2020 về xây dựng tuyến phố văn minh đô thị",
        "/wp-content/uploads/2020/11/KH-245-UBND.pdf",
    ),
]
TODAY = D(2020, 12, 31)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def frame(title: str, body_class: str, crumbs: str, main: str, newest: list[Article]) -> str:
    recent = "".join(
        f'<li><a href="{a.path}">{esc(a.title)}</a><span class="post-date">{dmy(a.day)}</span></li>'
        for a in newest
    )
    docs = "".join(
        f'<li><a href="{href}" target="_blank"><i class="icon-pdf"></i> {esc(t)}</a></li>'
        for _, t, href in DOCS
    )
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} – Cổng thông tin điện tử thành phố Vĩnh Yên</title>
<link rel='stylesheet' id='egov-style-css' href='/wp-content/themes/egov-vinhphuc/style.css?ver=5.5.3' type='text/css' media='all' />
<script type='text/javascript' src='/wp-includes/js/jquery/jquery.js?ver=1.12.4-wp'></script>
<link rel="alternate" type="application/rss+xml" title="Cổng thông tin điện tử thành phố Vĩnh Yên &raquo; Feed" href="/feed/" />
</head>
<body class="{body_class}">
<div id="page" class="site">
  <div class="top-bar"><div class="container"><span class="date-today">{weekday(TODAY)}, {dmy(TODAY)}</span> | <span class="weather">Vĩnh Yên: 14°C - 19°C, nhiều mây</span></div></div>
  <header id="masthead" class="site-header">
    <div class="site-branding container"><a href="/" rel="home"><img src="/wp-content/themes/egov-vinhphuc/images/quoc-huy.png" alt=""></a>
      <p class="site-title">CỔNG THÔNG TIN ĐIỆN TỬ THÀNH PHỐ VĨNH YÊN</p><p class="site-description">Tỉnh Vĩnh Phúc</p></div>
    <nav id="site-navigation" class="main-navigation"><div class="container"><ul id="primary-menu" class="menu">
      <li class="menu-item"><a href="/">Trang chủ</a></li>
      <li class="menu-item"><a href="/gioi-thieu/">Giới thiệu</a></li>
      <li class="menu-item"><a href="/chuyen-muc/tin-tuc-su-kien/">Tin tức - Sự kiện</a></li>
      <li class="menu-item current-menu-item"><a href="{LISTING}">Tin phường, xã</a></li>
      <li class="menu-item"><a href="/van-ban/">Văn bản</a></li>
      <li class="menu-item"><a href="https://dichvucong.vinhphuc.gov.vn">Dịch vụ công</a></li>
    </ul></div></nav>
  </header>
  <div id="content" class="site-content container">
    <div class="breadcrumbs">{crumbs}</div>
    <div class="row">
      <div id="primary" class="content-area col-md-8"><main id="main" class="site-main">
{main}
      </main></div>
      <aside id="secondary" class="widget-area col-md-4">
        <section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Tin mới</h2><ul>{recent}</ul></section>
        <section id="text-4" class="widget widget_text"><h2 class="widget-title">Văn bản mới</h2><ul class="doc-list">{docs}</ul></section>
      </aside>
    </div>
  </div>
  <footer id="colophon" class="site-footer"><div class="container">
    <p><strong>CỔNG THÔNG TIN ĐIỆN TỬ THÀNH PHỐ VĨNH YÊN</strong></p>
    <p>Cơ quan chủ quản: UBND thành phố Vĩnh Yên - Địa chỉ: Số 18 đường Ngô Quyền, phường Ngô Quyền, thành phố Vĩnh Yên, tỉnh Vĩnh Phúc</p>
    <p>Điện thoại: 0211.3862.xxx - Email: vinhyen@vinhphuc.gov.vn</p>
    <p>Giấy phép số 12/GP-TTĐT ngày 15/3/2016. © 2016 - 2020 UBND thành phố Vĩnh Yên.</p>
  </div></footer>
</div>
<script type='text/javascript' src='/wp-includes/js/wp-embed.min.js?ver=5.5.3'></script>
</body>
</html>
"""


def article_main(a: Article, related: list[Article]) -> str:
    paras = [f"<p><strong>{esc(a.lead)}</strong></p>"]
    paras.append(
        f'<p><img class="aligncenter size-large wp-image-{int(a.key) + 1}" src="/wp-content/uploads/{a.day:%Y/%m}/{a.key}.jpg" alt="" width="800" height="533" /></p>'
    )
    paras += [f"<p>{esc(p)}</p>" for p in a.paras]
    paras.append(f'<p style="text-align: right;"><strong>{esc(a.byline)}</strong></p>')
    tags = ", ".join(f'<a href="/tag/{t}/" rel="tag">{esc(TAGS[t])}</a>' for t in a.extra["tags"])
    rel = "".join(
        f'<li><a href="{o.path}">{esc(o.title)}</a> <span class="date">({dmy(o.day)})</span></li>'
        for o in related
    )
    return f"""<article id="post-{a.key}" class="post-{a.key} post type-post status-publish format-standard has-post-thumbnail hentry category-tin-phuong-xa">
  <header class="entry-header"><h1 class="entry-title">{esc(a.title)}</h1>
    <div class="entry-meta"><span class="posted-on"><i class="icon-calendar"></i> {esc(a.date_raw)}</span> <span class="cat-links"><a href="{LISTING}" rel="category tag">Tin phường, xã</a></span> <span class="post-views">Lượt xem: 187</span></div>
  </header>
  <div class="entry-content">
{chr(10).join(paras)}
  </div>
  <footer class="entry-footer"><span class="tags-links">Từ khóa: {tags}</span></footer>
</article>
<div class="related-posts"><h3 class="related-title">Tin liên quan</h3><ul>{rel}</ul></div>"""


def entries(items: list) -> str:
    out = []
    for it in items:
        if isinstance(it, Article):
            out.append(f"""<article class="post-{it.key} post type-post status-publish hentry list-item">
  <div class="post-thumb"><a href="{it.path}"><img src="/wp-content/uploads/{it.day:%Y/%m}/{it.key}-300x200.jpg" alt=""></a></div>
  <h2 class="entry-title"><a href="{it.path}" rel="bookmark">{esc(it.title)}</a></h2>
  <div class="entry-meta"><span class="posted-on">{dmy(it.day)}</span></div>
  <div class="entry-summary"><p>{esc(it.lead[:150].rsplit(" ", 1)[0])} [&hellip;]</p></div>
</article>""")
        else:
            day, title, href = it
            out.append(f"""<article class="document list-item">
  <h2 class="entry-title"><a href="{href}" target="_blank"><i class="icon-pdf"></i> {esc(title)}</a></h2>
  <div class="entry-meta"><span class="posted-on">{dmy(day)}</span> <span class="doc-type">Văn bản</span></div>
</article>""")
    return "\n".join(out)


def build() -> tuple[Site, list[Article]]:
    site = Site("vinhyen", "Thành phố Vĩnh Yên", "Tỉnh Vĩnh Phúc", LISTING)
    newest = sorted(ARTICLES, key=lambda a: a.day, reverse=True)
    mixed = sorted(
        [*ARTICLES, *DOCS], key=lambda x: x.day if isinstance(x, Article) else x[0], reverse=True
    )
    pages = [mixed[:5], mixed[5:]]
    crumbs = '<a href="/">Trang chủ</a> › '
    for n, items in enumerate(pages, 1):
        nav = (
            f'<span class="page-numbers current">{n}</span>'
            if n == 1
            else f'<a class="page-numbers" href="{LISTING}">1</a>'
        )
        nav += (
            f'<a class="page-numbers" href="{LISTING}page/2/">2</a><a class="next page-numbers" href="{LISTING}page/2/">Trang sau »</a>'
            if n == 1
            else '<span class="page-numbers current">2</span>'
        )
        if n == 2:
            nav = f'<a class="prev page-numbers" href="{LISTING}">« Trang trước</a>' + nav
        main = (
            f'<header class="page-header"><h1 class="page-title">Tin phường, xã</h1></header>\n{entries(items)}\n'
            f'<nav class="navigation pagination" role="navigation"><h2 class="screen-reader-text">Điều hướng bài viết</h2><div class="nav-links">{nav}</div></nav>'
        )
        paths = [LISTING, f"{LISTING}page/1/"] if n == 1 else [f"{LISTING}page/{n}/"]
        site.add(
            paths,
            f"listing-{n}.html",
            frame(
                "Tin phường, xã",
                "archive category category-tin-phuong-xa",
                crumbs + "<span>Tin phường, xã</span>",
                main,
                newest[:5],
            ),
        )
    for slug, name in TAGS.items():
        items = [a for a in newest if slug in a.extra["tags"]]
        if slug == "phuong-dong-tam":
            items.append(DOCS[1])
        main = f'<header class="page-header"><h1 class="page-title">Từ khóa: {esc(name)}</h1></header>\n{entries(items)}'
        site.add(
            f"/tag/{slug}/",
            f"tag-{slug}.html",
            frame(
                name,
                f"archive tag tag-{slug}",
                crumbs + f"<span>{esc(name)}</span>",
                main,
                newest[:5],
            ),
        )
    for _, _, href in DOCS:
        site.add(href, href.rsplit("/", 1)[1], PDF)
    for a in ARTICLES:
        related = [o for o in newest if o is not a and set(o.extra["tags"]) & set(a.extra["tags"])][
            :3
        ]
        site.add(
            a.path,
            a.file,
            frame(
                a.title,
                f"post-template-default single single-post postid-{a.key} single-format-standard",
                crumbs + f'<a href="{LISTING}">Tin phường, xã</a> › <span>{esc(a.title)}</span>',
                article_main(a, related),
                newest[:5],
            ),
        )
    return site, ARTICLES
