#!/usr/bin/env bash
# Copy of the PostgreSQL database (README "Backup and restore"): pg_dump in its custom format (compressed, restored
# with pg_restore), taken while the application runs (one consistent snapshot). Connection from libpq's variables:
#   PGHOST PGPORT PGUSER PGPASSWORD (or ~/.pgpass) PGDATABASE (default mesa_de_ayuda)
#   MESA_BACKUP_DIR       where the copies are (default ./backups)
#   MESA_BACKUP_KEEP_DAYS days of copies to keep (default 30; 0 keeps everything)
#   PG_BIN                folder of pg_dump when it is not on the PATH (e.g. /usr/lib/postgresql/15/bin)
set -euo pipefail
bin=${PG_BIN:+$PG_BIN/}
database=${PGDATABASE:-mesa_de_ayuda}
dir=${MESA_BACKUP_DIR:-./backups}
mkdir -p "$dir"
file="$dir/mesa-de-ayuda-$(date +%Y%m%d-%H%M%S).dump"
"${bin}pg_dump" --format=custom --no-owner --file="$file.partial" "$database"
mv "$file.partial" "$file"
echo "$file"
keep=${MESA_BACKUP_KEEP_DAYS:-30}
if [ "$keep" -gt 0 ]; then
  find "$dir" -maxdepth 1 -name 'mesa-de-ayuda-*.dump' -mtime +"$keep" -print -delete
fi
