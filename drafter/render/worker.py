"""A clerk's template folder runs in a child process, with a time and a memory cap.

A template is a small program written by the clerk, or by whoever sent the folder. The
counted limits (limits.py) hold in any process, but two things cannot be done safely in
one that renders for many people at once and lives for hours (the local page): stopping a
template stuck in one long step, and taking back the memory a runaway one asked for. A
child process can be given its own memory cap and its own timer, and can be ended; the
parent changes nothing of its own (no signal handler, no process limit, no exception put
into a thread). The built-in default template runs in-process (run.py): it is drafter's own.

Warm workers: a child lives on after a render and takes the next one (its compiled
templates stay in memory), so a render with a clerk's folder stays fast; at most
IDLE_WORKERS wait. A worker whose render ran out of memory or time, or whose answer did
not come, is ended and replaced. A render on its own thread takes a worker of its own:
two renders never share one.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import signal
import threading
import time
import traceback
from contextlib import contextmanager
from pathlib import Path

from drafter.errors import DrafterError, Where
from drafter.render import limits
from drafter.render.rendered import Rendered

IDLE_WORKERS = 4
# The child's limit counts its processor time; the parent waits for an answer as long as a
# busy computer may stretch that (WALL_FACTOR times it) and GRACE_SECONDS more, then ends a
# child that has not answered (stuck where its own timer cannot reach it).
WALL_FACTOR = 3
GRACE_SECONDS = 5
# A child whose memory has grown past this (caches of many folders) is ended after its render.
RETIRE_BYTES = 512 << 20


class _Worker:
    """One child process and the pipe to it."""

    def __init__(self) -> None:
        # fork is instant and shares what is loaded, but is safe only with one thread;
        # with more (the local page's server), a fork server started clean forks them
        method = "fork" if threading.active_count() == 1 else "forkserver"
        context = multiprocessing.get_context(method)
        if method == "forkserver":
            context.set_forkserver_preload([__name__, "drafter.render.run"])
        self.conn, child = context.Pipe()
        # every start method's context has Process (typeshed knows only the base class)
        process = context.Process  # type: ignore[attr-defined]
        # a forked child holds a copy of the parent's end too, which it must close: else it
        # would never see the pipe end when the parent is gone (killed, say), and live on
        inherited = self.conn if method == "fork" else None
        parent = os.getpid() if method == "fork" else None  # a fork server's child has the server for parent
        self.process = process(target=_serve, args=(child, inherited, parent), daemon=True, name="drafter-template")
        self.process.start()
        child.close()

    def end(self) -> None:
        try:
            self.process.kill()
            self.process.join(timeout=5)
        except (OSError, ValueError, AssertionError):
            pass
        self.conn.close()


_idle: list[_Worker] = []
_lock = threading.Lock()


def _shutdown() -> None:
    """At exit, the idle workers are ended here, deaf to a second Ctrl-C (multiprocessing's
    own exit hook, run after this one, would be broken off by it with a traceback)."""
    if not _idle:
        return
    if threading.current_thread() is threading.main_thread():
        for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2"):
            if hasattr(signal, name):
                signal.signal(getattr(signal, name), signal.SIG_IGN)
    with _lock:
        while _idle:
            _idle.pop().end()


atexit.register(_shutdown)  # after multiprocessing registered its own: run before it


def _take() -> _Worker:
    with _lock:
        while _idle:
            worker = _idle.pop()
            if worker.process.is_alive():
                return worker
            worker.end()
    return _Worker()


def _give_back(worker: _Worker) -> None:
    with _lock:
        if len(_idle) < IDLE_WORKERS:
            _idle.append(worker)
            return
    worker.end()


def render_in_child(template_dir: str | Path, name: str, context: dict) -> Rendered:
    """Render template ``name`` of the clerk's folder ``template_dir`` in a worker, as
    run.render_here would here; the figures' state the template changed (which 同比 it
    printed) is brought back into ``context``."""
    seconds = limits.MAX_SECONDS
    worker = _take()
    answer = None
    ended = False  # the child is gone (killed from outside, or by the system for want of memory)
    try:
        worker.conn.send((str(template_dir), name, context, seconds))
        if worker.conn.poll(seconds * WALL_FACTOR + GRACE_SECONDS):
            answer = worker.conn.recv()
    except (EOFError, OSError):
        ended = True
    finally:
        if answer is not None and not answer[1]:
            _give_back(worker)
        else:
            worker.end()
    if answer is None:
        raise _ended(template_dir, name) if ended else _stopped(template_dir, name, seconds)
    (kind, payload, after), _retire = answer
    if kind == "ok":
        context.update(after)
        return payload
    if kind == "error":
        raise payload
    raise RuntimeError(f"drafter 内部错误（模板子进程）：\n{payload}")


def _stopped(template_dir: str | Path, name: str, seconds: float) -> DrafterError:
    """The child did not answer in time, stuck where its own timer could not reach."""
    err = limits.LimitError(
        f"模板运行超过 {seconds} 秒没有结束，已停止。",
        "请检查模板里的循环、宏和 include，以及特别长的表达式：一份报告用不到这么多时间。",
    )
    err.where = Where(f"{Path(template_dir).name}/{name}")
    return err


def _ended(template_dir: str | Path, name: str) -> DrafterError:
    """The child is gone before it answered: ended from outside, or by the system."""
    err = limits.LimitError(
        "运行模板的进程意外结束了（可能被别的程序结束，或系统内存不够），没有生成报告。",
        "请再运行一次；如果每次都这样，请检查模板里的循环和特别长的文字。",
    )
    err.where = Where(f"{Path(template_dir).name}/{name}")
    return err


# -- the child ---------------------------------------------------------------------------------


def _serve(conn, inherited, parent: int | None) -> None:
    """The child's loop: render what the parent sends, answer, until the pipe closes."""
    try:
        if inherited is not None:
            inherited.close()
        _die_with_parent(parent)
        _own_signals()
        limits.CLOCK = time.process_time  # this process renders and nothing else
        from drafter.render.run import render_here

        while True:
            try:
                template_dir, name, context, seconds = conn.recv()
            except (EOFError, OSError):
                return
            limits.MAX_SECONDS = seconds
            retire = False
            try:
                with _memory_cap(), _alarm(seconds):
                    out = render_here(template_dir, name, context)
                reply: tuple = ("ok", out.portable(), context)
            except DrafterError as err:
                reply = ("error", err, None)
                retire = isinstance(err.__context__, (MemoryError, RecursionError))
            except (MemoryError, RecursionError, limits.RenderTimeout):
                reply = ("error", limits.timeout_error(), None)
                retire = True
            except Exception:  # noqa: BLE001 - a bug in drafter: its traceback goes to the parent
                reply = ("bug", traceback.format_exc(), None)
                retire = True
            retire = retire or (_address_space() or 0) > RETIRE_BYTES + limits.MEMORY_HEADROOM
            try:
                conn.send((reply, retire))
            except Exception:  # noqa: BLE001 - an answer that cannot be sent
                conn.send((("bug", traceback.format_exc(), None), True))
                return
            if retire:
                return
    except BaseException:  # noqa: BLE001 - the child never prints a traceback on the clerk's terminal
        pass
    finally:
        os._exit(0)


def _die_with_parent(parent: int | None) -> None:
    """Linux ends the child when the process that made it ends (the command line killed, or
    the fork server gone with the page); a parent already gone is left at once."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux: the pipe's end still says it
        pass
    if parent is not None and os.getppid() != parent:
        os._exit(0)


def _own_signals() -> None:
    """A child forked from the command line inherits its handlers (cleaning up the files it
    writes): those are the parent's to run. Ctrl-C in the terminal reaches the child too:
    the parent decides, the child lets it."""
    for name in ("SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGPIPE"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def _alarm(seconds: float):
    """RenderTimeout is raised in the running template when its time is up, even in a loop
    that prints nothing: the child's own timer (the parent's is never touched), counting the
    processor time the child uses, so a busy computer does not make a sound template late."""

    def on_alarm(_signum, _frame):
        raise limits.RenderTimeout()

    old = signal.signal(signal.SIGPROF, on_alarm)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, old)


def _address_space() -> int | None:
    """This process's virtual memory size in bytes (Linux), or None."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


@contextmanager
def _memory_cap():
    """While a template runs, the child may grow by MEMORY_HEADROOM only: an allocation
    beyond it is a MemoryError, not a swapping machine."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    size = _address_space()
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = None if size is None else size + limits.MEMORY_HEADROOM
    if cap is not None and hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    if cap is None or (soft != resource.RLIM_INFINITY and soft <= cap):
        yield
        return
    try:
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):
        yield
        return
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
