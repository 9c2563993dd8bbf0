"""Run every benchmark and print its figures: `python -m bench` (or `make bench`)."""

from bench import assessment, attachments, foundation, i18n, memo, office, record_integrity, scale, trust

foundation.main()
assessment.main()
memo.main()
record_integrity.main()
trust.main()
attachments.main()
i18n.main()
office.main()
scale.main()
