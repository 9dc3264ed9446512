#!/usr/bin/env bash
# Puts a copy made by backup-postgres.sh into an EMPTY database (README "Backup and restore"): create it first
# (createdb -O mesa mesa_de_ayuda_restaurada), restore, then point MESA_DB_URL at it and start the application.
# Restoring over a database in use is refused: a half-old, half-new database is worse than either.
#   restore-postgres.sh <copy.dump> <database>     connection from PGHOST PGPORT PGUSER PGPASSWORD; PG_BIN as above
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 <copy.dump> <empty database>" >&2
  exit 2
fi
bin=${PG_BIN:+$PG_BIN/}
copy=$1
database=$2
[ -f "$copy" ] || { echo "no such copy: $copy" >&2; exit 1; }
tables=$("${bin}psql" -X -A -t -d "$database" -c \
  "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")
if [ "$tables" != "0" ]; then
  echo "database $database is not empty ($tables tables): restore into a new, empty database" >&2
  exit 1
fi
"${bin}pg_restore" --no-owner --exit-on-error --single-transaction --dbname="$database" "$copy"
echo "restored $copy into $database"
