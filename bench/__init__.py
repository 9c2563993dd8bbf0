"""Benchmarks: each script prints its figures against the targets in the issues. Run `make bench`."""
