#!/usr/bin/env bash
# Build the frozen nnlab with PyInstaller: one folder, dist/nnlab/ (on macOS dist/nnlab.app
# too), from the repository root:
#
#     packaging/pyinstaller/build.sh           then: packaging/pyinstaller/smoke-test.sh
#
# It works in a virtual environment of its own, build/pyinstaller-venv, made with $PYTHON
# (default: python3) and holding nnlab (a normal install, so that its translations are
# compiled) and the PyInstaller of packaging/pyinstaller/requirements.txt. The environment is
# reused while the Python, pyproject.toml and requirements.txt are those it was made with;
# otherwise it is made again. nnlab itself is installed again at every build.
# Linux needs objdump (Debian: binutils) and Python's shared library (Debian: libpython3.11).
set -euo pipefail

cd "$(dirname "$0")/../.."
PYTHON="${PYTHON:-python3}"
venv=build/pyinstaller-venv
requirements=packaging/pyinstaller/requirements.txt
spec=packaging/pyinstaller/nnlab.spec
started=$(date +%s)

# What PyInstaller needs on Linux, said before it fails further in.
if [ "$(uname -s)" = Linux ]; then
    if ! command -v objdump >/dev/null; then
        echo "build.sh: objdump not found; PyInstaller needs it (Debian: binutils)" >&2
        exit 1
    fi
    shared_library='import ctypes, sysconfig; ctypes.CDLL(sysconfig.get_config_var("INSTSONAME"))'
    if ! "$PYTHON" -c "$shared_library" 2>/dev/null; then
        echo "build.sh: $PYTHON has no shared library (libpython); PyInstaller needs it" \
             "(Debian: libpython3.11)" >&2
        exit 1
    fi
fi

# What the environment was made from; a change of any of it makes it again.
stamp=$("$PYTHON" - "$requirements" pyproject.toml <<'EOF'
import hashlib, sys
digest = hashlib.sha256(sys.version.encode())
for name in sys.argv[1:]:
    with open(name, "rb") as file:
        digest.update(file.read())
print(digest.hexdigest())
EOF
)

venv_python() {
    if [ -x "$venv/bin/python" ]; then
        echo "$venv/bin/python"
    else
        echo "$venv/Scripts/python.exe"  # a Windows environment (Git Bash)
    fi
}

# setuptools builds nnlab in build/lib and packages whatever it finds there: a module deleted
# from the source would live on in the frozen program
rm -rf build/lib build/bdist.*
if [ -f "$venv/nnlab-build-stamp" ] && [ "$(cat "$venv/nnlab-build-stamp")" = "$stamp" ] \
        && "$(venv_python)" -c "import PyInstaller" 2>/dev/null; then
    echo "Reusing $venv"
    python=$(venv_python)
    "$python" -m pip install --quiet --no-deps --force-reinstall .
else
    echo "Making $venv"
    rm -rf "$venv"
    "$PYTHON" -m venv "$venv"
    python=$(venv_python)
    "$python" -m pip install --quiet -r "$requirements" .
    echo "$stamp" > "$venv/nnlab-build-stamp"
fi
installed=$(date +%s)

rm -rf dist/nnlab dist/nnlab.app
# -P: nnlab from the environment, not the source tree in the current folder
"$python" -P -m PyInstaller --noconfirm --log-level WARN --distpath dist \
    --workpath build/pyinstaller "$spec"
finished=$(date +%s)

echo "Built dist/nnlab in $((finished - started)) s" \
     "(environment $((installed - started)) s, PyInstaller $((finished - installed)) s):" \
     "$(du -sh dist/nnlab | cut -f1)"
