# ruff: noqa: E501
"""(e) Next.js-style statically rendered site of Quận Ninh Kiều, Cần Thơ (2021): <article>,
<time datetime="...Z"> in UTC, article:published_time, JSON-LD and __NEXT_DATA__, byline in
<meta name="author"> plus a visible .author "Hương Giang – Thu Trang"."""

from __future__ import annotations

import datetime as dt
import json

from _common import Article, Site, Truth, dmy, esc, weekday

D = dt.date
LISTING = "/chuyen-muc/hoat-dong-phuong"
BUILD_ID = "k3Xq9vB2mT7wLp0sZr4Yd"


def art(slug, title, utc, lead, paras, author, meta_author, ward, truth):
    when = dt.datetime.fromisoformat(utc.replace("Z", "+00:00")).astimezone(
        dt.timezone(dt.timedelta(hours=7))
    )
    raw = f"{weekday(when.date())}, {dmy(when.date())} {when:%H:%M}"
    return Article(
        slug.rsplit("-", 1)[1],
        f"/tin-tuc/{slug}",
        title,
        when.date(),
        raw,
        lead,
        paras,
        author,
        ward,
        truth,
        {"utc": utc, "meta_author": meta_author},
    )


ARTICLES = [
    art(
        "phuong-xuan-khanh-ra-mat-mo-hinh-hem-xanh-sach-dep-210405",
        "Phường Xuân Khánh ra mắt mô hình “Hẻm xanh – sạch – đẹp”",
        "2021-04-05T01:30:00Z",
        "Sáng 3/4, UBND phường Xuân Khánh tổ chức ra mắt mô hình “Hẻm xanh – sạch – đẹp” tại hẻm 51 đường 3 Tháng 2.",
        [
            "Mô hình do Chi bộ khu vực 4 phối hợp Ban nhân dân khu vực triển khai với sự tham gia của 86 hộ dân. Đồng chí Trương Thị Ngọc Trinh – Chủ tịch UBND phường Xuân Khánh đánh giá cao tinh thần tự giác của bà con.",
            "Thời gian tới, phường sẽ nhân rộng mô hình ra các hẻm trên tuyến đường Nguyễn Văn Cừ, Trần Văn Hoài.",
        ],
        "Hương Giang – Thu Trang",
        "Hương Giang, Thu Trang",
        "Xuân Khánh",
        Truth("2021-04-05T08:30:00+07:00", "Hương Giang, Thu Trang", None, "31144", "2021-04-03"),
    ),
    art(
        "phuong-an-hoa-ra-quan-tong-ve-sinh-phong-chong-sot-xuat-huyet-210412",
        "Phường An Hòa ra quân tổng vệ sinh, phòng chống sốt xuất huyết",
        "2021-04-11T23:10:00Z",
        "Sáng ngày 10/4/2021, UBND phường An Hòa phối hợp Trung tâm Y tế quận Ninh Kiều tổ chức chiến dịch tổng vệ sinh môi trường, diệt lăng quăng phòng chống sốt xuất huyết.",
        [
            "Hơn 300 cán bộ, đoàn viên và người dân đã tham gia thu gom vật dụng phế thải, phát quang bụi rậm tại các khu vực. Đồng chí Lê Thị Mỹ Hạnh – Phó Chủ tịch UBND phường An Hòa đề nghị người dân duy trì vệ sinh nhà cửa mỗi tuần."
        ],
        "Ngọc Trâm",
        "Ngọc Trâm",
        "An Hòa",
        Truth("2021-04-12T06:10:00+07:00", "Ngọc Trâm", None, "31120", "2021-04-10"),
    ),
    art(
        "phuong-tan-an-soi-noi-tuyen-truyen-bau-cu-210420",
        "Phường Tân An sôi nổi tuyên truyền bầu cử đại biểu Quốc hội và HĐND các cấp",
        "2021-04-20T03:00:00Z",
        "Tối 18/4, tại Bến Ninh Kiều, UBND phường Tân An tổ chức chương trình văn nghệ tuyên truyền cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021 – 2026.",
        [
            "Chương trình thu hút đông đảo người dân và du khách đến xem. Các tiết mục ca ngợi Đảng, Bác Hồ, quê hương Cần Thơ xen lẫn nội dung tuyên truyền về ý nghĩa, tầm quan trọng của cuộc bầu cử.",
            "Đồng chí Nguyễn Văn Thanh – Chủ tịch UBND phường Tân An kêu gọi cử tri tích cực tìm hiểu thông tin về các ứng cử viên.",
        ],
        None,
        None,
        "Tân An",
        Truth("2021-04-20T10:00:00+07:00", None, None, "31135", "2021-04-18"),
    ),
    art(
        "kiem-tra-cong-tac-chuan-bi-bau-cu-tai-phuong-cai-khe-210510",
        "Kiểm tra công tác chuẩn bị bầu cử tại phường Cái Khế",
        "2021-05-10T09:15:00Z",
        "Chiều 8/5, Đoàn kiểm tra của Ủy ban bầu cử quận Ninh Kiều do đồng chí Nguyễn Thị Bích Ngọc – Phó Chủ tịch UBND quận làm trưởng đoàn đã kiểm tra công tác chuẩn bị bầu cử tại phường Cái Khế.",
        [
            "Đoàn đã kiểm tra việc niêm yết danh sách cử tri, danh sách người ứng cử, công tác bảo đảm an ninh trật tự, phòng chống dịch COVID-19 tại các khu vực bỏ phiếu. Phường Cái Khế có 14 khu vực bỏ phiếu với hơn 16.000 cử tri."
        ],
        "Minh Huyền (TTVH-TT quận Ninh Kiều)",
        "Minh Huyền",
        "Cái Khế",
        Truth(
            "2021-05-10T16:15:00+07:00",
            "Minh Huyền",
            "TTVH-TT quận Ninh Kiều",
            "31117",
            "2021-05-08",
        ),
    ),
    art(
        "phuong-an-khanh-cu-tri-no-nuc-di-bau-cu-210523",
        "Phường An Khánh: Cử tri nô nức đi bầu cử",
        "2021-05-23T04:20:00Z",
        "Từ 7 giờ sáng nay (23/5), cử tri phường An Khánh đã nô nức đến 12 khu vực bỏ phiếu để thực hiện quyền và nghĩa vụ công dân.",
        [
            "Tại khu vực bỏ phiếu số 3, cụ Lê Văn Út, 92 tuổi, là một trong những cử tri đầu tiên bỏ phiếu. Công tác phòng chống dịch được thực hiện nghiêm: đo thân nhiệt, sát khuẩn tay, giữ khoảng cách."
        ],
        "Trúc Linh",
        "Trúc Linh",
        "An Khánh",
        Truth("2021-05-23T11:20:00+07:00", "Trúc Linh", None, "31149", "2021-05-23"),
    ),
    art(
        "phuong-hung-loi-ho-tro-nguoi-dan-kho-khan-do-dich-covid-19-210728",
        "Phường Hưng Lợi hỗ trợ người dân khó khăn do dịch COVID-19",
        "2021-07-28T12:40:00Z",
        "Trong bối cảnh dịch COVID-19 diễn biến phức tạp, thời gian qua, phường Hưng Lợi đã vận động các mạnh thường quân hỗ trợ hơn 2.500 phần quà cho người dân có hoàn cảnh khó khăn.",
        [
            "Mỗi phần quà gồm gạo, mì gói, dầu ăn và rau củ. Đồng chí Phạm Văn Tài – Chủ tịch Ủy ban MTTQ Việt Nam phường Hưng Lợi cho biết, việc trao quà được thực hiện tận nhà để bảo đảm giãn cách."
        ],
        "Hữu Phước",
        "Hữu Phước",
        "Hưng Lợi",
        Truth("2021-07-28T19:40:00+07:00", "Hữu Phước", None, "31147", None),
    ),
    art(
        "phuong-an-binh-trao-nha-dai-doan-ket-cho-ho-ngheo-210914",
        "Phường An Bình trao nhà Đại đoàn kết cho hộ nghèo",
        "2021-09-14T02:05:00Z",
        "Ngày 13-9, Ủy ban MTTQ Việt Nam phường An Bình tổ chức bàn giao nhà Đại đoàn kết cho hộ ông Trần Văn Út, khu vực 3.",
        [
            "Căn nhà có tổng trị giá 60 triệu đồng, trong đó Quỹ Vì người nghèo phường hỗ trợ 50 triệu đồng. Đồng chí Huỳnh Thị Kim Loan – Phó Chủ tịch UBND phường An Bình trao quyết định hỗ trợ cho gia đình."
        ],
        "Bảo Anh, CTV Kim Ngân",
        "Bảo Anh, Kim Ngân",
        "An Bình",
        Truth("2021-09-14T09:05:00+07:00", "Bảo Anh, Kim Ngân", None, "31150", "2021-09-13"),
    ),
    art(
        "phuong-thoi-binh-ra-mat-to-covid-cong-dong-211004",
        "Phường Thới Bình ra mắt Tổ COVID cộng đồng",
        "2021-10-04T08:00:00Z",
        "Chiều 2/10, UBND phường Thới Bình tổ chức ra mắt 45 Tổ COVID cộng đồng tại các khu vực.",
        [
            "Mỗi tổ gồm 5 thành viên có nhiệm vụ tuyên truyền, vận động người dân thực hiện các biện pháp phòng, chống dịch, phát hiện và báo cáo kịp thời trường hợp nghi nhiễm. Đồng chí Võ Minh Trí – Chủ tịch UBND phường Thới Bình trao quyết định thành lập các tổ."
        ],
        "Thanh Tuyền",
        "Thanh Tuyền",
        "Thới Bình",
        Truth("2021-10-04T15:00:00+07:00", "Thanh Tuyền", None, "31123", "2021-10-02"),
    ),
]

TODAY = D(2021, 10, 5)
CSS = "/_next/static/css/9f1c3a7e2b.css"


def card(a: Article, cls: str = "Card_card__s8dJk") -> str:
    return (
        f'<article class="{cls}"><a class="Card_link__m2Q1p" href="{a.path}"><h3 class="Card_title__x0aP2">{esc(a.title)}</h3></a>'
        f'<time class="Card_time__r7T3k" dateTime="{a.extra["utc"]}">{dmy(a.day)}</time></article>'
    )


def frame(title: str, head_extra: str, main: str, latest: list[Article], next_data: dict) -> str:
    aside = "".join(f"<li>{card(a)}</li>" for a in latest)
    nd = json.dumps(next_data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><title>{esc(title)} | Cổng TTĐT Quận Ninh Kiều</title>{head_extra}<meta name="next-head-count" content="14"/><link rel="preload" href="{CSS}" as="style"/><link rel="stylesheet" href="{CSS}" data-n-g=""/><noscript data-n-css=""></noscript><script defer="" nomodule="" src="/_next/static/chunks/polyfills-c67a75d1b6f99dc8.js"></script><script src="/_next/static/chunks/webpack-59c5c889f52620d6.js" defer=""></script><script src="/_next/static/chunks/main-0e1b1e2c6b6f8b1a.js" defer=""></script></head><body><div id="__next"><header class="Header_header__hN2t0"><div class="Header_top__Xq1aN"><span class="Header_date__p0Lq1">{weekday(TODAY)}, {dmy(TODAY)}</span><span class="Header_weather__bb2Lq">Cần Thơ 26°C - 32°C</span></div><div class="Header_brand__Kx8dA"><a href="/"><img src="/images/logo-ninhkieu.svg" alt="Quận Ninh Kiều"/></a></div><nav class="Nav_nav__y6Tn3"><ul><li><a href="/">Trang chủ</a></li><li><a href="/chuyen-muc/tin-tuc-su-kien">Tin tức - Sự kiện</a></li><li><a class="Nav_active__2kLzq" href="{LISTING}">Hoạt động phường</a></li><li><a href="/chuyen-muc/thong-bao">Thông báo</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></nav></header><main class="Layout_main__Qk1vX">{main}<aside class="Sidebar_aside__m0z8G"><section class="Sidebar_box__c1KpS"><h2 class="Sidebar_title__w4Vn8">Tin mới</h2><ul>{aside}</ul></section><section class="Sidebar_box__c1KpS"><h2 class="Sidebar_title__w4Vn8">Dịch vụ công</h2><a href="https://dichvucong.cantho.gov.vn" rel="noopener" target="_blank"><img src="/images/banner-dvc.png" alt="Dịch vụ công trực tuyến"/></a></section></aside></main><footer class="Footer_footer__uT1iS"><p><strong>CỔNG THÔNG TIN ĐIỆN TỬ QUẬN NINH KIỀU</strong></p><p>Địa chỉ: Số 2 Võ Văn Tần, phường Tân An, quận Ninh Kiều, thành phố Cần Thơ</p><p>Điện thoại: 0292.3820.xxx - Email: ubndninhkieu@cantho.gov.vn</p><p>© 2021 UBND quận Ninh Kiều. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></footer></div><script id="__NEXT_DATA__" type="application/json">{nd}</script></body></html>"""


def summary(a: Article) -> dict:
    return {
        "title": a.title,
        "slug": a.path.rsplit("/", 1)[1],
        "publishedAt": a.extra["utc"].replace("Z", ".000Z"),
    }


def article_page(a: Article, latest: list[Article], others: list[Article]) -> str:
    utc = a.extra["utc"]
    meta_author = (
        f'<meta name="author" content="{esc(a.extra["meta_author"])}"/>'
        if a.extra["meta_author"]
        else ""
    )
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.title,
        "datePublished": utc,
        "dateModified": utc,
        "publisher": {
            "@type": "Organization",
            "name": "UBND quận Ninh Kiều",
            "logo": {"@type": "ImageObject", "url": "/images/logo-ninhkieu.svg"},
        },
    }
    if a.extra["meta_author"]:
        ld["author"] = [
            {"@type": "Person", "name": n.strip()} for n in a.extra["meta_author"].split(",")
        ]
    head = (
        f'<meta name="description" content="{esc(a.lead)}"/><meta property="og:type" content="article"/>'
        f'<meta property="og:title" content="{esc(a.title)}"/><meta property="og:url" content="https://ninhkieu.cantho.gov.vn{a.path}"/>'
        f'<meta property="og:image" content="/uploads/2021/{a.key}.jpg"/><meta property="article:section" content="Hoạt động phường"/>'
        f'<meta property="article:published_time" content="{utc}"/>{meta_author}'
        f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
    )
    body = "".join(f"<p>{esc(p)}</p>" for p in a.paras[:1])
    body += f'<figure class="ArticleDetail_figure__Yq3mC"><img src="/uploads/2021/{a.key}.jpg" alt=""/><figcaption>Quang cảnh tại phường {esc(a.ward)}.</figcaption></figure>'
    body += "".join(f"<p>{esc(p)}</p>" for p in a.paras[1:])
    author = (
        f'<div class="author ArticleDetail_author__k2Lm9">{esc(a.byline)}</div>' if a.byline else ""
    )
    related = "".join(f"<li>{card(o, 'Card_card__s8dJk Card_small__Zp3xq')}</li>" for o in others)
    main = (
        f'<nav class="Breadcrumb_wrap__b7Ytr" aria-label="breadcrumb"><ol><li><a href="/">Trang chủ</a></li><li><a href="{LISTING}">Hoạt động phường</a></li></ol></nav>'
        f'<div class="Layout_grid__c2Wq9"><article class="ArticleDetail_article__Zk3aQ"><h1 class="ArticleDetail_title__2hFv1">{esc(a.title)}</h1>'
        f'<div class="ArticleDetail_meta__u8LkP"><time dateTime="{utc}">{esc(a.date_raw)}</time><span class="ArticleDetail_category__r4Gh2"><a href="{LISTING}">Hoạt động phường</a></span></div>'
        f'<p class="ArticleDetail_sapo__7Nn0x">{esc(a.lead)}</p><div class="ArticleDetail_content__fT6bE">{body}</div>{author}</article>'
        f'<section class="Related_wrap__q1Rt5"><h2>Tin khác</h2><ul>{related}</ul></section></div>'
    )
    data = {
        "props": {
            "pageProps": {
                "article": {
                    **summary(a),
                    "sapo": a.lead,
                    "author": a.byline,
                    "category": "Hoạt động phường",
                },
                "latest": [summary(x) for x in latest],
            },
            "__N_SSG": True,
        },
        "page": "/tin-tuc/[slug]",
        "query": {"slug": a.path.rsplit("/", 1)[1]},
        "buildId": BUILD_ID,
        "isFallback": False,
        "gsp": True,
        "scriptLoader": [],
    }
    return frame(a.title, head, main, latest, data)


def listing_page(items: list[Article], page: int, pages: int, latest: list[Article]) -> str:
    cards = "".join(
        f'<li>{card(a, "Card_card__s8dJk Card_wide__Lp2dE")}<p class="Card_sapo__t3Wq0">{esc(a.lead[:140].rsplit(" ", 1)[0])}...</p></li>'
        for a in items
    )

    def href(n: int) -> str:
        return LISTING if n == 1 else f"{LISTING}/trang/{n}"

    nav = "".join(
        f'<a aria-current="page" class="Pagination_current__v5Rt1">{n}</a>'
        if n == page
        else f'<a aria-label="Trang {n}" href="{href(n)}">{n}</a>'
        for n in range(1, pages + 1)
    )
    if page < pages:
        nav += f'<a class="Pagination_next__J2mQa" href="{href(page + 1)}">Trang sau ›</a>'
    main = (
        f'<nav class="Breadcrumb_wrap__b7Ytr" aria-label="breadcrumb"><ol><li><a href="/">Trang chủ</a></li><li>Hoạt động phường</li></ol></nav>'
        f'<div class="Layout_grid__c2Wq9"><section class="Category_list__h4Jk1"><h1>Hoạt động phường</h1><ul>{cards}</ul>'
        f'<nav class="Pagination_nav__p9Xx2">{nav}</nav></section></div>'
    )
    data = {
        "props": {
            "pageProps": {
                "category": "hoat-dong-phuong",
                "page": page,
                "items": [summary(a) for a in items],
                "latest": [summary(x) for x in latest],
            },
            "__N_SSG": True,
        },
        "page": "/chuyen-muc/[slug]" if page == 1 else "/chuyen-muc/[slug]/trang/[page]",
        "query": {"slug": "hoat-dong-phuong"},
        "buildId": BUILD_ID,
        "isFallback": False,
        "gsp": True,
    }
    head = '<meta property="og:type" content="website"/><meta name="description" content="Hoạt động các phường quận Ninh Kiều"/>'
    return frame("Hoạt động phường", head, main, latest, data)


def build() -> tuple[Site, list[Article]]:
    site = Site("ninhkieu", "Quận Ninh Kiều", "Thành phố Cần Thơ", LISTING)
    newest = sorted(ARTICLES, key=lambda a: a.day, reverse=True)
    pages = [newest[:5], newest[5:]]
    for n, items in enumerate(pages, 1):
        paths = [LISTING, f"{LISTING}/trang/1"] if n == 1 else [f"{LISTING}/trang/{n}"]
        site.add(paths, f"listing-{n}.html", listing_page(items, n, len(pages), newest[:4]))
    for a in ARTICLES:
        others = [o for o in newest if o is not a][:3]
        site.add(a.path, a.file, article_page(a, newest[:4], others))
    return site, ARTICLES
