"""`make demo`: serve the bundled mirror, crawl it into archive.db, publish it with Datasette.

    python -m wardnews.demo [--mirror-port 8010] [--port 8001] [--db archive.db]

The mirror stays up while Datasette runs, so the archived URLs can be clicked through.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import yaml

from mirror.server import MirrorServer

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

__all__ = ["write_mirror_sources", "main", "DATASETTE_SETTINGS"]

# The same read-only, time-limited settings as `make serve` (docs/PUBLISHING.md).
DATASETTE_SETTINGS = [
    "--setting",
    "sql_time_limit_ms",
    "3000",
    "--setting",
    "facet_time_limit_ms",
    "500",
    "--setting",
    "max_returned_rows",
    "1000",
    "--setting",
    "truncate_cells_html",
    "300",
    "--setting",
    "suggest_facets",
    "off",
]


def write_mirror_sources(server: MirrorServer, path: Path) -> dict[str, str]:
    """Write a sources.yml for the mirror's sites as served by `server`; return name -> URL."""
    sources: dict[str, dict] = {}
    listings: dict[str, str] = {}
    for urls_json in sorted(Path(server.root).glob("*/urls.json")):
        info = json.loads(urls_json.read_text(encoding="utf-8"))
        name = info["site"]
        listings[name] = server.listing_url(name)
        sources[name] = {
            "title": info.get("title") or name,
            "district": info.get("district"),
            "province": info.get("province"),
            "listing_urls": [listings[name]],
        }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        yaml.safe_dump({"sources": sources}, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return listings


def main(argv: list[str] | None = None) -> int:
    """Run the demo; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror-port", type=int, default=8010)
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--db", default=str(ROOT / "archive.db"))
    parser.add_argument("--no-serve", action="store_true", help="crawl only")
    args = parser.parse_args(argv)

    server = MirrorServer(host="127.0.0.1", port=args.mirror_port)
    server.start()
    try:
        sources_file = ROOT / "build" / "demo-sources.yml"
        for name, url in write_mirror_sources(server, sources_file).items():
            print(f"mirror: {name} {url}", flush=True)
        crawl = subprocess.run(
            [
                str(BIN / "scrapy"),
                "crawl",
                "ward_news",
                "-s",
                f"SOURCES_FILE={sources_file}",
                "-s",
                f"ARCHIVE_DB={args.db}",
                # A local mirror: no need to be gentle.
                "-s",
                "AUTOTHROTTLE_ENABLED=0",
                "-s",
                "DOWNLOAD_DELAY=0",
                "-s",
                "CONCURRENT_REQUESTS_PER_DOMAIN=16",
                "-s",
                "LOG_LEVEL=INFO",
            ],
            cwd=ROOT,
            check=False,
        )
        print(f"crawl finished with exit status {crawl.returncode}", flush=True)
        if args.no_serve:
            return crawl.returncode
        print(f"serving the archive on http://127.0.0.1:{args.port}/ (Ctrl-C to stop)", flush=True)
        try:
            return subprocess.run(
                [
                    str(BIN / "datasette"),
                    "serve",
                    args.db,
                    "-m",
                    str(ROOT / "metadata.yml"),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(args.port),
                    *DATASETTE_SETTINGS,
                ],
                cwd=ROOT,
                check=False,
            ).returncode
        except KeyboardInterrupt:
            return 0
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
