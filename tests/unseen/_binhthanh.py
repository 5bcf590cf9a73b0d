# ruff: noqa: E501
"""(b) Bootstrap-era custom CMS of Quận Bình Thạnh, TP Hồ Chí Minh (2018-2019): .news-item
cards, .post-date "Thứ Hai, 05/03/2018 - 14:20", ?page=2, "Tin, ảnh: ..." as the last <p>."""

from __future__ import annotations

import datetime as dt
import unicodedata

from _common import Article, Site, Truth, dmy, esc, weekday

D = dt.date
SECTION = "/tin-tuc/hoat-dong-phuong"


def stamp(day: dt.date, hm: str) -> str:
    return f"{weekday(day)}, {dmy(day)} - {hm}"


def art(key, slug, title, day, hm, lead, paras, byline, ward, truth, **extra):
    return Article(
        key,
        f"{SECTION}/{slug}-{key}",
        title,
        day,
        stamp(day, hm),
        lead,
        paras,
        byline,
        ward,
        truth,
        extra,
    )


ARTICLES = [
    art(
        "1841",
        "phuong-25-ra-mat-mo-hinh-khu-pho-khong-rac-thai-nhua",
        "Phường 25 ra mắt mô hình “Khu phố không rác thải nhựa”",
        D(2018, 3, 5),
        "14:20",
        "Sáng ngày 03/3/2018, UBND Phường 25 phối hợp Ủy ban MTTQ Việt Nam phường tổ chức ra mắt mô hình “Khu phố không rác thải nhựa” tại khu phố 3.",
        [
            "Tham dự có đồng chí Nguyễn Thị Thu Thủy – Phó Chủ tịch UBND quận Bình Thạnh; đồng chí Lê Văn Hậu – Bí thư Đảng ủy Phường 25. Mô hình được triển khai thí điểm tại 320 hộ dân, khuyến khích người dân sử dụng giỏ xách, túi vải thay cho túi ni lông khi đi chợ.",
            "Dịp này, Ban điều hành khu phố 3 đã trao tặng 500 túi vải cho các hộ dân và tiểu thương trên địa bàn.",
        ],
        "Tin, ảnh: Ngọc Hân",
        "25",
        Truth("2018-03-05T14:20:00+07:00", "Ngọc Hân", None, "26920", "2018-03-03"),
    ),
    art(
        "1856",
        "phuong-1-to-chuc-ngay-hoi-hien-mau-tinh-nguyen-dot-1-nam-2018",
        "Phường 1 tổ chức Ngày hội hiến máu tình nguyện đợt 1 năm 2018",
        D(2018, 3, 17),
        "09:05",
        "Sáng 17/3, tại Nhà văn hóa khu phố 2, Ban Chỉ đạo vận động hiến máu tình nguyện Phường 1 tổ chức Ngày hội hiến máu tình nguyện đợt 1 năm 2018.",
        [
            "Ngày hội thu hút gần 200 cán bộ, đoàn viên thanh niên và người dân đăng ký tham gia, tiếp nhận được 152 đơn vị máu. Đồng chí Trần Quốc Việt – Chủ tịch UBND Phường 1 đã tặng hoa, giấy chứng nhận cho các tình nguyện viên.",
            "Ngày hội còn có sự hỗ trợ của lực lượng đoàn viên Phường 12 trong khâu đón tiếp, hướng dẫn người hiến máu.",
        ],
        "Bài, ảnh: Minh Khôi",
        "1",
        Truth("2018-03-17T09:05:00+07:00", "Minh Khôi", None, "26944", "2018-03-17"),
    ),
    art(
        "1870",
        "phuong-12-bieu-duong-gia-dinh-van-hoa-tieu-bieu",
        "Phường 12 biểu dương gia đình văn hóa tiêu biểu năm 2017",
        D(2018, 3, 29),
        "16:45",
        "Chiều ngày 28/3/2018, UBND Phường 12 tổ chức Hội nghị biểu dương 60 gia đình văn hóa tiêu biểu giai đoạn 2015 – 2017.",
        [
            "Đồng chí Huỳnh Thị Ngọc Hoa – Phó Chủ tịch UBND phường cho biết, năm 2017 toàn phường có 4.215/4.390 hộ đạt danh hiệu gia đình văn hóa, đạt tỷ lệ 96%. Nhiều gia đình tiêu biểu trong phát triển kinh tế, nuôi dạy con cái học giỏi, tích cực tham gia các phong trào ở địa phương.",
            "Dịp này, UBND phường đã tặng giấy khen cho 60 gia đình văn hóa tiêu biểu.",
        ],
        "Tin, ảnh: Bảo Ngọc (UBND Phường 12)",
        "12",
        Truth("2018-03-29T16:45:00+07:00", "Bảo Ngọc", "UBND Phường 12", "26917", "2018-03-28"),
        nfd=True,
    ),
    art(
        "1889",
        "phuong-14-ra-quan-ngay-chu-nhat-xanh",
        "Phường 14 ra quân thực hiện “Ngày Chủ nhật xanh”",
        D(2018, 4, 8),
        "10:30",
        "Sáng ngày 8/4, Đoàn phường, Hội Liên hiệp phụ nữ và Hội Cựu chiến binh Phường 14 đồng loạt ra quân thực hiện “Ngày Chủ nhật xanh” lần thứ 2 năm 2018.",
        [
            "Hơn 150 tình nguyện viên đã dọn dẹp rác, khơi thông cống rãnh, tháo gỡ 320 tờ quảng cáo rao vặt trái phép trên các tuyến đường Phan Đăng Lưu, Lê Quang Định.",
            "Đồng chí Võ Thanh Tùng – Phó Bí thư Đảng ủy phường ghi nhận tinh thần tham gia tích cực của các tình nguyện viên và đề nghị duy trì hoạt động vào Chủ nhật tuần thứ hai hằng tháng.",
        ],
        None,
        "14",
        Truth("2018-04-08T10:30:00+07:00", None, None, "26929", "2018-04-08"),
    ),
    art(
        "1957",
        "phuong-17-hoi-dien-van-nghe-chao-mung-nam-moi-2019",
        "Phường 17 tổ chức hội diễn văn nghệ chào mừng năm mới 2019",
        D(2019, 1, 2),
        "08:15",
        "Tối 30/12, tại sân UBND Phường 17, Ban Chỉ đạo phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” phường tổ chức hội diễn văn nghệ chào mừng năm mới 2019.",
        [
            "Hội diễn có 12 đội văn nghệ của các khu phố tham gia với hơn 30 tiết mục ca, múa, nhạc ca ngợi Đảng, Bác Hồ và quê hương đất nước. Dự và trao giải có đồng chí Phan Thị Kim Liên – Chủ tịch Ủy ban MTTQ Việt Nam phường.",
            "Kết quả, Ban tổ chức trao giải Nhất cho đội văn nghệ khu phố 4, giải Nhì cho khu phố 1 và khu phố 6.",
        ],
        "Tin, ảnh: Quốc Bảo",
        "17",
        Truth("2019-01-02T08:15:00+07:00", "Quốc Bảo", None, "26950", "2018-12-30"),
    ),
    art(
        "1963",
        "phuong-22-tap-huan-phong-chay-chua-chay-cho-ho-kinh-doanh",
        "Phường 22 tập huấn phòng cháy, chữa cháy cho hộ kinh doanh",
        D(2019, 1, 11),
        "15:00",
        "Ngày 10/01/2019, UBND Phường 22 phối hợp Đội Cảnh sát PCCC và CNCH quận Bình Thạnh tổ chức tập huấn nghiệp vụ phòng cháy, chữa cháy cho hơn 120 hộ kinh doanh trên địa bàn.",
        [
            "Học viên được hướng dẫn cách sử dụng bình chữa cháy, kỹ năng thoát nạn, sơ cứu người bị nạn. Thiếu tá Lê Hoàng Nam – Đội trưởng Đội Cảnh sát PCCC và CNCH quận đã thông tin một số vụ cháy điển hình tại các hộ kinh doanh kết hợp nhà ở trong năm 2018.",
            "Kết thúc buổi tập huấn, các học viên đã thực hành dập tắt đám cháy giả định bằng bình bột và bình khí CO2.",
        ],
        "Tin: Phạm Hùng - Ảnh: Ngọc Lan",
        "22",
        Truth("2019-01-11T15:00:00+07:00", "Phạm Hùng, Ngọc Lan", None, "26956", "2019-01-10"),
    ),
    art(
        "1978",
        "phuong-27-doi-thoai-voi-thanh-nien-ve-khoi-nghiep",
        "Phường 27 đối thoại với thanh niên về khởi nghiệp",
        D(2019, 1, 22),
        "19:30",
        "Tối 20/1, Đoàn Phường 27 tổ chức chương trình “Thanh niên với khởi nghiệp” và đối thoại giữa lãnh đạo phường với đoàn viên, thanh niên năm 2019.",
        [
            "Đồng chí Đặng Minh Quân – Chủ tịch UBND Phường 27 đã trực tiếp lắng nghe, giải đáp 15 ý kiến của thanh niên về thủ tục đăng ký hộ kinh doanh, tiếp cận nguồn vốn vay ưu đãi, hỗ trợ mặt bằng kinh doanh.",
            "Dịp này, Đoàn phường ra mắt Câu lạc bộ Thanh niên khởi nghiệp với 25 thành viên.",
        ],
        "Tin, ảnh: Thùy Dương - Đoàn Phường 27",
        "27",
        Truth("2019-01-22T19:30:00+07:00", "Thùy Dương", "Đoàn Phường 27", "26911", "2019-01-20"),
    ),
    art(
        "1985",
        "phuong-26-kiem-tra-an-toan-thuc-pham-dip-tet-ky-hoi",
        "Phường 26 kiểm tra an toàn thực phẩm dịp Tết Kỷ Hợi 2019",
        D(2019, 1, 24),
        "11:00",
        "Nhằm bảo đảm an toàn thực phẩm phục vụ nhân dân vui Xuân, đón Tết Nguyên đán Kỷ Hợi 2019, Ban Chỉ đạo liên ngành về an toàn thực phẩm Phường 26 đã thành lập đoàn kiểm tra các cơ sở sản xuất, kinh doanh thực phẩm trên địa bàn.",
        [
            "Qua kiểm tra 35 cơ sở, đoàn đã nhắc nhở 7 cơ sở chưa bảo đảm điều kiện vệ sinh, xử phạt vi phạm hành chính 2 cơ sở với tổng số tiền 6 triệu đồng. Đồng chí Nguyễn Hữu Phước – Phó Chủ tịch UBND phường, Trưởng đoàn kiểm tra đề nghị các cơ sở niêm yết nguồn gốc hàng hóa.",
            "Đoàn sẽ tiếp tục kiểm tra đột xuất đến hết tháng Giêng.",
        ],
        "Tin, ảnh: Hải Đăng",
        "26",
        Truth("2019-01-24T11:00:00+07:00", "Hải Đăng", None, "26914", None),
    ),
]

TODAY = D(2019, 1, 25)


def frame(title: str, crumbs: str, main: str, popular: list[Article]) -> str:
    side = "".join(
        f'<li class="media mb-2"><div class="media-body"><a href="{a.path}">{esc(a.title)}</a>'
        f'<br><small class="text-muted"><i class="fa fa-clock-o"></i> {dmy(a.day)}</small></div></li>'
        for a in popular
    )
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no">
<title>{esc(title)} - Cổng thông tin điện tử Quận Bình Thạnh</title>
<link rel="stylesheet" href="/assets/css/bootstrap.min.css">
<link rel="stylesheet" href="/assets/css/font-awesome.min.css">
<link rel="stylesheet" href="/assets/css/style.css?v=2.3">
</head>
<body>
<div class="topbar bg-light border-bottom small">
  <div class="container d-flex justify-content-between">
    <span class="today"><i class="fa fa-calendar"></i> {weekday(TODAY)}, {dmy(TODAY)}</span>
    <span class="weather"><i class="fa fa-sun-o"></i> TP. Hồ Chí Minh 24°C - 33°C</span>
    <span class="hotline">Đường dây nóng: 028.3841.2345</span>
  </div>
</div>
<header class="header py-3">
  <div class="container"><a class="logo" href="/"><img src="/assets/img/logo.png" alt="Ủy ban nhân dân Quận Bình Thạnh"></a>
  <form class="form-inline float-right" action="/tim-kiem" method="get"><input class="form-control" type="search" name="q" placeholder="Tìm kiếm..."></form></div>
</header>
<nav class="navbar navbar-expand-lg navbar-dark bg-primary">
  <div class="container">
    <button class="navbar-toggler" type="button" data-toggle="collapse" data-target="#mainNav"><span class="navbar-toggler-icon"></span></button>
    <div class="collapse navbar-collapse" id="mainNav">
      <ul class="navbar-nav">
        <li class="nav-item"><a class="nav-link" href="/">Trang chủ</a></li>
        <li class="nav-item"><a class="nav-link" href="/gioi-thieu">Giới thiệu</a></li>
        <li class="nav-item dropdown"><a class="nav-link dropdown-toggle" href="/tin-tuc" data-toggle="dropdown">Tin tức</a>
          <div class="dropdown-menu"><a class="dropdown-item" href="/tin-tuc/tin-quan">Tin quận</a><a class="dropdown-item" href="{SECTION}">Hoạt động phường</a><a class="dropdown-item" href="/tin-tuc/thong-bao">Thông báo</a></div></li>
        <li class="nav-item"><a class="nav-link" href="/thu-tuc-hanh-chinh">Thủ tục hành chính</a></li>
        <li class="nav-item"><a class="nav-link" href="/lien-he">Liên hệ</a></li>
      </ul>
    </div>
  </div>
</nav>
<div class="container mt-3">
  <nav aria-label="breadcrumb"><ol class="breadcrumb">{crumbs}</ol></nav>
  <div class="row">
    <div class="col-md-8">
{main}
    </div>
    <div class="col-md-4">
      <div class="sidebar">
        <div class="widget card mb-3"><h4 class="widget-title card-header">Tin xem nhiều</h4>
          <ul class="list-unstyled card-body">{side}</ul></div>
        <div class="widget card mb-3"><h4 class="widget-title card-header">Liên kết</h4>
          <div class="card-body"><a href="https://dichvucong.gov.vn" target="_blank"><img class="img-fluid" src="/assets/img/banner-dvc.png" alt="Dịch vụ công"></a></div></div>
      </div>
    </div>
  </div>
</div>
<footer class="footer bg-dark text-white-50 mt-4 py-4 small">
  <div class="container">
    <p class="mb-1"><strong>CỔNG THÔNG TIN ĐIỆN TỬ QUẬN BÌNH THẠNH</strong></p>
    <p class="mb-1">Địa chỉ: 6 Phan Đăng Lưu, Phường 14, quận Bình Thạnh, TP. Hồ Chí Minh</p>
    <p class="mb-1">Điện thoại: (028) 3841 2222 - Email: ubnd.binhthanh@tphcm.gov.vn</p>
    <p class="mb-0">© 2016 - 2019 Bản quyền thuộc UBND Quận Bình Thạnh</p>
  </div>
</footer>
<script src="/assets/js/jquery.min.js"></script>
<script src="/assets/js/bootstrap.min.js"></script>
</body>
</html>
"""


CRUMBS = '<li class="breadcrumb-item"><a href="/">Trang chủ</a></li><li class="breadcrumb-item"><a href="/tin-tuc">Tin tức</a></li>'


def article_main(a: Article, others: list[Article]) -> tuple[str, str]:
    fix = (lambda s: unicodedata.normalize("NFD", s)) if a.extra.get("nfd") else (lambda s: s)
    body = "".join(f"<p>{esc(fix(p))}</p>\n" for p in a.paras[:1])
    body += (
        f'<figure class="figure text-center"><img class="figure-img img-fluid" src="/uploads/2019/{a.key}-1.jpg">'
        f'<figcaption class="figure-caption">Quang cảnh buổi lễ tại {esc(fix("Phường " + a.ward))}</figcaption></figure>\n'
    )
    body += "".join(f"<p>{esc(fix(p))}</p>\n" for p in a.paras[1:])
    if a.byline:
        body += f'<p style="text-align: right;"><strong>{esc(fix(a.byline))}</strong></p>\n'
    related = "".join(
        f'<li><a href="{o.path}">{esc(o.title)}</a> <span class="date text-muted">({dmy(o.day)})</span></li>'
        for o in others
    )
    main = f"""      <article class="news-detail">
        <h1 class="news-detail-title">{esc(fix(a.title))}</h1>
        <div class="meta text-muted mb-2"><span class="post-date"><i class="fa fa-calendar"></i> {esc(a.date_raw)}</span>
        &nbsp; <span class="views"><i class="fa fa-eye"></i> 356 lượt xem</span></div>
        <div class="news-sapo"><p><strong>{esc(fix(a.lead))}</strong></p></div>
        <div class="news-content">
{body}        </div>
        <div class="share mt-3"><a class="btn btn-sm btn-primary" href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fbinhthanh.hochiminhcity.gov.vn{a.path}">Chia sẻ</a>
        <a class="btn btn-sm btn-secondary" href="javascript:window.print()"><i class="fa fa-print"></i> In</a></div>
      </article>
      <div class="related-news mt-4"><h4 class="title">Tin khác</h4><ul>{related}</ul></div>"""
    crumbs = CRUMBS + f'<li class="breadcrumb-item"><a href="{SECTION}">Hoạt động phường</a></li>'
    return crumbs, main


def listing_main(items: list[Article], page: int, pages: int, featured: Article | None) -> str:
    cards = []
    if featured:
        cards.append(f"""      <div class="featured card mb-3"><a href="{featured.path}"><img class="card-img-top" src="/uploads/2019/{featured.key}-1.jpg"></a>
        <div class="card-body"><h2 class="card-title"><a href="{featured.path}">{esc(featured.title)}</a></h2></div></div>""")
    for a in items:
        cards.append(f"""      <div class="news-item row mb-3">
        <div class="col-4"><a href="{a.path}"><img class="img-fluid" src="/uploads/thumbs/{a.key}.jpg" alt=""></a></div>
        <div class="col-8"><h3 class="news-title"><a href="{a.path}">{esc(a.title)}</a></h3>
          <div class="post-date"><i class="fa fa-clock-o"></i> {dmy(a.day)}</div>
          <p class="news-sapo">{esc(a.lead[:140].rsplit(" ", 1)[0])}...</p></div>
      </div>""")
    links = []
    if page > 1:
        links.append(
            f'<li class="page-item"><a class="page-link" href="?page={page - 1}">‹</a></li>'
        )
    for n in range(1, pages + 1):
        if n == page:
            links.append(f'<li class="page-item active"><span class="page-link">{n}</span></li>')
        else:
            links.append(
                f'<li class="page-item"><a class="page-link" href="?page={n}">{n}</a></li>'
            )
    if page < pages:
        links.append(
            f'<li class="page-item"><a class="page-link" href="?page={page + 1}">›</a></li>'
        )
    return f"""      <h1 class="page-title">Hoạt động phường</h1>
      <div class="news-list">
{chr(10).join(cards)}
      </div>
      <nav aria-label="Phân trang"><ul class="pagination">{"".join(links)}</ul></nav>"""


def build() -> tuple[Site, list[Article]]:
    site = Site("binhthanh", "Quận Bình Thạnh", "Thành phố Hồ Chí Minh", SECTION)
    newest = sorted(ARTICLES, key=lambda a: a.day, reverse=True)
    popular = [newest[2], newest[0], newest[5], newest[3]]
    pages = [newest[:5], newest[5:]]
    for n, items in enumerate(pages, 1):
        paths = [SECTION, f"{SECTION}?page=1"] if n == 1 else [f"{SECTION}?page={n}"]
        crumbs = (
            CRUMBS + '<li class="breadcrumb-item active" aria-current="page">Hoạt động phường</li>'
        )
        site.add(
            paths,
            f"listing-{n}.html",
            frame(
                "Hoạt động phường",
                crumbs,
                listing_main(items, n, len(pages), newest[0] if n == 1 else None),
                popular,
            ),
        )
    for a in ARTICLES:
        others = [o for o in newest if o is not a][:5]
        crumbs, main = article_main(a, others)
        title = unicodedata.normalize("NFD", a.title) if a.extra.get("nfd") else a.title
        site.add(a.path, a.file, frame(title, crumbs, main, popular))
    return site, ARTICLES
