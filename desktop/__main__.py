"""`python -m desktop` runs Casefile like the `casefile` command."""

import sys

from desktop.app import main

sys.exit(main())
