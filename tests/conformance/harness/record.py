#!/usr/bin/env python3
"""Record (or check) the conformance traces with the live CPython interpreters.

    record.py            re-record every tests/conformance/*.py and scenarios/*.py into
                         tests/conformance/expected/NAME.<profile>.trace (scenarios as
                         scenario_NAME.<profile>.trace), for profiles 3.12 and 3.11
    record.py --check    re-record into a temporary directory and compare with the
                         committed traces: exit 0 when identical, 1 on drift (a unified
                         diff of the first drifting trace is printed), 77 (ctest's skip
                         code) when no interpreter is found for any profile

Scripts in tests/conformance/errors/ must fail: for each, the error CPython reports is
recorded as expected/errors/NAME.<profile>.error: the traceback's frames in the script
itself (`File "NAME.py", line N, in FUNC`, outermost first) and the unindented lines
("Traceback...", each `Type: message`, "The above exception was..."). The harness's and asyncio's own frames are left out, as Loopscope's tracebacks leave
them out.

A profile whose interpreter is missing is skipped with a note on stderr; the other one is
still recorded or checked. Interpreters are found as follows (the first one reporting the
right version wins):

    3.12  $LOOPSCOPE_PYTHON312, <pyenv root>/versions/3.12.*/bin/python3, python3.12
    3.11  $LOOPSCOPE_PYTHON311, <pyenv root>/versions/3.11.*/bin/python3,
          /usr/bin/python3.11, python3.11                        (3.11 must be >= 3.11.2)

The pyenv roots tried are ~/.pyenv and whatever `pyenv root` prints.
"""

import argparse
import concurrent.futures
import difflib
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

HARNESS_DIR = os.path.dirname(os.path.abspath(__file__))
CONFORMANCE_DIR = os.path.dirname(HARNESS_DIR)
EXPECTED_DIR = os.path.join(CONFORMANCE_DIR, "expected")
ERRORS_DIR = os.path.join(CONFORMANCE_DIR, "errors")
EXPECTED_ERRORS_DIR = os.path.join(EXPECTED_DIR, "errors")
SCENARIO_DIR = os.path.join(os.path.dirname(os.path.dirname(CONFORMANCE_DIR)), "scenarios")
VLOOP = os.path.join(HARNESS_DIR, "vloop.py")

SKIP = 77  # ctest's SKIP_RETURN_CODE convention
SCRIPT_TIMEOUT_S = 120

# Rule F30 of the semantics page: Semaphore's current code appeared in 3.11.2.
PROFILES = {"3.12": (3, 12, 0), "3.11": (3, 11, 2)}


# --------------------------------------------------------------------------- interpreters

def pyenv_roots():
    roots = [os.path.expanduser("~/.pyenv")]
    if shutil.which("pyenv"):
        result = subprocess.run(["pyenv", "root"], capture_output=True, text=True)
        if result.returncode == 0 and result.stdout.strip():
            roots.append(result.stdout.strip())
    return roots


def version_key(path):
    # .../versions/3.12.10/bin/python3 sorts above .../versions/3.12.9/bin/python3
    version = path.split(os.sep)[-3]
    return [int(part) for part in re.findall(r"\d+", version)]


def candidates(profile):
    found = []
    override = os.environ.get("LOOPSCOPE_PYTHON" + profile.replace(".", ""))
    if override:
        found.append(override)
    for root in pyenv_roots():
        pattern = os.path.join(root, "versions", profile + ".*", "bin", "python3")
        found += sorted(glob.glob(pattern), key=version_key, reverse=True)
    if profile == "3.11":
        found.append("/usr/bin/python3.11")
    on_path = shutil.which("python" + profile)
    if on_path:
        found.append(on_path)
    return list(dict.fromkeys(found))


def reported_version(python):
    try:
        result = subprocess.run(
            [python, "-c", "import sys; print(*sys.version_info[:3], sep='.')"],
            capture_output=True, text=True, timeout=30)
    except OSError:
        return None
    if result.returncode != 0:
        return None
    return tuple(int(part) for part in result.stdout.split("."))


def find_interpreter(profile):
    """Return (path, 'X.Y.Z') of the first candidate of this profile, or None."""
    wanted, minimum = PROFILES[profile][:2], PROFILES[profile]
    for python in candidates(profile):
        version = reported_version(python)
        if version and version[:2] == wanted and version >= minimum:
            return python, ".".join(map(str, version))
        if python == os.environ.get("LOOPSCOPE_PYTHON" + profile.replace(".", "")):
            print(f"note: $LOOPSCOPE_PYTHON{profile.replace('.', '')}={python} does not "
                  f"report a usable {profile} (got {version}); trying the next candidate",
                  file=sys.stderr)
    return None


# --------------------------------------------------------------------------- recording

def sources():
    """(trace name, script path) of every conformance script and scenario."""
    found = []
    for path in sorted(glob.glob(os.path.join(CONFORMANCE_DIR, "*.py"))):
        found.append((os.path.basename(path)[:-3], path))
    for path in sorted(glob.glob(os.path.join(SCENARIO_DIR, "*.py"))):
        found.append(("scenario_" + os.path.basename(path)[:-3], path))
    return found


class HarnessError(Exception):
    pass


def run_harness(python, script, want_stderr=False):
    """Run one script through vloop.py and return its trace (and its stderr)."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    try:
        result = subprocess.run(
            [python, VLOOP, os.path.basename(script)], cwd=os.path.dirname(script),
            env=env, capture_output=True, text=True, encoding="utf-8",
            timeout=SCRIPT_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise HarnessError(f"{script}: no result after {SCRIPT_TIMEOUT_S} s")
    # The exit status is implied by the trace (1 exactly when it ends 'uncaught');
    # anything else means the harness itself failed.
    lines = result.stdout.splitlines()
    uncaught = bool(lines) and lines[-1].split(" ", 3)[1:3] == ["-", "uncaught"]
    if result.returncode != (1 if uncaught else 0):
        raise HarnessError(f"{script}: exit status {result.returncode} under {python}\n"
                           f"{result.stderr}")
    return (result.stdout, result.stderr) if want_stderr else result.stdout


def error_sources():
    """(name, script path) of every script that must fail."""
    return [(os.path.basename(path)[:-3], path)
            for path in sorted(glob.glob(os.path.join(ERRORS_DIR, "*.py")))]


def error_summary(script, stderr):
    """What a CPython traceback says about the script: its unindented lines ("Traceback...",
    each exception's "Type: message", "The above exception was the direct cause...") and the
    frames in the script itself."""
    base = re.escape(os.path.basename(script))
    frame = re.compile(r'^\s*(File "' + base + r'", line \d+(?:, in \S+)?)$')
    kept = []
    for line in stderr.splitlines():
        match = frame.match(line)
        if match:
            kept.append(match.group(1))
        elif line.strip() and not line[0].isspace():
            kept.append(line)
    # Under the harness a SyntaxError comes through runpy's frames; run directly, CPython
    # prints no "Traceback" line above it.
    kept = [line for i, line in enumerate(kept)
            if not (line.startswith("Traceback") and i + 1 < len(kept)
                    and kept[i + 1].startswith("File ") and ", in " not in kept[i + 1])]
    if not kept:
        raise HarnessError(f"{script}: must fail, but CPython printed no traceback")
    return "".join(line + "\n" for line in kept)


def error_file(directory, name, profile):
    return os.path.join(directory, f"{name}.{profile}.error")


def record_errors(python, profile, directory):
    """Record the expected error of every script in errors/ into directory."""
    work = error_sources()
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 4) as pool:
        runs = pool.map(lambda source: run_harness(python, source[1], want_stderr=True), work)
        for (name, path), (trace, stderr) in zip(work, runs):
            if " - uncaught " not in trace:
                raise HarnessError(f"{path}: must fail, but ran to the end under {python}")
            with open(error_file(directory, name, profile), "w", encoding="utf-8",
                      newline="\n") as out:
                out.write(error_summary(path, stderr))


def trace_file(directory, name, profile):
    return os.path.join(directory, f"{name}.{profile}.trace")


def record_profile(python, profile, directory):
    """Record every source under one interpreter into directory."""
    work = sources()
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 4) as pool:
        traces = pool.map(lambda source: run_harness(python, source[1]), work)
        for (name, _), trace in zip(work, traces):
            with open(trace_file(directory, name, profile), "w", encoding="utf-8",
                      newline="\n") as out:
                out.write(trace)


def orphans(profile):
    """Committed traces of this profile whose script no longer exists."""
    names = {name for name, _ in sources()}
    pattern = trace_file(EXPECTED_DIR, "*", profile)
    return sorted(path for path in glob.glob(pattern)
                  if os.path.basename(path)[:-len(f".{profile}.trace")] not in names)


def error_orphans(profile):
    names = {name for name, _ in error_sources()}
    pattern = error_file(EXPECTED_ERRORS_DIR, "*", profile)
    return sorted(path for path in glob.glob(pattern)
                  if os.path.basename(path)[:-len(f".{profile}.error")] not in names)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def check_profile(python, version, profile):
    """Return the list of drifts of one profile; print the first one's diff."""
    drifts = []
    with tempfile.TemporaryDirectory() as fresh:
        record_profile(python, profile, fresh)
        for name, _ in sources():
            committed = trace_file(EXPECTED_DIR, name, profile)
            recorded = read(trace_file(fresh, name, profile))
            if not os.path.exists(committed):
                drifts.append(f"{name}: no committed {profile} trace")
                continue
            diff = list(difflib.unified_diff(
                read(committed).splitlines(keepends=True), recorded.splitlines(keepends=True),
                fromfile=os.path.relpath(committed), tofile=f"re-recorded with {version}"))
            if diff:
                if not drifts:
                    sys.stdout.writelines(diff)
                drifts.append(f"{name}: {profile} trace differs")
        record_errors(python, profile, fresh)
        for name, _ in error_sources():
            committed = error_file(EXPECTED_ERRORS_DIR, name, profile)
            if not os.path.exists(committed):
                drifts.append(f"errors/{name}: no committed {profile} error")
            elif read(committed) != read(error_file(fresh, name, profile)):
                drifts.append(f"errors/{name}: {profile} error differs")
    drifts += [f"{os.path.relpath(path)}: no such script"
               for path in orphans(profile) + error_orphans(profile)]
    return drifts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare fresh recordings with the committed traces")
    args = parser.parse_args()

    interpreters = {}
    for profile in PROFILES:
        found = find_interpreter(profile)
        if found:
            interpreters[profile] = found
        else:
            print(f"skipping profile {profile}: no interpreter found "
                  f"(set LOOPSCOPE_PYTHON{profile.replace('.', '')})", file=sys.stderr)
    if not interpreters:
        print("no CPython 3.12 or 3.11 interpreter found; nothing recorded or checked",
              file=sys.stderr)
        return SKIP

    try:
        if args.check:
            drifts = []
            for profile, (python, version) in interpreters.items():
                drifts += check_profile(python, version, profile)
                print(f"checked profile {profile} with {version} ({python})")
            for drift in drifts:
                print("DRIFT", drift)
            return 1 if drifts else 0

        os.makedirs(EXPECTED_ERRORS_DIR, exist_ok=True)
        for profile, (python, version) in interpreters.items():
            record_profile(python, profile, EXPECTED_DIR)
            record_errors(python, profile, EXPECTED_ERRORS_DIR)
            for path in orphans(profile) + error_orphans(profile):
                os.remove(path)
                print("removed stale", os.path.relpath(path))
            print(f"recorded {len(sources())} traces and {len(error_sources())} errors "
                  f"for profile {profile} "
                  f"with {version} ({python})")
        return 0
    except HarnessError as error:
        print("harness error:", error, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
