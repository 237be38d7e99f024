#!/usr/bin/env bash
# Installs everything Podium needs on Debian 12, as root. Idempotent: a second run
# installs nothing and downloads nothing that is already there.
#
#   tools/setup.sh            system packages + third-party sources (.deps/)
#
# Third-party C/C++ sources (Dear ImGui, md4c, libqrencode) come from Debian's source
# packages so that the native and the WebAssembly builds compile the very same code.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates xz-utils
  googletest libgtest-dev libgmock-dev
  libmd4c-dev libstb-dev libcli11-dev libcpp-httplib-dev unicode-data
  libglfw3-dev libgl1-mesa-dev libegl-dev
  emscripten binaryen
  fonts-inter fonts-jetbrains-mono fonts-noto-cjk fonts-symbola fonts-lmodern
  python3-fonttools
  clang libclang-rt-14-dev perl
  xvfb xdotool x11-apps imagemagick chromium poppler-utils zbar-tools libcairo2-dev libfreetype-dev
  libharfbuzz-dev zlib1g-dev
)

missing=()
# Node.js may come from elsewhere (a newer nodejs bundles npm); take Debian's only if absent.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

src_list=/etc/apt/sources.list.d/podium-debsrc.sources
need_update=0
if ! grep -rqs "deb-src" /etc/apt/sources.list /etc/apt/sources.list.d/; then
  cat > "$src_list" <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  need_update=1
fi

apt_opts=(-o DPkg::Lock::Timeout=900 -y -q)
if [ ${#missing[@]} -gt 0 ] || [ $need_update = 1 ]; then
  apt-get "${apt_opts[@]}" update
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install --no-install-recommends "${missing[@]}"
fi

# Third-party sources, unpacked into .deps/<name> (git-ignored).
deps="$here/.deps"
mkdir -p "$deps/download"
fetch_source() {  # name  tarball-glob  target-dir
  local name=$1 glob=$2 target=$3
  [ -d "$deps/$target" ] && return 0
  if ! ls "$deps/download/"$glob >/dev/null 2>&1; then
    (cd "$deps/download" && apt-get source --download-only "$name" >/dev/null 2>&1 || true)
  fi
  local tarball
  tarball=$(ls "$deps/download/"$glob 2>/dev/null | head -n 1)
  if [ -z "$tarball" ]; then
    apt-get "${apt_opts[@]}" update >/dev/null
    (cd "$deps/download" && apt-get source --download-only "$name" >/dev/null 2>&1 || true)
    tarball=$(ls "$deps/download/"$glob 2>/dev/null | head -n 1)
  fi
  [ -n "$tarball" ] || { echo "setup: could not download the source of $name" >&2; exit 1; }
  local tmp="$deps/tmp-$target"
  rm -rf "$tmp" && mkdir -p "$tmp"
  tar -xf "$tarball" -C "$tmp"
  mv "$tmp"/* "$deps/$target"
  rm -rf "$tmp"
  echo "setup: unpacked $(basename "$tarball") into .deps/$target"
}
fetch_source imgui 'imgui_*.orig.tar.*' imgui
fetch_source md4c 'md4c_*.orig.tar.*' md4c
fetch_source qrencode 'qrencode_*.orig.tar.*' qrencode
# NetSurf's source package carries its parsing libraries: libhubbub (the HTML5 parser
# behind Markdown's raw HTML) and libparserutils, which it needs. Only those are unpacked,
# and their generated tables (entities, charset aliases) are made with their own scripts.
if [ ! -f "$deps/netsurf/libhubbub/src/tokeniser/entities.inc" ]; then
  fetch_source netsurf 'netsurf_*.orig.tar.*' netsurf-all
  rm -rf "$deps/netsurf" && mkdir -p "$deps/netsurf"
  for lib in libhubbub libparserutils; do mv "$deps/netsurf-all/$lib" "$deps/netsurf/"; done
  rm -rf "$deps/netsurf-all"
  (cd "$deps/netsurf/libhubbub" && perl build/make-entities.pl >/dev/null)
  (cd "$deps/netsurf/libparserutils" && perl build/make-aliases.pl >/dev/null)
  echo "setup: libhubbub and libparserutils ready in .deps/netsurf"
fi
# playwright-core (npm, pinned) drives Debian's /usr/bin/chromium in the browser tests; it
# downloads no browser of its own. Skipped when that version is already in .deps/npm.
playwright_version=1.65.1
# (cat may find no file on a fresh clone: `|| true` keeps set -e and pipefail quiet.)
installed=$( { cat "$deps/npm/node_modules/playwright-core/package.json" 2>/dev/null || true; } |
            sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p')
if [ "$installed" != "$playwright_version" ]; then
  echo "setup: npm install playwright-core@$playwright_version into .deps/npm"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$deps/npm" --save-exact --no-audit \
    --no-fund --loglevel=error "playwright-core@$playwright_version"
fi
echo "setup: done"
