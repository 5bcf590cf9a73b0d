"""Liferay 6.2 district portal in the style the Hanoi district portals share.

Listing: an asset publisher (`101_INSTANCE_...`) with a custom list template and the stock
`taglib-page-iterator` / `lfr-pagination` pager whose links carry the whole portlet query
string. Article: a custom "content viewer" portlet mapped to `/-/view_content/<id>-<slug>.html`.
"""

from __future__ import annotations

import zlib
from datetime import datetime

from mirror.content import Block, Story
from mirror.render.base import Renderer, Sidebar, Stub
from mirror.render.common import (
    OFFSITE,
    SNAPSHOT_DAY,
    Row,
    ddmmyyyy,
    esc,
    text_html,
    weekday_vi,
)

__all__ = ["LiferayRenderer"]

AP = "101_INSTANCE_k9VbXq2mR3Tz"  # asset publisher of the section page
VC = "hanoicontentviewer_WAR_hanoiportalportlet_INSTANCE_Lw4sP0aZ9qKe"
THEME = "hanoitheme_WAR_hanoitheme"
STAMP = "1514190125000"

MENU = [
    ("trang-chu", "Trang chủ", []),
    ("gioi-thieu", "Giới thiệu", [("gioi-thieu", "Tổng quan"), ("so-do-to-chuc", "Sơ đồ tổ chức")]),
    (
        "tin-tuc-su-kien",
        "Tin tức - Sự kiện",
        [
            ("tin-tuc-su-kien", "Tin hoạt động của quận"),
            ("hoat-dong-cac-phuong1", "Hoạt động các phường"),
            ("thong-bao", "Thông báo"),
        ],
    ),
    ("van-ban-chi-dao-dieu-hanh", "Văn bản chỉ đạo điều hành", []),
    ("thu-tuc-hanh-chinh", "Thủ tục hành chính", []),
    ("hoi-dap", "Hỏi đáp", []),
    ("lien-he", "Liên hệ", []),
]


class LiferayRenderer(Renderer):
    """Cổng giao tiếp điện tử quận Hai Bà Trưng, Liferay 6.2 CE."""

    family = "liferay"

    # URL scheme ------------------------------------------------------------------------
    @property
    def section(self) -> str:
        return f"{self.info.prefix}/hoat-dong-cac-phuong1"

    def listing_path(self, page: int) -> str:
        if page == 1:
            return self.section
        return self._page_url(page)

    def _page_url(self, page: int) -> str:
        return (
            f"{self.section}?p_p_id={AP}&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view"
            f"&p_p_col_id=column-1&p_p_col_count=2&_{AP}_delta=10&_{AP}_keywords="
            f"&_{AP}_advancedSearch=false&_{AP}_andOperator=true"
            f"&p_r_p_564233524_resetCur=false&_{AP}_cur={page}"
        )

    def listing_aliases(self, page: int) -> list[str]:
        return [self._page_url(1)] if page == 1 else []

    def article_path(self, story: Story) -> str:
        return f"{self.section}/-/view_content/{story.key}-{story.slug}.html"

    def image_url(self, story: Story, index: int) -> str:
        return f"{self.info.prefix}/documents/10180/{story.key}/anh{index + 1}.jpg"

    def thumb_url(self, story: Story, has_photo: bool) -> str:
        if not has_photo:
            return f"{self.info.prefix}/hanoi-theme/images/common/no-image.jpg"
        # Liferay stamps image URLs with the upload time in epoch milliseconds (UTC).
        stamp = (
            int((story.published - datetime(1970, 1, 1)).total_seconds() * 1000) - 25200000 + 41000
        )
        return f"{self.info.prefix}/image/journal/article?img_id={story.key + 4}&t={stamp}"

    def file_url(self, story: Story, stem: str) -> str:
        return f"{self.info.prefix}/documents/10180/{story.key}/{stem}.pdf"

    def stubs(self) -> list[Stub]:
        p = self.info.prefix
        return [
            Stub(f"{p}/trang-chu", "Trang chủ", [], "home"),
            Stub(
                f"{p}/gioi-thieu",
                "Tổng quan",
                [
                    "Quận Hai Bà Trưng được thành lập ngày 31/5/1961, nằm ở phía Đông Nam thành "
                    "phố Hà Nội, có diện tích tự nhiên khoảng 10,26 km², dân số hơn 300.000 người.",
                    "Quận có 20 phường: Bách Khoa, Bạch Đằng, Bạch Mai, Bùi Thị Xuân, Cầu Dền, "
                    "Đống Mác, Đồng Nhân, Đồng Tâm, Lê Đại Hành, Minh Khai, Ngô Thì Nhậm, Nguyễn Du, "
                    "Phạm Đình Hổ, Phố Huế, Quỳnh Lôi, Quỳnh Mai, Thanh Lương, Thanh Nhàn, Trương "
                    "Định và Vĩnh Tuy.",
                    "Trên địa bàn quận có nhiều trường đại học, bệnh viện lớn như Đại học Bách khoa "
                    "Hà Nội, Đại học Kinh tế Quốc dân, Bệnh viện Bạch Mai, Bệnh viện Việt Nam - Cu Ba.",
                ],
            ),
            Stub(
                f"{p}/so-do-to-chuc",
                "Sơ đồ tổ chức",
                ["Đang cập nhật sơ đồ tổ chức của UBND quận và các phòng, ban chuyên môn."],
            ),
            Stub(
                f"{p}/tin-tuc-su-kien",
                "Tin hoạt động của quận",
                ["Chuyên mục đang được cập nhật."],
                "section",
            ),
            Stub(
                f"{p}/thong-bao",
                "Thông báo",
                [
                    "Thông báo lịch tiếp công dân của lãnh đạo UBND quận: thứ Năm hằng tuần tại Trụ "
                    "sở tiếp công dân quận, số 30 Lê Đại Hành."
                ],
                "section",
            ),
            Stub(
                f"{p}/van-ban-chi-dao-dieu-hanh",
                "Văn bản chỉ đạo điều hành",
                ["Chuyên mục đang được cập nhật."],
                "section",
            ),
            Stub(
                f"{p}/thu-tuc-hanh-chinh",
                "Thủ tục hành chính",
                ["Tra cứu thủ tục hành chính tại Cổng dịch vụ công thành phố Hà Nội."],
                "section",
            ),
            Stub(f"{p}/hoi-dap", "Hỏi đáp", ["Chuyên mục đang được cập nhật."], "section"),
            Stub(
                f"{p}/lien-he",
                "Liên hệ",
                [
                    f"Địa chỉ: {self.info.address}",
                    f"Điện thoại: {self.info.phone}",
                    f"Fax: {self.info.fax}",
                    f"Email: {self.info.email}",
                ],
            ),
            Stub(f"{p}/admin/", "Đăng nhập", ["Đăng nhập hệ thống quản trị nội dung."], "login"),
        ]

    def documents(self) -> list[tuple[str, str]]:
        return [
            (
                f"{self.info.prefix}/documents/10180/0/lich-tiep-cong-dan-quy-IV.pdf",
                "Lịch tiếp công dân của lãnh đạo UBND quận quý IV",
            )
        ]

    def assets(self) -> dict[str, str]:
        p = self.info.prefix
        return {
            f"{p}/hanoi-theme/css/main.css?browserId=other&themeId={THEME}&minifierType=css&languageId=vi_VN&b=6210&t={STAMP}": "liferay.css",
            f"{p}/html/js/barebone.jsp?browserId=other&themeId={THEME}&colorSchemeId=01&minifierType=js&minifierBundleId=javascript.barebone.files&languageId=vi_VN&b=6210&t={STAMP}": "liferay.js",
            f"{p}/image/company_logo?img_id=10166&t={STAMP}": "banner:haibatrung",
            f"{p}/hanoi-theme/images/favicon.ico": "favicon",
            f"{p}/hanoi-theme/images/common/no-image.jpg": "photo:10",
        }

    # Page frame ------------------------------------------------------------------------
    def _head(
        self,
        title: str,
        path: str,
        description: str,
        og_type: str = "website",
        image: str = "",
        keywords: str = "",
    ) -> str:
        p = self.info.prefix
        og_image = f'\n<meta property="og:image" content="{esc(image)}" />' if image else ""
        kw = (
            f'\n<meta content="{esc(keywords)}" lang="vi-VN" name="keywords" />' if keywords else ""
        )
        return f"""<!DOCTYPE html>

<html class="aui ltr" dir="ltr" lang="vi-VN">

<head>
	<title>{esc(title)} - {esc(self.info.portal)}</title>

	<meta content="initial-scale=1.0, width=device-width" name="viewport" />
<meta content="text/html; charset=UTF-8" http-equiv="content-type" />
<meta content="{esc(description)}" lang="vi-VN" name="description" />{kw}
<meta property="og:site_name" content="{esc(self.info.portal)}" />
<meta property="og:type" content="{og_type}" />
<meta property="og:title" content="{esc(title)}" />
<meta property="og:description" content="{esc(description)}" />
<meta property="og:url" content="{esc(path)}" />{og_image}
<link href="{p}/hanoi-theme/images/favicon.ico" rel="Shortcut Icon" />
<link href="{esc(path)}" rel="canonical" />
<link class="lfr-css-file" href="{p}/hanoi-theme/css/main.css?browserId=other&amp;themeId={THEME}&amp;minifierType=css&amp;languageId=vi_VN&amp;b=6210&amp;t={STAMP}" rel="stylesheet" type="text/css" />
<script type="text/javascript">
	// <![CDATA[
		var Liferay = {{
			Browser: {{ acceptsGzip: function() {{ return true; }}, getMajorVersion: function() {{ return 0; }} }},
			Data: {{ NAV_SELECTOR: '#navigation', isCustomizationView: function() {{ return false; }}, notices: [null] }},
			ThemeDisplay: {{
				getLayoutId: function() {{ return "57"; }},
				getLayoutURL: function() {{ return "{p}/hoat-dong-cac-phuong1"; }},
				getParentLayoutId: function() {{ return "12"; }},
				isPrivateLayout: function() {{ return "false"; }},
				getCompanyId: function() {{ return "10154"; }},
				getCompanyGroupId: function() {{ return "10194"; }},
				getDefaultLanguageId: function() {{ return "vi_VN"; }},
				getLanguageId: function() {{ return "vi_VN"; }},
				getPathContext: function() {{ return "{p}"; }},
				getPathImage: function() {{ return "{p}/image"; }},
				getPathMain: function() {{ return "{p}/c"; }},
				getPathThemeImages: function() {{ return "{p}/hanoi-theme/images"; }},
				getPlid: function() {{ return "24807"; }},
				getScopeGroupId: function() {{ return "10180"; }},
				getSessionId: function() {{ return ""; }},
				getUserId: function() {{ return "10158"; }},
				isSignedIn: function() {{ return false; }}
			}},
			PropsValues: {{ NTLM_AUTH_ENABLED: false }}
		}};
		var themeDisplay = Liferay.ThemeDisplay;
		Liferay.AUI = {{ getCombine: function() {{ return true; }}, getComboPath: function() {{ return "{p}/combo/?browserId=other&minifierType=&languageId=vi_VN&b=6210&t={STAMP}&"; }} }};
		Liferay.authToken = 'hQx3Rt9B';
		Liferay.currentURL = '{esc(path)}';
	// ]]>
</script>
<script src="{p}/html/js/barebone.jsp?browserId=other&amp;themeId={THEME}&amp;colorSchemeId=01&amp;minifierType=js&amp;minifierBundleId=javascript.barebone.files&amp;languageId=vi_VN&amp;b=6210&amp;t={STAMP}" type="text/javascript"></script>
</head>
"""

    def _top(self, active: str) -> str:
        p = self.info.prefix
        today = SNAPSHOT_DAY
        items = []
        for i, (slug, label, children) in enumerate(MENU, 1):
            selected = (
                ' class="selected"'
                if slug == active or any(c == active for c, _ in children)
                else ""
            )
            sub = ""
            if children:
                sub = (
                    '<ul class="child-menu" role="menu">'
                    + "".join(
                        f'<li class="" id="layout_{i}{j}" role="presentation"><a href="{p}/{c}" role="menuitem">{esc(lbl)}</a></li>'
                        for j, (c, lbl) in enumerate(children, 1)
                    )
                    + "</ul>"
                )
            items.append(
                f'<li{selected} id="layout_{i}" role="presentation"><a aria-labelledby="layout_{i}" '
                f'aria-haspopup="{"true" if children else "false"}" href="{p}/{slug}" role="menuitem">'
                f"<span> {esc(label)}</span></a>{sub}</li>"
            )
        return f"""
<body class=" yui3-skin-sam controls-visible signed-out public-page site">

<a href="#main-content" id="skip-to-content">Bỏ qua nội dung</a>

<div class="container-fluid" id="wrapper">
	<div id="hn-topbar" class="clearfix">
		<div class="hn-today"><span class="hn-weekday">{weekday_vi(today)}, {ddmmyyyy(today)}</span>
		<span class="hn-weather">{esc(self.info.city_weather)} <b>18°C</b> - Nhiều mây, không mưa</span></div>
		<div class="hn-toplinks">
			<a href="{p}/trang-chu">Trang chủ</a> | <a href="javascript:void(0)" onclick="hnSiteMap()">Sơ đồ cổng</a> |
			<a href="mailto:{self.info.email}">Hộp thư góp ý</a> | <a href="{p}/admin/">Đăng nhập</a> |
			<a href="javascript:void(0)" class="hn-lang" data-lang="en_US">English</a>
		</div>
	</div>

	<header id="banner" role="banner">
		<div id="heading">
			<h1 class="site-title">
				<a class="logo custom-logo" href="{p}/trang-chu" title="Đi tới {esc(self.info.portal)}">
					<img alt="{esc(self.info.portal)}" height="120" src="{p}/image/company_logo?img_id=10166&amp;t={STAMP}" width="1000" />
				</a>
			</h1>
		</div>

		<nav class="sort-pages modify-pages" id="navigation" role="navigation">
			<h1><span>Điều hướng</span></h1>
			<ul aria-label="Trang Site" role="menubar">
				{"".join(items)}
			</ul>
		</nav>
	</header>

	<div id="content">
"""

    def _sidebar(self, sidebar: Sidebar) -> str:
        p = self.info.prefix
        latest = "\n".join(
            f'<li><a href="{r.url}" title="{esc(r.title)}">{esc(r.title)}</a> <span class="hn-date">({ddmmyyyy(r.when)})</span></li>'
            for r in sidebar.latest
        )
        popular = "\n".join(
            f'<li><span class="hn-rank">{i}</span><a href="{r.url}">{esc(r.title)}</a><span class="hn-views">{r.views} lượt xem</span></li>'
            for i, r in enumerate(sidebar.popular, 1)
        )
        return f"""
		<div class="portlet-column portlet-column-last span4" id="column-2">
			<div class="portlet-dropzone portlet-column-content portlet-column-content-last" id="layout-column_column-2">
				<div class="portlet-boundary portlet-boundary_3_ portlet-static portlet-static-end portlet-borderless portlet-search " id="p_p_id_3_">
					<span id="p_3"></span>
					<div class="portlet-borderless-container" style="">
						<div class="portlet-body">
							<form action="{p}/tim-kiem" method="get" name="_3_fm" class="hn-search-form">
								<input name="_3_keywords" placeholder="Tìm kiếm..." size="30" title="Tìm kiếm" type="text" value="" />
								<button type="submit" class="btn">Tìm</button>
							</form>
						</div>
					</div>
				</div>
				<div class="portlet-boundary portlet-boundary_101_ portlet-static portlet-static-end portlet-asset-publisher hn-box-latest" id="p_p_id_101_INSTANCE_T1nM01Pq7xWe_">
					<span id="p_101_INSTANCE_T1nM01Pq7xWe"></span>
					<section class="portlet" id="portlet_101_INSTANCE_T1nM01Pq7xWe">
						<header class="portlet-topper"><h1 class="portlet-title"><span class="portlet-title-text">Tin mới</span></h1></header>
						<div class="portlet-content"><div class=" portlet-content-container" style=""><div class="portlet-body">
							<ul class="hn-list-latest">
{latest}
							</ul>
						</div></div></div>
					</section>
				</div>
				<div class="portlet-boundary portlet-boundary_101_ portlet-static portlet-static-end portlet-asset-publisher hn-box-popular" id="p_p_id_101_INSTANCE_dOcNh13uZz8c_">
					<span id="p_101_INSTANCE_dOcNh13uZz8c"></span>
					<section class="portlet" id="portlet_101_INSTANCE_dOcNh13uZz8c">
						<header class="portlet-topper"><h1 class="portlet-title"><span class="portlet-title-text">Tin đọc nhiều</span></h1></header>
						<div class="portlet-content"><div class=" portlet-content-container" style=""><div class="portlet-body">
							<ol class="hn-list-popular">
{popular}
							</ol>
						</div></div></div>
					</section>
				</div>
				<div class="portlet-boundary portlet-boundary_56_ portlet-static portlet-static-end portlet-journal-content hn-box-links" id="p_p_id_56_INSTANCE_LkW3bs1te9Xa_">
					<span id="p_56_INSTANCE_LkW3bs1te9Xa"></span>
					<section class="portlet" id="portlet_56_INSTANCE_LkW3bs1te9Xa">
						<header class="portlet-topper"><h1 class="portlet-title"><span class="portlet-title-text">Văn bản mới</span></h1></header>
						<div class="portlet-content"><div class="journal-content-article">
							<p><a href="{p}/documents/10180/0/lich-tiep-cong-dan-quy-IV.pdf" target="_blank">Lịch tiếp công dân của lãnh đạo UBND quận</a> <span class="hn-date">(01/10/2024)</span></p>
							<p>Đường dây nóng: <a href="tel:02439781546">024.3978.1546</a></p>
							<p><a href="{OFFSITE}/cong-thanh-pho/vi-vn" target="_blank">Cổng giao tiếp điện tử thành phố Hà Nội</a></p>
							<p><a href="{OFFSITE}/dich-vu-cong/" target="_blank" rel="nofollow">Cổng dịch vụ công trực tuyến</a></p>
						</div></div>
					</section>
				</div>
				<div class="portlet-boundary portlet-boundary_hitcounter_WAR_hanoiportalportlet_ portlet-static hn-box-counter" id="p_p_id_hitcounter_WAR_hanoiportalportlet_">
					<div class="hn-counter">Thống kê truy cập<br />Đang truy cập: <b>127</b><br />Tổng lượt truy cập: <b>8.902.451</b></div>
				</div>
			</div>
		</div>
"""

    def _footer(self) -> str:
        info = self.info
        return f"""
	</div>

	<footer id="footer" role="contentinfo">
		<div class="hn-footer">
			<p class="hn-footer-title"><strong>{esc(info.portal.upper())}</strong></p>
			<p>Cơ quan chủ quản: {esc(info.owner)}</p>
			<p>Địa chỉ: {esc(info.address)}</p>
			<p>Điện thoại: <a href="tel:{info.phone.replace(" ", "").replace("(", "").replace(")", "").replace(".", "")}">{esc(info.phone)}</a> - Fax: {esc(info.fax)} - Email: <a href="mailto:{info.email}">{esc(info.email)}</a></p>
			<p>{esc(info.license)}</p>
			<p>Bản quyền © 2017 {esc(info.owner)}. Ghi rõ nguồn “{esc(info.portal)}” khi phát hành lại thông tin từ Cổng.</p>
		</div>
	</footer>
</div>

<script type="text/javascript">
	// <![CDATA[
	AUI().use('aui-base', 'liferay-menu', 'liferay-notice', 'liferay-poller', function(A) {{
		(function() {{ Liferay.Util.addInputType(); Liferay.Portlet.ready(function(portletId, node) {{ Liferay.Util.addInputType(node); }}); }})();
	}});
	// ]]>
</script>
<script src="{self.info.prefix}/hanoi-theme/js/main.js?browserId=other&amp;minifierType=js&amp;languageId=vi_VN&amp;b=6210&amp;t={STAMP}" type="text/javascript"></script>
</body>

</html>
"""

    def _breadcrumb(self, trail: list[tuple[str, str]]) -> str:
        items = []
        for i, (href, label) in enumerate(trail):
            cls = (
                "first"
                if i == 0
                else ("current-parent breadcrumb-truncate" if i == len(trail) - 1 else "")
            )
            divider = '<span class="divider">/</span>' if i < len(trail) - 1 else ""
            items.append(f'<li class="{cls}"><a href="{href}">{esc(label)}</a>{divider}</li>')
        return f"""
				<div class="portlet-boundary portlet-boundary_73_ portlet-static portlet-static-end portlet-borderless portlet-breadcrumb " id="p_p_id_73_INSTANCE_bR3adCrumb01_">
					<span id="p_73_INSTANCE_bR3adCrumb01"></span>
					<div class="portlet-borderless-container" style=""><div class="portlet-body">
						<ul aria-label="Breadcrumb" class="breadcrumb breadcrumb-horizontal">{"".join(items)}</ul>
					</div></div>
				</div>"""

    def _main_open(self) -> str:
        return """
		<div class="portlet-layout row-fluid" id="main-content" role="main">
		<div class="portlet-column portlet-column-first span8" id="column-1">
			<div class="portlet-dropzone portlet-column-content portlet-column-content-first" id="layout-column_column-1">"""

    def _crumbs_section(self) -> list[tuple[str, str]]:
        p = self.info.prefix
        return [
            (f"{p}/trang-chu", "Trang chủ"),
            (f"{p}/tin-tuc-su-kien", "Tin tức - Sự kiện"),
            (self.section, self.info.category),
        ]

    # Pages -----------------------------------------------------------------------------
    def render_listing(
        self, rows: list[Row], page: int, pages: int, total: int, sidebar: Sidebar
    ) -> str:
        items = []
        for r in rows:
            items.append(f"""
							<div class="asset-abstract hn-news-item row-fluid">
								<div class="span3 asset-small-image hn-news-thumb"><a href="{r.url}"><img alt="{esc(r.title)}" src="{esc(r.thumb)}" /></a></div>
								<div class="span9 asset-content hn-news-info">
									<h3 class="asset-title hn-news-title"><a href="{r.url}" title="{esc(r.title)}">{esc(r.title)}</a></h3>
									<div class="asset-metadata hn-news-date"><i class="icon-time"></i> <span class="metadata-entry metadata-publish-date">{ddmmyyyy(r.when)}</span></div>
									<div class="asset-summary hn-news-abstract">{esc(r.abstract)}</div>
								</div>
							</div>""")
        first = (page - 1) * self.info.per_page + 1
        last = min(total, page * self.info.per_page)
        menu = "".join(
            f'<li class="" role="presentation"><a href="{esc(self._page_url(n))}" class=" taglib-icon" '
            f'id="_{AP}_ocerSearchContainerPageIterator_page_{n}" role="menuitem">'
            f'<span class="taglib-text-icon">{n}</span></a></li>'
            for n in range(1, pages + 1)
        )

        def btn(cls: str, label: str, target: int | None) -> str:
            if target is None:
                return f'<li class="disabled {cls}"><a href="javascript:;"> {label} </a></li>'
            return f'<li class="{cls}"><a href="{esc(self._page_url(target))}"> {label} </a></li>'

        pager = "".join(
            [
                btn("first", "&larr; Đầu", 1 if page > 1 else None),
                btn("", "Trang trước", page - 1 if page > 1 else None),
                btn("", "Trang sau", page + 1 if page < pages else None),
                btn("last", "Cuối &rarr;", pages if page < pages else None),
            ]
        )
        path = self.listing_path(page)
        title = self.info.category if page == 1 else f"{self.info.category} - Trang {page}"
        body = f"""{self._main_open()}{self._breadcrumb(self._crumbs_section())}
				<div class="portlet-boundary portlet-boundary_101_ portlet-static portlet-static-end portlet-borderless portlet-asset-publisher " id="p_p_id_{AP}_">
					<span id="p_{AP}"></span>
					<div class="portlet-borderless-container" style="">
						<div class="portlet-body">
							<div class="hn-category-title"><h2><a href="{self.section}">{esc(self.info.category)}</a></h2></div>
							<div class="hn-news-list">{"".join(items)}
							</div>
							<div class="taglib-page-iterator" id="_{AP}_ocerSearchContainerPageIterator">
								<div class="clearfix lfr-pagination">
									<div class="lfr-pagination-config">
										<div class="lfr-pagination-page-selector">
											<div class="btn-group lfr-icon-menu current-page-menu"><a class="dropdown-toggle direction-down max-display-items-15 btn" href="javascript:;" id="_{AP}_ocerSearchContainerPageIterator_menu" title="Trang {page} của {pages}"><span class="lfr-icon-menu-text">Trang {page} của {pages}</span> <i class="caret"></i></a>
											<ul class="dropdown-menu lfr-menu-list direction-down" role="menu">{menu}</ul></div>
										</div>
										<div class="lfr-pagination-delta-selector">
											<div class="btn-group lfr-icon-menu"><a class="dropdown-toggle direction-down max-display-items-15 btn" href="javascript:;" title="10 Các mục trên mỗi trang"><span class="lfr-icon-menu-text">10 Các mục trên mỗi trang</span> <i class="caret"></i></a></div>
										</div>
									</div>
									<small class="search-results">Hiển thị {first} - {last} của {total} kết quả.</small>
									<ul class="pager lfr-pagination-buttons">{pager}</ul>
								</div>
							</div>
						</div>
					</div>
				</div>
			</div>
		</div>"""
        description = f"{self.info.category} - {self.info.portal}"
        return (
            self._head(title, path, description)
            + self._top("hoat-dong-cac-phuong1")
            + body
            + self._sidebar(sidebar)
            + "\n		</div>"
            + self._footer()
        )

    def date_fields(self, story: Story) -> tuple[str, str]:
        when = story.published
        return f"Ngày đăng {ddmmyyyy(when)} | {when:%H:%M}", when.strftime(
            "%Y-%m-%dT%H:%M:00+07:00"
        )

    def p_html(self, block: Block, story: Story) -> str:
        indent = (
            "&nbsp; &nbsp; &nbsp; &nbsp;"
            if story.indent and not block.text.startswith("\xa0")
            else ""
        )
        return f'<p style="text-align: justify;">{indent}{text_html(block.text)}</p>'

    def img_html(self, block: Block, src: str) -> str:
        return (
            f'<p style="text-align: center;"><img alt="" src="{src}" style="width: 600px; height: 375px;" /></p>\n'
            f'<p style="text-align: center;"><em>{text_html(block.text)}</em></p>'
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
        date_line = self.date_fields(story)[0]
        other_items = "\n".join(
            f'<li><a href="{r.url}">{esc(r.title)}</a> <span class="hn-date">({ddmmyyyy(r.when)})</span></li>'
            for r in others
        )
        tags = ", ".join(f'<span class="hn-tag">{esc(t)}</span>' for t in story.tags)
        body = self.body_html(story, images, files)
        body = f"""{self._main_open()}{self._breadcrumb(self._crumbs_section())}
				<div class="portlet-boundary portlet-boundary_hanoicontentviewer_WAR_hanoiportalportlet_ portlet-static portlet-static-end portlet-borderless hanoi-content-viewer-portlet " id="p_p_id_{VC}_">
					<span id="p_{VC}"></span>
					<div class="portlet-borderless-container" style="">
						<div class="portlet-body">
							<div class="hn-viewcontent" id="_{VC}_article_{story.key}">
								<div class="hn-vc-category"><a href="{self.section}">{esc(self.info.category)}</a></div>
								<h1 class="hn-vc-title">{esc(story.title)}</h1>
								<div class="hn-vc-meta clearfix">
									<span class="hn-vc-date">{date_line}</span>
									<span class="hn-vc-tools">
										<a class="hn-vc-print" href="javascript:void(0)" onclick="window.print();">In bài viết</a>
										<a class="hn-vc-mail" href="mailto:?subject={esc(story.title)}">Gửi email</a>
										<a class="hn-vc-font" href="javascript:void(0)" data-size="+1">A+</a>
										<a class="hn-vc-font" href="javascript:void(0)" data-size="-1">A-</a>
									</span>
								</div>
								<div class="hn-vc-body journal-content-article" id="hn-vc-body-{story.key}">
{body}
								</div>
								<div class="hn-vc-footer clearfix">
									<span class="hn-vc-views">Lượt xem: {story.views}</span>
									<div class="hn-vc-share"><a class="hn-share-fb" href="javascript:void(0)" onclick="hnShare('facebook')">Chia sẻ Facebook</a> <a class="hn-share-zalo" href="javascript:void(0)" onclick="hnShare('zalo')">Zalo</a></div>
								</div>
								<div class="hn-vc-tags">Từ khóa: {tags}</div>
								<div class="hn-vc-others">
									<h3 class="hn-vc-others-title">Các tin khác</h3>
									<ul class="hn-vc-others-list">
{other_items}
									</ul>
									<div class="hn-vc-more"><a href="{self.section}">Xem tiếp &raquo;</a></div>
								</div>
							</div>
						</div>
					</div>
				</div>
			</div>
		</div>"""
        description = story.lead.replace("\xa0", " ").strip()[:200]
        image = images[0] if images else ""
        return (
            self._head(story.title, url, description, "article", image, ", ".join(story.tags))
            + self._top("hoat-dong-cac-phuong1")
            + body
            + self._sidebar(sidebar)
            + "\n		</div>"
            + self._footer()
        )

    def render_stub(self, stub: Stub, sidebar: Sidebar, rows: list[Row]) -> str:
        p = self.info.prefix
        if stub.kind == "login":
            inner = f"""
							<form action="{p}/admin/?p_p_id=58&amp;p_p_lifecycle=1&amp;p_p_state=maximized&amp;_58_struts_action=%2Flogin%2Flogin" class="form sign-in-form" method="post" name="_58_fm">
								<label for="_58_login">Địa chỉ email</label><input id="_58_login" name="_58_login" type="text" value="@hanoi.gov.vn" />
								<label for="_58_password">Mật khẩu</label><input id="_58_password" name="_58_password" type="password" value="" />
								<button class="btn btn-primary" type="submit">Đăng nhập</button>
							</form>"""
        elif stub.kind == "home":
            featured = "\n".join(
                f'<li><a href="{r.url}">{esc(r.title)}</a> <span class="hn-date">({ddmmyyyy(r.when)})</span></li>'
                for r in rows[:5]
            )
            inner = f"""
							<div class="hn-home-block"><h2><a href="{self.section}">{esc(self.info.category)}</a></h2>
							<ul class="hn-home-list">
{featured}
							</ul></div>"""
        else:
            inner = "\n".join(f"<p>{esc(t)}</p>" for t in stub.paragraphs)
        crumbs = [(f"{p}/trang-chu", "Trang chủ"), (stub.path, stub.title)]
        body = f"""{self._main_open()}{self._breadcrumb(crumbs)}
				<div class="portlet-boundary portlet-boundary_56_ portlet-static portlet-static-end portlet-journal-content " id="p_p_id_56_INSTANCE_StUb{zlib.crc32(stub.path.encode()) % 10000:04d}_">
					<section class="portlet">
						<header class="portlet-topper"><h1 class="portlet-title"><span class="portlet-title-text">{esc(stub.title)}</span></h1></header>
						<div class="portlet-content"><div class="journal-content-article">{inner}
						</div></div>
					</section>
				</div>
			</div>
		</div>"""
        active = stub.path.rstrip("/").rsplit("/", 1)[-1]
        return (
            self._head(stub.title, stub.path, f"{stub.title} - {self.info.portal}")
            + self._top(active)
            + body
            + self._sidebar(sidebar)
            + "\n		</div>"
            + self._footer()
        )
