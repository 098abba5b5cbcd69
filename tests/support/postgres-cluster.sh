#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: initdb into a scratch folder, the server
# listening only on a socket in that folder (no TCP port to collide with), trust
# authentication (tests only), stopped and removed by "stop".
#   postgres-cluster.sh start URI_FILE   starts one and writes its workspace URI base to URI_FILE
#   postgres-cluster.sh stop URI_FILE    stops the cluster URI_FILE names and removes it
# The URI base is postgresql:///fairtender?host=FOLDER&user=postgres; a test adds
# &tender=NAME. The database also has a role "panel" that owns nothing, for the tests of what
# a team's role may do.
set -euo pipefail

action=${1:?start or stop}
uri_file=${2:?the file that holds the cluster URI}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "postgres-cluster: no PostgreSQL server binaries (install postgresql)" >&2; exit 1; }

# initdb refuses root: the cluster then belongs to the postgres user.
as_owner=()
if [ "$(id -u)" -eq 0 ]; then as_owner=(runuser -u postgres --); fi

stop() {
  local folder=$1
  [ -d "$folder/data" ] && "${as_owner[@]}" "$bin/pg_ctl" -D "$folder/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$folder"
}

case "$action" in
  start)
    if [ -f "$uri_file" ]; then stop "$(sed -n 's/.*host=\([^&]*\).*/\1/p' "$uri_file")"; rm -f "$uri_file"; fi
    folder=$(mktemp -d /tmp/fairtender-pg.XXXXXX)
    chmod 755 "$folder"
    [ ${#as_owner[@]} -eq 0 ] || chown postgres "$folder"
    "${as_owner[@]}" "$bin/initdb" -D "$folder/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$folder/initdb.log" 2>&1 \
      || { cat "$folder/initdb.log" >&2; stop "$folder"; exit 1; }
    "${as_owner[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
      -o "-c listen_addresses='' -k $folder -c fsync=on -c max_connections=200" start >/dev/null \
      || { cat "$folder/server.log" >&2; stop "$folder"; exit 1; }
    "$bin/psql" -X -q -h "$folder" -U postgres -d postgres -v ON_ERROR_STOP=1 \
      -c "CREATE DATABASE fairtender" -c "CREATE ROLE panel LOGIN" >/dev/null
    echo "postgresql:///fairtender?host=$folder&user=postgres" >"$uri_file"
    ;;
  stop)
    [ -f "$uri_file" ] || exit 0
    stop "$(sed -n 's/.*host=\([^&]*\).*/\1/p' "$uri_file")"
    rm -f "$uri_file"
    ;;
  *) echo "postgres-cluster: start or stop, not $action" >&2; exit 2 ;;
esac
