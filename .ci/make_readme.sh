#!/usr/bin/env bash
# README.md from nbs/index.ipynb without Quarto (nbconvert; `#| hide` cells dropped, stored outputs kept).
# usage: .ci/make_readme.sh [OUT.md]   (default: README.md at the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-README.md}; dir=$(dirname "$out"); name=$(basename "$out" .md)
J=jupyter; [ -x .venv/bin/jupyter ] && J=.venv/bin/jupyter
$J nbconvert --log-level ERROR --to markdown nbs/index.ipynb --output-dir "$dir" --output "$name" \
  --RegexRemovePreprocessor.patterns='^#\| ?hide' --NbConvertApp.output_files_dir="${name}_files"
# nbconvert leaves the nbdev directives of visible cells in the code blocks: drop them
sed -i '/^#| /d' "$out"
# images the notebooks link relative to nbs/ (e.g. images/x.png) live in nbs/ seen from the repository root
sed -i 's#](images/#](nbs/images/#g' "$out"
echo "$out"
