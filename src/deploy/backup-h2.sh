#!/usr/bin/env bash
# Copy of the embedded H2 database while the application runs (README "Backup and restore"): asks the application to
# run H2's BACKUP TO (a consistent zip of the database file) into mesa.backup.directory (MESA_BACKUP_DIR), then
# deletes copies older than MESA_BACKUP_KEEP_DAYS. Run it from cron or a systemd timer as a user that can read the
# environment file.
#   MESA_URL              the application (default http://127.0.0.1:8080)
#   MESA_BACKUP_USER      an administrator account (camunda-admin) ...
#   MESA_BACKUP_PASSWORD  ... and its password
#   MESA_BACKUP_DIR       where the copies are (default ./backups, as the application's default)
#   MESA_BACKUP_KEEP_DAYS days of copies to keep (default 30; 0 keeps everything)
set -euo pipefail
url=${MESA_URL:-http://127.0.0.1:8080}
: "${MESA_BACKUP_USER:?set MESA_BACKUP_USER (an administrator)}"
: "${MESA_BACKUP_PASSWORD:?set MESA_BACKUP_PASSWORD}"
response=$(curl -sS --fail-with-body -u "$MESA_BACKUP_USER:$MESA_BACKUP_PASSWORD" -X POST "$url/api/operations/backup")
echo "$response"
keep=${MESA_BACKUP_KEEP_DAYS:-30}
dir=${MESA_BACKUP_DIR:-./backups}
if [ "$keep" -gt 0 ] && [ -d "$dir" ]; then
  find "$dir" -maxdepth 1 -name 'mesa-de-ayuda-*.zip' -mtime +"$keep" -print -delete
fi
