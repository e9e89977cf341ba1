#!/usr/bin/env bash
# Installs code-server (VS Code in the browser) outside the repo, cached by version.
# A plain `npm install code-server` fails offline (ripgrep download, kerberos headers),
# so this follows the steps in shared/spec/real-vscode.md. Prints the install folder.
set -euo pipefail
VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CACHE="${ARTICLE_LENS_CACHE:-$HOME/.cache/article-lens}"
DEST="$CACHE/code-server-$VERSION"
BIN="$DEST/node_modules/code-server/out/node/entry.js"
if [ -f "$DEST/.complete" ] && [ -f "$BIN" ]; then echo "$DEST"; exit 0; fi

need_apt=()
command -v rg >/dev/null || need_apt+=(ripgrep)
command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing ${need_apt[*]} with apt-get" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >&2
fi

rm -rf "$DEST" && mkdir -p "$DEST"
export npm_config_nodedir=/usr
(
  cd "$DEST"
  npm init -y >/dev/null
  npm install "code-server@$VERSION" --ignore-scripts --no-audit --no-fund
  npm rebuild argon2
  cd node_modules/code-server/lib/vscode
  npm install --omit=dev --ignore-scripts --no-audit --no-fund
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  npm rebuild --yes
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
  (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
  cd extensions && npm install --omit=dev --yes --no-audit --no-fund
) >&2
touch "$DEST/.complete"
echo "$DEST"
