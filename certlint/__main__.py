"""`python -m certlint`."""

from certlint.cli import main

raise SystemExit(main())
