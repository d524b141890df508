# Source this file: puts Node 24 and a pinned pnpm on PATH, installing them into .tools/ when the
# machine's node is older. Both come from the npm registry (the `node` package ships the binary),
# so this works on machines that reach only package registries.
_ls_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_ls_tools="$_ls_root/.tools"
LICENSYNC_PNPM_VERSION=12.4.2
_ls_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ -x "$_ls_tools/node_modules/.bin/node" ]; then
  export PATH="$_ls_tools/node_modules/.bin:$PATH"
fi
if [ "$(_ls_node_major)" -lt 24 ]; then
  echo "toolchain: installing node@24 into .tools/" >&2
  npm install --silent --no-audit --no-fund --prefix "$_ls_tools" node@24 >&2
  export PATH="$_ls_tools/node_modules/.bin:$PATH"
fi
if [ "$(pnpm --version 2>/dev/null)" != "$LICENSYNC_PNPM_VERSION" ]; then
  echo "toolchain: installing pnpm@$LICENSYNC_PNPM_VERSION into .tools/" >&2
  npm install --silent --no-audit --no-fund --prefix "$_ls_tools" "pnpm@$LICENSYNC_PNPM_VERSION" >&2
  export PATH="$_ls_tools/node_modules/.bin:$PATH"
fi
hash -r
unset _ls_root _ls_tools
