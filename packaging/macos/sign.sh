#!/usr/bin/env bash
# Sign and notarize the macOS .app and .dmg. Skipped (with a message) when no identity is set.
#   JASO_CODESIGN_IDENTITY="Developer ID Application: ..."  JASO_NOTARY_PROFILE=notary  sign.sh
set -euo pipefail
APP="${1:-dist/Jaso.app}"
DMG="${2:-}"
if [[ -z "${JASO_CODESIGN_IDENTITY:-}" ]]; then
  echo "sign.sh: JASO_CODESIGN_IDENTITY is not set; leaving $APP unsigned"
  exit 0
fi
codesign --force --deep --options runtime --timestamp --sign "$JASO_CODESIGN_IDENTITY" "$APP"
if [[ -n "$DMG" ]]; then
  codesign --force --timestamp --sign "$JASO_CODESIGN_IDENTITY" "$DMG"
  if [[ -n "${JASO_NOTARY_PROFILE:-}" ]]; then
    xcrun notarytool submit "$DMG" --keychain-profile "$JASO_NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
  fi
fi
