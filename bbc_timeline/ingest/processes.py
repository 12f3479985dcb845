"""Child processes of an ingest (the model's workers, the time-limited preparation of long files):
none outlives its parent, and Ctrl-C ends them instead of waiting for them."""

from __future__ import annotations

import os
import signal
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

_HOOKED = False


def die_with_parent() -> None:
    """In a child: ignore Ctrl-C (the parent ends its children) and ask the kernel to kill this
    process if the parent dies, even by kill -9 (Linux; elsewhere the parent's handling remains)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
        if os.getppid() == 1:  # the parent died before the request took effect
            os._exit(1)
    except (OSError, AttributeError):
        pass


def _children_die_with_us() -> None:
    """Every process forked from now on (nlp.pipe's workers) runs die_with_parent first."""
    global _HOOKED
    if _HOOKED or not hasattr(os, "register_at_fork"):
        return
    os.register_at_fork(after_in_child=die_with_parent)
    _HOOKED = True


@contextmanager
def worker_guard(workers: int) -> Iterator[None]:
    """With model worker processes: Ctrl-C kills them first, then interrupts, so that nothing waits on
    a worker still busy with its batch (nlp.pipe joins its workers when it is interrupted)."""
    if workers <= 1 or threading.current_thread() is not threading.main_thread():
        yield
        return
    _children_die_with_us()

    def on_sigint(signum, frame):
        end_workers()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r"\[W127\]")  # "not all workers completed": we ended them
            yield
    finally:
        signal.signal(signal.SIGINT, previous)


def end_workers() -> None:
    """Kill the model's worker processes now (on Ctrl-C or an error), instead of waiting on them at exit."""
    import gc
    import multiprocessing
    from multiprocessing.queues import Queue

    children = multiprocessing.active_children()
    if not children:
        return
    for p in children:
        p.kill()
    for p in children:
        p.join(timeout=5)
    # nlp.pipe's queues to the dead workers may hold unsent batches: without this, the interpreter
    # would wait at exit for their feeder threads to write into pipes nobody reads (a hang after Ctrl-C).
    for obj in gc.get_objects():
        if isinstance(obj, Queue):
            obj.cancel_join_thread()
