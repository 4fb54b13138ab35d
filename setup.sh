#!/usr/bin/env bash
# setup.sh: install what is missing (Debian packages), build indikator, and run
# the main job on the built-in demo data, writing into out/. The packages include
# what ./test.sh reads outputs back with (openpyxl, python-docx, SciPy, LibreOffice, Chromium).
set -euo pipefail
cd "$(dirname "$0")"

packages=(build-essential cmake pkg-config libgsl-dev libcsv-dev libcairo2-dev libpango1.0-dev libfontconfig-dev
          libjansson-dev libcmocka-dev zlib1g-dev fonts-dejavu-core poppler-utils
          libdouble-conversion-dev libfast-float-dev libxlsxwriter-dev libzip-dev
          python3-openpyxl python3-docx python3-scipy libreoffice-calc-nogui libreoffice-writer-nogui chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"

mkdir -p out
./scripts/main-job.sh build/indikator out
