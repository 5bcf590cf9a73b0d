"""Rebuild the held-out sites: `.venv/bin/python tests/unseen/_build.py`.

Each site module holds hand-written pages (templates, article text) and hand-written truth;
this script only renders them to the bytes served by tests/test_unseen.py, and cross-checks
the truth's ward codes against the gazetteer. The served files are committed as built."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _binhthanh  # noqa: E402
import _caugiay  # noqa: E402
import _haichau  # noqa: E402
import _lechan  # noqa: E402
import _ninhkieu  # noqa: E402
import _vinhyen  # noqa: E402
from _common import check_truth  # noqa: E402

if __name__ == "__main__":
    for module in (_lechan, _binhthanh, _haichau, _caugiay, _ninhkieu, _vinhyen):
        site, articles = module.build()
        check_truth(site, articles)
        site.write(articles)
        print(f"{site.name}: {len(articles)} articles, {len(site.pages)} files")
