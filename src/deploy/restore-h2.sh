#!/usr/bin/env bash
# Puts an H2 copy made by backup-h2.sh back (README "Backup and restore"). STOP THE APPLICATION FIRST: H2 refuses a
# database file that is in use, and a running application would go on writing the old one.
#   restore-h2.sh <copy.zip> <data directory>     e.g. restore-h2.sh backups/mesa-de-ayuda-20261204-020000.zip data
# A database already in the data directory is moved aside (mesa-de-ayuda.mv.db.before-restore-<time>), never deleted.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 <copy.zip> <data directory>" >&2
  exit 2
fi
copy=$1
data=$2
[ -f "$copy" ] || { echo "no such copy: $copy" >&2; exit 1; }
unzip -l "$copy" | grep -q '\.mv\.db$' || { echo "$copy is not an H2 copy (no .mv.db inside)" >&2; exit 1; }
mkdir -p "$data"
stamp=$(date +%Y%m%d-%H%M%S)
for file in "$data"/*.mv.db; do
  [ -e "$file" ] || continue
  if command -v fuser >/dev/null && fuser -s "$file" 2>/dev/null; then
    echo "$file is in use: stop the application first" >&2
    exit 1
  fi
  mv "$file" "$file.before-restore-$stamp"
  echo "kept the previous database as $file.before-restore-$stamp"
done
unzip -o -q "$copy" -d "$data"
echo "restored $copy into $data; start the application"
