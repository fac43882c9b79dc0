#!/usr/bin/env bash
# Renders a workbook the way it prints (LibreOffice headless → PDF → one PNG per page), to look
# at an export before a meeting: scripts/render-xlsx.sh pack.xlsx [OUT_DIR] [DPI]
# Needs soffice (LibreOffice) and pdftoppm (poppler-utils).
set -euo pipefail
file=${1:?usage: scripts/render-xlsx.sh FILE.xlsx [OUT_DIR] [DPI]}
out=${2:-$(mktemp -d)}
dpi=${3:-80}
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# A private profile: another soffice running on the machine does not block this one.
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$file" >/dev/null
pdf="$out/$(basename "${file%.*}").pdf"
pdftoppm -r "$dpi" -png "$pdf" "$out/page"
echo "$pdf"
ls "$out"/page-*.png
