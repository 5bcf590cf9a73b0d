"""Bundled demo mirror: generator (mirror.generate) and static server (mirror.server)."""
