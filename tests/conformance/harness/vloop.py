#!/usr/bin/env python3
"""Loopscope's CPython reference harness.

    python3 vloop.py SCRIPT.py [ARGS...]

runs SCRIPT as __main__ on a virtual-clock asyncio event loop and prints the conformance
trace (see /work/shared/asyncio-semantics.md, "The conformance trace") to stdout:

    <t> <task> step          a Task step begins
    <t> <task|-> print <text> print() to stdout
    <t> - deadlock           nothing ready, no timer pending              (exit 0)
    <t> - livelock           > 100000 iterations at one instant, timer waiting (exit 0)
    <t> - uncaught <Type>: <message>                                      (exit 1)

Everything that decides event ORDER is CPython's own code: the loop is a BaseEventLoop
subclass that inherits _run_once unchanged, and tasks are the pure-Python asyncio Task.
The harness only replaces what real CPython leaves to the wall clock, to memory addresses
or to the garbage collector (section I of the semantics page):

  * the clock          integer nanoseconds, moved only by the selector (a jump to the next
                       timer) and by time.sleep()                              (rules A4, A5)
  * timer ties         heap key (when_ns, seq): equal deadlines fire in scheduling order (A4)
  * sets of tasks      iterate in task creation order                (rules 21, 32, 37, I)
  * garbage collector  off, and the process ends with os._exit: unreferenced tasks and
                       coroutines are never finalized behind the script's back  (rule 38, I)

Run it under the interpreter whose semantics you want (3.11 or 3.12); record.py does both.
"""

import asyncio
import builtins
import concurrent.futures
import datetime
import gc
import heapq
import itertools
import logging
import os
import random
import re
import runpy
import sys
import threading
import time
import traceback
import types
from asyncio import base_events, events, taskgroups, tasks

NS_PER_S = 1_000_000_000

# Rule A5: more than this many loop iterations at one virtual instant, while a timer waits,
# is reported as a livelock (real time would have fired the timer long ago).
LIVELOCK_ITERATIONS = 100_000


# --------------------------------------------------------------------------- output

# The trace goes to the real stdout (captured before the script can rebind sys.stdout).
_trace_out = sys.stdout


def emit(who, event):
    """Write one trace line: '<t> <who> <event>', <t> = virtual seconds as '%.3f'."""
    _trace_out.write(f"{CLOCK.now_ns / NS_PER_S:.3f} {who} {event}\n")


def finish(status):
    """End the process at once: no interpreter teardown, so no finalizer (a pending task's
    'finally', GC-driven async-generator cleanup) can print after the trace's last event."""
    _trace_out.flush()
    sys.stderr.flush()
    os._exit(status)


# --------------------------------------------------------------------------- the clock

class VirtualClock:
    """Integer nanoseconds from 0. Only the selector (jumping to the next timer) and the
    patched time.sleep() move it; nothing ever waits in real time."""

    def __init__(self):
        self.now_ns = 0

    def seconds(self):
        return self.now_ns / NS_PER_S

    def sleep(self, secs):
        # Semantics page, "Profiles": time.sleep() inside a task BLOCKS the loop: the
        # clock moves on during the current step and nothing else runs meanwhile.
        if secs < 0:
            raise ValueError("sleep length must be non-negative")
        self.now_ns += round(secs * NS_PER_S)


CLOCK = VirtualClock()


_real_localtime, _real_gmtime, _real_strftime = time.localtime, time.gmtime, time.strftime


def _clock_time(convert):
    def read(secs=None):
        return convert(CLOCK.seconds() if secs is None else secs)
    return read


class VirtualDatetime(datetime.datetime):
    """datetime.datetime whose now()/today()/utcnow() read the virtual clock. They return
    plain datetime objects, so reprs and arithmetic are CPython's own."""

    @classmethod
    def now(cls, tz=None):
        return datetime.datetime.fromtimestamp(CLOCK.seconds(), tz)

    @classmethod
    def today(cls):
        return datetime.datetime.fromtimestamp(CLOCK.seconds())

    @classmethod
    def utcnow(cls):
        return datetime.datetime.fromtimestamp(CLOCK.seconds(), datetime.timezone.utc).replace(tzinfo=None)


class VirtualDate(datetime.date):
    @classmethod
    def today(cls):
        return datetime.date.fromtimestamp(CLOCK.seconds())


def install_clock():
    """The time module reads and sleeps on the virtual clock ("Profiles", section I). The
    wall clock's epoch is the virtual clock's 0 in UTC: time.time() is 0.0 and
    datetime.datetime.now() is 1970-01-01 00:00:00 when the script starts, and local time
    is UTC (time.strftime('%X') reads '00:00:00')."""
    os.environ["TZ"] = "UTC"
    time.tzset()
    time.monotonic = time.perf_counter = time.time = CLOCK.seconds
    time.monotonic_ns = time.perf_counter_ns = time.time_ns = lambda: CLOCK.now_ns
    time.sleep = CLOCK.sleep
    time.localtime = _clock_time(_real_localtime)
    time.gmtime = _clock_time(_real_gmtime)
    time.strftime = lambda format, t=None: _real_strftime(format, time.localtime() if t is None else t)
    for cls in (VirtualDatetime, VirtualDate):
        cls.__module__ = "datetime"
        cls.__name__ = cls.__qualname__ = cls.__mro__[1].__name__
    datetime.datetime = VirtualDatetime
    datetime.date = VirtualDate


# --------------------------------------------------------------------------- print

_real_print = builtins.print
_ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def traced_print(*args, sep=" ", end="\n", file=None, flush=False):
    """print() to stdout becomes '<t> <task|-> print <text>'; other files pass through.

    text = sep.join(str(a) for a in args) + end, minus ONE trailing newline, then
    '\\' -> '\\\\' and newline -> '\\n'. The task is asyncio.current_task() while a loop
    runs ('-' outside any task, e.g. before asyncio.run or in a plain callback)."""
    if file is not None and file is not sys.stdout:
        _real_print(*args, sep=sep, end=end, file=file, flush=flush)
        return
    if sep is None:
        sep = " "
    if end is None:
        end = "\n"
    for what, value in (("sep", sep), ("end", end)):
        if not isinstance(value, str):
            raise TypeError(f"{what} must be None or a string, not {type(value).__name__}")
    text = sep.join(str(a) for a in args) + end
    if text.endswith("\n"):
        text = text[:-1]
    text = text.replace("\\", "\\\\").replace("\n", "\\n")
    # Memory addresses in default reprs ('<... object at 0x7f...>') differ from run to run.
    text = _ADDRESS.sub(" at 0x...", text)
    loop = events._get_running_loop()
    task = asyncio.current_task(loop) if loop is not None else None
    emit(task.get_name() if task is not None else "-", f"print {text}")


# --------------------------------------------------------------------------- asyncio's log

# What asyncio logs when the garbage collector frees a task or future (Future.__del__). These
# become '<t> - log <message>' trace lines; the whole record still goes to stderr.
GC_MESSAGES = ("Task exception was never retrieved", "Task was destroyed but it is pending!",
               "Future exception was never retrieved")


class TraceLogHandler(logging.StreamHandler):
    def emit(self, record):
        message = record.getMessage().split("\n")[0]
        if message in GC_MESSAGES:
            emit("-", f"log {message}")
        super().emit(record)


def install_log():
    # asyncio's logger would print through logging.lastResort (stderr, '%(message)s'); this
    # handler prints the same and adds the trace line.
    asyncio.log.logger.addHandler(TraceLogHandler(sys.stderr))


# --------------------------------------------------------------------------- tasks

_task_creation_index = itertools.count()


class TracedTask(tasks._PyTask):
    """The pure-Python asyncio Task with a trace line at the start of every step.

    Being the pure-Python Task, its name counter is tasks._task_name_counter and its
    create/rename logic is CPython's, so Task-N numbers match CPython exactly (rule C15).
    current_task()/all_tasks() keep working: _PyTask registers and enters itself through
    the same (C-accelerated) helpers and the same task registries that CPython's
    current_task() and all_tasks() read, on 3.11 and 3.12 alike."""

    def __init__(self, *args, **kwargs):
        self._creation_index = next(_task_creation_index)
        super().__init__(*args, **kwargs)

    def __hash__(self):
        # A deterministic hash (instead of the memory address) keeps the order of any set
        # of tasks reproducible; the sets asyncio itself iterates are TaskSets (below),
        # which iterate in creation order whatever the hashes.
        return self._creation_index

    # _PyTask's private '__step' is '_Task__step' once mangled: the constructor, __wakeup
    # and cancellation all reach it through the instance, so overriding it hooks every step.
    def _Task__step(self, exc=None):
        emit(self.get_name(), "step")
        try:
            super()._Task__step(exc)
            _drop_step_frames(self)
        finally:
            self = None  # as _PyTask.__step: this frame must not keep the task alive

    # 3.12 only (section J, eager tasks): the first step of an eager task runs inside the
    # constructor through __eager_start instead of __step.
    def _Task__eager_start(self):
        emit(self.get_name(), "step")
        try:
            super()._Task__eager_start()
            _drop_step_frames(self)
        finally:
            self = None


_STEP_CODES = {f.__code__ for name, f in vars(tasks._PyTask).items()
               if name.startswith("_Task__step") and callable(f)}


def _drop_step_frames(task):
    """Garbage collection, rule 38: CPython's C Task is freed (and logs 'Task exception was
    never retrieved') as soon as the last reference goes. The pure-Python step would keep it:
    its exception's traceback starts in the step's own frame, whose f_back chain reaches
    frames holding the task, a cycle only the (disabled) cyclic GC could free. The C Task's
    traceback has no such frame, so drop it, as the traceback CPython logs shows."""
    if task.done() and not task.cancelled() and task._exception is not None:
        tb = task._exception.__traceback__
        while tb is not None and tb.tb_frame.f_code in _STEP_CODES:
            tb = tb.tb_next
        task._exception.__traceback__ = tb


# Scripts and reprs see the class CPython's tasks have: type(task).__name__ == 'Task'.
TracedTask.__name__ = TracedTask.__qualname__ = "Task"


def _creation_order(item):
    # Tasks by creation index; anything else (plain futures passed to wait()) after them,
    # in the set's own order (sorted() is stable).
    index = getattr(item, "_creation_index", None)
    return (0, index) if index is not None else (1, 0)


class TaskSet(set):
    """A set of tasks that iterates in task creation order (section I).

    Real CPython iterates such sets in memory-address order. Hashing alone cannot fix the
    order (set slots wrap around the table size), so the sets asyncio iterates are made
    TaskSets: all_tasks() (hence asyncio.run's shutdown cancellation, rule 37), the
    (done, pending) of wait() (rule 21) and TaskGroup._tasks (abort order, rule 32)."""

    def __iter__(self):
        return iter(sorted(super().__iter__(), key=_creation_order))

    def __repr__(self):
        return "{" + ", ".join(map(repr, self)) + "}" if self else "set()"


_cpython_all_tasks = tasks.all_tasks
_cpython_wait = tasks.wait
_cpython_as_completed = tasks.as_completed
_cpython_taskgroup_init = taskgroups.TaskGroup.__init__


def all_tasks(loop=None):
    if loop is None:
        loop = events.get_running_loop()
    return TaskSet(_cpython_all_tasks(loop))


async def wait(fs, *, timeout=None, return_when=asyncio.ALL_COMPLETED):
    # Awaiting CPython's wait() inline adds no loop iteration.
    done, pending = await _cpython_wait(fs, timeout=timeout, return_when=return_when)
    return TaskSet(done), TaskSet(pending)


def as_completed(fs, *, timeout=None):
    # Rule 21: CPython wraps the inputs in tasks while iterating set(fs) (address order).
    # Wrap them here first, in argument order, duplicates once; CPython's as_completed then
    # only sees tasks. A generator like CPython's, so nothing runs before the first next().
    if asyncio.isfuture(fs) or asyncio.iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")
    loop = events.get_event_loop()
    todo = [tasks.ensure_future(f, loop=loop) for f in dict.fromkeys(fs)]
    return (yield from _cpython_as_completed(todo, timeout=timeout))


def taskgroup_init(self):
    _cpython_taskgroup_init(self)
    self._tasks = TaskSet()


def install_tasks():
    """Make every task a TracedTask and every iterated task set a TaskSet. Both the
    asyncio package and asyncio.tasks are patched: CPython's own modules look these up
    as tasks.X (e.g. runners calls tasks.all_tasks), scripts as asyncio.X."""
    patches = {"Task": TracedTask, "all_tasks": all_tasks, "wait": wait,
               "as_completed": as_completed}
    if hasattr(tasks, "create_eager_task_factory"):  # 3.12: bound to the C Task at import
        patches["eager_task_factory"] = tasks.create_eager_task_factory(TracedTask)
    for module in (asyncio, tasks):
        for name, value in patches.items():
            setattr(module, name, value)
    taskgroups.TaskGroup.__init__ = taskgroup_init


# --------------------------------------------------------------------------- threads

class VirtualThread(threading.Thread):
    """A real thread that runs in lockstep with the loop, so a run stays deterministic.

    It runs only inside a callback of the loop (its "turn"), while the loop thread waits:
    the first turn is scheduled with call_soon when it starts; it then runs until it ends or
    blocks. Blocking gives the turn back and schedules the next one: time.sleep(s) a timer s
    seconds later on the virtual clock (the loop goes on meanwhile), waiting on a
    concurrent.futures.Future a call_soon once that future is done (or a timer for the
    timeout). What the thread hands to the loop goes through call_soon_threadsafe, i.e. the
    ready queue, as in CPython."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.daemon = True
        self._loop = events.get_running_loop()
        self._go = threading.Semaphore(0)
        self._back = threading.Semaphore(0)
        self.finished = concurrent.futures.Future()

    def start(self):
        super().start()
        self._loop.call_soon(self._turn)

    def run(self):
        self._go.acquire()
        try:
            super().run()
        finally:
            self.finished.set_result(None)
            self._back.release()

    def _turn(self):
        self._go.release()
        self._back.acquire()

    def block(self, schedule_turn):
        """Called in this thread: schedule_turn(turn) arranges the next turn, then the loop
        thread goes on until that turn comes."""
        schedule_turn(self._turn)
        self._back.release()
        self._go.acquire()


def _virtual_thread():
    thread = threading.current_thread()
    return thread if isinstance(thread, VirtualThread) else None


def virtual_sleep(secs):
    thread = _virtual_thread()
    if thread is None:
        CLOCK.sleep(secs)  # the loop thread: time.sleep blocks the loop
        return
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    thread.block(lambda turn: thread._loop.call_later(secs, turn))


def wait_virtually(future, timeout):
    """In a virtual thread: give the turn back until `future` is done or `timeout` virtual
    seconds have passed, whichever comes first."""
    thread = _virtual_thread()
    if thread is None or future.done():
        return
    loop = thread._loop

    def schedule(turn):
        state = {"resumed": False, "timer": None}

        def resume():
            if not state["resumed"]:
                state["resumed"] = True
                if state["timer"] is not None:
                    state["timer"].cancel()
                turn()

        future.add_done_callback(lambda f: loop.call_soon(resume))
        if timeout is not None:
            state["timer"] = loop.call_later(timeout, resume)

    thread.block(schedule)


_cf_result = concurrent.futures.Future.result
_cf_exception = concurrent.futures.Future.exception


def _cf_wait_then(method):
    def wrapper(self, timeout=None):
        if _virtual_thread() is not None:
            wait_virtually(self, timeout)
            return method(self, timeout=0)
        return method(self, timeout)
    return wrapper


class VirtualThreadExecutor(concurrent.futures.Executor):
    """The loop's default executor: each call runs in a new VirtualThread."""

    def __init__(self):
        self._threads = []
        self._shutdown = False

    def submit(self, fn, /, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        future = concurrent.futures.Future()

        def work():
            if not future.set_running_or_notify_cancel():
                return
            try:
                result = fn(*args, **kwargs)
            except BaseException as exc:
                future.set_exception(exc)
            else:
                future.set_result(result)

        thread = VirtualThread(target=work, name=f"asyncio_{len(self._threads)}")
        self._threads.append(thread)
        thread.start()
        return future

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        if wait:
            for thread in self._threads:
                wait_virtually(thread.finished, None)


def install_threads():
    """Worker threads (asyncio.to_thread, run_in_executor, the thread of
    shutdown_default_executor) are VirtualThreads; time.sleep and waiting on a
    concurrent.futures.Future in them wait on the virtual clock."""
    time.sleep = virtual_sleep
    concurrent.futures.Future.result = _cf_wait_then(_cf_result)
    concurrent.futures.Future.exception = _cf_wait_then(_cf_exception)
    shim = types.ModuleType("threading")
    shim.__dict__.update(threading.__dict__)
    shim.Thread = VirtualThread
    base_events.threading = shim


# --------------------------------------------------------------------------- the loop

_timer_seq = itertools.count()


class VirtualTimerHandle(events.TimerHandle):
    """A TimerHandle ordered by (when_ns, seq) instead of the float deadline (rule A4).

    CPython's heapq is not stable, and real runs almost never tie because the wall clock
    moves between scheduling calls; here equal deadlines are common, so ties are broken by
    a global scheduling counter: equal deadlines fire in scheduling order."""

    __slots__ = ("_when_ns", "_seq")

    def __init__(self, when_ns, callback, args, loop, context):
        super().__init__(when_ns / NS_PER_S, callback, args, loop, context)
        self._when_ns = when_ns
        self._seq = next(_timer_seq)

    def _key(self):
        return (self._when_ns, self._seq)

    def __lt__(self, other):
        return self._key() < other._key()

    def __le__(self, other):
        return self._key() <= other._key()

    def __gt__(self, other):
        return self._key() > other._key()

    def __ge__(self, other):
        return self._key() >= other._key()


class VirtualSelector:
    """Stands in for the loop's selector; select(timeout) is where a real loop waits.

    timeout 0    something is ready (or the loop is stopping): return at once. Count the
                 iteration if a timer waits, to detect a livelock (rule A5).
    timeout > 0  nothing is ready: jump the clock to the head timer's deadline (rule A5).
    timeout None nothing ready and no timer: the loop would block forever -> deadlock."""

    def __init__(self, loop):
        self._loop = loop
        self._spin_instant = None
        self._spins = 0

    def select(self, timeout):
        scheduled = self._loop._scheduled  # _run_once dropped cancelled timers at its head
        if timeout is None:
            emit("-", "deadlock")
            finish(0)
        if timeout > 0:
            CLOCK.now_ns = scheduled[0]._when_ns
        elif scheduled:
            if self._spin_instant != CLOCK.now_ns:
                self._spin_instant, self._spins = CLOCK.now_ns, 0
            self._spins += 1
            if self._spins > LIVELOCK_ITERATIONS:
                emit("-", "livelock")
                finish(0)
        return []


class VirtualTimeLoop(base_events.BaseEventLoop):
    """BaseEventLoop with a virtual clock; _run_once, call_soon, call_later, run_forever,
    run_until_complete and close are CPython's own (rules A1-A3, H36)."""

    def __init__(self):
        super().__init__()
        self._selector = VirtualSelector(self)
        # _run_once moves a timer to `ready` when timer._when < time() + _clock_resolution.
        # Timers hold _when = when_ns / 1e9 and the clock is an exact number of ns, so half
        # a nanosecond makes that test read 'when_ns <= now_ns' (rule A4: same as CPython's
        # 'when < now + 1ns') for any virtual time below 2**21 s (~24 days).
        self._clock_resolution = 0.5e-9

    def time(self):
        return CLOCK.seconds()

    def call_at(self, when, callback, *args, context=None):
        # Rule A4: the deadline is computed by CPython (call_later: time() + delay, in
        # double precision) and only then rounded to integer nanoseconds.
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = VirtualTimerHandle(round(when * NS_PER_S), callback, args, self, context)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def create_task(self, coro, *, name=None, context=None):
        # Rule C15: build the task directly, as BaseEventLoop.create_task does without a
        # task factory, so loop.create_task(c, name=X) consumes no Task-N number. (A task
        # factory would consume one; a script that installs its own still gets it.)
        if self._task_factory is not None:
            return super().create_task(coro, name=name, context=context)
        self._check_closed()
        return TracedTask(coro, loop=self, name=name, context=context)

    def _process_events(self, event_list):
        pass  # no I/O: the selector never reports events

    def _write_to_self(self):
        pass  # call_soon_threadsafe: a worker thread only runs while the loop waits for it

    def run_in_executor(self, executor, func, *args):
        if executor is None and self._default_executor is None and not self._executor_shutdown_called:
            self._default_executor = VirtualThreadExecutor()
        return super().run_in_executor(executor, func, *args)


class VirtualTimeLoopPolicy(events.BaseDefaultEventLoopPolicy):
    """asyncio.run, new_event_loop and get_event_loop all make a VirtualTimeLoop."""

    _loop_factory = VirtualTimeLoop


# --------------------------------------------------------------------------- main

def run_script(path, argv):
    """Run the script as __main__ (like `python3 SCRIPT`); return the exit status."""
    sys.argv = [path] + argv
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    # Modules Loopscope simulates (aiohttp) come from harness/simulated, never the network.
    sys.path.insert(1, os.path.join(os.path.dirname(os.path.abspath(__file__)), "simulated"))
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit as exc:
        code = exc.code
        if code is None or isinstance(code, int):
            return code or 0
        _real_print(code, file=sys.stderr)
        return 1
    except BaseException as exc:
        # The interpreter's own hook, as when the script runs directly: 3.11's traceback module
        # would leave out the "Did you mean" hints that its hook prints.
        sys.__excepthook__(type(exc), exc, exc.__traceback__)
        message = str(exc).replace("\n", "\\n")
        emit("-", f"uncaught {type(exc).__name__}: {message}")
        return 1
    return 0


def main():
    if len(sys.argv) < 2:
        _real_print("usage: vloop.py SCRIPT.py [ARGS...]", file=sys.stderr)
        finish(2)
    # Line-buffered, so that a trace cut short by os._exit (deadlock, livelock) or by a
    # crash is complete up to its last event.
    _trace_out.reconfigure(encoding="utf-8", line_buffering=True)
    # Section I / rule 38: with the cyclic GC off, an unreferenced pending task or
    # coroutine is never collected mid-run (which would run its 'finally' at a moment
    # decided by allocation counts); it stays pending like any other task.
    gc.disable()
    install_clock()
    builtins.print = traced_print
    install_tasks()
    install_log()
    install_threads()
    asyncio.set_event_loop_policy(VirtualTimeLoopPolicy())
    # Loopscope's random module starts as after random.seed(0): no OS entropy in a run.
    random.seed(0)
    finish(run_script(sys.argv[1], sys.argv[2:]))


if __name__ == "__main__":
    main()
