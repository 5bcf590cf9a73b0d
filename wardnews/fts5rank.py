"""Give every SQLite connection of this process the FTS5 ranking function wardnews_bm25().

wardnews_bm25() (wardnews/fts5rank.c) ranks like FTS5's bm25() but counts at most 20,000
matches of each phrase to weigh it, where bm25() walks every match of a common word on each
query (50 ms at a million articles). The ranked search (metadata.yml, canned query
`search`) uses it.

The C code is a SQLite extension built by setuptools next to this file (setup.py). Python's
sqlite3 module may be built without `enable_load_extension()` (pyenv's is), so instead of
loading it per connection we hand its entry point to `sqlite3_auto_extension()` of the
SQLite library the `sqlite3` module uses: every connection opened afterwards, in any thread,
gets the function. Connections already open do not.
"""

from __future__ import annotations

import ctypes
import importlib
import importlib.machinery
import logging
from pathlib import Path
from types import ModuleType

__all__ = ["FUNCTION", "extension_path", "register", "sql_with_fallback"]

logger = logging.getLogger(__name__)

FUNCTION = "wardnews_bm25"
_ENTRY_POINT = "sqlite3_fts5rank_init"
_registered: dict[str, str | None] = {}  # sqlite module name -> None (ok) or why not


def extension_path() -> Path | None:
    """The built extension (wardnews/_fts5rank.<abi>.so), or None when it was not built."""
    here = Path(__file__).resolve().parent
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = here / f"_fts5rank{suffix}"
        if path.exists():
            return path
    return None


def register(sqlite_module: ModuleType | None = None) -> str | None:
    """Make wardnews_bm25() part of every later connection of `sqlite_module`.

    `sqlite_module` is the DB-API module whose connections should have it: by default the
    one Datasette uses (pysqlite3 when installed, else sqlite3). Returns None when the
    function is available, else why not (also logged once). Idempotent.
    """
    if sqlite_module is None:
        from datasette.utils.sqlite import sqlite3 as sqlite_module
    name = sqlite_module.__name__
    if name not in _registered:
        _registered[name] = _register(sqlite_module)
        if _registered[name]:
            logger.warning(
                "%s() unavailable (%s): ranked search falls back to FTS5's bm25(), which "
                "counts every match of each word (slow for common words in a large archive)",
                FUNCTION,
                _registered[name],
            )
    return _registered[name]


def _register(sqlite_module: ModuleType) -> str | None:
    path = extension_path()
    if path is None:
        return "wardnews/_fts5rank was not built: `pip install -e .` needs gcc and SQLite's headers"
    binary = _sqlite_binary(sqlite_module)
    if binary is None:
        return f"cannot find the SQLite library behind {sqlite_module.__name__}"
    try:
        library = ctypes.CDLL(binary)
        auto_extension = library.sqlite3_auto_extension
        extension = ctypes.CDLL(str(path))
        entry = ctypes.cast(getattr(extension, _ENTRY_POINT), ctypes.c_void_p)
    except (OSError, AttributeError) as exc:
        return f"{type(exc).__name__}: {exc}"
    auto_extension.argtypes = [ctypes.c_void_p]
    auto_extension.restype = ctypes.c_int
    rc = auto_extension(entry)
    if rc != 0:
        return f"sqlite3_auto_extension returned {rc}"
    # Check on a fresh connection that the function is there and works.
    conn = sqlite_module.connect(":memory:")
    try:
        conn.execute("create virtual table t using fts5(x)")
        conn.execute("insert into t values ('a b'), ('b c')")
        conn.execute("select wardnews_bm25(t) from t where t match 'b'").fetchall()
    except sqlite_module.Error as exc:
        return f"{FUNCTION}() not usable after registration: {exc}"
    finally:
        conn.close()
    return None


def _sqlite_binary(sqlite_module: ModuleType) -> str | None:
    """The shared object of the module's C part (_sqlite3): dlsym() on it also searches the
    libraries it links, so it finds the SQLite it uses whether linked or built in."""
    package = sqlite_module.__name__.split(".")[0]
    try:
        c_part = importlib.import_module(
            "_sqlite3" if package == "sqlite3" else f"{package}._sqlite3"
        )
    except ImportError:
        return None
    return getattr(c_part, "__file__", None)


def sql_with_fallback(sql: str, available: bool) -> str:
    """A canned query's SQL as it must run here: wardnews_bm25( -> bm25( when unavailable.

    Same arguments, same scores whenever every word has fewer than 20,000 matches.
    """
    return sql if available else sql.replace(f"{FUNCTION}(", "bm25(")
