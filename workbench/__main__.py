"""``python -m workbench``: the same as the ``fibre-workbench`` command."""

from workbench.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
