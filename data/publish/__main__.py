"""python -m data.publish: see data/publish/cli.py."""

import sys

from data.publish.cli import main

sys.exit(main())
