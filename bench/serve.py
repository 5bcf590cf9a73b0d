"""Serve a synthetic site (bench/synth.py) with Debian's nginx on 127.0.0.1, and measure it.

    .venv/bin/python bench/serve.py bench/out/sites/s5k --port 8090            # until Ctrl-C
    .venv/bin/python bench/serve.py bench/out/sites/s5k --capacity             # req/s, then stop

The configuration is written to a temporary directory; nginx runs in the foreground as a
child process (`daemon off`) and is stopped by its PID. Static files with ETag and
Last-Modified (nginx's defaults, stated explicitly), so conditional requests get 304.
Listing pages `...?<portlet>_cur=N` are mapped onto `_listing/N.html`.

`--capacity` fetches article pages for a few seconds with `wrk` (Debian package) when it
is installed, else with a 32-connection aiohttp client, and prints requests/s: the
server's own ceiling, to compare with the crawl rates.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

__all__ = ["NginxServer", "free_port"]

CONF = """
worker_processes {workers};
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type text/html;
    charset utf-8;
    {access_log}
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    keepalive_requests 1000000;
    open_file_cache max=200000 inactive=60s;
    etag on;
    if_modified_since exact;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        location = {listing} {{
            set $page 1;
            if ($arg_{param} ~ "^([0-9]+)$") {{ set $page $1; }}
            rewrite ^ /_listing/$page.html break;
        }}
        location / {{ try_files $uri =404; }}
    }}
}}
"""


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NginxServer:
    """nginx serving one synthetic site; use as a context manager."""

    def __init__(
        self, site: Path, port: int | None = None, workers: int = 1, access_log: bool = False
    ):
        self.site = Path(site).resolve()
        self.state = json.loads((self.site / "site.json").read_text(encoding="utf-8"))
        self.port = port or free_port()
        self.workers = workers
        self.access_log = access_log
        self.tmp = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
        self.proc: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def listing_url(self) -> str:
        return self.base + self.state["listing"]

    @property
    def log_path(self) -> Path:
        return self.tmp / "access.log"

    def start(self) -> NginxServer:
        conf = CONF.format(
            workers=self.workers,
            tmp=self.tmp,
            port=self.port,
            root=self.site / "root",
            listing=self.state["listing"],
            param=self.state["page_param"],
            access_log=(
                f"access_log {self.log_path} combined;" if self.access_log else "access_log off;"
            ),
        )
        (self.tmp / "nginx.conf").write_text(conf)
        self.proc = subprocess.Popen(
            ["nginx", "-p", str(self.tmp), "-c", str(self.tmp / "nginx.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.base + "/robots.txt", timeout=1).read()
                return self
            except urllib.error.HTTPError as exc:
                self.stop()
                raise RuntimeError(
                    f"nginx answers {exc.code} for robots.txt: can its workers read {self.site}?"
                ) from exc
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError(
                        f"nginx exited: {self.proc.stderr.read().decode()}"
                    ) from None
                time.sleep(0.05)
        raise RuntimeError("nginx did not come up")

    def requests_logged(self) -> int:
        """Requests in the access log so far (access_log=True only)."""
        if not self.log_path.exists():
            return 0
        os.kill(self.proc.pid, signal.SIGUSR1)  # reopen: flushes buffered lines
        time.sleep(0.2)
        with open(self.log_path, "rb") as f:
            return sum(1 for _ in f)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)  # graceful shutdown
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self) -> NginxServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def article_urls(site: Path, n: int = 2000) -> list[str]:
    """Some article paths of the site (from rows.json).

    Read by a pattern, not json.loads: the rows of a 50,000-article site are ~190 MB as
    Python objects, and a child process starts with its parent's peak RSS on record
    (vfork + exec: ru_maxrss of every crawl the benchmark starts would be at least that).
    """
    data = (Path(site) / "rows.json").read_bytes()
    urls = [u.decode("utf-8") for u in re.findall(rb'\{"url": "([^"]+)"', data)]
    del data
    rng = random.Random(1)
    return rng.sample(urls, min(n, len(urls)))


async def _aiohttp_rate(base: str, paths: list[str], seconds: float, conc: int) -> float:
    import aiohttp

    done = 0
    stop = time.monotonic() + seconds

    async def worker(session: aiohttp.ClientSession, offset: int) -> None:
        nonlocal done
        i = offset
        while time.monotonic() < stop:
            async with session.get(base + paths[i % len(paths)]) as resp:
                await resp.read()
            done += 1
            i += conc

    connector = aiohttp.TCPConnector(limit=conc)
    async with aiohttp.ClientSession(connector=connector) as session:
        t0 = time.monotonic()
        await asyncio.gather(*(worker(session, k) for k in range(conc)))
        return done / (time.monotonic() - t0)


def capacity(server: NginxServer, seconds: float = 5.0, conc: int = 32) -> tuple[str, float]:
    """(tool, requests/s) fetching article pages with `conc` connections."""
    paths = article_urls(server.site)
    if shutil.which("wrk"):
        script = server.tmp / "paths.lua"
        quoted = ",".join(json.dumps(p) for p in paths)
        script.write_text(
            f"local paths = {{{quoted}}}\nlocal i = 0\n"
            "request = function()\n  i = i + 1\n"
            "  return wrk.format('GET', paths[(i % #paths) + 1])\nend\n"
        )
        cmd = ["wrk", "-t2", f"-c{conc}", f"-d{int(seconds)}s", "-s", str(script), server.base]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
        return " ".join(cmd[:-3] + ["-s", "paths.lua", server.base]), rate
    return "aiohttp, 32 connections", asyncio.run(_aiohttp_rate(server.base, paths, seconds, conc))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--port", type=int)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--capacity", action="store_true", help="measure req/s and stop")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with NginxServer(args.site, args.port, args.workers) as server:
        print(f"serving {args.site} at {server.listing_url}", flush=True)
        if args.capacity:
            rates = []
            for _ in range(args.runs):
                tool, rate = capacity(server)
                rates.append(rate)
            rates.sort()
            print(
                f"nginx capacity ({tool}, {args.workers} worker(s)): median "
                f"{rates[len(rates) // 2]:.0f} req/s, min {rates[0]:.0f}, max {rates[-1]:.0f}"
            )
            return
        try:
            signal.pause()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
