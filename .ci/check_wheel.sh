#!/usr/bin/env bash
# Build the wheel from this checkout, install it (without its dependencies) into a folder outside the checkout,
# and check that the package, its console scripts and the synthetic-data generator work from there.
# The dependencies come from .venv: torch 2.14.1 on x86_64 is a CUDA build of about 5.5 GB, and a second
# copy in a fresh venv does not fit on every CI disk. That the wheel's requirements are met by the pinned
# set is checked with pip's resolver (dry run, nothing downloaded or installed).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD; py=$root/.venv/bin/python; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$py" -m pip wheel -q --no-deps -w "$tmp/dist" . >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; exit 1; }
whl=$(ls "$tmp"/dist/gfla_nb-*.whl)
echo "wheel: built $(basename "$whl") ($(du -h "$whl" | cut -f1))"
"$py" -m pip install -q --dry-run --no-index -c constraints.txt "$whl" >"$tmp/resolve.log" 2>&1 \
  || { grep -v WARNING "$tmp/resolve.log"; echo "wheel: its requirements are not met by the installed, pinned set"; exit 1; }
echo "wheel: requirements met by the pinned set"
"$py" -m pip install -q --no-deps --target "$tmp/site" "$whl" 2>&1 | grep -v WARNING || true
cd "$tmp"   # outside the checkout
unset GFLA_DATA
export PYTHONPATH="$tmp/site"   # the wheel's copy comes before the editable install in .venv
"$py" - "$root" <<'PY'
import sys, gfla_nb, pathlib
root = pathlib.Path(sys.argv[1]).resolve()
here = pathlib.Path(gfla_nb.__file__).resolve()
assert root not in here.parents, f"gfla_nb was imported from the checkout ({here}), not from the wheel"
from gfla_nb.core import default_data_root
print(f"wheel: gfla_nb {gfla_nb.__version__} imported from {here.parent}")
PY
for s in $(sed -n '/^console_scripts/,/^[^ \t]/p' "$root/settings.ini" | grep -o '[a-z_]*=' | tr -d '='); do
  test -x "$tmp/site/bin/$s" || { echo "wheel: console script $s is missing"; exit 1; }
  "$py" "$tmp/site/bin/$s" --help >/dev/null && echo "wheel: $s --help ok"
done
"$py" "$tmp/site/bin/gfla_synth" --out "$tmp/synth" --size 64 --n_train_ids 2 --n_test_ids 1 --poses_per_id 3 --n_videos 0 --quiet
"$py" -c "import sys; from gfla_nb.data import SyntheticPairs; ds = SyntheticPairs(sys.argv[1], 'train'); it = ds[0]; print('wheel: generated and loaded', len(ds), 'pairs,', tuple(it['src_img'].shape))" "$tmp/synth"
