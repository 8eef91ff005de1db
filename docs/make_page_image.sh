#!/bin/sh
# Make docs/images/page1.png: page 1 of the example city plan as LibreOffice renders it.
#
# The .docx only names its fonts (仿宋_GB2312, 楷体_GB2312, 黑体, 方正小标宋简体, 宋体); Linux
# has none of them, and without help every name falls back to Noto Sans CJK (仿宋 then looks
# like 黑体). For the picture we alias them, in a private fonts.conf passed through
# FONTCONFIG_FILE, to free stand-ins: the Fandol fonts (FandolFang/Kai/Hei/Song, taken from
# Debian's texlive-lang-chinese with `apt-get download` + `dpkg-deb -x`, not installed) and
# Noto Serif CJK SC Bold for 小标宋. Line and character counts do not depend on the stand-ins.
#
# Usage: sh docs/make_page_image.sh            (from the repository root)
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${DRAFTER_IMAGE_WORK:-/tmp/drafter-page-image}
FONTS=$WORK/fonts
OUT=$ROOT/docs/images/page1.png
PY=$ROOT/.venv/bin/python
mkdir -p "$WORK" "$FONTS" "$ROOT/docs/images"

# 1. Stand-in fonts (downloaded once into $WORK).
if [ ! -f "$FONTS/FandolFang-Regular.otf" ]; then
    (cd "$WORK" && apt-get download texlive-lang-chinese >/dev/null 2>&1) || true
    DEB=$(ls "$WORK"/texlive-lang-chinese_*.deb 2>/dev/null | head -n 1 || true)
    if [ -n "$DEB" ]; then
        dpkg-deb -x "$DEB" "$WORK/deb"
        find "$WORK/deb" -name 'Fandol*-Regular.otf' -exec cp {} "$FONTS" \;
    else
        echo "texlive-lang-chinese unavailable: using Noto CJK stand-ins only" >&2
    fi
fi

alias_rule() {  # $1 = name in the document, $2 = stand-in family, $3 = weight (optional)
    printf '  <match target="pattern"><test name="family"><string>%s</string></test>\n' "$1"
    printf '    <edit name="family" mode="assign" binding="strong"><string>%s</string></edit>' "$2"
    if [ -n "${3:-}" ]; then
        printf '\n    <edit name="weight" mode="assign" binding="strong"><const>%s</const></edit>' "$3"
    fi
    printf '</match>\n'
}
if [ -f "$FONTS/FandolFang-Regular.otf" ]; then
    FANG=FandolFang KAI=FandolKai HEI=FandolHei SONG=FandolSong
else
    FANG="Noto Serif CJK SC" KAI="Noto Serif CJK SC" HEI="Noto Sans CJK SC" SONG="Noto Serif CJK SC"
fi
{
    echo '<?xml version="1.0"?>'
    echo '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
    echo '<fontconfig>'
    echo '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
    echo "  <dir>$FONTS</dir>"
    echo "  <cachedir>$WORK/fontcache</cachedir>"
    alias_rule "仿宋_GB2312" "$FANG"
    alias_rule "楷体_GB2312" "$KAI"
    alias_rule "黑体" "$HEI"
    alias_rule "宋体" "$SONG"
    alias_rule "方正小标宋简体" "Noto Serif CJK SC" bold
    alias_rule "Times New Roman" "Liberation Serif"
    echo '</fontconfig>'
} > "$WORK/fonts.conf"

# 2. The document: the example city plan when it renders, else the corpus-based fallback.
DOCX=$WORK/page.docx
rm -f "$DOCX"
for PLAN in "$ROOT"/examples/*.yaml; do  # the first plan that builds (batch files do not)
    [ -f "$PLAN" ] || continue
    if (cd "$ROOT" && "$PY" -m drafter build "$PLAN" -o "$DOCX" --force >/dev/null 2>&1); then
        echo "rendering $PLAN"
        break
    fi
done
if [ ! -f "$DOCX" ]; then
    echo "example plan unavailable: rendering the corpus-based plan of bench/render.py"
    (cd "$ROOT" && "$PY" - "$DOCX" <<'EOF'
import sys
from pathlib import Path
sys.path.insert(0, "bench")
from render import corpus_blocks
from drafter.model.plan import PlanMeta
from drafter.render.docx_writer import docx_bytes
from drafter.render.profile import load_profile
Path(sys.argv[1]).write_bytes(docx_bytes(corpus_blocks(), profile=load_profile(), meta=PlanMeta()))
EOF
    )
fi

# 3. LibreOffice (fresh profile, private fonts) → PDF → PNG of page 1.
rm -rf "$WORK/lo-profile" "$WORK/page.pdf"
FONTCONFIG_FILE="$WORK/fonts.conf" soffice "-env:UserInstallation=file://$WORK/lo-profile" \
    --headless --convert-to pdf --outdir "$WORK" "$DOCX" >/dev/null 2>&1
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$WORK/page.pdf" "$WORK/page1"
cp "$WORK/page1.png" "$OUT"
echo "wrote $OUT"
