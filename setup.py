"""Build the one C part of the project: the SQLite extension wardnews/fts5rank.c.

Everything else is in pyproject.toml. The extension is optional: without a C compiler or
SQLite's headers (Debian: gcc, libsqlite3-dev) the install still succeeds, and the ranked
search falls back to FTS5's own bm25() (see wardnews/fts5rank.py).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "wardnews._fts5rank",
            sources=["wardnews/fts5rank.c"],
            extra_compile_args=["-O2"],
            libraries=["m"],
            optional=True,
        )
    ]
)
