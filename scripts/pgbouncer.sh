#!/usr/bin/env bash
# PgBouncer in transaction mode in front of the local PostgreSQL, as production's pooler (port 6543)
# runs: no session state survives a transaction, no named prepared statements (Debian 12's
# PgBouncer 1.18 has no prepared-statement support at all). Used by CI to run the API suite
# through a pooler.
#
#   bash scripts/pgbouncer.sh start [PORT]   # default 6543; prints the directory holding its files
#   bash scripts/pgbouncer.sh stop  DIR
#
# The configuration is our own, written to a fresh temporary directory (the Debian package's
# /etc/pgbouncer and service are left alone). PostgreSQL is the local trust-auth server on
# 127.0.0.1:5432 (PGBOUNCER_UPSTREAM_HOST/PORT override it); every database name is forwarded.
# PgBouncer refuses to run as root, so as root it runs as the postgres user.
set -euo pipefail

command_name=${1:-}
case "$command_name" in
  start)
    port=${2:-6543}
    command -v pgbouncer >/dev/null || {
      echo "pgbouncer is not installed (Debian: apt-get install pgbouncer)" >&2
      exit 1
    }
    dir=$(mktemp -d /tmp/velosi-pgbouncer.XXXXXX)
    printf '"postgres" ""\n' >"$dir/userlist.txt"
    cat >"$dir/pgbouncer.ini" <<EOF
[databases]
* = host=${PGBOUNCER_UPSTREAM_HOST:-127.0.0.1} port=${PGBOUNCER_UPSTREAM_PORT:-5432}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir = $dir
pool_mode = transaction
auth_type = trust
auth_file = $dir/userlist.txt
admin_users = postgres
max_client_conn = 1000
default_pool_size = 40
max_db_connections = 80
server_reset_query =
ignore_startup_parameters = extra_float_digits,options
pidfile = $dir/pgbouncer.pid
logfile = $dir/pgbouncer.log
EOF
    as_user=()
    if [ "$(id -u)" = 0 ]; then
      chown -R postgres "$dir"
      as_user=(-u postgres)
    fi
    pgbouncer -d "${as_user[@]}" "$dir/pgbouncer.ini"
    for _ in $(seq 1 50); do
      if pg_isready -q -h 127.0.0.1 -p "$port" -d pgbouncer; then
        echo "$dir"
        exit 0
      fi
      sleep 0.1
    done
    echo "PgBouncer did not start on 127.0.0.1:$port; its log:" >&2
    cat "$dir/pgbouncer.log" >&2 || true
    exit 1
    ;;
  stop)
    dir=${2:?usage: pgbouncer.sh stop DIR}
    if [ -f "$dir/pgbouncer.pid" ]; then
      pid=$(cat "$dir/pgbouncer.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: pgbouncer.sh start [PORT] | stop DIR" >&2
    exit 2
    ;;
esac
