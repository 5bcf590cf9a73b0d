"""WARC replay in pywb: what the crawl captured can be played back by a standard tool.

pywb pins an old redis client (2.x) that scrapy-redis cannot use, so it lives in its own
virtualenv, `.venv-pywb`, which `make test-deps` creates. The test indexes the crawl's WARC
files into a pywb collection with `wb-manager`, serves it with `wayback` on 127.0.0.1 and
asks for articles in pywb's identity mode (`id_`): the body must be the bytes the site
served, and the CDX index must know every article.
"""

from __future__ import annotations

import json
import subprocess

import httpx
import pytest

from tests.conftest import ROOT, free_port, http_process, run_crawl

PYWB_BIN = ROOT / ".venv-pywb" / "bin"
SITE = "haibatrung"
COLLECTION = "wardnews"

pytestmark = pytest.mark.xdist_group("replay")


@pytest.fixture
def wayback(mirror, tmp_path):
    if not (PYWB_BIN / "wayback").exists():
        pytest.fail(f"{PYWB_BIN}/wayback is missing: `make test-deps` installs pywb there")
    crawl = run_crawl(tmp_path, "-a", f"url={mirror.listing_url(SITE)}", "-a", f"source={SITE}")
    assert crawl.returncode == 0, crawl.log[-2000:]
    warcs = sorted((tmp_path / "warc").glob("*.warc.gz"))
    assert warcs
    root = tmp_path / "pywb"
    root.mkdir()
    subprocess.run([PYWB_BIN / "wb-manager", "init", COLLECTION], cwd=root, check=True)
    subprocess.run(
        [PYWB_BIN / "wb-manager", "add", COLLECTION, *map(str, warcs)],
        cwd=root,
        check=True,
        capture_output=True,
    )
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    cmd = [PYWB_BIN / "wayback", "-b", "127.0.0.1", "-p", str(port)]
    with http_process(cmd, base, tmp_path / "wayback.log", cwd=root):
        yield base, crawl


@pytest.mark.slow
def test_pywb_replays_the_captured_bytes(wayback, mirror):
    base, crawl = wayback
    urls = [r["url"] for r in crawl.rows("select url from articles order by url")]
    assert len(urls) >= 60
    with httpx.Client(base_url=base, timeout=30) as client:
        # The CDX index of the collection lists every archived article.
        cdx = client.get(f"/{COLLECTION}/cdx", params={"url": urls[0], "output": "json"})
        assert cdx.status_code == 200
        assert json.loads(cdx.text.splitlines()[0])["url"] == urls[0]
        for url in urls[:: max(1, len(urls) // 8)]:
            replay = client.get(f"/{COLLECTION}/id_/{url}")
            assert replay.status_code == 200, url
            assert replay.content == mirror.file_for(url).read_bytes(), url
        # Rewritten replay (the page a visitor sees in pywb's frame): links point into the
        # collection.
        page = client.get(f"/{COLLECTION}/mp_/{urls[0]}")
        assert page.status_code == 200
        assert "Phường" in page.text
        assert f"/{COLLECTION}/" in page.text
