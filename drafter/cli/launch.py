"""The ``drafter`` command's entry point: a Ctrl-C while drafter is still loading (before
the command line can catch it) ends as quietly as one later, in Chinese, with no traceback."""

from __future__ import annotations

import signal
import sys


def main() -> None:
    try:
        from drafter.cli.commands import main as command_line

        command_line()
    except KeyboardInterrupt:
        _stopped()
    except Exception as err:  # noqa: BLE001 - only to tell a Ctrl-C Python wrapped (RuntimeError from __set_name__)
        if not _interrupted(err):
            raise
        _stopped()
    finally:
        _winding_up()


def _winding_up() -> None:
    """The command is over, its result or its stop said: a Ctrl-C (a second one, say) while
    Python winds up its threads would only add Python's own traceback after “已中止。”."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (ValueError, OSError):  # not the main thread, or no such signal here
        pass


def _interrupted(err: BaseException) -> bool:
    """Was ``err`` raised while a Ctrl-C unwound (its cause or context chain holds one)?"""
    seen, link = 0, err.__cause__ or err.__context__
    while link is not None and seen < 20:
        if isinstance(link, KeyboardInterrupt):
            return True
        link, seen = link.__cause__ or link.__context__, seen + 1
    return False


def _stopped() -> None:
    try:
        sys.stderr.write("已中止。\n")
    except OSError:
        pass
    sys.exit(130)
