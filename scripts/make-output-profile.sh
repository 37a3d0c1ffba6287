#!/usr/bin/env bash
# Builds common/colour/profiles/rosette-coated-fogra39.icc, the CMYK output profile every PDF names in its
# OutputIntent and every colour and image is converted through.
#
# Source data: FOGRA39L.ti3, Fogra's characterisation of offset printing on coated paper (ISO 12647-2:2004/
# Amd 1, paper types 1 and 2, the condition printers call "FOGRA39" or "ISO Coated v2"), as packaged by
# Debian's icc-profiles-free under the zlib licence. Tool: ArgyllCMS colprof (Debian package argyll).
# Settings: medium quality, a ramped black generation, total ink limited to 300 % and black to 95 %
# (the limits of "ISO Coated v2 300%", which most UK sheet-fed printers ask for), perceptual tables
# gamut-mapped from sRGB. The profile is committed: building it takes two minutes and needs argyll,
# which neither CI nor a server needs. Run from the repository root: scripts/make-output-profile.sh
set -euo pipefail
out="$(pwd)/common/colour/profiles/rosette-coated-fogra39.icc"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp /usr/share/color/icc/FOGRA39L.ti3 "$work/"
cd "$work"
colprof -qm -kr -l300 -L95 -S /usr/share/color/icc/sRGB.icc -cmt -dpp \
  -D "Rosette coated FOGRA39 300%" \
  -C "Built by Rosette with ArgyllCMS colprof from FOGRA39L characterisation data (Fogra; icc-profiles-free, zlib licence)" \
  FOGRA39L
cp FOGRA39L.icc "$out"
echo "wrote $out"
