#!/bin/bash
# A logical backup of central's database (pg_dump, custom format), then old ones deleted.
# Run daily by kiosk-central-backup.timer as the postgres user on the primary; settings from
# /etc/kiosk-central/backup.env:
#   KIOSK_BACKUP_DB         database name or connection string (default kiosk_central)
#   KIOSK_BACKUP_DIR        where dumps are kept (default /var/backups/kiosk-central)
#   KIOSK_BACKUP_KEEP_DAYS  dumps older than this are deleted (default 14); the newest
#                           KIOSK_BACKUP_KEEP_MIN (default 3) are always kept
# Restore: README.md, "Backups".
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
db=${KIOSK_BACKUP_DB:-kiosk_central}
dir=${KIOSK_BACKUP_DIR:-/var/backups/kiosk-central}
keep_days=${KIOSK_BACKUP_KEEP_DAYS:-14}
keep_min=${KIOSK_BACKUP_KEEP_MIN:-3}

[[ "$keep_days" =~ ^[0-9]+$ && "$keep_min" =~ ^[0-9]+$ ]] || {
    echo "kiosk-central-backup: KIOSK_BACKUP_KEEP_DAYS and _KEEP_MIN are whole numbers" >&2
    exit 2
}
umask 077
mkdir -p "$dir"
name="$dir/kiosk_central-$(date -u +%Y%m%dT%H%M%SZ).dump"
# Written under a temporary name, removed whatever happens: a dump cut short never looks
# like a backup, nor stays to fill the disk.
trap 'rm -f -- "$name.part"' EXIT
"$PG_BIN/pg_dump" --format=custom --compress=6 --no-password --dbname="$db" --file="$name.part"
"$PG_BIN/pg_restore" --list "$name.part" >/dev/null  # readable as a whole
mv "$name.part" "$name"
echo "kiosk-central-backup: $name ($(stat -c %s "$name") bytes)"

# Retention: delete dumps older than keep_days, but never one of the newest keep_min.
mapfile -t dumps < <(find "$dir" -maxdepth 1 -name 'kiosk_central-*.dump' -printf '%f\n' | sort -r)
for ((i = keep_min; i < ${#dumps[@]}; i++)); do
    old="$dir/${dumps[i]}"
    if [ -n "$(find "$old" -mtime +"$keep_days")" ]; then
        rm -f -- "$old"
        echo "kiosk-central-backup: deleted $old"
    fi
done
