"""Nightly cost: requests of an incremental crawl against the full crawl of a 50,000-article site.

    .venv/bin/python bench/bench_nightly.py [--site bench/out/sites/s50k] [--articles 50000]
                                            [--new-share 0.01] [--runs 3]

1. A full crawl of the synthetic site (made with bench/synth.py if missing) into a fresh
   archive; the archive is then kept as a snapshot.
2. `--runs` times: restore the snapshot, crawl again incrementally (no `-a full=1`) the
   unchanged site. Target: under 1% of the full crawl's requests.
3. A working copy of the site (hard links, listings copied) gets 1% new articles
   (`synth.py --new`); `--runs` times: restore the snapshot, crawl it incrementally.
   Target: under 3%.

Requests are counted twice: Scrapy's `downloader/request_count` (robots.txt included) and
nginx's access log; both are printed. Also prints the full crawl's peak RSS and rate.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_crawl import ensure_site  # noqa: E402
from bench.common import (  # noqa: E402
    OUT,
    PYTHON,
    ROOT,
    fresh_archive,
    full_crawl_cmd,
    machine,
    run_process,
    show,
    summary,
)
from bench.serve import NginxServer, free_port  # noqa: E402


def copy_archive(src: Path, dst: Path) -> None:
    """Copy a closed archive (db, and its -wal when one is left)."""
    for suffix in ("", "-wal", "-shm"):
        target = Path(f"{dst}{suffix}")
        target.unlink(missing_ok=True)
        if Path(f"{src}{suffix}").exists():
            shutil.copyfile(f"{src}{suffix}", target)


def working_copy(site: Path, dst: Path) -> None:
    """Hard-linked copy of a site; the files synth --new rewrites are real copies."""
    shutil.rmtree(dst, ignore_errors=True)
    subprocess.run(["cp", "-al", str(site), str(dst)], check=True)
    for rel in ("site.json", "rows.json"):
        (dst / rel).unlink()
        shutil.copyfile(site / rel, dst / rel)
    shutil.rmtree(dst / "root" / "_listing")
    shutil.copytree(site / "root" / "_listing", dst / "root" / "_listing")


def crawl(server: NginxServer, db: Path, warc: Path, label: str):
    before = server.requests_logged()
    cmd = full_crawl_cmd(server.listing_url, db, warc)
    run = run_process(cmd, log_path=db.parent / f"{label}.log")
    if run.returncode != 0:
        print(run.log[-3000:])
        raise SystemExit(f"{label} crawl failed (exit {run.returncode})")
    served = server.requests_logged() - before
    print(
        f"{label}: {run.requests} requests (nginx served {served}), {run.seconds:.1f} s,"
        f" {run.pages_per_s:.0f} pages/s, peak RSS {run.peak_rss_mb:.0f} MB"
        f" (+ writer {run.writer_rss_mb:.0f} MB)",
        flush=True,
    )
    return run, served, cmd


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--site", type=Path, default=OUT / "sites" / "s50k")
    parser.add_argument("--articles", type=int, default=50_000, help="size if generated")
    parser.add_argument("--new-share", type=float, default=0.01)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ensure_site(args.site, args.articles)
    print("machine:", machine())
    print("command:", show([PYTHON, *sys.argv]))
    db, warc = fresh_archive()
    work = db.parent
    snapshot = work / "after-full.db"
    # One port for every server: the archive knows articles by URL, port included.
    port = free_port()
    with NginxServer(args.site, port, access_log=True) as server:
        full, full_served, cmd = crawl(server, db, warc, "full crawl")
        print(f"full crawl command: {show(cmd)}")
    copy_archive(db, snapshot)

    def incremental(site: Path, label: str) -> list[tuple[int, int]]:
        counts = []
        with NginxServer(site, port, access_log=True) as server:
            for i in range(args.runs):
                copy_archive(snapshot, db)
                run, served, cmd = crawl(server, db, warc, f"{label} run {i + 1}")
                counts.append((run.requests, served))
            print(f"{label} command: {show(cmd)}")
        return counts

    unchanged = incremental(args.site, "incremental, unchanged")
    new_site = work / "site-with-new"
    working_copy(args.site, new_site)
    articles = json.loads((args.site / "site.json").read_text())["articles"]
    k = max(1, round(articles * args.new_share))
    subprocess.run(
        [PYTHON, str(ROOT / "bench" / "synth.py"), "--out", str(new_site), "--new", str(k)],
        check=True,
    )
    with_new = incremental(new_site, f"incremental, {k} new")
    print()
    print(
        f"full crawl: {full.requests} requests (nginx {full_served}), {full.seconds:.0f} s, "
        f"peak RSS {full.peak_rss_mb:.0f} MB (+ writer {full.writer_rss_mb:.0f} MB)"
    )
    for label, counts, target in (("unchanged", unchanged, 1.0), (f"{k} new", with_new, 3.0)):
        shares = [100 * req / full.requests for req, _ in counts]
        print(
            f"incremental, {label}: requests {summary([c[0] for c in counts], '{:.0f}')};"
            f" nginx {summary([c[1] for c in counts], '{:.0f}')};"
            f" {summary(shares, '{:.3f}')} % of the full crawl (target < {target}%)"
        )
    if os.environ.get("BENCH_KEEP") != "1":
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
