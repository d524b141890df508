#!/bin/sh
# Usage: sh scripts/assemble-runtime.sh DEST — after `pnpm build`, copies what the image runs into
# DEST: dist/ and only the node_modules store entries its bundles reach (dist/runtime-packages.txt).
# The Dockerfile and scripts/check-image-steps.sh both call it, so CI checks the same file set.
set -eu
dest=$1
mkdir -p "$dest"
tar -cf - dist -T dist/runtime-packages.txt | tar -xf - -C "$dest"
