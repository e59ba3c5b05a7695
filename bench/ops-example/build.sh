#!/bin/sh
# Packs the ops example charm as a .charm (a zip that keeps unix modes), with the
# given directory of Python packages (ops and its dependencies) as venv/.
# Usage: build.sh <site-dir> <out.charm>
set -eu
if [ $# -ne 2 ]; then
	echo "usage: $0 <site-dir> <out.charm>" >&2
	exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
site=$(cd "$1" && pwd)
case $2 in /*) out=$2 ;; *) out=$(pwd)/$2 ;; esac
[ -d "$site/ops" ] || { echo "$0: $site has no ops package" >&2; exit 2; }

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp "$here/metadata.yaml" "$here/config.yaml" "$here/dispatch" "$stage/"
mkdir "$stage/src" "$stage/venv"
cp "$here/src/charm.py" "$stage/src/"
chmod 755 "$stage/dispatch" "$stage/src/charm.py"
# Sources only: each unit compiles its own bytecode on its first hook.
(cd "$site" && tar -cf - --exclude=__pycache__ --exclude='*.pyc' .) | (cd "$stage/venv" && tar -xf -)

rm -f "$out"
python3 - "$stage" "$out" <<'PY'
import os, sys, zipfile
stage, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    for root, dirs, files in os.walk(stage):
        dirs.sort()
        for name in sorted(dirs + files):
            path = os.path.join(root, name)
            # ZipFile.write keeps the unix mode (dispatch must stay executable).
            z.write(path, os.path.relpath(path, stage))
PY
echo "$out"
