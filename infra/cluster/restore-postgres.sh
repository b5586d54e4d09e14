#!/bin/sh
# Restores the Gongzhi PostgreSQL data (events and read models, one database) from a base backup
# and the WAL archive, to the archive's end or to a point in time, into an empty data folder:
#
#   restore-postgres.sh BASE_BACKUP_DIR WAL_ARCHIVE_DIR NEW_DATA_DIR [TARGET_TIME]
#
# BASE_BACKUP_DIR holds base.tar.gz from `pg_basebackup -Ft -z -X none` (docs/operations.md);
# TARGET_TIME is e.g. '2026-12-07 03:00:00+08' (default: everything the archive holds).
# It unpacks the backup, replays the archive on a PostgreSQL of its own (port RESTORE_PORT,
# default 5499, on 127.0.0.1 only, archiving off so the old archive is left alone) until it is
# promoted, then stops it cleanly. Run it as the user that owns PostgreSQL's data (postgres).
# Then: start Patroni on that node with this folder as its data_dir (it becomes the leader) and
# the other nodes empty (they clone it), then the API instances. test:cluster runs this script.
set -eu

fail() {
  echo "✗ $*" >&2
  exit 1
}

[ $# -ge 3 ] || fail "usage: $0 BASE_BACKUP_DIR WAL_ARCHIVE_DIR NEW_DATA_DIR [TARGET_TIME]"
base=$1
archive=$2
data=$3
target=${4:-}
port=${RESTORE_PORT:-5499}
bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}

[ -f "$base/base.tar.gz" ] || fail "no base.tar.gz in $base"
[ -d "$archive" ] || fail "no WAL archive at $archive"
[ -x "$bin/pg_ctl" ] || fail "no PostgreSQL binaries (set PG_BIN to the folder with pg_ctl)"
if [ -d "$data" ] && [ -n "$(ls -A "$data")" ]; then fail "$data is not empty"; fi

mkdir -p "$data"
chmod 700 "$data"
tar -xzf "$base/base.tar.gz" -C "$data"
# The node's own settings (Patroni's) came with the backup; these, later in the file, win.
{
  echo "# restore-postgres.sh, $(date -u +%FT%TZ)"
  echo "restore_command = 'cp \"$archive/%f\" \"%p\"'"
  echo "recovery_target_timeline = 'latest'"
  echo "recovery_target_action = 'promote'"
  if [ -n "$target" ]; then echo "recovery_target_time = '$target'"; fi
  echo "archive_mode = 'off'"
  # No hot standby while recovering: the settings it would have to match are Patroni's.
  echo "hot_standby = 'off'"
  echo "hba_file = '$data/pg_hba.conf'"
  echo "ident_file = '$data/pg_ident.conf'"
  echo "port = $port"
  echo "listen_addresses = '127.0.0.1'"
  echo "unix_socket_directories = '$data'"
  echo "primary_conninfo = ''"
  echo "primary_slot_name = ''"
} >>"$data/postgresql.auto.conf"
rm -f "$data/standby.signal" "$data/postmaster.pid"
touch "$data/recovery.signal"

"$bin/pg_ctl" -D "$data" -l "$data/restore.log" -w -t 600 start >/dev/null
# Promoted once recovery ends: the archive (or the target) is reached and it accepts writes.
tries=0
until [ "$("$bin/psql" -h "$data" -p "$port" -U postgres -d postgres -Atc 'select pg_is_in_recovery()' 2>/dev/null)" = "f" ]; do
  tries=$((tries + 1))
  [ $tries -lt 600 ] || {
    "$bin/pg_ctl" -D "$data" -m fast stop >/dev/null || true
    fail "recovery did not end within 10 minutes: see $data/restore.log"
  }
  sleep 1
done
"$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
echo "restored into $data (replayed to $(grep -c '' "$data/restore.log") log lines; see restore.log)"
