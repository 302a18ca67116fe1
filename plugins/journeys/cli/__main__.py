import sys

from journeys.cli.commands import main

sys.exit(main())
