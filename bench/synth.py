"""Synthetic ward-news sites of any size, as static files, in the demo mirror's Liferay markup.

    .venv/bin/python bench/synth.py --out bench/out/sites/s5k --articles 5000
    .venv/bin/python bench/synth.py --out bench/out/sites/s50k --new 500   # 500 newest added

Pages are rendered by the demo mirror's own `LiferayRenderer` (the `haibatrung` site), so
the project's `liferay` profile reads them exactly as it reads the demo mirror. Stories come
from the mirror's `write_story` (titles, bylines, officials, ward names), each padded with
filler paragraphs from `bench.vntext` (a Zipf vocabulary with look-alike tone words) and
the page chrome padded with inline portal script, so that every page is 30-60 KB.

Layout of OUT (serve OUT/root with bench/serve.py):

- ``root/haibatrung/hoat-dong-cac-phuong1/-/view_content/<id>-<slug>.html``: articles;
- ``root/_listing/<n>.html``: listing page n; nginx maps ``?..._cur=n`` onto it;
- ``root/robots.txt``;
- ``site.json`` (listing path, page parameter, counts) and ``rows.json`` (the generator's
  state: listing rows newest first), so ``--new K`` can publish K newer articles: their
  pages are written, every listing page is rewritten (rows shift down), and every older
  article page is left untouched, like a portal's page cache.

Deviation from the mirror, for size: Liferay's page-iterator dropdown lists every page;
at 5,000 listing pages that is 1.7 MB per listing page, so here it lists the 15 pages
around the current one (the markup's own `max-display-items-15`).
"""

from __future__ import annotations

import argparse
import builtins
import json
import random
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.vntext import SentencePool  # noqa: E402
from mirror.content import Block, pick_kind, write_story  # noqa: E402
from mirror.people import reporter_names  # noqa: E402
from mirror.places import DISTRICTS  # noqa: E402
from mirror.render import liferay as liferay_module  # noqa: E402
from mirror.render.base import Sidebar  # noqa: E402
from mirror.render.common import Row, SiteInfo, slugify  # noqa: E402
from mirror.render.liferay import AP, LiferayRenderer  # noqa: E402

__all__ = ["create_site", "add_new", "PAGE_PARAM"]

PAGE_PARAM = f"_{AP}_cur"
# The mirror's story calendar (Tết dates, elections...) covers 2017 to mid-2025.
FIRST = datetime(2017, 1, 20, 8, 0)
ANYTIME_KINDS = ["ve_sinh", "pccc", "via_he", "hien_mau", "khen", "cu_tri"]
LAST = datetime(2025, 5, 31, 17, 0)

# The demo mirror's haibatrung site (mirror/generate.py SITES["haibatrung"].info).
INFO = SiteInfo(
    name="haibatrung",
    family="liferay",
    portal="Cổng giao tiếp điện tử quận Hai Bà Trưng",
    owner="Ủy ban nhân dân quận Hai Bà Trưng",
    address="Số 30 phố Lê Đại Hành, phường Lê Đại Hành, quận Hai Bà Trưng, thành phố Hà Nội",
    phone="(024) 3978 1546",
    fax="(024) 3978 2230",
    email="vanphong_haibatrung@hanoi.gov.vn",
    license="Giấy phép số 25/GP-TTĐT ngày 13/02/2017 của Sở Thông tin và Truyền thông Hà Nội",
    category="Hoạt động các phường",
    city_weather="Hà Nội",
)


class _WindowRange:
    """Stands in for range() in the Liferay renderer: the page menu lists 15 pages only."""

    def __init__(self, page: int):
        self.page = page

    def __call__(self, start: int, stop: int) -> range:
        return builtins.range(max(start, self.page - 7), min(stop, self.page + 8))


class SynthRenderer(LiferayRenderer):
    """The mirror's Liferay renderer, with the page dropdown windowed (see module doc)."""

    def render_listing(self, rows, page, pages, total, sidebar):  # type: ignore[override]
        liferay_module.range = _WindowRange(page)  # the module's only range(): the menu
        try:
            return super().render_listing(rows, page, pages, total, sidebar)
        finally:
            del liferay_module.range


def _chrome_padding(rng: random.Random, pool: SentencePool, size: int) -> str:
    """Inline portal script of about `size` bytes (language keys, portlet registrations)."""
    lines, n = [], 0
    while n < size:
        phrase = rng.choice(pool.sentences)[:60].replace("'", "")
        line = (
            f"\t\tLiferay.Language.set('hn-{rng.randrange(10**6):06d}', '{phrase}');"
            f" Liferay.Portlet.register('p_p_id_56_INSTANCE_{rng.randrange(10**8):08d}_');\n"
        )
        lines.append(line)
        n += len(line.encode("utf-8"))
    return (
        '<script type="text/javascript">\n\t// <![CDATA[\n'
        + "".join(lines)
        + "\t// ]]>\n</script>\n"
    )


class Site:
    """One synthetic site on disk: its state, and writing its pages."""

    def __init__(self, out: Path, seed: int = 1):
        self.out = out
        self.root = out / "root"
        self.seed = seed
        self.renderer = SynthRenderer(INFO)
        self.district = DISTRICTS["haibatrung"]
        self.pool = SentencePool(seed, size=20_000)
        self.reporters = reporter_names(random.Random(f"synth-reporters|{seed}"), 9)
        self.rows: list[Row] = []  # newest first
        self.next_index = 0

    # --- state -------------------------------------------------------------------------
    def load(self) -> None:
        state = json.loads((self.out / "site.json").read_text(encoding="utf-8"))
        self.seed, self.next_index = state["seed"], state["next_index"]
        self.pool = SentencePool(self.seed, size=20_000)
        rows = json.loads((self.out / "rows.json").read_text(encoding="utf-8"))
        self.rows = [Row(**r) for r in rows]

    def save(self) -> None:
        per = INFO.per_page
        state = {
            "site": INFO.name,
            "seed": self.seed,
            "next_index": self.next_index,
            "articles": len(self.rows),
            "listing_pages": -(-len(self.rows) // per),
            "listing": self.renderer.listing_path(1),
            "page_param": PAGE_PARAM,
            "newest": self.rows[0].url if self.rows else None,
        }
        (self.out / "site.json").write_text(json.dumps(state, indent=1), encoding="utf-8")
        (self.out / "rows.json").write_text(
            json.dumps([r.to_json() for r in self.rows], ensure_ascii=False), encoding="utf-8"
        )

    # --- articles ----------------------------------------------------------------------
    def _story(self, index: int, published: datetime):
        rng = random.Random(f"synth|{self.seed}|{index}")
        last = published.date()
        try:
            if not 2017 <= last.year <= 2024:
                raise LookupError(last.year)
            kind, event = pick_kind(rng, last.year, last)
        except (LookupError, IndexError):  # outside the mirror's calendar: everyday news
            kind = rng.choice(ANYTIME_KINDS)
            event = last - timedelta(days=rng.randint(0, 2))
        wards = [w for w in self.district.wards if w.exists_on(event)]
        story = write_story(
            rng, self.district, rng.choice(wards), kind, event, published, self.reporters, "ward"
        )
        # Filler paragraphs (before the byline, which the renderer puts last).
        filler = self.pool.paragraphs(rng, rng.randint(8, 26))
        story.blocks = story.blocks + [Block("p", p) for p in filler]
        story.key = 3_000_000 + index * 41 + rng.randint(0, 30)
        story.slug = slugify(story.title) + ("-1" if rng.random() < 0.4 else "")
        return rng, story

    def _write_article(self, index: int, published: datetime, older: list[Row]) -> Row:
        rng, story = self._story(index, published)
        r = self.renderer
        images = [
            r.image_url(story, i)
            for i, b in enumerate([b for b in story.blocks if b.kind == "img"])
        ]
        files = [r.file_url(story, b.file) for b in story.blocks if b.kind == "file"]
        url = r.article_path(story)
        popular = sorted(older[:50], key=lambda x: -x.views)[:5]
        sidebar = Sidebar(latest=older[:6], popular=popular)
        page = r.render_article(story, url, older[:6], sidebar, images, files)
        target = rng.randint(30_000, 60_000)
        size = len(page.encode("utf-8"))
        if size < target:
            page = page.replace(
                "</head>", _chrome_padding(rng, self.pool, target - size) + "</head>", 1
            )
        encode = getattr(r, "encode", None)
        data = encode(story, page) if encode else page.encode("utf-8")
        path = self.root / url.lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        lead = " ".join(story.lead.replace("\xa0", " ").split())
        return Row(
            url=url,
            title=story.title,
            published=published.strftime("%Y-%m-%dT%H:%M"),
            thumb=r.thumb_url(story, bool(images)),
            abstract=lead if len(lead) <= 200 else lead[:200].rsplit(" ", 1)[0] + "...",
            views=story.views,
            key=story.key,
            tags=list(story.tags),
        )

    def publish(self, times: list[datetime]) -> None:
        """Write one article per time (ascending), each newer than every existing one."""
        for published in times:
            row = self._write_article(self.next_index, published, self.rows)
            self.rows.insert(0, row)
            self.next_index += 1

    # --- listings ----------------------------------------------------------------------
    def write_listings(self) -> None:
        per = INFO.per_page
        pages = max(1, -(-len(self.rows) // per))
        sidebar = Sidebar(
            latest=self.rows[:6], popular=sorted(self.rows[:200], key=lambda x: -x.views)[:5]
        )
        folder = self.root / "_listing"
        folder.mkdir(parents=True, exist_ok=True)
        for page in range(1, pages + 1):
            html = self.renderer.render_listing(
                self.rows[(page - 1) * per : page * per], page, pages, len(self.rows), sidebar
            )
            (folder / f"{page}.html").write_bytes(html.encode("utf-8"))
        for stale in folder.glob("*.html"):
            if int(stale.stem) > pages:
                stale.unlink()
        (self.root / "robots.txt").write_text("User-agent: *\nDisallow: /admin/\n")


def create_site(out: Path, n: int, seed: int = 1) -> Site:
    """A new site of n articles, published between 2017 and mid-2025."""
    site = Site(out, seed)
    rng = random.Random(f"synth-times|{seed}|{n}")
    span = (LAST - FIRST).total_seconds()
    times = sorted(FIRST + timedelta(seconds=rng.uniform(0, span)) for _ in range(n))
    times = [t.replace(second=0, microsecond=0) for t in times]
    site.publish(times)
    site.write_listings()
    site.save()
    return site


def add_new(out: Path, k: int) -> Site:
    """Publish k articles newer than every existing one; rewrite the listings."""
    site = Site(out)
    site.load()
    newest = datetime.fromisoformat(site.rows[0].published)
    site.publish([newest + timedelta(hours=3 * (i + 1)) for i in range(k)])
    site.write_listings()
    site.save()
    return site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, required=True, help="site directory")
    parser.add_argument("--articles", type=int, help="create a site of this many articles")
    parser.add_argument("--new", type=int, help="add this many newest articles to --out")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if (args.articles is None) == (args.new is None):
        parser.error("give exactly one of --articles N and --new K")
    t0 = time.perf_counter()
    if args.articles is not None:
        if args.out.exists() and any(args.out.iterdir()):
            parser.error(f"{args.out} exists and is not empty")
        site = create_site(args.out, args.articles, args.seed)
    else:
        site = add_new(args.out, args.new)
    pages = -(-len(site.rows) // INFO.per_page)
    print(
        f"{args.out}: {len(site.rows)} articles, {pages} listing pages, "
        f"{time.perf_counter() - t0:.1f} s"
    )


if __name__ == "__main__":
    main()
