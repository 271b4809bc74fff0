"""The ``drafter`` command's entry point: a Ctrl-C while drafter is still loading (before
the command line can catch it) ends as quietly as one later, in Chinese, with no traceback."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from drafter.cli import main as command_line

        command_line()
    except KeyboardInterrupt:
        try:
            sys.stderr.write("已中止。\n")
        except OSError:
            pass
        sys.exit(130)
