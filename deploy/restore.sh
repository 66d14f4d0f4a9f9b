#!/bin/sh
# Restores a backup written by deploy/backup.sh into an empty database, all or nothing:
#   DATABASE_URL=postgres://qinqing:…@db:5432/qinqing deploy/restore.sh /backups/qinqing-….dump
# Then start the API on it with the same JWT_SECRET, GATE_CODE_SEED and AUDIT_CHECKPOINT_SEED, and
# check the audit chain (GET /api/v1/audit/verify as a supervisor): it must answer ok.
set -eu

: "${DATABASE_URL:?set DATABASE_URL to the empty database to restore into}"
[ $# -eq 1 ] && [ -f "$1" ] || {
  echo "usage: DATABASE_URL=… restore.sh <backup file>" >&2
  exit 2
}
pg_restore --exit-on-error --single-transaction --no-owner --dbname="$DATABASE_URL" "$1"
echo "restored $1"
