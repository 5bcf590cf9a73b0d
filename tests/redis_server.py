"""A real, throw-away redis-server on a free loopback port (no disk), for tests and benches.

    with RedisServer() as server:
        server.url        # redis://127.0.0.1:PORT/0
        server.client()   # a redis.Redis connected to it

Needs the `redis-server` binary (Debian package redis-server; `make test` installs it).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from tests.conftest import free_port as _free_port

__all__ = ["RedisServer", "redis_server"]


class RedisServer:
    """Start `redis-server --port <free> --bind 127.0.0.1 --save "" --appendonly no`; stop it."""

    def __init__(self, binary: str | None = None):
        found = binary or shutil.which("redis-server") or "/usr/bin/redis-server"
        if not Path(found).exists():
            raise RuntimeError(
                "redis-server not found: apt-get install redis-server (or `make test-deps`)"
            )
        self.binary = found
        self.port = 0
        self.process: subprocess.Popen | None = None
        self._dir: tempfile.TemporaryDirectory | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self):  # type: ignore[no-untyped-def]
        import redis

        return redis.Redis.from_url(self.url)

    def start(self) -> RedisServer:
        """Start on a free port; wait until it answers PING (retried if the port is taken)."""
        import redis

        self._dir = tempfile.TemporaryDirectory(prefix="redis-test-")
        for _attempt in range(5):
            self.port = _free_port()
            self.process = subprocess.Popen(
                [
                    self.binary,
                    "--port",
                    str(self.port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--dir",
                    self._dir.name,
                    "--loglevel",
                    "warning",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and self.process.poll() is None:
                try:
                    if redis.Redis(
                        host="127.0.0.1", port=self.port, socket_connect_timeout=0.2
                    ).ping():
                        return self
                except redis.exceptions.ConnectionError:
                    time.sleep(0.05)
            self.stop()
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL) and remove its directory."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        if self._dir is not None:
            self._dir.cleanup()
            self._dir = None

    def __enter__(self) -> RedisServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@pytest.fixture(scope="module")
def redis_server():
    """A redis-server of the test module's own, flushed by the tests that need it empty."""
    with RedisServer() as server:
        yield server
