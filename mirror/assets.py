"""Static files the mirrored pages reference: styles, scripts, icons, photos, small PDFs.

Photos and banners are committed JPEGs under mirror/assets/ (drawn once, plain shapes);
everything else is built here from code so the generator needs nothing outside the stdlib.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from mirror.render.common import fold

__all__ = ["asset_bytes", "asset_ext", "make_pdf", "ASSET_DIR"]

ASSET_DIR = Path(__file__).resolve().parent / "assets"

CSS = {
    "liferay.css": """
body{margin:0;background:#f1ede4;font:13px/1.5 Arial,Helvetica,sans-serif;color:#222}
a{color:#1b3f8b;text-decoration:none}a:hover{text-decoration:underline}
#wrapper{width:1000px;margin:0 auto;background:#fff;padding:0}
#skip-to-content{position:absolute;left:-999px}
#hn-topbar{background:#8f1414;color:#fff;padding:4px 10px;font-size:12px}
#hn-topbar a{color:#ffe38a}.hn-today{float:left}.hn-toplinks{float:right}
.clearfix:after{content:"";display:block;clear:both}
#heading img{display:block;width:1000px;height:120px}
#navigation{background:#b31b1b}#navigation h1{display:none}
#navigation>ul{list-style:none;margin:0;padding:0 6px}#navigation>ul>li{display:inline-block;position:relative}
#navigation>ul>li>a{display:block;color:#fff;padding:9px 12px;font-weight:bold;text-transform:uppercase;font-size:12px}
#navigation li.selected>a{background:#7d0f0f}.child-menu{display:none;position:absolute;background:#fff;list-style:none;padding:0;margin:0;z-index:9;min-width:220px;border:1px solid #ccc}
#navigation li:hover .child-menu{display:block}.child-menu a{display:block;padding:6px 10px;color:#333}
#content{padding:10px}.row-fluid:after{content:"";display:block;clear:both}
.span8{float:left;width:65%}.span4{float:right;width:33%}.span3{float:left;width:24%}.span9{float:right;width:74%}
.breadcrumb{list-style:none;padding:6px 0;margin:0 0 8px;border-bottom:1px solid #ddd;font-size:12px}.breadcrumb li{display:inline}.divider{padding:0 5px;color:#999}
.hn-category-title h2{margin:0 0 10px;border-bottom:2px solid #b31b1b;font-size:16px;text-transform:uppercase}
.hn-news-item{padding:8px 0;border-bottom:1px dotted #ccc}.hn-news-thumb img{width:100%;height:110px;object-fit:cover}
.hn-news-title{margin:0 0 4px;font-size:15px}.hn-news-date{color:#888;font-size:11px}.hn-news-abstract{color:#444}
.lfr-pagination{margin:12px 0}.lfr-pagination-config{float:left}.dropdown-menu{display:none}
.pager{list-style:none;float:right;margin:0;padding:0}.pager li{display:inline-block;margin-left:4px}
.pager a{border:1px solid #ccc;border-radius:12px;padding:2px 10px}.pager .disabled a{color:#aaa}
.search-results{display:block;text-align:center;color:#777}
.hn-vc-category a{color:#b31b1b;font-weight:bold;text-transform:uppercase}.hn-vc-title{font-size:22px;color:#8f1414;margin:6px 0}
.hn-vc-meta{color:#888;font-size:12px;border-bottom:1px solid #eee;padding-bottom:6px}.hn-vc-tools{float:right}.hn-vc-tools a{margin-left:8px}
.hn-vc-body{font-size:14px;line-height:1.7}.hn-vc-body img{max-width:100%;height:auto}.hn-vc-body table{border-collapse:collapse}.hn-vc-body td{padding:3px 6px}
.hn-vc-footer{border-top:1px solid #eee;margin-top:10px;padding-top:6px;color:#888}.hn-vc-share{float:right}
.hn-vc-others-title,.portlet-title{font-size:14px;margin:10px 0 6px;background:#b31b1b;color:#fff;padding:5px 8px;text-transform:uppercase}
.hn-vc-others-list li{margin:4px 0}.hn-date{color:#999;font-size:11px}
.span4 .portlet{margin-bottom:12px;border:1px solid #e1d7c6}.span4 ul,.span4 ol{margin:6px 0;padding-left:20px}.span4 li{margin-bottom:5px}
.hn-views{display:block;color:#999;font-size:11px}.hn-rank{display:none}.hn-search-form{margin-bottom:10px}
.hn-counter{background:#f8f3ea;padding:8px;border:1px solid #e1d7c6}
#footer{clear:both;background:#8f1414;color:#fff;padding:12px 20px;font-size:12px}#footer a{color:#ffe38a}#footer p{margin:3px 0}
""",
    "wordpress.css": """
body{margin:0;background:#eef2f6;font:15px/1.6 "Segoe UI",Roboto,Arial,sans-serif;color:#1e2a35}
a{color:#0b5cab}.site{max-width:1140px;margin:0 auto;background:#fff}
.screen-reader-text{position:absolute;left:-9999px}
.top-bar{background:#0d3c73;color:#dbe8f7;font-size:13px;padding:5px 16px}.top-bar a{color:#fff}
.site-branding img{display:block;width:100%;height:auto}
.main-navigation{background:#14539a}.main-navigation ul{list-style:none;margin:0;padding:0 10px}
.main-navigation li{display:inline-block}.main-navigation a{display:block;color:#fff;padding:11px 14px;text-decoration:none;font-weight:600}
.main-navigation .current-menu-item>a,.main-navigation .current-menu-parent>a{background:#0d3c73}.sub-menu{display:none}
.site-content{display:flex;gap:28px;padding:20px}.content-area{flex:1}.widget-area{width:300px}
.page-header .page-title{font-size:20px;border-left:4px solid #14539a;padding-left:10px}
article.post{border-bottom:1px solid #e3e8ee;padding:14px 0;overflow:hidden}
.post-thumbnail img{float:left;width:240px;height:150px;object-fit:cover;margin:0 16px 8px 0}
.entry-title{font-size:20px;margin:0 0 6px}.entry-title a{color:#12263a;text-decoration:none}
.entry-meta,.entry-footer{font-size:13px;color:#6b7a89}.updated:not(.published){display:none}.entry-meta a{color:#6b7a89}
.entry-content img{max-width:100%;height:auto}.wp-caption-text,figcaption{font-size:13px;color:#555;text-align:center;font-style:italic}
.nav-links{display:flex;gap:6px;margin:20px 0}.page-numbers{border:1px solid #ccd5df;padding:4px 11px;text-decoration:none}.page-numbers.current{background:#14539a;color:#fff}
.widget{margin-bottom:24px}.widget-title{font-size:16px;border-bottom:2px solid #14539a;padding-bottom:4px}
.widget ul{list-style:none;padding:0}.widget li{padding:5px 0;border-bottom:1px dashed #dde3ea}.post-date{display:block;font-size:12px;color:#8795a1}
.comments-area{margin-top:30px;border-top:2px solid #e3e8ee}.comment-list{list-style:none;padding:0}.comment-body{padding:10px 0;border-bottom:1px solid #eee}
.comment-respond textarea{width:100%}.post-navigation{margin:20px 0}
.site-footer{background:#0d3c73;color:#dbe8f7;padding:20px;font-size:13px}.site-footer a{color:#fff}
""",
    "joomla.css": """
body{margin:0;background:#f4f6f7;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#22262a}
a{color:#00695c}.site-grid{max-width:1200px;margin:0 auto;background:#fff}
.container-topbar{background:#004d40;color:#cde9e4;font-size:13px;padding:5px 18px}.container-topbar a{color:#fff}
.header .brand-logo img{display:block;width:100%}.container-nav{background:#00796b}
.mod-menu{list-style:none;margin:0;padding:0 12px}.mod-menu li{display:inline-block}.mod-menu a{display:block;color:#fff;padding:10px 14px;text-decoration:none}
.mod-menu li.active>a{background:#004d40}.site-grid{display:flex;gap:24px;padding:18px}
.container-component{flex:1}.container-sidebar-right{width:290px}.container-search{float:right;padding:6px}
.mod-breadcrumbs{list-style:none;display:flex;flex-wrap:wrap;gap:6px;padding:0;font-size:14px}.card{border:1px solid #dde3e6;margin-bottom:18px}.card-header{margin:0;padding:6px 10px;background:#00796b;color:#fff;font-size:15px}.card-body{padding:8px 10px}.card-body ul{list-style:none;padding:0}.card-body li{padding:4px 0;border-bottom:1px dotted #ccc}
.navbar-toggler{display:none}.visually-hidden{position:absolute;left:-9999px}
.blog-item{border-bottom:1px solid #e2e6e8;padding:12px 0;overflow:hidden}.item-image{float:left;margin:0 14px 6px 0}
.item-image img{width:220px;height:140px;object-fit:cover}.page-header h2{font-size:19px;margin:0 0 6px}.page-header h2 a{color:#1d2b2a;text-decoration:none}
.article-info{font-size:13px;color:#6c757d;margin:0 0 6px}.article-info dt{display:none}.article-info dd{display:inline;margin:0 12px 0 0}
.readmore a{font-size:14px}.pagination{list-style:none;display:flex;gap:4px;padding:0}.page-link{border:1px solid #cfd8dc;padding:4px 10px;display:block;text-decoration:none}
.page-item.active .page-link{background:#00796b;color:#fff}.page-item.disabled .page-link{color:#aaa}.counter{float:right;color:#777;font-size:14px}
.item-page h1{font-size:24px;color:#00574b}.com-content-article__body img{max-width:100%;height:auto}
.moduletable{margin-bottom:22px}.moduletable h3{font-size:16px;border-bottom:2px solid #00796b;padding-bottom:4px}
.moduletable ul{list-style:none;padding:0}.moduletable li{padding:5px 0;border-bottom:1px dotted #ccc}.mod-articles-category-date{display:block;font-size:12px;color:#888}
.pagenavigation{margin:18px 0}.pagenavigation a{margin-right:10px}.footer{background:#004d40;color:#cde9e4;padding:18px;font-size:14px}.footer a{color:#fff}
""",
    "dnn.css": """
body{margin:0;background:#dfe7ef;font:13px/1.5 Tahoma,Arial,sans-serif;color:#1c1c1c}
a{color:#0a4b8f;text-decoration:none}#Form{margin:0}.wrapper{width:1020px;margin:0 auto;background:#fff}
.dnn-topbar{background:#0a3d73;color:#fff;padding:4px 12px;font-size:12px}.dnn-topbar a{color:#ffd966}
.dnn-banner img{display:block;width:100%}.dnn-menu{background:#1260ae}.dnn-menu ul{list-style:none;margin:0;padding:0 6px}
.dnn-menu li{display:inline-block}.dnn-menu a{display:block;color:#fff;padding:8px 12px;font-weight:bold}.dnn-menu li.selected a{background:#0a3d73}
.dnn-body{display:flex;gap:14px;padding:12px}.dnn-left{width:220px}.dnn-main{flex:1}.dnn-right{width:250px}
.DnnModule{margin-bottom:14px}.Head,.c_head h2{background:#1260ae;color:#fff;font-size:13px;margin:0;padding:5px 8px;text-transform:uppercase}
.Normal{font-size:13px}.news-item{overflow:hidden;border-bottom:1px dotted #b8c6d6;padding:8px 0}.news-item img{float:left;width:150px;height:100px;object-fit:cover;margin-right:10px}
.news-item .title{font-weight:bold;font-size:14px}.news-item .date{color:#888;font-size:11px}
.PagingTable{margin:10px 0}.PagingTable a,.PagingTable span{padding:2px 7px;border:1px solid #b8c6d6;margin-right:3px}.PagingTable .current{background:#1260ae;color:#fff}
.article-title{font-size:20px;color:#0a3d73;margin:8px 0}.article-date{color:#777;font-size:12px}.article-summary{font-weight:bold;margin:10px 0}
.article-content img{max-width:100%;height:auto}.other-news li{margin:4px 0}.dnn-box ul{padding-left:16px}.dnn-box li{margin:4px 0}
.dnn-footer{background:#0a3d73;color:#fff;padding:12px 16px;font-size:12px}.dnn-footer a{color:#ffd966}
""",
}

JS = {
    "liferay.js": "/* Liferay barebone (mirror stub) */\nvar AUI=AUI||function(){return{use:function(){var f=arguments[arguments.length-1];if(typeof f==='function'){try{f({})}catch(e){}}}}};\nLiferay.Util={addInputType:function(){}};Liferay.Portlet={ready:function(){},list:[]};\nfunction hnShare(n){return false}function hnSiteMap(){return false}\n",
    "wordpress.js": "/* theme navigation (mirror stub) */\n(function(){var b=document.querySelector('.menu-toggle');if(b){b.addEventListener('click',function(){document.body.classList.toggle('menu-open')})}})();\n",
    "joomla.js": "/* Joomla core (mirror stub) */\nwindow.Joomla=window.Joomla||{};Joomla.getOptions=function(){return{}};\n",
    "dnn.js": "/* DNN dnncore (mirror stub) */\nfunction __doPostBack(t,a){var f=document.forms['Form'];if(f){f.__EVENTTARGET.value=t;f.__EVENTARGUMENT.value=a;f.submit()}}\nvar dnn=dnn||{};dnn.setVar=function(){};\n",
}


def _png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A plain-colour PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def _favicon(rgb: tuple[int, int, int]) -> bytes:
    """An .ico holding one 16x16 PNG."""
    png = _png(16, 16, rgb)
    return (
        struct.pack("<HHH", 0, 1, 1)
        + struct.pack("<BBBBHHII", 16, 16, 0, 0, 1, 32, len(png), 22)
        + png
    )


def make_pdf(title: str, lines: list[str]) -> bytes:
    """A small valid one-page PDF (Helvetica, ASCII text, diacritics folded)."""

    def clean(text: str) -> str:
        return (
            fold(text)
            .encode("ascii", "replace")
            .decode()
            .replace("\\", "\\\\")
            .replace("(", "\\(")
            .replace(")", "\\)")
        )

    ops = ["BT", "/F1 15 Tf", "60 770 Td", f"({clean(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        ops += ["0 -22 Td", f"({clean(line)}) Tj"]
    ops.append("ET")
    stream = "\n".join(ops).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Title (" + clean(title).encode() + b") /Producer (Microsoft Word 2013) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def asset_bytes(name: str) -> bytes:
    """Bytes of a named asset: 'liferay.css', 'photo:3', 'banner:haibatrung', 'favicon'."""
    if name in CSS:
        return CSS[name].lstrip().encode()
    if name in JS:
        return JS[name].encode()
    if name.startswith("photo:"):
        return (ASSET_DIR / "photos" / f"anh-{int(name[6:]):02d}.jpg").read_bytes()
    if name.startswith("banner:"):
        return (ASSET_DIR / "banners" / f"{name[7:]}.jpg").read_bytes()
    if name == "favicon":
        return _favicon((179, 27, 27))
    raise KeyError(name)


def asset_ext(name: str) -> str:
    """File extension to store an asset under."""
    if name in CSS:
        return ".css"
    if name in JS:
        return ".js"
    if name == "favicon":
        return ".ico"
    return ".jpg"
