"""Median cost of normalising one article: the item pipeline's own normalize_article().

Run: .venv/bin/python bench/bench_normalize.py [--runs 5] [--repeat 200] [--site DIR]
Target: < 1 ms per article. The one-off gazetteer load is reported separately.

The articles: the seed page and three others in other layouts (bylines, dates, tables),
and with --site, up to --pages article pages of a bench/synth.py site read through the
Liferay profile (long synthetic bodies dense with officials' names: a harder case).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from normalize import bylines as bylines_module  # noqa: E402
from normalize import text as text_module  # noqa: E402
from pipelines.normalize import normalize_article  # noqa: E402

SEED = Path("/work/shared/seed/ward-news-page.txt")
SEED_URL = (
    "http://haibatrung.hanoi.gov.vn/hoat-dong-cac-phuong1/-/view_content/"
    "2225876-phuong-bach-khoa-tong-ket-phong-trao-thi-dua-nam-2017-va-phat-dong-phong-trao-nam-20-1.html"
)


def _seed_article() -> dict:
    """The reference page, rebuilt as the raw strings an extractor hands over."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    paragraphs = [p.strip() for p in "\n".join(lines[4:]).split("\n\n") if p.strip()]
    body = "".join(f'<p style="text-align:justify">{p}</p>\n' for p in paragraphs)
    return {
        "url": SEED_URL,
        "category": lines[0].strip(),
        "title": lines[2].strip(),
        "published_raw": lines[3].strip(),
        "meta": None,
        "byline_raw": paragraphs[-1],
        "body_html": f'<div class="journal-content-article">{body}</div>',
        "district": "Hai Bà Trưng",
        "province": "Hà Nội",
    }


OTHERS = [
    {
        "url": "http://dongda.hanoi.gov.vn/tin-tuc/-/view_content/123-phuong-lang-thuong.html",
        "category": "Tin phường",
        "title": "Phường Láng Thượng ra quân tổng vệ sinh môi trường dịp Tết Nguyên đán",
        "published_raw": "Cập nhật lúc 08:30, Thứ Ba, 02/01/2018",
        "meta": "2018-01-02T01:30:00Z",
        "byline_raw": "Tin, ảnh: Thu Hà (Phường Láng Thượng)",
        "body_html": (
            "<div><p>Sáng 30-12, UBND phường Láng Thượng phối hợp với các đoàn thể tổ chức ra quân"
            " tổng vệ sinh môi trường. Tham dự có đồng chí Trần Văn Nam, Phó Chủ tịch UBND quận;"
            " đ/c Lê Thị Hoa - Chủ tịch Ủy ban MTTQ phường.</p>"
            "<p><img src='/documents/10180/anh1.jpg' alt='Ra quân'></p>"
            "<p>Hơn 300 cán bộ, hội viên và nhân dân đã tham gia thu gom rác thải, phát quang"
            " bụi rậm, khơi thông cống rãnh tại các tuyến ngõ trên địa bàn.&nbsp;</p>"
            "<script>var x = 1;</script><p>Tin, ảnh: Thu Hà (Phường Láng Thượng)</p></div>"
        ),
        "district": "Đống Đa",
        "province": "Hà Nội",
    },
    {
        "url": "http://longbien.hanoi.gov.vn/tin-tuc/-/view_content/456-phuc-dong.html",
        "category": "Phường Phúc Đồng",
        "title": "Hội nghị triển khai nhiệm vụ năm 2018",
        "published_raw": "Thứ Tư, 10/01/2018 - 14:30 CH",
        "meta": None,
        "byline_raw": "Hương Giang – Thu Trang",
        "body_html": (
            "<div><p>Chiều ngày 9/1/2018, Đảng uỷ phường Phúc Đồng tổ chức hội nghị triển khai"
            " nhiệm vụ năm 2018. Đồng chí Nguyễn Thành Trung – Bí thư Đảng uỷ phường chủ trì hội"
            " nghị.</p><p>Phát biểu tại hội nghị, bà Phạm Thị Thuỷ - Phó Chủ tịch HĐND phường đề"
            " nghị các chi bộ tiếp tục thực hiện tốt công tác hoà giải ở cơ sở.</p>"
            "<table><tr><td>Chỉ tiêu</td><td>Kết quả</td></tr><tr><td>Thu ngân sách</td>"
            "<td>105%</td></tr></table><p>Hương Giang – Thu Trang</p></div>"
        ),
        "district": "Long Biên",
        "province": "Hà Nội",
    },
    {
        "url": "http://quan3.hochiminhcity.gov.vn/tin-tuc/789.html",
        "category": "Hoạt động phường",
        "title": "P.14 tổ chức Ngày hội Đại đoàn kết toàn dân tộc",
        "published_raw": "Ngày đăng: 20/11/2017 | 09:15",
        "meta": "2017-11-20T09:15:00+07:00",
        "byline_raw": "CTV Hoàng Lan",
        "body_html": (
            "<div><p>Tối ngày 18/11, Ban Công tác Mặt trận khu phố 3 phường 14 tổ chức Ngày hội"
            " Đại đoàn kết toàn dân tộc năm 2017.</p><p>Đến dự có ông Lê Văn Tám, Chủ tịch Ủy"
            " ban MTTQ Việt Nam phường 14 cùng đông đảo bà con nhân dân.</p>"
            "<p>CTV Hoàng Lan</p></div>"
        ),
        "district": "Quận 3",
        "province": "Hồ Chí Minh",
    },
]


def as_item(article: dict) -> dict:
    """The item the spider would yield for these raw strings."""
    return {
        "_kind": "article",
        "url": article["url"],
        "source": "bench",
        "category": article["category"],
        "title": article["title"],
        "published_raw": article["published_raw"],
        "published_meta": article["meta"],
        "byline_raw": article["byline_raw"],
        "body_html": article["body_html"],
        "attachments": [],
        "district": article["district"],
        "province": article["province"],
        "capture_id": "<urn:uuid:bench>",
    }


def site_articles(site: Path, pages: int) -> list[dict]:
    """Raw strings of `pages` article pages of a synthetic site, as the Liferay profile reads."""
    from parsel import Selector

    from spiders.profiles.liferay import LIFERAY

    out = []
    for path in sorted(site.glob("root/**/view_content/*.html"))[:pages]:
        url = "http://127.0.0.1/" + path.relative_to(site / "root").as_posix()
        raw = LIFERAY.parse_article(Selector(text=path.read_text(encoding="utf-8")), url)
        out.append(
            {
                "url": url,
                "category": raw.category,
                "title": raw.title,
                "published_raw": raw.published_raw,
                "meta": raw.published_meta,
                "byline_raw": raw.byline_raw,
                "body_html": raw.body_html,
                "district": "Quận Hai Bà Trưng",
                "province": "Thành phố Hà Nội",
            }
        )
    return out


def normalise(article: dict) -> dict:
    """Everything the item pipeline does to one article's raw strings."""
    return normalize_article(as_item(article))


def time_articles(articles: list[dict], runs: int, repeat: int, label: str) -> float:
    """Median per-article time over `runs` runs of `repeat` passes; prints each run."""
    run_medians = []
    for run in range(runs):
        samples = []
        for _ in range(repeat):
            for article in articles:
                # Forget cleaned texts and parsed bylines so each pass pays the full price
                # of a new article (the gazetteer and compiled patterns stay warm).
                text_module._CLEAN_CACHE.clear()
                bylines_module._parse.cache_clear()
                t0 = time.perf_counter()
                normalise(article)
                samples.append(time.perf_counter() - t0)
        median = statistics.median(samples)
        run_medians.append(median)
        print(
            f"{label} run {run + 1}: median {median * 1e6:.0f} µs per article "
            f"({len(samples)} normalisations)"
        )
    overall = statistics.median(run_medians)
    verdict = "OK" if overall < 1e-3 else "OVER TARGET"
    print(
        f"{label}: median per article {overall * 1e6:.0f} µs (runs {min(run_medians) * 1e6:.0f}"
        f"-{max(run_medians) * 1e6:.0f}; target < 1000 µs) {verdict}"
    )
    return overall


def main() -> None:
    """Time the normalisation of each article, several runs, and print the median."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--site", type=Path, help="a bench/synth.py site, e.g. bench/out/sites/s5k")
    parser.add_argument("--pages", type=int, default=100, help="article pages read from --site")
    args = parser.parse_args()
    print("load average now", " ".join(f"{x:.2f}" for x in os.getloadavg()))

    articles = [_seed_article(), *OTHERS]
    start = time.perf_counter()
    for article in articles:  # warm-up: gazetteer load, lazy imports, regex compilation
        normalise(article)
    warm = time.perf_counter() - start
    seed = normalise(articles[0])
    print(
        f"seed: {seed['published_at']} event {seed['event_date']} {seed['author']} "
        f"{seed['author_org']} ward {seed['ward_code']} officials {len(seed['mentions'])}"
    )
    print(f"first pass (gazetteer load, imports): {warm * 1000:.0f} ms")
    time_articles(articles, args.runs, args.repeat, "seed + 3 layouts")
    if args.site:
        synthetic = site_articles(args.site, args.pages)
        chars = statistics.median(len(a["body_html"]) for a in synthetic)
        print(f"{len(synthetic)} synthetic articles, median body {chars:,.0f} characters of HTML")
        time_articles(synthetic, args.runs, max(1, args.repeat // 25), "synthetic site")


if __name__ == "__main__":
    main()
