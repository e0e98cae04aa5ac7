#!/usr/bin/env bash
# Starts this machine's PostgreSQL for the server tests and prints the TEST_DATABASE_URL to use.
# As root: the Debian cluster (pg_ctlcluster). Otherwise: a throwaway cluster in a temporary folder.
set -euo pipefail
version=15
bin="/usr/lib/postgresql/$version/bin"
if [ ! -x "$bin/postgres" ]; then
  echo "PostgreSQL $version is not installed (apt-get install -y postgresql-$version)." >&2
  exit 1
fi

if [ "$(id -u)" = 0 ]; then
  pg_ctlcluster "$version" main start >/dev/null 2>&1 || pg_ctlcluster "$version" main status >/dev/null
  su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname = 'sidecar'\"" | grep -q 1 ||
    su postgres -c "psql -qc \"create role sidecar login password 'sidecar' superuser\"" >&2
  su postgres -c "dropdb --if-exists sidecar_ci && createdb -O sidecar sidecar_ci" >&2
  echo "postgres://sidecar:sidecar@127.0.0.1:5432/sidecar_ci"
else
  dir="$(mktemp -d /tmp/sidecar-pg.XXXXXX)"
  port=$((20000 + RANDOM % 20000))
  "$bin/initdb" -D "$dir/data" -U sidecar --auth=trust >/dev/null
  "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -o "-p $port -k $dir -c listen_addresses=127.0.0.1" -w start >/dev/null
  "$bin/createdb" -h 127.0.0.1 -p "$port" -U sidecar sidecar_ci
  echo "postgres://sidecar@127.0.0.1:$port/sidecar_ci"
fi
