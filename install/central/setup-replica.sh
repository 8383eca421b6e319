#!/bin/bash
# Make a streaming replica of central's PostgreSQL primary (README.md, "Replica").
#
# On the primary, as the postgres user:
#   setup-replica.sh primary --replica-addr 10.0.0.12 [--hba-file F] [--host H] [--port P]
#     creates the replication role `replicator` (password from $KIOSK_REPLICATION_PASSWORD)
#     if missing, adds its pg_hba.conf line for the replica's address, reloads.
# On the replica host, as the postgres user:
#   setup-replica.sh replica --primary-host 10.0.0.11 [--primary-port 5432] [--slot NAME]
#       [--data-dir DIR] [--cluster 15/main | --start-port P]
#     stops the local (empty) cluster and keeps its folder aside, copies the primary with
#     pg_basebackup -R (standby.signal and primary_conninfo written) through a new
#     replication slot, starts the cluster and waits until it streams.
#     --start-port P: no Debian cluster (pg_ctlcluster), start the copy with pg_ctl on
#     127.0.0.1:P with its socket in DIR (tests; a private cluster), plus the server options
#     --start-options "…" (settings a primary had on its command line, such as
#     max_connections, which a standby must match).
# The password reaches pg_basebackup as $PGPASSWORD or through ~postgres/.pgpass.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
ROLE=replicator

die() {
    echo "setup-replica: $*" >&2
    exit 1
}

usage() {
    sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
}

primary() {
    local replica_addr="" hba_file="" host="" port=5432
    while [ $# -gt 0 ]; do
        case "$1" in
            --replica-addr) replica_addr=$2; shift 2 ;;
            --hba-file) hba_file=$2; shift 2 ;;
            --host) host=$2; shift 2 ;;
            --port) port=$2; shift 2 ;;
            *) usage ;;
        esac
    done
    [ -n "$replica_addr" ] || die "--replica-addr is required"
    [ -n "${KIOSK_REPLICATION_PASSWORD:-}" ] || die "set KIOSK_REPLICATION_PASSWORD"
    local psql=("$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres)
    [ -z "$host" ] || psql+=(-h "$host")
    if [ -z "$hba_file" ]; then
        hba_file=$("${psql[@]}" -A -t -c 'SHOW hba_file')
    fi
    local exists
    exists=$("${psql[@]}" -A -t -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")
    if [ "$exists" != 1 ]; then
        # The password travels as a psql variable, quoted by psql, never on a command line.
        "${psql[@]}" -v pw="$KIOSK_REPLICATION_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD %L', :'pw') \gexec
SQL
        echo "role $ROLE created"
    fi
    local mask=/32
    case "$replica_addr" in *:*) mask=/128 ;; esac
    case "$replica_addr" in */*) mask="" ;; esac
    local line="hostssl replication $ROLE $replica_addr$mask scram-sha-256"
    if [ "$replica_addr" = 127.0.0.1 ] || [ "$replica_addr" = ::1 ]; then
        line="host replication $ROLE $replica_addr$mask scram-sha-256"
    fi
    if ! grep -qxF "$line" "$hba_file"; then
        echo "$line" >>"$hba_file"
        echo "added to $hba_file: $line"
    fi
    "${psql[@]}" -c 'SELECT pg_reload_conf()' >/dev/null
}

replica() {
    local primary_host="" primary_port=5432 slot="" data_dir="" cluster=15/main start_port=""
    local start_options=""
    while [ $# -gt 0 ]; do
        case "$1" in
            --primary-host) primary_host=$2; shift 2 ;;
            --primary-port) primary_port=$2; shift 2 ;;
            --slot) slot=$2; shift 2 ;;
            --data-dir) data_dir=$2; shift 2 ;;
            --cluster) cluster=$2; shift 2 ;;
            --start-port) start_port=$2; shift 2 ;;
            --start-options) start_options=$2; shift 2 ;;
            *) usage ;;
        esac
    done
    [ -n "$primary_host" ] || die "--primary-host is required"
    if [ -z "$slot" ]; then
        slot=$(hostname -s | tr -c 'a-zA-Z0-9_\n' _)
        slot="replica_${slot,,}"
    fi
    [[ "$slot" =~ ^[a-z0-9_]{1,63}$ ]] || die "slot name $slot: lower-case letters, digits, _ only"
    [ -n "$data_dir" ] || data_dir=/var/lib/postgresql/${cluster%%/*}/${cluster##*/}

    if [ -z "$start_port" ]; then
        command -v pg_ctlcluster >/dev/null || die "pg_ctlcluster is missing (postgresql-common)"
        pg_ctlcluster "${cluster%%/*}" "${cluster##*/}" stop || true
    fi
    if [ -d "$data_dir" ] && [ -n "$(ls -A "$data_dir")" ]; then
        local aside
        aside="$data_dir.before-replica.$(date +%Y%m%d%H%M%S)"
        mv "$data_dir" "$aside"
        echo "the cluster's former folder is kept in $aside"
    fi
    mkdir -p "$data_dir"
    chmod 0700 "$data_dir"

    echo "copying the primary $primary_host:$primary_port through slot $slot ..."
    "$PG_BIN/pg_basebackup" -h "$primary_host" -p "$primary_port" -U "$ROLE" -w \
        -D "$data_dir" -R -X stream -C -S "$slot" -c fast

    if [ -z "$start_port" ]; then
        pg_ctlcluster "${cluster%%/*}" "${cluster##*/}" start
        local psql=("$PG_BIN/psql" -X -q -A -t -d postgres)
    else
        "$PG_BIN/pg_ctl" -D "$data_dir" -l "$data_dir/server.log" -w -t 60 \
            -o "-p $start_port -k $data_dir -c listen_addresses=127.0.0.1 $start_options" start >/dev/null ||
            die "the copy did not start: $(tail -n 5 "$data_dir/server.log")"
        local psql=("$PG_BIN/psql" -X -q -A -t -d postgres -h 127.0.0.1 -p "$start_port")
    fi
    local state=""
    for _ in $(seq 60); do
        state=$("${psql[@]}" -c "SELECT status FROM pg_stat_wal_receiver" 2>/dev/null || true)
        [ "$state" = streaming ] && break
        sleep 1
    done
    [ "$state" = streaming ] || die "the replica does not stream from the primary (see its log)"
    echo "replica streaming from $primary_host:$primary_port (slot $slot, read-only)"
}

case "${1:-}" in
    primary) shift; primary "$@" ;;
    replica) shift; replica "$@" ;;
    *) usage ;;
esac
