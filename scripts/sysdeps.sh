#!/usr/bin/env bash
# Makes sure Qt's runtime libraries and a Hangul font are present.
# As root on Debian/Ubuntu it installs what is missing; otherwise it prints the exact command.
set -u
missing=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib 'libEGL.so.1'         || missing+=(libegl1)
have_lib 'libGL.so.1'          || missing+=(libgl1)
have_lib 'libxkbcommon.so.0'   || missing+=(libxkbcommon0)
have_lib 'libfontconfig.so.1'  || missing+=(libfontconfig1)
have_lib 'libdbus-1.so.3'      || missing+=(libdbus-1-3)
have_lib 'libxcb-cursor.so.0'  || missing+=(libxcb-cursor0)
have_lib 'libxcb-icccm.so.4'   || missing+=(libxcb-icccm4)
have_lib 'libxcb-keysyms.so.1' || missing+=(libxcb-keysyms1)
have_lib 'libxkbcommon-x11.so.0' || missing+=(libxkbcommon-x11-0)
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=ko 2>/dev/null | head -n 1)" ]; then
  missing+=(fonts-noto-cjk)
fi
command -v cmake >/dev/null 2>&1 || missing+=(cmake)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
# pdftotext, pdffonts and pdftoppm: the tests read the PDF reports back
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "sysdeps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && $cmd >/dev/null || { echo "sysdeps: '$cmd' failed" >&2; exit 1; }
else
  echo "sysdeps: missing system packages. Run:" >&2
  echo "  sudo apt-get update && sudo $cmd" >&2
  exit 1
fi
