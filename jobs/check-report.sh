#!/usr/bin/env bash
# Checks that an email-performance workbook opens cleanly in LibreOffice: converts it headless to PDF and fails
# when the conversion fails or a cell shows an error (#VALUE!, #REF!, #NAME?, #DIV/0!, #N/A, Err:nnn).
#   jobs/check-report.sh WORKBOOK.xlsx [--png DIR]
# --png DIR also renders the top of the Summary and Email Performance sheets as PNG images, as shown in
# the README (written from the English sheets: Summary is the first page, Email Performance the second). Needs LibreOffice and poppler-utils (Debian: apt-get install -y
# libreoffice-calc-nogui poppler-utils); not part of `mvn test`, since CI has no LibreOffice.
set -euo pipefail

usage() {
    sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

workbook="" png_dir=""
while [ $# -gt 0 ]; do
    case "$1" in
        --png) png_dir="${2:?--png needs a folder}"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) workbook="$1"; shift ;;
    esac
done
if [ -z "$workbook" ] || [ ! -f "$workbook" ]; then
    echo "check-report.sh: no workbook '$workbook'" >&2
    usage >&2
    exit 2
fi
for tool in soffice pdftotext pdftoppm; do
    command -v "$tool" >/dev/null || { echo "check-report.sh: $tool is not installed (see --help)" >&2; exit 2; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A profile of its own, so a running LibreOffice of the user's neither blocks nor changes the check.
if ! soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work" \
        "$workbook" >"$work/soffice.log" 2>&1; then
    echo "check-report.sh: LibreOffice failed to convert $workbook:" >&2
    cat "$work/soffice.log" >&2
    exit 1
fi
pdf="$work/$(basename "${workbook%.*}").pdf"
if [ ! -s "$pdf" ]; then
    echo "check-report.sh: LibreOffice wrote no PDF for $workbook:" >&2
    cat "$work/soffice.log" >&2
    exit 1
fi
pdftotext -layout "$pdf" "$work/text.txt"
if grep -nE '#(VALUE|REF|NAME|DIV/0|N/A|NUM|NULL)[!?]?|Err:[0-9]{3}' "$work/text.txt" >"$work/errors.txt"; then
    echo "check-report.sh: error cells in $workbook:" >&2
    head -20 "$work/errors.txt" >&2
    exit 1
fi
pages="$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')"
echo "check-report.sh: $workbook opens cleanly in LibreOffice ($pages pages, no error cells)"

if [ -n "$png_dir" ]; then
    mkdir -p "$png_dir"
    # Each sheet starts on a new page; the first sheet is Summary, the second Email Performance.
    # Each sheet starts on a new page: Summary is the first, Email Performance the second. The top part of
    # an A4 landscape page, where the content of the sample day is.
    pdftoppm -png -r 120 -f 1 -l 1 -x 70 -y 45 -W 1260 -H 650 -singlefile "$pdf" "$png_dir/summary"
    pdftoppm -png -r 150 -f 2 -l 2 -x 90 -y 100 -W 1600 -H 300 -singlefile "$pdf" "$png_dir/email-performance"
    echo "check-report.sh: wrote $png_dir/summary.png and $png_dir/email-performance.png"
fi
