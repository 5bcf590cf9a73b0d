"""Generate the bundled demo mirror: four ward-news sites as static files under mirror/sites/.

    python -m mirror.generate            # rewrites mirror/sites/<site>/ for every site
    python -m mirror.generate --out DIR  # somewhere else (tests compare the two)

Everything is drawn from seeded `random.Random` instances and no clock is read, so the
same code writes the same bytes. Each site directory holds:

- ``urls.json``: site, family, district, province, listing (first listing page path) and
  ``files``: URL path with query -> file path relative to the site directory;
- ``truth.json``: what a perfect crawl must extract from every article (see CONVENTIONS);
- ``listing.json``: the generator's own state (listing rows, newest first, and the next
  CMS id), so `add_articles()` can extend a copied site;
- ``pages/``, ``static/``, ``documents/``: the files served.

Tests that need a changing site copy mirror/sites to a temporary directory and call
``add_articles(copy / "haibatrung", 3)``: three new articles, newest first, are written,
every listing page is rendered again (the old rows shift down, a page may be added) and
urls.json, truth.json and listing.json are updated. Serve the copy with
``MirrorServer(root=copy)``.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import unicodedata
from datetime import date, datetime, timedelta
from pathlib import Path

from mirror.assets import asset_bytes, asset_ext, make_pdf
from mirror.content import (
    KINDS,
    REFERENCE_URL,
    Story,
    pick_kind,
    reference_story,
    write_story,
)
from mirror.people import reporter_names
from mirror.render.base import Renderer, Sidebar
from mirror.render.common import Row, slugify
from mirror.render.dnn import DnnRenderer
from mirror.render.joomla import JoomlaRenderer
from mirror.render.liferay import LiferayRenderer
from mirror.render.wordpress import WordPressRenderer
from mirror.siteconf import CONVENTIONS, SITES, SiteSpec

__all__ = ["SITES", "generate_site", "generate_all", "add_articles", "SITES_DIR", "CONVENTIONS"]

SITES_DIR = Path(__file__).resolve().parent / "sites"
FIRST_DAY = date(2017, 1, 1)
LAST_DAY = date(2025, 5, 31)

ANYTIME_KINDS = ["ve_sinh", "pccc", "via_he", "hien_mau", "khen", "cu_tri"]


# ---------------------------------------------------------------------------------------
# Drawing the stories.


def _publish(rng: random.Random, event: date) -> datetime:
    """Publication time a few days after the event, in office hours mostly."""
    offset = rng.choice([0, 0, 1, 1, 1, 2, 2, 3, 4, 6])
    day = event + timedelta(days=offset)
    if offset == 0:  # same-day reports go up once the morning event is over
        hour = rng.choice([11, 14, 15, 16, 17, 20, 21, 22])
    else:
        hour = rng.choice([7, 8, 8, 9, 9, 10, 10, 11, 14, 14, 15, 15, 16, 16, 17, 20, 22, 5, 6])
    return datetime(day.year, day.month, day.day, hour, rng.randint(0, 59))


def draw_stories(spec: SiteSpec, rng: random.Random) -> list[Story]:
    """All stories of a site, oldest first, keys and slugs not yet set."""
    district = spec.place
    reporters = reporter_names(rng, 9)
    n = spec.count - (1 if spec.name == "haibatrung" else 0)
    years = list(range(FIRST_DAY.year, LAST_DAY.year + 1))
    plan: list[tuple[str, date]] = []
    for i in range(n):
        year = years[i * len(years) // n] if i < n - 1 else LAST_DAY.year
        year = min(LAST_DAY.year, max(FIRST_DAY.year, year + rng.choice([0, 0, 0, -1, 1])))
        kind, day = pick_kind(rng, year, LAST_DAY - timedelta(days=7))
        plan.append((kind, day))
    if spec.name == "haibatrung":
        plan[-2] = ("sap_xep", date(2025, 1, 2))
    plan.sort(key=lambda kd: kd[1])
    wards = [w for w in district.wards if not spec.ward_names or w.short in spec.ward_names]
    queue: list = []
    stories: list[Story] = []
    for kind, event in plan:
        if kind == "sap_xep":
            ward = district.ward("Bách Khoa")
        else:
            if not queue:
                # Wards merged away in 2025 turn up now and then, the others every round.
                queue = [w for w in wards if w.merged_on is None]
                queue += rng.sample(
                    [w for w in wards if w.merged_on], min(2, sum(1 for w in wards if w.merged_on))
                )
                rng.shuffle(queue)
            ward = next((w for w in queue if w.exists_on(event)), None)
            if ward is None:
                queue = [w for w in wards if w.exists_on(event)]
                rng.shuffle(queue)
                ward = queue[0]
            queue.remove(ward)
        published = _publish(rng, event)
        stories.append(
            write_story(
                rng, district, ward, kind, event, published, reporters, spec.byline_mode, spec.south
            )
        )
    if spec.name == "haibatrung":
        stories.append(reference_story(district.ward("Bách Khoa")))
    stories.sort(key=lambda s: s.published)
    return stories


def assign_keys(spec: SiteSpec, stories: list[Story], rng: random.Random) -> None:
    """CMS ids (rising with time) and URL slugs, in place; stories oldest first."""
    if spec.renderer is LiferayRenderer:
        ref = next(s for s in stories if s.key == 2225876)
        prev = 0
        for s in stories:
            if s is not ref:
                days = (s.published - ref.published).total_seconds() / 86400
                s.key = 2225876 + int(days * 1150) + rng.randint(-300, 300)
                if s.published < ref.published:
                    s.key = min(s.key, 2225876 - rng.randint(20, 90))
                if s.key <= prev:
                    s.key = prev + rng.randint(3, 60)
                s.slug = slugify(s.title) + ("-1" if rng.random() < 0.4 else "")
            prev = s.key
        return
    start, step = {
        WordPressRenderer: (112, (3, 40)),
        JoomlaRenderer: (38, (1, 9)),
        DnnRenderer: (4120, (10, 180)),
    }[spec.renderer]
    key = start
    taken: set[str] = set()
    for s in stories:
        key += rng.randint(*step)
        s.key = key
        s.slug = unique_slug(
            slugify(s.title, 120 if spec.renderer is JoomlaRenderer else 200), taken
        )


def unique_slug(slug: str, taken: set[str]) -> str:
    """WordPress-style: a repeated slug gets '-2', '-3', ...; records the result in `taken`."""
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate


# ---------------------------------------------------------------------------------------
# Writing a site.


class SiteWriter:
    """Collects the files of one site and writes them with urls.json."""

    def __init__(self, root: Path, spec: SiteSpec, files: dict[str, str] | None = None):
        self.root, self.spec = root, spec
        self.files: dict[str, str] = dict(files or {})

    def put(self, url: str, rel: str, data: bytes) -> None:
        """Serve `data` at `url`, stored at `rel` inside the site directory."""
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        self.files[url] = rel

    def alias(self, url: str, rel: str) -> None:
        """Serve an already written file at another URL."""
        self.files[url] = rel

    def write_urls(self) -> None:
        """urls.json, keys sorted."""
        spec = self.spec
        renderer = spec.make_renderer()
        doc = {
            "site": spec.name,
            "family": renderer.family,
            "district": spec.place.name,
            "province": spec.place.province,
            "listing": renderer.listing_path(1),
            "files": dict(sorted(self.files.items())),
        }
        _write_json(self.root / "urls.json", doc)


def _write_json(path: Path, doc: object) -> None:
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("\xa0", " ").split())


def abstract_of(story: Story) -> str:
    """Listing abstract: the lead, cut near 200 characters."""
    lead = _norm(story.lead)
    if len(lead) <= 200:
        return lead
    return lead[:200].rsplit(" ", 1)[0] + "..."


def story_media(
    renderer: Renderer, story: Story
) -> tuple[list[tuple[str, int]], list[tuple[str, str]]]:
    """([(image URL, photo number)], [(file URL, stem)]) of a story."""
    images, files = [], []
    for block in story.blocks:
        if block.kind == "img":
            images.append((renderer.image_url(story, len(images)), block.photo))
        elif block.kind == "file":
            files.append((renderer.file_url(story, block.file), block.file))
    return images, files


def row_of(renderer: Renderer, story: Story) -> Row:
    """The listing row of a story."""
    images, _ = story_media(renderer, story)
    return Row(
        url=renderer.article_path(story),
        title=story.title,
        published=story.published.strftime("%Y-%m-%dT%H:%M"),
        thumb=renderer.thumb_url(story, bool(images)),
        abstract=abstract_of(story),
        views=story.views,
        key=story.key,
        tags=list(story.tags),
    )


def truth_of(spec: SiteSpec, renderer: Renderer, story: Story) -> dict:
    """The truth.json entry of a story."""
    raw, at = renderer.date_fields(story)
    byline = story.byline
    officials: dict[str, str] = {}
    for person, position in story.mentions:
        officials.setdefault(person, position)
    paragraphs = [_norm(b.text) for b in story.blocks if b.kind in ("p", "img", "file")]
    return {
        "url": renderer.article_path(story),
        "title": story.title,
        "published_at": at,
        "published_raw": raw,
        "event_date": story.event_date.isoformat() if story.event_date else None,
        "author": ", ".join(byline.authors) if byline and byline.authors else None,
        "authors": list(byline.authors) if byline else [],
        "author_org": byline.org if byline else None,
        "byline_raw": byline.raw if byline else None,
        "ward": story.ward.official,
        "ward_code": story.ward.code,
        "ward_as_named": story.ward.named,
        "district": spec.place.name,
        "province": spec.place.province,
        "category": spec.info.category,
        "mentions": [{"person": p, "position": pos} for p, pos in story.mentions],
        "officials": [{"person": p, "position": pos} for p, pos in officials.items()],
        "encoding": renderer.charset_of(story),
        "body_paragraphs": paragraphs,
    }


def sidebar_of(rows: list[Row]) -> Sidebar:
    """Newest six and most-read five."""
    popular = sorted(rows, key=lambda r: (-r.views, r.key))[:5]
    return Sidebar(latest=rows[:6], popular=popular)


def others_of(rows: list[Row], url: str, n: int = 6) -> list[Row]:
    """'Các tin khác': the next older rows, or the newest ones for the oldest articles."""
    i = next(k for k, r in enumerate(rows) if r.url == url)
    older = rows[i + 1 : i + 1 + n]
    if len(older) < n:
        older += [r for r in rows[:i]][: n - len(older)]
    return older


def write_article(
    writer: SiteWriter, renderer: Renderer, story: Story, rows: list[Row], sidebar: Sidebar
) -> None:
    """Render one article page and its photos and attachments."""
    images, files = story_media(renderer, story)
    url = renderer.article_path(story)
    page = renderer.render_article(
        story, url, others_of(rows, url), sidebar, [u for u, _ in images], [u for u, _ in files]
    )
    writer.put(url, f"pages/article-{story.key}.html", renderer.encode(story, page))
    for img_url, photo in images:
        rel = f"static/photos/anh-{photo:02d}.jpg"
        writer.put(img_url, rel, asset_bytes(f"photo:{photo}"))
        for variant in renderer.image_variants(img_url):
            writer.alias(variant, rel)
    for file_url, stem in files:
        label = next(b.text for b in story.blocks if b.kind == "file" and b.file == stem)
        writer.put(
            file_url,
            f"documents/{stem}.pdf",
            make_pdf(
                label,
                [
                    story.ward.official.upper(),
                    story.title,
                    f"So: {stem}",
                    "Noi nhan: Nhu tren; Luu VT.",
                ],
            ),
        )
    thumb = renderer.thumb_url(story, bool(images))
    if thumb:
        photo = images[0][1] if images else 10
        writer.put(
            thumb.split("#")[0], f"static/photos/anh-{photo:02d}.jpg", asset_bytes(f"photo:{photo}")
        )


def write_listings(
    writer: SiteWriter, renderer: Renderer, rows: list[Row], sidebar: Sidebar
) -> None:
    """Every listing page from the rows (newest first)."""
    per = renderer.info.per_page
    pages = max(1, -(-len(rows) // per))
    for page in range(1, pages + 1):
        html = renderer.render_listing(
            rows[(page - 1) * per : page * per], page, pages, len(rows), sidebar
        )
        rel = f"pages/listing-{page}.html"
        writer.put(renderer.listing_path(page), rel, html.encode("utf-8"))
        for alias in renderer.listing_aliases(page):
            writer.alias(alias, rel)
    for extra_url, rel, data in renderer.extra_pages(rows, sidebar):
        writer.put(extra_url, rel, data)


def write_static(writer: SiteWriter, renderer: Renderer, rows: list[Row], sidebar: Sidebar) -> None:
    """Menu pages, styles, scripts, logos and the shared PDF of the sidebar."""
    for stub in renderer.stubs():
        rel = (
            "pages/" + (slugify(stub.path.split("/", 2)[-1].replace("/", "-")) or "index") + ".html"
        )
        writer.put(stub.path, rel, renderer.render_stub(stub, sidebar, rows).encode("utf-8"))
    for url, name in renderer.assets().items():
        rel = f"static/{name.replace(':', '-')}{asset_ext(name)}"
        writer.put(url, rel, asset_bytes(name))
    for url, title in renderer.documents():
        writer.put(
            url,
            f"documents/{url.rsplit('/', 1)[-1]}",
            make_pdf(title, [renderer.info.owner.upper(), title, "Trang 1/1"]),
        )


def generate_site(spec: SiteSpec, out: Path, seed: int = 20180103) -> Path:
    """Write one site under out/<name>/ and return that directory."""
    rng = random.Random(f"mirror|{spec.name}|{seed}")
    site_dir = out / spec.name
    if site_dir.exists():
        shutil.rmtree(site_dir)
    site_dir.mkdir(parents=True)
    renderer = spec.make_renderer()
    stories = draw_stories(spec, rng)
    assign_keys(spec, stories, rng)
    renderer.prepare(stories)
    stories.reverse()  # newest first from here on
    rows = [row_of(renderer, s) for s in stories]
    sidebar = sidebar_of(rows)
    writer = SiteWriter(site_dir, spec)
    for story in stories:
        write_article(writer, renderer, story, rows, sidebar)
    write_listings(writer, renderer, rows, sidebar)
    write_static(writer, renderer, rows, sidebar)
    writer.write_urls()
    truth = {
        "site": spec.name,
        "family": renderer.family,
        "category": spec.info.category,
        "district": spec.place.name,
        "province": spec.place.province,
        "conventions": CONVENTIONS,
        "articles": [truth_of(spec, renderer, s) for s in stories],
    }
    _write_json(site_dir / "truth.json", truth)
    state = {
        "next_key": max(s.key for s in stories) + 1,
        "rows": [r.to_json() for r in rows],
        "reporters": reporter_names(random.Random(f"reporters|{spec.name}"), 6),
    }
    _write_json(site_dir / "listing.json", state)
    if spec.name == "haibatrung":
        assert any(r.url == REFERENCE_URL for r in rows)
    return site_dir


def generate_all(out: Path = SITES_DIR) -> list[Path]:
    """Write every site."""
    out.mkdir(parents=True, exist_ok=True)
    return [generate_site(spec, out) for spec in SITES.values()]


def add_articles(site_dir: Path, n: int, seed: int = 1) -> list[str]:
    """Publish `n` new articles on a (copied) site, newest first; returns their URL paths.

    The new articles are dated after the site's newest one, go to the top of the first
    listing page and push older rows down (all listing pages are rewritten, a page may
    be added). urls.json, truth.json and listing.json are updated; other pages are left
    as they are, like a portal's cache.
    """
    site_dir = Path(site_dir)
    urls = json.loads((site_dir / "urls.json").read_text(encoding="utf-8"))
    truth = json.loads((site_dir / "truth.json").read_text(encoding="utf-8"))
    state = json.loads((site_dir / "listing.json").read_text(encoding="utf-8"))
    spec = SITES[urls["site"]]
    renderer = spec.make_renderer()
    rows = [Row(**r) for r in state["rows"]]
    rng = random.Random(f"add|{spec.name}|{seed}|{len(rows)}")
    district = spec.place
    newest = rows[0].when if rows else datetime(2025, 5, 1, 9, 0)
    wards = [w for w in district.wards if w.exists_on(newest.date() + timedelta(days=n + 1))]
    new: list[Story] = []
    taken = {r.url.rstrip("/").rsplit("/", 1)[-1] for r in rows}
    for i in range(n):
        day = newest.date() + timedelta(days=i + 1)
        published = datetime(day.year, day.month, day.day, rng.randint(11, 17), rng.randint(0, 59))
        event = day - timedelta(days=rng.choice([0, 1, 2]))
        kind = rng.choice([k for k in ANYTIME_KINDS if k in KINDS])
        story = write_story(
            rng,
            district,
            rng.choice(wards),
            kind,
            event,
            published,
            state["reporters"],
            spec.byline_mode,
            spec.south,
        )
        step = (400, 3000) if spec.renderer is LiferayRenderer else (1, 9)
        story.key = (new[-1].key if new else state["next_key"] - 1) + rng.randint(*step)
        limit = {LiferayRenderer: 84, JoomlaRenderer: 120}.get(spec.renderer, 200)
        story.slug = unique_slug(slugify(story.title, limit), taken)
        new.append(story)
    renderer.prepare(new)
    new.reverse()
    rows = [row_of(renderer, s) for s in new] + rows
    sidebar = sidebar_of(rows)
    writer = SiteWriter(site_dir, spec, urls["files"])
    for story in new:
        write_article(writer, renderer, story, rows, sidebar)
    write_listings(writer, renderer, rows, sidebar)
    writer.write_urls()
    truth["articles"] = [truth_of(spec, renderer, s) for s in new] + truth["articles"]
    _write_json(site_dir / "truth.json", truth)
    state["rows"] = [r.to_json() for r in rows]
    state["next_key"] = max(s.key for s in new) + 1
    _write_json(site_dir / "listing.json", state)
    return [renderer.article_path(s) for s in new]


def main(argv: list[str] | None = None) -> None:
    """CLI entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=SITES_DIR, help="output directory")
    args = parser.parse_args(argv)
    for path in generate_all(args.out):
        urls = json.loads((path / "urls.json").read_text(encoding="utf-8"))
        truth = json.loads((path / "truth.json").read_text(encoding="utf-8"))
        count, files = len(truth["articles"]), len(urls["files"])
        print(f"{urls['site']:15} {count:3} articles {files:4} files  {urls['listing']}")


if __name__ == "__main__":
    main()
