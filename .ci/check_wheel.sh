#!/usr/bin/env bash
# Build the wheel from this checkout, install it into a fresh virtual environment outside the checkout,
# and check that the package, its console scripts and the synthetic-data generator work there.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
.venv/bin/pip wheel -q --no-deps -w "$tmp/dist" . 2>&1 | grep -v WARNING || true
whl=$(ls "$tmp"/dist/gfla_nb-*.whl)
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install -q -c constraints.txt "$whl" 2>&1 | grep -v WARNING || true
cd "$tmp"   # outside the checkout: nothing can be imported from it
unset GFLA_DATA
"$tmp/venv/bin/python" - "$root" <<'PY'
import sys, gfla_nb, pathlib
root = pathlib.Path(sys.argv[1]).resolve()
here = pathlib.Path(gfla_nb.__file__).resolve()
assert root not in here.parents, f"gfla_nb was imported from the checkout ({here}), not from the wheel"
print(f"wheel: gfla_nb {gfla_nb.__version__} imported from {here.parent}")
PY
for s in $(sed -n '/^console_scripts/,/^[^ \t]/p' "$root/settings.ini" | grep -o '[a-z_]*=' | tr -d '='); do
  "$tmp/venv/bin/$s" --help >/dev/null && echo "wheel: $s --help ok"
done
if [ -f "$tmp/venv/bin/gfla_synth" ]; then
  "$tmp/venv/bin/gfla_synth" --out "$tmp/synth" --size 64 --n_train_ids 2 --n_test_ids 1 --poses_per_id 3 --n_videos 0 --quiet
  "$tmp/venv/bin/python" -c "import sys; from gfla_nb.data import SyntheticPairs; ds = SyntheticPairs(sys.argv[1], 'train'); it = ds[0]; print('wheel: generated and loaded', len(ds), 'pairs,', tuple(it['src_img'].shape))" "$tmp/synth"
fi
