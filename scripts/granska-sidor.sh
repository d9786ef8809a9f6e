#!/usr/bin/env bash
# Page review (issue 13): every document of every example, the tjänsteskrivelser (--for each) and the profiled
# handlingsplan, in PDF, DOCX (as LibreOffice lays it out) and HTML (printed by Chromium), as two-page PNG sheets
# in UTMAPP/ark/{pdf,docx,html}/ to look at one by one.
# usage: scripts/granska-sidor.sh UTMAPP [dpi]   (needs soffice, chromium, pdftoppm and montage from imagemagick)
set -u
REPO=$(cd "$(dirname "$0")/.." && pwd); OUT=$1; DPI=${2:-70}
mkdir -p "$OUT"
B="node $REPO/bin/fsstod.js"
for ex in boras hjo-tidaholm lindesberg; do
  f=$REPO/examples/$ex/projekt.yaml
  $B render alla "$f" --format docx,pdf,html --ut "$OUT/$ex" >/dev/null 2>&1
  for fr in handlingsplan lägesbild uppföljning; do
    $B render tjänsteskrivelse "$f" --for $fr --format docx,pdf,html --ut "$OUT/$ex" --namn "$ex-tjansteskrivelse-$fr" >/dev/null 2>&1
  done
done
$B render handlingsplan "$REPO/examples/lindesberg/projekt.yaml" --profil "$REPO/examples/profil" --format docx,pdf,html --ut "$OUT/profil" --namn lindesberg-handlingsplan-profil >/dev/null 2>&1
for d in "$OUT"/*/; do
  (cd "$d" && for x in *.docx; do soffice --headless --convert-to pdf --outdir lo "$x" >/dev/null 2>&1; done)
  (cd "$d" && mkdir -p html && for x in *.html; do chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="html/${x%.html}.pdf" "file://$PWD/$x" >/dev/null 2>&1; done)
done
rm -rf "$OUT/ark"
for p in "$OUT"/*/*.pdf "$OUT"/*/lo/*.pdf "$OUT"/*/html/*.pdf; do
  kind=pdf; case $p in */lo/*) kind=docx;; */html/*) kind=html;; esac
  base=$(basename "${p%.pdf}"); t=$(mktemp -d); mkdir -p "$OUT/ark/$kind"
  pdftoppm -r "$DPI" -png "$p" "$t/s"
  files=($(ls "$t"/*.png | sort -V)); n=${#files[@]}; i=0
  while [ $i -lt $n ]; do
    a=${files[$i]}; b=${files[$((i+1))]:-}
    montage -label '%t' -pointsize 14 $a $b -tile 2x1 -geometry +6+6 -background '#888' "$OUT/ark/$kind/$base--s$((i+1))$( [ -n "$b" ] && echo "-$((i+2))").png" 2>/dev/null
    i=$((i+2))
  done
  rm -rf "$t"
done
for k in pdf docx html; do echo "$k: $(ls "$OUT/ark/$k" | wc -l) ark"; done
