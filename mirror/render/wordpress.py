"""WordPress 6.x ward site (a Twenty Seventeen child theme with Yoast SEO and Jetpack sharing).

Quirks worth a parser's attention: the visible date is day-only while `datetime` carries the
time; Yoast's `article:published_time` is in UTC; the post author is the account "admin",
not the byline; Jetpack puts its share buttons and related posts *inside* `.entry-content`,
after the byline paragraph; comments carry their own names and dates.
"""

from __future__ import annotations

import json
import random
import zlib
from datetime import datetime, timedelta

from mirror.content import Block, Story
from mirror.people import make_person
from mirror.render.base import Renderer, Sidebar, Stub
from mirror.render.common import (
    OFFSITE,
    SNAPSHOT_DAY,
    Row,
    ddmmyyyy,
    esc,
    slugify,
    text_html,
    weekday_vi,
)

__all__ = ["WordPressRenderer"]

COMMENTS = [
    "Phong trào rất thiết thực, mong phường duy trì thường xuyên.",
    "Cảm ơn các anh chị cán bộ phường đã vất vả vì dân.",
    "Đề nghị phường quan tâm thêm đến kiệt 45, trời mưa vẫn còn ngập.",
    "Hoạt động ý nghĩa, gia đình tôi sẽ tham gia vào đợt sau.",
    "Xin hỏi thủ tục đăng ký tham gia thì liên hệ ai ạ?",
]


def _utc(local: datetime) -> str:
    return (local - timedelta(hours=7)).strftime("%Y-%m-%dT%H:%M:%S+00:00")


class WordPressRenderer(Renderer):
    """Trang thông tin điện tử phường Thạch Thang, WordPress 6.4."""

    family = "wordpress"

    @property
    def base(self) -> str:
        return self.info.prefix

    def listing_path(self, page: int) -> str:
        return f"{self.base}/tin-tuc/" if page == 1 else f"{self.base}/tin-tuc/page/{page}/"

    def article_path(self, story: Story) -> str:
        return f"{self.base}/{story.slug}/"

    def _upload(self, story: Story) -> str:
        return f"{self.base}/wp-content/uploads/{story.published:%Y/%m}"

    def image_url(self, story: Story, index: int) -> str:
        return f"{self._upload(story)}/IMG_{story.key * 7 + index:05d}-1024x640.jpg"

    def image_variants(self, url: str) -> list[str]:
        return [url.replace("-1024x640", ""), url.replace("-1024x640", "-300x188")]

    def thumb_url(self, story: Story, has_photo: bool) -> str:
        if not has_photo:
            return ""
        return f"{self._upload(story)}/IMG_{story.key * 7:05d}-300x188.jpg"

    def file_url(self, story: Story, stem: str) -> str:
        return f"{self._upload(story)}/{stem}.pdf"

    def date_fields(self, story: Story) -> tuple[str, str]:
        return ddmmyyyy(story.published), story.published.strftime("%Y-%m-%dT%H:%M:00+07:00")

    def prepare(self, stories: list[Story]) -> None:
        # The ward's editors tag each post once (the kind of event), so the tag archives stay few.
        for story in stories:
            story.tags = story.tags[:1]

    def stubs(self) -> list[Stub]:
        b = self.base
        return [
            Stub(f"{b}/", "Trang chủ", [], "home"),
            Stub(
                f"{b}/gioi-thieu/",
                "Giới thiệu",
                [
                    "Phường Thạch Thang nằm ở trung tâm quận Hải Châu, phía Bắc giáp sông Hàn và "
                    "vịnh Đà Nẵng, có diện tích tự nhiên 1,02 km² với 22 tổ dân phố.",
                    "Trụ sở UBND phường đặt tại số 58 Lý Tự Trọng. Giờ làm việc: sáng từ 7h30 đến "
                    "11h30, chiều từ 13h30 đến 17h00 các ngày từ thứ Hai đến thứ Sáu.",
                ],
            ),
            Stub(
                f"{b}/thong-bao/",
                "Thông báo",
                ["Lịch tiếp công dân định kỳ của Chủ tịch UBND phường vào sáng thứ Năm hằng tuần."],
            ),
            Stub(
                f"{b}/thu-tuc-hanh-chinh/",
                "Thủ tục hành chính",
                ["Người dân có thể nộp hồ sơ trực tuyến qua Cổng dịch vụ công thành phố."],
            ),
            Stub(
                f"{b}/lien-he/",
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
            f"{b}/wp-content/themes/thachthang/style.css?ver=6.4.3": "wordpress.css",
            f"{b}/wp-content/themes/thachthang/assets/js/global.js?ver=6.4.3": "wordpress.js",
            f"{b}/wp-content/uploads/2019/01/banner-thachthang.jpg": "banner:phuong-wp",
            f"{b}/wp-content/uploads/2019/01/cropped-favicon-32x32.png": "favicon",
        }

    def documents(self) -> list[tuple[str, str]]:
        return [
            (
                f"{self.base}/wp-content/uploads/2024/12/lich-tiep-cong-dan-2025.pdf",
                "Lịch tiếp công dân năm 2025",
            )
        ]

    # Frame -----------------------------------------------------------------------------
    def _head(
        self, title: str, path: str, description: str, story: Story | None = None, image: str = ""
    ) -> str:
        b = self.base
        full = f"{title} - {self.info.portal}"
        article = ""
        if story is not None:
            graph = {
                "@context": "https://schema.org",
                "@graph": [
                    {
                        "@type": "Article",
                        "@id": f"{path}#article",
                        "headline": story.title,
                        "datePublished": _utc(story.published),
                        "dateModified": _utc(story.published + timedelta(hours=2 + story.key % 50)),
                        "author": {"name": "admin", "@id": f"{b}/#/schema/person/1"},
                        "articleSection": [self.info.category],
                        "inLanguage": "vi",
                    }
                ],
            }
            article = (
                f'\n<meta property="article:published_time" content="{_utc(story.published)}" />'
                f'\n<meta property="article:modified_time" content="{_utc(story.published + timedelta(hours=2 + story.key % 50))}" />'
                f'\n<meta name="author" content="admin" />'
                f'\n<meta name="twitter:label1" content="Được viết bởi" />\n<meta name="twitter:data1" content="admin" />'
                f'\n<script type="application/ld+json" class="yoast-schema-graph">{json.dumps(graph, ensure_ascii=False)}</script>'
            )
        og_image = f'\n<meta property="og:image" content="{esc(image)}" />' if image else ""
        return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="profile" href="https://gmpg.org/xfn/11">
<title>{esc(full)}</title>
<meta name="description" content="{esc(description)}" />
<link rel="canonical" href="{esc(path)}" />
<meta property="og:locale" content="vi_VN" />
<meta property="og:type" content="{"article" if story else "website"}" />
<meta property="og:title" content="{esc(full)}" />
<meta property="og:description" content="{esc(description)}" />
<meta property="og:url" content="{esc(path)}" />
<meta property="og:site_name" content="{esc(self.info.portal)}" />{og_image}{article}
<link rel='dns-prefetch' href='//s.w.org' />
<link rel="alternate" type="application/rss+xml" title="{esc(self.info.portal)} &raquo; Dòng thông tin" href="{b}/feed/" />
<link rel='stylesheet' id='thachthang-style-css' href='{b}/wp-content/themes/thachthang/style.css?ver=6.4.3' media='all' />
<script src='{b}/wp-content/themes/thachthang/assets/js/global.js?ver=6.4.3' id='thachthang-global-js'></script>
<link rel="https://api.w.org/" href="{b}/wp-json/" />
<meta name="generator" content="WordPress 6.4.3" />
<link rel="icon" href="{b}/wp-content/uploads/2019/01/cropped-favicon-32x32.png" sizes="32x32" />
</head>
"""

    def _top(self, active: str) -> str:
        b = self.base
        menu = [
            ("", "Trang chủ"),
            ("gioi-thieu/", "Giới thiệu"),
            ("tin-tuc/", "Tin tức"),
            ("thong-bao/", "Thông báo"),
            ("thu-tuc-hanh-chinh/", "Thủ tục hành chính"),
            ("lien-he/", "Liên hệ"),
        ]
        items = "".join(
            f'<li id="menu-item-{20 + i}" class="menu-item menu-item-type-{"taxonomy" if slug == "tin-tuc/" else "post_type"} '
            f'menu-item-{20 + i}{" current-menu-item" if slug == active else ""}"><a href="{b}/{slug}">{esc(label)}</a></li>'
            for i, (slug, label) in enumerate(menu)
        )
        return f"""
<body class="archive category category-tin-tuc wp-embed-responsive hfeed has-sidebar">
<div id="page" class="site">
	<a class="skip-link screen-reader-text" href="#content">Chuyển đến nội dung</a>
	<div class="top-bar">{weekday_vi(SNAPSHOT_DAY)}, {ddmmyyyy(SNAPSHOT_DAY)} &nbsp;|&nbsp; Đường dây nóng: <a href="tel:{self.info.phone.replace(" ", "")}">{esc(self.info.phone)}</a> &nbsp;|&nbsp; <a href="mailto:{self.info.email}">{esc(self.info.email)}</a></div>
	<header id="masthead" class="site-header">
		<div class="site-branding">
			<a href="{b}/" class="custom-logo-link" rel="home"><img width="1000" height="120" src="{b}/wp-content/uploads/2019/01/banner-thachthang.jpg" class="custom-logo" alt="{esc(self.info.portal)}" decoding="async" /></a>
			<p class="site-title screen-reader-text"><a href="{b}/" rel="home">{esc(self.info.portal)}</a></p>
			<p class="site-description screen-reader-text">Quận Hải Châu - Thành phố Đà Nẵng</p>
		</div>
		<nav id="site-navigation" class="main-navigation" aria-label="Menu chính">
			<button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">Menu</button>
			<div class="menu-main-menu-container"><ul id="primary-menu" class="menu">{items}</ul></div>
		</nav>
	</header>
	<div id="content" class="site-content">
"""

    def _sidebar(self, sidebar: Sidebar, tags: list[str]) -> str:
        b = self.base
        recent = "\n".join(
            f'<li><a href="{r.url}">{esc(r.title)}</a><span class="post-date">{ddmmyyyy(r.when)}</span></li>'
            for r in sidebar.latest[:5]
        )
        cloud = " ".join(
            f'<a href="{b}/tag/{slugify(t)}/" class="tag-cloud-link tag-link-{zlib.crc32(t.encode()) % 90 + 5}" style="font-size: {10 + len(t) % 9}pt;" aria-label="{esc(t)}">{esc(t)}</a>'
            for t in tags
        )
        months = "".join(
            f"<option value='{b}/{y}/{m:02d}/'> Tháng {m} {y} </option>"
            for y, m in [(2025, 5), (2025, 4), (2025, 1), (2024, 12), (2024, 9), (2023, 11)]
        )
        return f"""
<aside id="secondary" class="widget-area" aria-label="Thanh bên">
	<section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="{b}/">
		<label><span class="screen-reader-text">Tìm kiếm cho:</span><input type="search" class="search-field" placeholder="Tìm kiếm &hellip;" value="" name="s" /></label>
		<button type="submit" class="search-submit">Tìm kiếm</button></form></section>
	<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Bài viết mới</h2><nav aria-label="Bài viết mới"><ul>
{recent}
	</ul></nav></section>
	<section id="categories-2" class="widget widget_categories"><h2 class="widget-title">Chuyên mục</h2><nav aria-label="Chuyên mục"><ul>
		<li class="cat-item cat-item-3"><a href="{b}/tin-tuc/">Tin tức</a></li>
		<li class="cat-item cat-item-4"><a href="{b}/thong-bao/">Thông báo</a></li>
	</ul></nav></section>
	<section id="archives-2" class="widget widget_archive"><h2 class="widget-title">Lưu trữ</h2>
		<label class="screen-reader-text" for="archives-dropdown-2">Lưu trữ</label>
		<select id="archives-dropdown-2" name="archive-dropdown"><option value="">Chọn tháng</option>{months}</select></section>
	<section id="tag_cloud-2" class="widget widget_tag_cloud"><h2 class="widget-title">Thẻ</h2><div class="tagcloud">{cloud}</div></section>
	<section id="text-3" class="widget widget_text"><h2 class="widget-title">Liên kết</h2><div class="textwidget">
		<p><a href="{OFFSITE}/cong-thong-tin-da-nang/" target="_blank" rel="noopener">Cổng thông tin điện tử thành phố Đà Nẵng</a></p>
		<p><a href="{b}/wp-content/uploads/2024/12/lich-tiep-cong-dan-2025.pdf">Lịch tiếp công dân năm 2025 (PDF)</a></p>
		<p><a href="javascript:void(0)" onclick="window.open('{OFFSITE}/gop-y','gopy')">Góp ý, phản ánh</a></p>
	</div></section>
</aside>
"""

    def _footer(self) -> str:
        info = self.info
        return f"""
	</div><!-- #content -->
	<footer id="colophon" class="site-footer">
		<div class="site-info">
			<p><strong>{esc(info.portal.upper())}</strong></p>
			<p>Cơ quan chủ quản: {esc(info.owner)}. {esc(info.license)}.</p>
			<p>Địa chỉ: {esc(info.address)} - Điện thoại: <a href="tel:{info.phone.replace(" ", "")}">{esc(info.phone)}</a> - Email: <a href="mailto:{info.email}">{esc(info.email)}</a></p>
			<p>Bản quyền © 2019 {esc(info.owner)}. Vận hành bởi <a href="{OFFSITE}/wordpress.org/">WordPress</a>.</p>
		</div>
	</footer>
</div><!-- #page -->
<script id="wp-emoji-settings" type="application/json">{{"baseUrl":"{self.base}/wp-includes/images/core/emoji/14.0.0/72x72/"}}</script>
</body>
</html>
"""

    def _meta(self, r: Row, story: Story | None = None) -> str:
        b = self.base
        when = r.when
        updated = ""
        if story is not None and story.key % 3 == 0:
            later = when + timedelta(days=1 + story.key % 5, hours=3)
            updated = f'<time class="updated" datetime="{later:%Y-%m-%dT%H:%M:00+07:00}">{ddmmyyyy(later)}</time>'
        return (
            f'<span class="posted-on"><span class="screen-reader-text">Đăng vào </span><a href="{r.url}" rel="bookmark">'
            f'<time class="entry-date published" datetime="{when:%Y-%m-%dT%H:%M:00+07:00}">{ddmmyyyy(when)}</time>{updated}</a></span>'
            f'<span class="byline"> bởi <span class="author vcard"><a class="url fn n" href="{b}/author/admin/">admin</a></span></span>'
        )

    # Pages -----------------------------------------------------------------------------
    def _archive(
        self,
        rows: list[Row],
        title: str,
        path: str,
        page: int,
        pages: int,
        sidebar: Sidebar,
        page_url,
    ) -> str:
        posts = []
        for r in rows:
            thumb = (
                f'<a class="post-thumbnail" href="{r.url}" aria-hidden="true" tabindex="-1">'
                f'<img width="300" height="188" src="{r.thumb}" class="attachment-post-thumbnail size-post-thumbnail wp-post-image" alt="" decoding="async" loading="lazy" /></a>'
                if r.thumb
                else ""
            )
            tag_classes = " ".join(f"tag-{slugify(t)}" for t in r.tags)
            posts.append(f"""
<article id="post-{r.key}" class="post-{r.key} post type-post status-publish format-standard{" has-post-thumbnail" if r.thumb else ""} hentry category-tin-tuc {tag_classes}">
	{thumb}
	<header class="entry-header">
		<div class="entry-meta">{self._meta(r)}</div>
		<h2 class="entry-title"><a href="{r.url}" rel="bookmark">{esc(r.title)}</a></h2>
	</header>
	<div class="entry-summary"><p>{esc(r.abstract)} <a class="more-link" href="{r.url}">Đọc tiếp<span class="screen-reader-text"> &#8220;{esc(r.title)}&#8221;</span> &raquo;</a></p></div>
</article>""")
        links = []
        if page > 1:
            links.append(
                f'<a class="prev page-numbers" href="{page_url(page - 1)}">&laquo; Trang trước</a>'
            )
        for n in range(1, pages + 1):
            if n == page:
                links.append(f'<span aria-current="page" class="page-numbers current">{n}</span>')
            else:
                links.append(f'<a class="page-numbers" href="{page_url(n)}">{n}</a>')
        if page < pages:
            links.append(
                f'<a class="next page-numbers" href="{page_url(page + 1)}">Trang sau &raquo;</a>'
            )
        nav = (
            (
                f'<nav class="navigation pagination" aria-label="Phân trang bài viết"><h2 class="screen-reader-text">Phân trang bài viết</h2>'
                f'<div class="nav-links">{"".join(links)}</div></nav>'
            )
            if pages > 1
            else ""
        )
        tags = sorted({t for r in sidebar.latest for t in r.tags})
        return (
            self._head(
                title if page == 1 else f"{title} - Trang {page}",
                path,
                f"{title} - {self.info.portal}",
            )
            + self._top("tin-tuc/")
            + f"""
	<div id="primary" class="content-area">
		<main id="main" class="site-main">
			<header class="page-header"><h1 class="page-title">Chuyên mục: <span>{esc(title)}</span></h1></header>
{"".join(posts)}
			{nav}
		</main>
	</div>
"""
            + self._sidebar(sidebar, tags)
            + self._footer()
        )

    def render_listing(
        self, rows: list[Row], page: int, pages: int, total: int, sidebar: Sidebar
    ) -> str:
        return self._archive(
            rows,
            self.info.category,
            self.listing_path(page),
            page,
            pages,
            sidebar,
            self.listing_path,
        )

    def extra_pages(self, rows: list[Row], sidebar: Sidebar) -> list[tuple[str, str, bytes]]:
        out = []
        for tag in sorted({t for r in rows for t in r.tags}):
            tagged = [r for r in rows if tag in r.tags][:3]
            path = f"{self.base}/tag/{slugify(tag)}/"
            html = self._archive(tagged, tag, path, 1, 1, sidebar, lambda n, p=path: p)
            out.append((path, f"pages/tag-{slugify(tag)}.html", html.encode()))
        path = f"{self.base}/author/admin/"
        html = self._archive(
            rows[: self.info.per_page], "admin", path, 1, 1, sidebar, lambda n: path
        )
        out.append((path, "pages/author-admin.html", html.encode()))
        out.append((f"{self.base}/feed/", "pages/feed.rss", self._feed(rows[:10]).encode()))
        return out

    def _feed(self, rows: list[Row]) -> str:
        items = []
        for r in rows:
            when = r.when - timedelta(hours=7)
            items.append(f"""	<item>
		<title>{esc(r.title)}</title>
		<link>{r.url}</link>
		<dc:creator><![CDATA[admin]]></dc:creator>
		<pubDate>{when:%a, %d %b %Y %H:%M:%S} +0000</pubDate>
		<category><![CDATA[{self.info.category}]]></category>
		<guid isPermaLink="false">{self.base}/?p={r.key}</guid>
		<description><![CDATA[{r.abstract}]]></description>
	</item>""")
        last = rows[0].when - timedelta(hours=7) if rows else datetime(2025, 1, 1)
        return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
	<title>{esc(self.info.portal)}</title>
	<link>{self.base}/</link>
	<description>Quận Hải Châu - Thành phố Đà Nẵng</description>
	<lastBuildDate>{last:%a, %d %b %Y %H:%M:%S} +0000</lastBuildDate>
	<language>vi</language>
	<generator>https://wordpress.org/?v=6.4.3</generator>
{chr(10).join(items)}
</channel>
</rss>
"""

    def img_html(self, block: Block, src: str) -> str:
        full, small = self.image_variants(src)
        wp_id = zlib.crc32(src.encode()) % 9000 + 1000
        return (
            f'<figure id="attachment_{wp_id}" aria-describedby="caption-attachment-{wp_id}" style="width: 800px" class="wp-caption aligncenter">'
            f'<img loading="lazy" decoding="async" class="size-large wp-image-{wp_id}" src="{src}" alt="" width="800" height="500" '
            f'srcset="{full} 1280w, {small} 300w, {src} 1024w" sizes="(max-width: 800px) 100vw, 800px" />'
            f'<figcaption id="caption-attachment-{wp_id}" class="wp-caption-text">{text_html(block.text)}</figcaption></figure>'
        )

    def table_html(self, block: Block) -> str:
        return '<figure class="wp-block-table">' + super().table_html(block) + "</figure>"

    def file_html(self, block: Block, href: str) -> str:
        return (
            f'<div class="wp-block-file"><a id="wp-block-file--media-{zlib.crc32(href.encode()) % 99999}" href="{href}">{text_html(block.text)}</a>'
            f'<a href="{href}" class="wp-block-file__button wp-element-button" download>Tải về</a></div>'
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
        b = self.base
        row = Row(
            url, story.title, story.published.strftime("%Y-%m-%dT%H:%M"), "", "", 0, story.key
        )
        related = "".join(
            f'<div class="jp-relatedposts-post"><h4 class="jp-relatedposts-post-title"><a href="{r.url}">{esc(r.title)}</a></h4>'
            f'<p class="jp-relatedposts-post-date">{ddmmyyyy(r.when)}</p></div>'
            for r in others[:3]
        )
        share = "".join(
            f'<li class="share-{n}"><a rel="nofollow noopener noreferrer" class="share-{n} sd-button share-icon" href="javascript:void(0)" target="_blank" title="Nhấn để chia sẻ lên {label}"><span>{label}</span></a></li>'
            for n, label in [("facebook", "Facebook"), ("twitter", "X"), ("print", "In")]
        )
        rng_comments = story.key % 4
        comments = []
        for i in range(rng_comments):
            person = make_person(random.Random(f"comment|{story.key}|{i}"))
            when = story.published + timedelta(hours=5 + 11 * i, minutes=7 * i)
            comments.append(f"""
		<li id="comment-{story.key * 10 + i}" class="comment even thread-even depth-1">
			<article id="div-comment-{story.key * 10 + i}" class="comment-body">
				<footer class="comment-meta">
					<div class="comment-author vcard"><b class="fn">{esc(person.name)}</b> <span class="says">viết:</span></div>
					<div class="comment-metadata"><a href="{url}#comment-{story.key * 10 + i}"><time datetime="{when:%Y-%m-%dT%H:%M:00+07:00}">{ddmmyyyy(when)} lúc {when:%H:%M}</time></a></div>
				</footer>
				<div class="comment-content"><p>{esc(COMMENTS[(story.key + i) % len(COMMENTS)])}</p></div>
				<div class="reply"><a rel="nofollow" class="comment-reply-link" href="javascript:void(0)" data-commentid="{story.key * 10 + i}">Trả lời</a></div>
			</article>
		</li>""")
        comment_list = (
            (
                f'<h2 class="comments-title">{len(comments)} bình luận về &ldquo;{esc(story.title)}&rdquo;</h2>'
                f'<ol class="comment-list">{"".join(comments)}</ol>'
            )
            if comments
            else ""
        )
        prev_next = ""
        if others:
            prev_next = (
                f'<nav class="navigation post-navigation" aria-label="Bài viết"><h2 class="screen-reader-text">Điều hướng bài viết</h2>'
                f'<div class="nav-links"><div class="nav-previous"><a href="{others[0].url}" rel="prev"><span class="meta-nav">Bài trước</span> {esc(others[0].title)}</a></div></div></nav>'
            )
        tags_html = ", ".join(
            f'<a href="{b}/tag/{slugify(t)}/" rel="tag">{esc(t)}</a>' for t in story.tags
        )
        body = self.body_html(story, images, files)
        page = f"""
	<div id="primary" class="content-area">
		<main id="main" class="site-main">
<article id="post-{story.key}" class="post-{story.key} post type-post status-publish format-standard hentry category-tin-tuc">
	<header class="entry-header">
		<div class="entry-meta">{self._meta(row, story)}</div>
		<h1 class="entry-title">{esc(story.title)}</h1>
	</header>
	<div class="entry-content">
{body}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Chia sẻ:</h3><div class="sd-content"><ul>{share}</ul></div></div></div>
<div id='jp-relatedposts' class='jp-relatedposts'><h3 class="jp-relatedposts-headline"><em>Bài viết liên quan</em></h3>{related}</div>
	</div>
	<footer class="entry-footer"><span class="cat-links">Chuyên mục: <a href="{b}/tin-tuc/" rel="category tag">{esc(self.info.category)}</a></span> <span class="tags-links">Thẻ: {tags_html}</span></footer>
</article>
{prev_next}
<div id="comments" class="comments-area">
	{comment_list}
	<div id="respond" class="comment-respond">
		<h3 id="reply-title" class="comment-reply-title">Trả lời</h3>
		<form action="{b}/wp-comments-post.php" method="post" id="commentform" class="comment-form">
			<p class="comment-notes">Email của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu <span class="required">*</span></p>
			<p class="comment-form-comment"><label for="comment">Bình luận <span class="required">*</span></label><textarea id="comment" name="comment" cols="45" rows="6" maxlength="65525" required></textarea></p>
			<p class="comment-form-author"><label for="author">Tên <span class="required">*</span></label><input id="author" name="author" type="text" value="" size="30" maxlength="245" required /></p>
			<p class="comment-form-email"><label for="email">Email <span class="required">*</span></label><input id="email" name="email" type="email" value="" size="30" maxlength="100" required /></p>
			<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Phản hồi" /><input type='hidden' name='comment_post_ID' value='{story.key}' id='comment_post_ID' /></p>
		</form>
	</div>
</div>
		</main>
	</div>
"""
        description = " ".join(story.lead.replace("\xa0", " ").split())[:155]
        return (
            self._head(story.title, url, description, story, images[0] if images else "")
            + self._top("tin-tuc/").replace(
                'class="archive category category-tin-tuc',
                f'class="post-template-default single single-post postid-{story.key} single-format-standard',
            )
            + page
            + self._sidebar(sidebar, story.tags)
            + self._footer()
        )

    def render_stub(self, stub: Stub, sidebar: Sidebar, rows: list[Row]) -> str:
        if stub.kind == "home":
            inner = "\n".join(
                f'<article class="post type-post"><h2 class="entry-title"><a href="{r.url}">{esc(r.title)}</a></h2>'
                f'<div class="entry-meta">{self._meta(r)}</div></article>'
                for r in rows[:6]
            )
        else:
            inner = "\n".join(f"<p>{esc(t)}</p>" for t in stub.paragraphs)
        active = stub.path[len(self.base) + 1 :]
        return (
            self._head(stub.title, stub.path, f"{stub.title} - {self.info.portal}")
            + self._top(active)
            + f"""
	<div id="primary" class="content-area">
		<main id="main" class="site-main">
			<article class="page type-page status-publish hentry">
				<header class="entry-header"><h1 class="entry-title">{esc(stub.title)}</h1></header>
				<div class="entry-content">{inner}</div>
			</article>
		</main>
	</div>
"""
            + self._sidebar(sidebar, [])
            + self._footer()
        )
