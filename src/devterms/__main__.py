"""``python -m devterms`` runs the command line, for environments without the console script."""

import sys

from devterms.cli import main

sys.exit(main())
