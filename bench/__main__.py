"""Run every benchmark and print its figures: `python -m bench` (or `make bench`)."""

from bench import foundation

foundation.main()
