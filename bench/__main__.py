"""Run every benchmark and print its figures: `python -m bench` (or `make bench`)."""

from bench import assessment, foundation, memo

foundation.main()
assessment.main()
memo.main()
