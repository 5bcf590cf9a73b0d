"""Joomla 4 ward site on the Cassiopeia template (category blog + single article).

Quirks: `time[datetime]` is in UTC while the visible date is local and day-only (so an
early-morning article shows the previous day in UTC); "Viết bởi: Super User" is the
account, not the byline; intro images carry Joomla's `#joomlaImage://` fragment; the
pager's next link reads "Trang sau", its last link only "»".
"""

from __future__ import annotations

from datetime import timedelta

from mirror.content import Block, Story
from mirror.render.base import Renderer, Sidebar, Stub
from mirror.render.common import OFFSITE, SNAPSHOT_DAY, Row, ddmmyyyy, esc, text_html, weekday_vi

__all__ = ["JoomlaRenderer"]

MENU = [
    ("", "Trang chủ", 101),
    ("gioi-thieu", "Giới thiệu", 103),
    ("tin-tuc", "Tin tức", 102),
    ("thong-bao", "Thông báo", 104),
    ("thu-tuc-hanh-chinh", "Thủ tục hành chính", 105),
    ("lien-he", "Liên hệ", 106),
]


def vi_date(when) -> str:
    """Joomla's vi-VN DATE_FORMAT_LC3: '14 Tháng 5 2018'."""
    return f"{when.day:02d} Tháng {when.month} {when.year}"


class JoomlaRenderer(Renderer):
    """Trang thông tin điện tử Phường 25, quận Bình Thạnh, Joomla 4.4."""

    family = "joomla"

    @property
    def base(self) -> str:
        return self.info.prefix

    @property
    def section(self) -> str:
        return f"{self.base}/index.php/tin-tuc"

    def listing_path(self, page: int) -> str:
        return (
            self.section if page == 1 else f"{self.section}?start={(page - 1) * self.info.per_page}"
        )

    def listing_aliases(self, page: int) -> list[str]:
        return [f"{self.section}?start=0"] if page == 1 else []

    def article_path(self, story: Story) -> str:
        return f"{self.section}/{story.key}-{story.slug}"

    def _img_dir(self, story: Story) -> str:
        return f"images/tin-tuc/{story.published:%Y/%m}"

    def image_url(self, story: Story, index: int) -> str:
        return f"{self.base}/{self._img_dir(story)}/{story.key}_{index + 1}.jpg"

    def thumb_url(self, story: Story, has_photo: bool) -> str:
        if not has_photo:
            return ""
        rel = f"{self._img_dir(story)}/{story.key}_1.jpg"
        return f"{self.base}/{rel}#joomlaImage://local-{rel}?width=800&height=500"

    def file_url(self, story: Story, stem: str) -> str:
        return f"{self.base}/images/van-ban/{stem}.pdf"

    def date_fields(self, story: Story) -> tuple[str, str]:
        return f"Ngày đăng: {vi_date(story.published)}", story.published.strftime(
            "%Y-%m-%dT%H:%M:00+07:00"
        )

    def stubs(self) -> list[Stub]:
        b = self.base
        return [
            Stub(f"{b}/", "Trang chủ", [], "home"),
            Stub(f"{b}/index.php", "Trang chủ", [], "home"),
            Stub(
                f"{b}/index.php/gioi-thieu",
                "Giới thiệu",
                [
                    "Phường 25 nằm ở phía Đông quận Bình Thạnh, có diện tích 1,96 km², dân số khoảng "
                    "48.000 người, chia thành 6 khu phố.",
                    "Trên địa bàn phường có Khu du lịch Văn Thánh, Trường Đại học Giao thông vận tải "
                    "TP. Hồ Chí Minh và nhiều khu dân cư mới dọc đường Nguyễn Hữu Cảnh.",
                ],
            ),
            Stub(
                f"{b}/index.php/thong-bao",
                "Thông báo",
                [
                    "Thông báo lịch tiếp công dân tháng 12/2024: Chủ tịch UBND phường tiếp công dân "
                    "vào sáng thứ Năm các tuần."
                ],
            ),
            Stub(
                f"{b}/index.php/thu-tuc-hanh-chinh",
                "Thủ tục hành chính",
                ["Bộ phận Tiếp nhận và Trả kết quả làm việc từ thứ Hai đến sáng thứ Bảy."],
            ),
            Stub(
                f"{b}/index.php/lien-he",
                "Liên hệ",
                [
                    f"Địa chỉ: {self.info.address}",
                    f"Điện thoại: {self.info.phone}",
                    f"Email: {self.info.email}",
                ],
            ),
        ]

    def assets(self) -> dict[str, str]:
        b = self.base
        return {
            f"{b}/media/templates/site/cassiopeia/css/template.min.css?4a0b2c": "joomla.css",
            f"{b}/media/system/js/core.min.js?37ffe4": "joomla.js",
            f"{b}/images/banners/banner-phuong25.jpg": "banner:phuong-joomla",
            f"{b}/media/templates/site/cassiopeia/images/favicon.ico": "favicon",
        }

    def documents(self) -> list[tuple[str, str]]:
        return [
            (
                f"{self.base}/images/van-ban/bang-gia-dich-vu-cong-2024.pdf",
                "Danh mục thủ tục hành chính cấp phường",
            )
        ]

    # Frame -----------------------------------------------------------------------------
    def _head(
        self,
        title: str,
        path: str,
        description: str,
        body_class: str,
        image: str = "",
        og_type: str = "website",
    ) -> str:
        b = self.base
        og_image = f'\n\t<meta property="og:image" content="{esc(image)}">' if image else ""
        return f"""<!DOCTYPE html>
<html lang="vi-vn" dir="ltr">
<head>
	<meta charset="utf-8">
	<meta name="viewport" content="width=device-width, initial-scale=1">
	<meta name="description" content="{esc(description)}">
	<meta name="generator" content="Joomla! - Open Source Content Management">
	<meta property="og:type" content="{og_type}">
	<meta property="og:title" content="{esc(title)}">
	<meta property="og:url" content="{esc(path)}">{og_image}
	<title>{esc(title)} - {esc(self.info.portal)}</title>
	<link href="{esc(path)}" rel="canonical">
	<link href="{b}/media/templates/site/cassiopeia/images/favicon.ico" rel="alternate icon" type="image/vnd.microsoft.icon">
	<link href="{b}/media/templates/site/cassiopeia/css/template.min.css?4a0b2c" rel="stylesheet">
	<script type="application/json" class="joomla-script-options new">{{"system.paths":{{"root":"{b}","rootFull":"{b}/","base":"{b}","baseFull":"{b}/"}},"csrf.token":"5d3f0c1a9e7b2d4c6a8e0f1b3d5c7e9a"}}</script>
	<script src="{b}/media/system/js/core.min.js?37ffe4"></script>
</head>

<body class="site com_content wrapper-static view-{body_class} no-task itemid-102 has-sidebar-right">
"""

    def _top(self, active: str) -> str:
        b = self.base
        current = ' aria-current="page"'
        items = "".join(
            f'<li class="nav-item item-{iid}{" default" if not slug else ""}{" current active" if slug == active else ""}">'
            f'<a href="{b}/index.php{"/" + slug if slug else ""}"{current if slug == active else ""}>{esc(label)}</a></li>'
            for slug, label, iid in MENU
        )
        return f"""	<header class="header container-header full-width">
		<div class="container-topbar">
			<div class="moduletable "><span class="mod-date">{weekday_vi(SNAPSHOT_DAY)}, ngày {SNAPSHOT_DAY.day} tháng {SNAPSHOT_DAY.month} năm {SNAPSHOT_DAY.year}</span> | Đường dây nóng: <a href="tel:{self.info.phone.replace(" ", "").replace("(", "").replace(")", "")}">{esc(self.info.phone)}</a></div>
		</div>
		<div class="grid-child">
			<div class="navbar-brand"><a class="brand-logo" href="{b}/"><img loading="eager" decoding="async" src="{b}/images/banners/banner-phuong25.jpg" alt="{esc(self.info.portal)}" width="1000" height="120"></a></div>
		</div>
		<div class="grid-child container-nav">
			<nav class="navbar navbar-expand-lg" aria-label="Main Menu">
				<button class="navbar-toggler navbar-toggler-right" type="button" data-bs-toggle="collapse" data-bs-target="#navbar1" aria-controls="navbar1" aria-expanded="false" aria-label="Bật/tắt điều hướng"><span class="icon-menu" aria-hidden="true"></span></button>
				<div class="collapse navbar-collapse" id="navbar1"><ul class="mod-menu mod-list nav ">{items}</ul></div>
			</nav>
			<div class="container-search">
				<form class="mod-finder js-finder-searchform form-search" action="{b}/index.php/component/finder/search" method="get" role="search">
					<label for="mod-finder-searchword" class="visually-hidden finder">Tìm kiếm</label><input type="text" name="q" id="mod-finder-searchword" class="js-finder-search-query form-control" value="" placeholder="Tìm kiếm...">
				</form>
			</div>
		</div>
	</header>

	<div class="site-grid">
"""

    def _breadcrumbs(self, trail: list[tuple[str, str]]) -> str:
        items = []
        for i, (href, label) in enumerate(trail, 1):
            last = i == len(trail)
            inner = (
                f'<span itemprop="name">{esc(label)}</span>'
                if last
                else f'<a itemprop="item" href="{href}" class="pathway"><span itemprop="name">{esc(label)}</span></a>'
            )
            items.append(
                f'<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem" class="mod-breadcrumbs__item breadcrumb-item{" active" if last else ""}">{inner}<meta itemprop="position" content="{i}"></li>'
            )
        return (
            f'\t\t\t<nav class="mod-breadcrumbs__wrapper" aria-label="Breadcrumbs"><ol itemscope itemtype="https://schema.org/BreadcrumbList" class="mod-breadcrumbs breadcrumb px-3 py-2">'
            f'<li class="mod-breadcrumbs__here float-start">Bạn đang ở: &#160;</li>{"".join(items)}</ol></nav>\n'
        )

    def _sidebar(self, sidebar: Sidebar) -> str:
        b = self.base
        latest = "\n".join(
            f'<li itemscope itemtype="https://schema.org/Article"><a href="{r.url}" itemprop="url"><span itemprop="name">{esc(r.title)}</span></a>'
            f'<span class="mod-articles-category-date">{ddmmyyyy(r.when)}</span></li>'
            for r in sidebar.latest[:5]
        )
        popular = "\n".join(
            f'<li itemscope itemtype="https://schema.org/Article"><a href="{r.url}" itemprop="url"><span itemprop="name">{esc(r.title)}</span></a> <span class="hits">({r.views})</span></li>'
            for r in sidebar.popular
        )
        return f"""		<div class="grid-child container-sidebar-right">
			<div class="sidebar-right card ">
				<h3 class="card-header ">Tin mới nhất</h3>
				<div class="card-body"><ul class="mod-articleslatest latestnews mod-list">
{latest}
				</ul></div>
			</div>
			<div class="sidebar-right card ">
				<h3 class="card-header ">Tin xem nhiều</h3>
				<div class="card-body"><ul class="mod-articlespopular mostread mod-list">
{popular}
				</ul></div>
			</div>
			<div class="sidebar-right card moduletable">
				<h3 class="card-header ">Liên kết</h3>
				<div class="card-body"><div class="mod-custom custom">
					<p><a href="{OFFSITE}/binhthanh/" target="_blank" rel="noopener noreferrer">Cổng thông tin điện tử quận Bình Thạnh</a></p>
					<p><a href="{b}/images/van-ban/bang-gia-dich-vu-cong-2024.pdf" target="_blank">Danh mục thủ tục hành chính cấp phường (PDF)</a></p>
					<p>Góp ý: <a href="mailto:{self.info.email}">{esc(self.info.email)}</a></p>
					<p><a href="javascript:void(0)" onclick="document.getElementById('mod-finder-searchword').focus()">Tra cứu hồ sơ</a></p>
				</div></div>
			</div>
			<div class="sidebar-right card moduletable"><div class="card-body">Đang truy cập: 41<br>Tổng lượt truy cập: 1.204.388</div></div>
		</div>
	</div>
"""

    def _footer(self) -> str:
        info = self.info
        return f"""
	<footer class="container-footer footer full-width">
		<div class="grid-child">
			<div class="mod-custom custom">
				<p><strong>{esc(info.portal.upper())}</strong></p>
				<p>Cơ quan chủ quản: {esc(info.owner)}. {esc(info.license)}.</p>
				<p>Địa chỉ: {esc(info.address)}. Điện thoại: {esc(info.phone)} - Fax: {esc(info.fax)}</p>
				<p>Bản quyền © 2018 {esc(info.owner)}.</p>
			</div>
		</div>
	</footer>
	<a href="#top" id="back-top" class="back-to-top-link" aria-label="Lên đầu trang"><span class="icon-arrow-up icon-fw" aria-hidden="true"></span></a>
</body>
</html>
"""

    def _info(self, when, views: int | None, author: bool) -> str:
        utc = when - timedelta(hours=7)
        parts = ['<dt class="article-info-term">Chi tiết</dt>']
        if author:
            parts.append(
                '<dd class="createdby" itemprop="author" itemscope itemtype="https://schema.org/Person">'
                '<span class="icon-user icon-fw" aria-hidden="true"></span> Viết bởi: <span itemprop="name">Super User</span></dd>'
            )
            parts.append(
                f'<dd class="category-name"><span class="icon-folder-open icon-fw" aria-hidden="true"></span> Danh mục: '
                f'<a href="{self.section}" itemprop="genre">{esc(self.info.category)}</a></dd>'
            )
        parts.append(
            f'<dd class="published"><span class="icon-calendar icon-fw" aria-hidden="true"></span>'
            f'<time datetime="{utc:%Y-%m-%dT%H:%M:00+00:00}" itemprop="datePublished">Ngày đăng: {vi_date(when)}</time></dd>'
        )
        if views is not None:
            parts.append(
                f'<dd class="hits"><span class="icon-eye icon-fw" aria-hidden="true"></span>'
                f'<meta itemprop="interactionCount" content="UserPageVisits:{views}">Lượt xem: {views}</dd>'
            )
        return f'<dl class="article-info text-muted">{"".join(parts)}</dl>'

    # Pages -----------------------------------------------------------------------------
    def render_listing(
        self, rows: list[Row], page: int, pages: int, total: int, sidebar: Sidebar
    ) -> str:
        items = []
        for r in rows:
            figure = (
                f'<figure class="left item-image"><a href="{r.url}" itemprop="url" title="{esc(r.title)}">'
                f'<img src="{r.thumb}" itemprop="thumbnailUrl" alt="" width="800" height="500" loading="lazy"></a></figure>'
                if r.thumb
                else ""
            )
            items.append(f"""
				<div class="com-content-category-blog__item blog-item" itemprop="blogPost" itemscope itemtype="https://schema.org/BlogPosting">
					{figure}
					<div class="item-content">
						<div class="page-header"><h2 itemprop="name"><a href="{r.url}" itemprop="url">{esc(r.title)}</a></h2></div>
						{self._info(r.when, None, False)}
						<p>{esc(r.abstract)}</p>
						<p class="readmore"><a class="btn btn-secondary" href="{r.url}" aria-label="Chi tiết: {esc(r.title)}"><span class="icon-chevron-right" aria-hidden="true"></span> Chi tiết...</a></p>
					</div>
				</div>""")

        def link(label: str, target: int | None, aria: str, active: bool = False) -> str:
            if active:
                return f'<li class="active page-item"><a aria-current="true" aria-label="Trang {target}" href="#" class="page-link">{label}</a></li>'
            if target is None:
                return f'<li class="disabled page-item"><span class="page-link" aria-hidden="true">{label}</span></li>'
            href = (
                f"{self.section}?start=0"
                if target == 1 and aria == "Đi tới trang đầu"
                else self.listing_path(target)
            )
            return f'<li class="page-item"><a aria-label="{aria}" title="{aria.replace("Đi tới ", "").capitalize()}" href="{href}" class="page-link">{label}</a></li>'

        nav = [
            link("«", 1 if page > 1 else None, "Đi tới trang đầu"),
            link("Trang trước", page - 1 if page > 1 else None, "Đi tới trang trước"),
        ]
        nav += [link(str(n), n, f"Đi tới trang {n}", n == page) for n in range(1, pages + 1)]
        nav += [
            link("Trang sau", page + 1 if page < pages else None, "Đi tới trang sau"),
            link("»", pages if page < pages else None, "Đi tới trang cuối"),
        ]
        path = self.listing_path(page)
        return (
            self._head(
                self.info.category,
                path,
                f"{self.info.category} - {self.info.portal}",
                "category layout-blog",
            )
            + self._top("tin-tuc")
            + f"""		<div class="grid-child container-component">
{self._breadcrumbs([(f"{self.base}/", "Trang chủ"), (self.section, self.info.category)])}
			<main>
			<div class="com-content-category-blog blog" itemscope itemtype="https://schema.org/Blog">
				<h1>{esc(self.info.category)}</h1>
				<div class="com-content-category-blog__items blog-items ">{"".join(items)}
				</div>
				<div class="com-content-category-blog__navigation w-100">
					<p class="com-content-category-blog__counter counter float-end pt-3 pe-2">Trang {page} / {pages}</p>
					<div class="com-content-category-blog__pagination"><nav class="pagination__wrapper" aria-label="Phân trang"><ul class="pagination ms-0 mb-4">{"".join(nav)}</ul></nav></div>
				</div>
			</div>
			</main>
		</div>
"""
            + self._sidebar(sidebar)
            + self._footer()
        )

    def p_html(self, block: Block, story: Story) -> str:
        return f'<p style="text-align: justify;">{text_html(block.text)}</p>'

    def img_html(self, block: Block, src: str) -> str:
        return (
            f'<p style="text-align: center;"><img src="{src}" alt="{esc(block.text[:60])}" width="700" height="438" loading="lazy"></p>\n'
            f'<p style="text-align: center;"><span style="font-size: 10pt;"><em>{text_html(block.text)}</em></span></p>'
        )

    def table_html(self, block: Block) -> str:
        return (
            super()
            .table_html(block)
            .replace('<table border="1"', '<table class="table table-bordered" border="1"')
        )

    def byline_html(self, byline) -> str:
        return (
            f'<p style="text-align: right;"><em><strong>{text_html(byline.raw)}</strong></em></p>'
        )

    def render_article(
        self,
        story: Story,
        url: str,
        others: list[Row],
        sidebar: Sidebar,
        images: list[str],
        files: list[str],
    ) -> str:
        nav = ""
        if others:
            nav = (
                f'<nav class="pagenavigation" aria-label="Page Navigation"><span class="pagination ms-0">'
                f'<a class="btn btn-sm btn-secondary previous" href="{others[0].url}" rel="prev"><span class="visually-hidden">Bài trước: {esc(others[0].title)}</span>'
                f'<span class="icon-chevron-left" aria-hidden="true"></span> <span aria-hidden="true">Trước</span></a>'
                f'<a class="btn btn-sm btn-secondary next" href="{others[-1].url}" rel="next"><span class="visually-hidden">Bài tiếp: {esc(others[-1].title)}</span>'
                f'<span aria-hidden="true">Tiếp</span> <span class="icon-chevron-right" aria-hidden="true"></span></a></span></nav>'
            )
        tags = "".join(
            f'<li class="list-inline-item tag-list0" itemprop="keywords"><span class="btn btn-sm btn-info">{esc(t)}</span></li>'
            for t in story.tags
        )
        body = self.body_html(story, images, files)
        description = " ".join(story.lead.replace("\xa0", " ").split())[:160]
        return (
            self._head(
                story.title, url, description, "article", images[0] if images else "", "article"
            )
            + self._top("tin-tuc")
            + f"""		<div class="grid-child container-component">
{self._breadcrumbs([(f"{self.base}/", "Trang chủ"), (self.section, self.info.category), (url, story.title)])}
			<main>
			<div class="com-content-article item-page" itemscope itemtype="https://schema.org/Article">
				<meta itemprop="inLanguage" content="vi-VN">
				<div class="page-header"><h1 itemprop="headline">{esc(story.title)}</h1></div>
				{self._info(story.published, story.views, True)}
				<div itemprop="articleBody" class="com-content-article__body">
{body}
				</div>
				<ul class="tags list-inline">{tags}</ul>
				{nav}
			</div>
			</main>
		</div>
"""
            + self._sidebar(sidebar)
            + self._footer()
        )

    def render_stub(self, stub: Stub, sidebar: Sidebar, rows: list[Row]) -> str:
        if stub.kind == "home":
            inner = "\n".join(
                f'<div class="blog-item"><div class="page-header"><h2><a href="{r.url}">{esc(r.title)}</a></h2></div>'
                f"{self._info(r.when, None, False)}</div>"
                for r in rows[:5]
            )
        else:
            inner = "\n".join(f"<p>{esc(t)}</p>" for t in stub.paragraphs)
        active = stub.path.rsplit("/", 1)[-1] if "/index.php/" in stub.path else ""
        return (
            self._head(stub.title, stub.path, f"{stub.title} - {self.info.portal}", "article")
            + self._top(active)
            + f"""		<div class="grid-child container-component">
{self._breadcrumbs([(f"{self.base}/", "Trang chủ"), (stub.path, stub.title)])}
			<main>
			<div class="com-content-article item-page">
				<div class="page-header"><h1>{esc(stub.title)}</h1></div>
				<div class="com-content-article__body">{inner}</div>
			</div>
			</main>
		</div>
"""
            + self._sidebar(sidebar)
            + self._footer()
        )
