#!/bin/sh
# Build the site and serve it.
set -eu
OUT="${1:-Site}"  # where to write
for f in Content/lessons/*.md; do
  echo "building $f into $OUT (pid $$)" 'literal $HOME' # done
done
if [ "$#" -gt 2 ]; then exit 2; fi
echo a#b
