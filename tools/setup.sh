#!/bin/sh
# Loopscope's one-stop setup: installs the Debian 12 packages that are missing, configures and
# builds into build/, then either starts the app or runs every test headless.
#
#   tools/setup.sh app      build and start Loopscope on the default scenario
#   tools/setup.sh test     build and run the whole test suite (ctest, offscreen)
#
# Run it as root, or as a user who may use sudo (only apt-get needs it).
set -eu

cd "$(dirname "$0")/.."
ROOT=$(pwd)
MODE=${1:-}
case "$MODE" in
    app | test) ;;
    *) echo "usage: tools/setup.sh app|test" >&2; exit 2 ;;
esac

PACKAGES="g++ cmake ninja-build pkg-config python3 \
qt6-base-dev qt6-declarative-dev qt6-svg-dev qcoro-qt6-dev libgl-dev libmimalloc-dev \
qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-window \
qml6-module-qtquick-layouts qml6-module-qtquick-templates qml6-module-qtqml-workerscript \
qml6-module-qttest qml6-module-qtquick-dialogs qml6-module-qt-labs-folderlistmodel"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
if [ -n "$missing" ]; then
    echo "== installing:$missing"
    SUDO=""
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null 2>&1 || { echo "tools/setup.sh: run as root or install sudo" >&2; exit 1; }
        SUDO=sudo
    fi
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

JOBS=$(nproc 2>/dev/null || echo 2)
echo "== configuring and building into build/"
cmake -S "$ROOT" -B "$ROOT/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$ROOT/build" -j "$JOBS"

if [ "$MODE" = app ]; then
    exec "$ROOT/build/bin/loopscope"
fi

echo "== running the tests"
QT_QPA_PLATFORM=offscreen ctest --test-dir "$ROOT/build" --output-on-failure -j "$JOBS"

# The same suite once more under AddressSanitizer, LeakSanitizer and UndefinedBehaviorSanitizer:
# no coroutine frame may leak or be destroyed while suspended. (The drift check needs no rerun.)
echo "== building and running the tests under ASan/LSan/UBSan (build-asan/)"
# The engine and its tests only: the window adds build time, not memory-safety coverage of the engine.
cmake -S "$ROOT" -B "$ROOT/build-asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DLOOPSCOPE_SANITIZE=ON -DLOOPSCOPE_BUILD_APP=OFF >/dev/null
cmake --build "$ROOT/build-asan" -j "$JOBS"
# ASan's frames are several times larger: give the tests the stack that lets scripts reach
# CPython's recursion limit of 1000 before the interpreter's own stack check stops them (at most
# 64 MB: ASan cannot unpoison a larger stack when an exception unwinds it).
ulimit -s 65536 2>/dev/null || true
QT_QPA_PLATFORM=offscreen ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$ROOT/build-asan" --output-on-failure -j "$JOBS" -E '^conformance\.drift$'
