#!/usr/bin/env python3
"""Re-records tests/engine/tst_regressions.cpp from cases.py and tests/engine/tst_stdlib.cpp from
stdlib_cases.py with a live CPython 3.12.

Each case runs as a script under CPython with PYTHONHASHSEED=0 (as the conformance harness does, so
sets of strings iterate in a fixed order); its stdout, its stderr (without caret lines and without
frames inside asyncio's own files, which Loopscope does not print) and its exit status become the
row's expectation, written between the BEGIN/END markers of the test file.

    python3 tests/engine/regressions/record.py [path/to/python3.12]
"""
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import cases  # noqa: E402
import stdlib_cases  # noqa: E402

SUITES = [
    (cases.CASES, os.path.join(HERE, "..", "tst_regressions.cpp")),
    (stdlib_cases.CASES, os.path.join(HERE, "..", "tst_stdlib.cpp")),
]

BEGIN = "        // BEGIN RECORDED ROWS (tests/engine/regressions/record.py)\n"
END = "        // END RECORDED ROWS\n"


def clean_stderr(err, script):
    out = []
    lines = err.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if re.match(r"^\s*[\^~]+\s*$", line):
            i += 1
            continue
        m = re.match(r'^  File "([^"]*)", line', line)
        if m and "asyncio/" in m.group(1):
            i += 2
            continue
        out.append(line.replace(f'File "{script}"', 'File "t.py"').replace(f"{script}:", "t.py:"))
        i += 1
    return "\n".join(out)


def literal(text):
    # Plain escaped literals: Qt 6.4's moc misreads raw strings holding quotes and apostrophes.
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", '\\n"\n            "')
    return 'QString::fromUtf8("' + body + '")'


def record(python, suite, test):
    rows = []
    env = dict(os.environ, PYTHONHASHSEED="0")
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "t.py")
        for name, source in suite.items():
            with open(script, "w") as f:
                f.write(source)
            p = subprocess.run([python, script], capture_output=True, text=True, cwd=tmp, env=env)
            rows.append(f'        QTest::newRow("{name}") << {literal(source)}\n'
                        f'            << {literal(p.stdout)}\n'
                        f'            << {literal(clean_stderr(p.stderr, script))} << {p.returncode};\n')
    text = open(test).read()
    start = text.index(BEGIN) + len(BEGIN)
    stop = text.index(END)
    open(test, "w").write(text[:start] + "".join(rows) + text[stop:])
    print(f"recorded {len(rows)} rows of {os.path.basename(test)} with {python}")


def main():
    python = sys.argv[1] if len(sys.argv) > 1 else os.path.expanduser("~/.pyenv/versions/3.12.1/bin/python3")
    for suite, test in SUITES:
        record(python, suite, test)


if __name__ == "__main__":
    main()
