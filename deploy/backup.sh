#!/bin/sh
# Backups of the Qinqing database: pg_dump in PostgreSQL's custom format, one file per run in
# BACKUP_DIR, files older than BACKUP_KEEP_DAYS deleted. The backup service of
# docker-compose.yml runs `backup.sh nightly` (every day at BACKUP_TIME, the container's TZ);
# `backup.sh once` makes one now. Restore with deploy/restore.sh (tested by
# apps/api/test/backup-restore.test.ts). Copy the files off this machine as well: a backup on
# the same disk as the database is lost with it.
set -eu

: "${DATABASE_URL:?set DATABASE_URL to the database to back up}"
BACKUP_DIR=${BACKUP_DIR:-/backups}
BACKUP_KEEP_DAYS=${BACKUP_KEEP_DAYS:-30}
BACKUP_TIME=${BACKUP_TIME:-02:30}

backup_once() {
  mkdir -p "$BACKUP_DIR"
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  partial="$BACKUP_DIR/.qinqing-$stamp.dump.partial"
  # Written under a temporary name: a dump cut short never looks like a backup.
  if ! pg_dump --format=custom --no-owner --file="$partial" "$DATABASE_URL"; then
    rm -f "$partial"
    echo "backup failed at $stamp" >&2
    return 1
  fi
  mv "$partial" "$BACKUP_DIR/qinqing-$stamp.dump"
  echo "backup written: $BACKUP_DIR/qinqing-$stamp.dump ($(wc -c <"$BACKUP_DIR/qinqing-$stamp.dump") bytes)"
  find "$BACKUP_DIR" -maxdepth 1 -type f -name 'qinqing-*.dump' -mtime +"$BACKUP_KEEP_DAYS" \
    -print -delete
}

seconds_until_next_run() {
  now=$(date +%s)
  next=$(date -d "today $BACKUP_TIME" +%s)
  [ "$next" -gt "$now" ] || next=$(date -d "tomorrow $BACKUP_TIME" +%s)
  echo $((next - now))
}

case "${1:-once}" in
  once) backup_once ;;
  nightly)
    while true; do
      sleep "$(seconds_until_next_run)"
      backup_once || true # the next night tries again; the failure is in the log
    done
    ;;
  *)
    echo "usage: backup.sh [once|nightly]" >&2
    exit 2
    ;;
esac
