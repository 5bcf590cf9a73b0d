"""Provincial-style ASP.NET e-portal (DotNetNuke skin): .aspx pages inside one postback form.

Quirks: article URLs differ only by query (`chi-tiet-tin.aspx?ItemID=4321&CateID=57`) and
the sidebars write the parameters in the other order; pages open with `__VIEWSTATE`
blobs; the lead sits in a separate summary box above Word-pasted `MsoNormal` paragraphs;
articles from the old 2017 system show a date without time, and the oldest one is still
served in windows-1258 (decomposed tone marks, declared in a meta tag).
"""

from __future__ import annotations

import base64
import random
import unicodedata
from datetime import date

from mirror.content import Block, Byline, Story
from mirror.render.base import Renderer, Sidebar, Stub
from mirror.render.common import OFFSITE, SNAPSHOT_DAY, Row, ddmmyyyy, esc, text_html, weekday_vi

__all__ = ["DnnRenderer", "encode_cp1258"]

CATE = 57
MODULE = "dnn_ctr1470"
LEGACY_UNTIL = date(2018, 1, 1)  # articles before this come from the old CMS: date only
MENU = [
    ("Default.aspx", "Trang chủ"),
    ("gioi-thieu.aspx", "Giới thiệu"),
    ("tin-tuc.aspx", "Tin tức - Sự kiện"),
    ("tin-tuc/hoat-dong-phuong.aspx", "Hoạt động phường"),
    ("van-ban.aspx", "Văn bản"),
    ("lien-he.aspx", "Liên hệ"),
]
MODIFIERS = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn stay precomposed in cp1258


def encode_cp1258(text: str) -> bytes:
    """Encode as windows-1258 the way Vietnamese Windows did: tone marks as combining bytes."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize(
            "NFC", parts[0] + "".join(m for m in parts[1:] if m in MODIFIERS)
        )
        tones = "".join(m for m in parts[1:] if m not in MODIFIERS)
        out += (base + tones).encode("cp1258", errors="xmlcharrefreplace")
    return bytes(out)


def _viewstate(seed: str, size: int) -> str:
    rng = random.Random(seed)
    return (
        "/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAgIDD2QW"
        + base64.b64encode(bytes(rng.getrandbits(8) for _ in range(size))).decode()
    )


class DnnRenderer(Renderer):
    """Cổng thông tin điện tử thành phố Thủ Dầu Một (DNN 7 skin)."""

    family = "dnn"

    def __init__(self, info):
        super().__init__(info)
        self.legacy_keys: set[int] = set()

    @property
    def base(self) -> str:
        return self.info.prefix

    @property
    def section(self) -> str:
        return f"{self.base}/tin-tuc/hoat-dong-phuong.aspx"

    def listing_path(self, page: int) -> str:
        return self.section if page == 1 else f"{self.section}?page={page}"

    def article_path(self, story: Story) -> str:
        return f"{self.base}/tin-tuc/chi-tiet-tin.aspx?ItemID={story.key}&CateID={CATE}"

    def _alt_url(self, key: int) -> str:
        # Same article, parameters swapped: the sidebars were written by another module.
        return f"{self.base}/tin-tuc/chi-tiet-tin.aspx?CateID={CATE}&ItemID={key}"

    def _img_dir(self, story: Story) -> str:
        return f"{self.base}/Portals/0/Images/TinTuc/{story.published:%Y/%m}"

    def image_url(self, story: Story, index: int) -> str:
        return f"{self._img_dir(story)}/{story.key}_{index + 1}.jpg"

    def thumb_url(self, story: Story, has_photo: bool) -> str:
        if not has_photo:
            return f"{self.base}/Portals/0/Images/no_image.jpg"
        return f"{self._img_dir(story)}/thumb_{story.key}.jpg"

    def file_url(self, story: Story, stem: str) -> str:
        return f"{self.base}/Portals/0/VanBan/{stem}.pdf"

    def prepare(self, stories: list[Story]) -> None:
        old = [s for s in stories if s.published.date() < date(2018, 1, 1)]
        if old:
            self.legacy_keys = {min(old, key=lambda s: s.published).key}

    def charset_of(self, story: Story) -> str:
        return "windows-1258" if story.key in self.legacy_keys else "utf-8"

    def encode(self, story: Story, page: str) -> bytes:
        if story.key in self.legacy_keys:
            return encode_cp1258(page)
        return page.encode("utf-8")

    def date_fields(self, story: Story) -> tuple[str, str]:
        when = story.published
        if when.date() < LEGACY_UNTIL:
            return f"Cập nhật: {weekday_vi(when)}, {ddmmyyyy(when)}", when.strftime("%Y-%m-%d")
        return (
            f"Cập nhật lúc {when:%H:%M}, {weekday_vi(when)}, {ddmmyyyy(when)}",
            when.strftime("%Y-%m-%dT%H:%M:00+07:00"),
        )

    def stubs(self) -> list[Stub]:
        b = self.base
        return [
            Stub(f"{b}/Default.aspx", "Trang chủ", [], "home"),
            Stub(
                f"{b}/gioi-thieu.aspx",
                "Giới thiệu",
                [
                    "Thành phố Thủ Dầu Một là đô thị loại I trực thuộc tỉnh Bình Dương, có diện tích "
                    "118,91 km² và 14 phường: Phú Cường, Phú Hòa, Phú Lợi, Phú Thọ, Phú Mỹ, Phú Tân, "
                    "Hiệp Thành, Chánh Nghĩa, Định Hòa, Hòa Phú, Hiệp An, Tương Bình Hiệp, Tân An và "
                    "Chánh Mỹ.",
                    "Ngày 02/01/2012, Thủ Dầu Một được công nhận là thành phố trực thuộc tỉnh.",
                ],
            ),
            Stub(f"{b}/tin-tuc.aspx", "Tin tức - Sự kiện", ["Chuyên mục đang được cập nhật."]),
            Stub(
                f"{b}/van-ban.aspx",
                "Văn bản",
                ["Tra cứu văn bản chỉ đạo, điều hành của UBND thành phố."],
            ),
            Stub(
                f"{b}/lien-he.aspx",
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
            f"{b}/Portals/_default/Skins/TDM/skin.css": "dnn.css",
            f"{b}/js/dnncore.js": "dnn.js",
            f"{b}/Portals/0/banner_tdm.jpg": "banner:eportal-dnn",
            f"{b}/Portals/0/favicon.ico": "favicon",
            f"{b}/Portals/0/Images/no_image.jpg": "photo:10",
        }

    def documents(self) -> list[tuple[str, str]]:
        return [
            (f"{self.base}/Portals/0/VanBan/QD-1520-UBND-2024.pdf", "Quyết định số 1520/QĐ-UBND")
        ]

    # Frame -----------------------------------------------------------------------------
    def _open(
        self, title: str, path: str, description: str, charset: str = "UTF-8", image: str = ""
    ) -> str:
        b = self.base
        og_image = f'\n<meta property="og:image" content="{esc(image)}" />' if image else ""
        vs = _viewstate(path, 640)
        ev = _viewstate("ev" + path, 60)
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="vi-VN" lang="vi-VN">
<head id="Head"><meta content="text/html; charset={charset}" http-equiv="Content-Type" />
<meta content="text/javascript" http-equiv="Content-Script-Type" />
<meta content="text/css" http-equiv="Content-Style-Type" />
<meta id="MetaDescription" name="DESCRIPTION" content="{esc(description)}" />
<meta id="MetaKeywords" name="KEYWORDS" content="Thủ Dầu Một, Bình Dương, tin tức, phường" />
<meta id="MetaCopyright" name="COPYRIGHT" content="Bản quyền © 2016 {esc(self.info.owner)}" />
<meta id="MetaGenerator" name="GENERATOR" content="DotNetNuke " />
<meta id="MetaAuthor" name="AUTHOR" content="{esc(self.info.portal)}" />
<meta name="RESOURCE-TYPE" content="DOCUMENT" />
<meta name="DISTRIBUTION" content="GLOBAL" />
<meta id="MetaRobots" name="ROBOTS" content="INDEX, FOLLOW" />
<meta name="REVISIT-AFTER" content="1 DAYS" />
<meta name="RATING" content="GENERAL" />
<meta property="og:title" content="{esc(title)}" />
<meta property="og:url" content="{esc(path)}" />{og_image}
<link rel="canonical" href="{esc(path)}" />
<style id="StylePlaceholder" type="text/css"></style>
<link id="ctl00_Portals__default_Skins_TDM_" rel="stylesheet" type="text/css" href="{b}/Portals/_default/Skins/TDM/skin.css" />
<link rel="SHORTCUT ICON" href="{b}/Portals/0/favicon.ico" />
<title>
	{esc(title)} - {esc(self.info.portal)}
</title></head>
<body id="Body">
    <form name="Form" method="post" action="{esc(path)}" id="Form" enctype="multipart/form-data">
<div class="aspNetHidden">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{vs}" />
</div>

<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['Form'];
if (!theForm) {{ theForm = document.Form; }}
function __doPostBack(eventTarget, eventArgument) {{
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {{
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }}
}}
//]]>
</script>
<script src="{b}/js/dnncore.js" type="text/javascript"></script>
<div class="aspNetHidden">
	<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="CA0B0334" />
	<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="{ev}" />
</div>
"""

    def _frame_top(self, active: str) -> str:
        b = self.base
        selected = ' class="selected"'
        menu = "".join(
            f'<li{selected if slug == active else ""}><a href="{b}/{slug}">{esc(label)}</a></li>'
            for slug, label in MENU
        )
        return f"""<div class="wrapper">
  <div class="dnn-topbar"><span id="dnn_dnnCURRENTDATE_lblDate" class="DateToken">{weekday_vi(SNAPSHOT_DAY)}, {ddmmyyyy(SNAPSHOT_DAY)}</span>
    &nbsp;|&nbsp; <a id="dnn_dnnLOGIN_loginLink" href="javascript:__doPostBack('dnn$dnnLOGIN$loginLink','')">Đăng nhập</a>
    &nbsp;|&nbsp; <a href="mailto:{self.info.email}">Liên hệ</a></div>
  <div class="dnn-banner"><a id="dnn_dnnLOGO_hypLogo" title="{esc(self.info.portal)}" href="{b}/Default.aspx"><img id="dnn_dnnLOGO_imgLogo" src="{b}/Portals/0/banner_tdm.jpg" alt="{esc(self.info.portal)}" style="border-width:0px;" /></a></div>
  <div class="dnn-menu" id="dnn_pnlMenu"><ul>{menu}</ul></div>
  <div class="dnn-body">
    <div class="dnn-left" id="dnn_LeftPane">
      <div class="DnnModule DnnModule-DNN_HTML DnnModule-1466"><a name="1466"></a>
        <div class="c_head"><h2><span id="dnn_ctr1466_dnnTITLE_lblTitle" class="Head">Chuyên mục</span></h2></div>
        <div id="dnn_ctr1466_ContentPane" class="dnn-box"><ul>
          <li><a href="{b}/tin-tuc.aspx">Tin tức - Sự kiện</a></li>
          <li><a href="{self.section}">Hoạt động phường</a></li>
          <li><a href="{b}/van-ban.aspx">Văn bản chỉ đạo</a></li>
          <li><a href="javascript:void(0)" onclick="__doPostBack('dnn$ctr1466$lnkHoiDap','')">Hỏi đáp trực tuyến</a></li>
        </ul></div>
      </div>
      <div class="DnnModule DnnModule-DNN_HTML DnnModule-1467"><a name="1467"></a>
        <div class="c_head"><h2><span id="dnn_ctr1467_dnnTITLE_lblTitle" class="Head">Văn bản mới</span></h2></div>
        <div id="dnn_ctr1467_ContentPane" class="dnn-box"><ul>
          <li><a href="{b}/Portals/0/VanBan/QD-1520-UBND-2024.pdf" target="_blank">Quyết định số 1520/QĐ-UBND ngày 12/8/2024</a></li>
          <li><a href="{OFFSITE}/congbao/binhduong/" target="_blank">Công báo tỉnh Bình Dương</a></li>
          <li>Đường dây nóng: <a href="tel:02743822345">0274.3822.345</a></li>
        </ul></div>
      </div>
    </div>
"""

    def _right(self, sidebar: Sidebar) -> str:
        latest = "\n".join(
            f'<li><a href="{self._alt_url(r.key)}">{esc(r.title)}</a> <span class="date">({ddmmyyyy(r.when)})</span></li>'
            for r in sidebar.latest
        )
        popular = "\n".join(
            f'<li><a href="{self._alt_url(r.key)}">{esc(r.title)}</a></li>' for r in sidebar.popular
        )
        return f"""
    <div class="dnn-right" id="dnn_RightPane">
      <div class="DnnModule DnnModule-TinTuc DnnModule-1471"><a name="1471"></a>
        <div class="c_head"><h2><span id="dnn_ctr1471_dnnTITLE_lblTitle" class="Head">Tin mới cập nhật</span></h2></div>
        <div id="dnn_ctr1471_ContentPane" class="dnn-box"><ul>
{latest}
        </ul></div>
      </div>
      <div class="DnnModule DnnModule-TinTuc DnnModule-1472"><a name="1472"></a>
        <div class="c_head"><h2><span id="dnn_ctr1472_dnnTITLE_lblTitle" class="Head">Tin xem nhiều</span></h2></div>
        <div id="dnn_ctr1472_ContentPane" class="dnn-box"><ul>
{popular}
        </ul></div>
      </div>
      <div class="DnnModule DnnModule-1473"><div class="dnn-box">Thời tiết {esc(self.info.city_weather)}: 32°C, có mưa rào<br />Lượt truy cập: 5.310.274</div></div>
    </div>
  </div>
"""

    def _close(self) -> str:
        info = self.info
        return f"""  <div class="dnn-footer" id="dnn_FooterPane">
    <p><b>{esc(info.portal.upper())}</b></p>
    <p>Cơ quan chủ quản: {esc(info.owner)} - Địa chỉ: {esc(info.address)}</p>
    <p>Điện thoại: {esc(info.phone)} - Fax: {esc(info.fax)} - Email: <a href="mailto:{info.email}">{esc(info.email)}</a></p>
    <p>{esc(info.license)}. Bản quyền © 2016 {esc(info.owner)}.</p>
  </div>
</div>
<input name="ScrollTop" type="hidden" id="ScrollTop" />
<input name="__dnnVariable" type="hidden" id="__dnnVariable" autocomplete="off" value="{{&quot;__scdoff&quot;:&quot;1&quot;}}" />
</form>
</body>
</html>
"""

    def _module(self, title: str, inner: str) -> str:
        return f"""    <div class="dnn-main" id="dnn_ContentPane">
      <div class="DnnModule DnnModule-TinTuc DnnModule-1470"><a name="1470"></a>
        <div class="c_head"><h2><span id="{MODULE}_dnnTITLE_lblTitle" class="Head">{esc(title)}</span></h2></div>
        <div id="{MODULE}_ContentPane" class="contentpane"><div id="{MODULE}_ModuleContent" class="DNNModuleContent ModTinTucC">
{inner}
        </div></div>
      </div>
    </div>
"""

    # Pages -----------------------------------------------------------------------------
    def render_listing(
        self, rows: list[Row], page: int, pages: int, total: int, sidebar: Sidebar
    ) -> str:
        items = "\n".join(
            f"""<div class="news-item">
  <a href="{r.url}"><img src="{r.thumb}" alt="{esc(r.title)}" /></a>
  <a class="title" id="{MODULE}_TinTucList_rptList_ctl{i:02d}_hplTitle" href="{r.url}">{esc(r.title)}</a>
  <span class="date">({ddmmyyyy(r.when)})</span>
  <p class="sapo">{esc(r.abstract)}</p>
</div>"""
            for i, r in enumerate(rows)
        )
        pager = ['<span class="label">Trang:</span>']
        for n in range(1, pages + 1):
            pager.append(
                f'<span class="current">{n}</span>'
                if n == page
                else f'<a href="{self.listing_path(n)}">{n}</a>'
            )
        if page < pages:
            pager.append(f'<a class="next" href="{self.listing_path(page + 1)}">Tiếp</a>')
            pager.append(f'<a class="last" href="{self.listing_path(pages)}">Cuối</a>')
        inner = f"""<div class="news-list">
{items}
</div>
<div class="PagingTable" id="{MODULE}_TinTucList_pnlPaging">{" ".join(pager)}</div>
<div class="rss"><a id="{MODULE}_TinTucList_lnkRss" href="javascript:__doPostBack('dnn$ctr1470$TinTucList$lnkRss','')">RSS</a></div>"""
        path = self.listing_path(page)
        return (
            self._open(self.info.category, path, f"{self.info.category} - {self.info.portal}")
            + self._frame_top("tin-tuc/hoat-dong-phuong.aspx")
            + self._module(self.info.category, inner)
            + self._right(sidebar)
            + self._close()
        )

    def p_html(self, block: Block, story: Story) -> str:
        return (
            '<p class="MsoNormal" style="margin-bottom:6.0pt;text-align:justify;text-indent:36.0pt;line-height:150%">'
            f'<span lang="VI" style="font-size:14.0pt;line-height:150%;font-family:&quot;Times New Roman&quot;,&quot;serif&quot;">'
            f"{text_html(block.text)}</span></p>"
        )

    def img_html(self, block: Block, src: str) -> str:
        return (
            f'<p class="MsoNormal" align="center" style="text-align:center"><img alt="" src="{src}" style="width: 550px; height: 344px;" /></p>\n'
            f'<p class="MsoNormal" align="center" style="text-align:center"><i><span style="font-size:12.0pt">{text_html(block.text)}</span></i></p>'
        )

    def byline_html(self, byline: Byline) -> str:
        return (
            f'<p class="MsoNormal" align="right" style="text-align:right"><b><span lang="VI" style="font-size:14.0pt;'
            f'font-family:&quot;Times New Roman&quot;,&quot;serif&quot;">{text_html(byline.raw)}</span></b></p>'
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
        lead = story.blocks[0]
        rest = Story(**{**story.__dict__, "blocks": story.blocks[1:]})
        body = self.body_html(rest, images, files)
        other = "\n".join(
            f'<li><a href="{self._alt_url(r.key)}">{esc(r.title)}</a> <span class="date">({ddmmyyyy(r.when)})</span></li>'
            for r in others
        )
        inner = f"""<div class="article-detail">
  <h1 id="{MODULE}_ArticleView_lblTitle" class="article-title">{esc(story.title)}</h1>
  <div class="article-date"><span id="{MODULE}_ArticleView_lblDate">{esc(self.date_fields(story)[0])}</span> <span class="article-views">| Lượt xem: {story.views}</span></div>
  <div class="article-tools"><a href="javascript:window.print()">In trang</a> | <a id="{MODULE}_ArticleView_lnkSendMail" href="javascript:__doPostBack('dnn$ctr1470$ArticleView$lnkSendMail','')">Gửi email</a> | <a href="javascript:history.back()">Quay lại</a></div>
  <div id="{MODULE}_ArticleView_lblSummary" class="article-summary">{text_html(lead.text)}</div>
  <div id="{MODULE}_ArticleView_lblContent" class="article-content Normal">
{body}
  </div>
  <div class="other-news"><h3>Các tin khác</h3><ul>
{other}
  </ul></div>
</div>"""
        charset = "windows-1258" if story.key in self.legacy_keys else "UTF-8"
        description = " ".join(lead.text.replace("\xa0", " ").split())[:200]
        return (
            self._open(story.title, url, description, charset, images[0] if images else "")
            + self._frame_top("tin-tuc/hoat-dong-phuong.aspx")
            + self._module(self.info.category, inner)
            + self._right(sidebar)
            + self._close()
        )

    def render_stub(self, stub: Stub, sidebar: Sidebar, rows: list[Row]) -> str:
        if stub.kind == "home":
            inner = (
                "<ul>"
                + "\n".join(
                    f'<li><a href="{r.url}">{esc(r.title)}</a> <span class="date">({ddmmyyyy(r.when)})</span></li>'
                    for r in rows[:6]
                )
                + "</ul>"
            )
        else:
            inner = "\n".join(f'<p class="Normal">{esc(t)}</p>' for t in stub.paragraphs)
        active = stub.path[len(self.base) + 1 :]
        return (
            self._open(stub.title, stub.path, f"{stub.title} - {self.info.portal}")
            + self._frame_top(active)
            + self._module(stub.title, inner)
            + self._right(sidebar)
            + self._close()
        )
