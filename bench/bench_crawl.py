"""Crawl throughput: `scrapy crawl ward_news` (every pipeline on) against a minimal spider.

    .venv/bin/python bench/bench_crawl.py [--site bench/out/sites/s5k] [--runs 3]

The site (made with bench/synth.py if missing) is served by nginx on 127.0.0.1. Each run
crawls it once with the discard-only baseline (bench/minimal_spider.py) and once with the
project's spider (normalisation, SQLite with FTS, WARC; a fresh archive each time), both
timed as whole processes, start-up included. Prints pages/s of each, their ratio per run,
and the peak RSS of each process (wait4's ru_maxrss). Target: ratio >= 0.85.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    OUT,
    PYTHON,
    ROOT,
    fresh_archive,
    full_crawl_cmd,
    machine,
    minimal_crawl_cmd,
    remove_tree,
    run_process,
    show,
    summary,
)
from bench.serve import NginxServer, capacity  # noqa: E402


def ensure_site(site: Path, articles: int) -> None:
    """Generate the synthetic site when it is not there yet."""
    if not (site / "site.json").exists():
        subprocess.run(
            [
                PYTHON,
                str(ROOT / "bench" / "synth.py"),
                "--out",
                str(site),
                "--articles",
                str(articles),
            ],
            check=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--site", type=Path, default=OUT / "sites" / "s5k")
    parser.add_argument("--articles", type=int, default=5000, help="size if generated")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=["minimal", "full"], help="run one side only")
    parser.add_argument("--keep", action="store_true", help="keep archives and logs")
    args = parser.parse_args()
    ensure_site(args.site, args.articles)
    print("machine:", machine())
    print("command:", show([PYTHON, *sys.argv]))
    results: dict[str, list] = {"minimal": [], "full": []}
    with NginxServer(args.site) as server:
        tool, rate = capacity(server, seconds=3)
        print(f"nginx alone: {rate:.0f} req/s ({tool})")
        for i in range(args.runs):
            for kind in ("minimal", "full"):
                if args.only and kind != args.only:
                    continue
                db, warc = fresh_archive()
                cmd = (
                    minimal_crawl_cmd(server.listing_url)
                    if kind == "minimal"
                    else full_crawl_cmd(server.listing_url, db, warc)
                )
                if i == 0:
                    print(f"{kind} command: {show(cmd)}")
                # The baseline runs outside the repository: from a directory under it,
                # Scrapy finds the project's scrapy.cfg and loads its settings (WARC,
                # pipelines, extensions), which is no longer a minimal spider.
                run = run_process(
                    cmd,
                    cwd=ROOT if kind == "full" else Path(tempfile.gettempdir()),
                    log_path=db.parent / f"{kind}.log",
                )
                if run.returncode != 0 or run.responses == 0:
                    print(run.log[-3000:])
                    raise SystemExit(f"{kind} crawl failed (exit {run.returncode})")
                if kind == "minimal" and "wardnews." in run.log:
                    raise SystemExit("the minimal spider ran with the project's components")
                results[kind].append(run)
                print(
                    f"run {i + 1} {kind:7}: {run.responses} responses in {run.seconds:.1f} s"
                    f" = {run.pages_per_s:.0f} pages/s; {run.cpu_seconds:.1f} CPU-s ="
                    f" {run.pages_per_cpu_s:.0f} pages/CPU-s"
                    + (
                        f" (crawl {run.cpu_seconds - run.writer_cpu_seconds:.1f},"
                        f" writer {run.writer_cpu_seconds:.1f})"
                        if run.writer_cpu_seconds
                        else ""
                    )
                    + (
                        f"; article pages read by the writer {run.pages_read_by_writer},"
                        f" by the crawl {run.pages_read_by_crawl}"
                        if run.pages_read_by_writer + run.pages_read_by_crawl
                        else ""
                    )
                    + f"; peak RSS {run.peak_rss_mb:.0f} MB"
                    + (
                        f" + writer {run.writer_rss_mb:.0f} MB = {run.total_rss_mb:.0f} MB"
                        if run.writer_rss_mb
                        else ""
                    ),
                    flush=True,
                )
                if not args.keep:
                    remove_tree(db.parent)
    print()
    for kind, runs in results.items():
        if runs:
            print(f"{kind:7} pages/s: {summary([r.pages_per_s for r in runs], '{:.0f}')}")
            print(f"{kind:7} pages/CPU-s: {summary([r.pages_per_cpu_s for r in runs], '{:.0f}')}")
            print(f"{kind:7} peak RSS MB: {summary([r.peak_rss_mb for r in runs], '{:.0f}')}")
            if any(r.writer_rss_mb for r in runs):
                total = [r.total_rss_mb for r in runs]
                print(f"{kind:7} crawl + writer peak RSS MB: {summary(total, '{:.0f}')}")
    if results["minimal"] and results["full"]:
        ratios = [
            f.pages_per_s / m.pages_per_s
            for m, f in zip(results["minimal"], results["full"], strict=True)
        ]
        print(f"ratio full/minimal: {summary(ratios, '{:.2f}')}  (target >= 0.85)")
        cpu = [
            f.pages_per_cpu_s / m.pages_per_cpu_s
            for m, f in zip(results["minimal"], results["full"], strict=True)
        ]
        print(f"ratio full/minimal in pages per CPU-second: {summary(cpu, '{:.2f}')}")
        if any(f.writer_cpu_seconds for f in results["full"]):
            # On a quiet 2-core machine the two processes run side by side, so the crawl
            # goes as fast as the busier of the two allows.
            bound = [
                m.cpu_seconds / max(f.cpu_seconds - f.writer_cpu_seconds, f.writer_cpu_seconds)
                for m, f in zip(results["minimal"], results["full"], strict=True)
            ]
            print(
                "ratio full/minimal from CPU time, the busier process of the full crawl:"
                f" {summary(bound, '{:.2f}')}"
            )
        full = statistics.median(r.pages_per_s for r in results["full"])
        minimal = statistics.median(r.pages_per_s for r in results["minimal"])
        print(f"ratio of medians: {full / minimal:.2f}")


if __name__ == "__main__":
    main()
