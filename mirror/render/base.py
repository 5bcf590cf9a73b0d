"""What every family renderer offers; generate.py talks to renderers only through this."""

from __future__ import annotations

from dataclasses import dataclass, field

from mirror.content import Block, Byline, Story
from mirror.render.common import Row, SiteInfo, text_html

__all__ = ["Renderer", "Sidebar", "Stub"]


@dataclass
class Sidebar:
    """The article lists every page of a site repeats: newest and most read."""

    latest: list[Row] = field(default_factory=list)
    popular: list[Row] = field(default_factory=list)


@dataclass
class Stub:
    """A non-article page the menus link to (introduction, contact, other sections)."""

    path: str
    title: str
    paragraphs: list[str]
    kind: str = "page"  # "page", "section", "login"


class Renderer:
    """Base class: URL scheme, page templates and assets of one CMS family."""

    family = ""
    charset = "utf-8"

    def __init__(self, info: SiteInfo):
        self.info = info

    # URL scheme ------------------------------------------------------------------------
    def listing_path(self, page: int) -> str:
        """Path (with query) of listing page `page` (1-based)."""
        raise NotImplementedError

    def listing_aliases(self, page: int) -> list[str]:
        """Other URLs that serve the same listing page (e.g. an explicit page 1)."""
        return []

    def article_path(self, story: Story) -> str:
        """Path (with query) of an article."""
        raise NotImplementedError

    def image_url(self, story: Story, index: int) -> str:
        """URL of the index-th photo in an article."""
        raise NotImplementedError

    def image_variants(self, url: str) -> list[str]:
        """Other sizes of a photo the page references (srcset)."""
        return []

    def thumb_url(self, story: Story, has_photo: bool) -> str:
        """URL of the list thumbnail."""
        raise NotImplementedError

    def file_url(self, story: Story, stem: str) -> str:
        """URL of an attached PDF."""
        raise NotImplementedError

    def prepare(self, stories: list[Story]) -> None:
        """Look at all stories (oldest first) before rendering; families with per-era quirks use it."""

    def charset_of(self, story: Story) -> str:
        """Character encoding the article page is served in."""
        return self.charset

    def encode(self, story: Story, page: str) -> bytes:
        """The page's bytes as served."""
        return page.encode(self.charset_of(story))

    def extra_pages(self, rows: list[Row], sidebar: Sidebar) -> list[tuple[str, str, bytes]]:
        """Other pages built from the rows (feeds, tag archives): (URL, file, bytes)."""
        return []

    def documents(self) -> list[tuple[str, str]]:
        """PDFs the page frame links to: (URL, title)."""
        return []

    def stubs(self) -> list[Stub]:
        """Menu pages served besides the news."""
        return []

    def assets(self) -> dict[str, str]:
        """URL -> asset name (see mirror.assets) for styles, scripts, logos."""
        return {}

    def date_fields(self, story: Story) -> tuple[str, str | None]:
        """(published_raw, published_at) exactly as the article page states them."""
        raise NotImplementedError

    # Pages -----------------------------------------------------------------------------
    def render_listing(
        self, rows: list[Row], page: int, pages: int, total: int, sidebar: Sidebar
    ) -> str:
        """A listing page."""
        raise NotImplementedError

    def render_article(
        self,
        story: Story,
        url: str,
        others: list[Row],
        sidebar: Sidebar,
        images: list[str],
        files: list[str],
    ) -> str:
        """An article page; `images`/`files` are the URLs of its photos and attachments."""
        raise NotImplementedError

    def render_stub(self, stub: Stub, sidebar: Sidebar, rows: list[Row]) -> str:
        """A menu page."""
        raise NotImplementedError

    # Shared body rendering -------------------------------------------------------------
    def body_html(self, story: Story, images: list[str], files: list[str]) -> str:
        """The article body, byline last, in this family's editor style."""
        out: list[str] = []
        img_i = file_i = 0
        for block in story.blocks:
            if block.kind == "p":
                out.append(self.p_html(block, story))
            elif block.kind == "img":
                out.append(self.img_html(block, images[img_i]))
                img_i += 1
            elif block.kind == "table":
                out.append(self.table_html(block))
            elif block.kind == "file":
                out.append(self.file_html(block, files[file_i]))
                file_i += 1
        if story.byline is not None:
            out.append(self.byline_html(story.byline))
        return "\n".join(out)

    def p_html(self, block: Block, story: Story) -> str:
        """One paragraph."""
        return f"<p>{text_html(block.text)}</p>"

    def img_html(self, block: Block, src: str) -> str:
        """A photo with caption."""
        raise NotImplementedError

    def table_html(self, block: Block) -> str:
        """A table; the first row is the header."""
        rows = []
        for i, row in enumerate(block.rows):
            cells = "".join(
                f"<td><strong>{text_html(c)}</strong></td>"
                if i == 0
                else f"<td>{text_html(c)}</td>"
                for c in row
            )
            rows.append(f"<tr>{cells}</tr>")
        return f'<table border="1" cellpadding="1" cellspacing="0" style="width: 100%;"><tbody>{"".join(rows)}</tbody></table>'

    def file_html(self, block: Block, href: str) -> str:
        """A link to an attached PDF."""
        return f'<p><strong>File đính kèm:</strong> <a href="{href}" target="_blank">{text_html(block.text)}</a></p>'

    def byline_html(self, byline: Byline) -> str:
        """The credit line, right-aligned as ward portals do."""
        text = text_html(byline.raw)
        if byline.style == "pad":
            return f'<p style="text-align: right;">{text_html(REF_PAD)}{text}</p>'
        wrap = {
            "plain": "{}",
            "strong": "<strong>{}</strong>",
            "em": "<em>{}</em>",
            "strong_em": "<strong><em>{}</em></strong>",
        }[byline.style]
        return f'<p style="text-align: right;">{wrap.format(text)}</p>'


REF_PAD = "\xa0 " * 44
