"""Benchmarks of issue 10: scripts that print their figures (see bench/RESULTS.md)."""
