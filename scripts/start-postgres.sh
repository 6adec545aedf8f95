#!/usr/bin/env bash
# A local PostgreSQL for the data service's contract tests (Debian's `postgresql` package).
# Installs it when missing, starts the newest cluster, makes a `dashboard` role and a
# `dashboard_test` database, and prints the connection URL as its last line:
#   export TEST_DATABASE_URL=$(bash scripts/start-postgres.sh | tail -1)
set -euo pipefail
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "installing: postgresql" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q . || $SUDO pg_createcluster "$version" main >&2
status=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}')
[ "$status" = "online" ] || $SUDO pg_ctlcluster "$version" main start >&2
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
as_postgres() { $SUDO su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -tAc \"$1\""; }
for _ in $(seq 1 30); do as_postgres "select 1" >/dev/null 2>&1 && break; sleep 0.5; done
[ "$(as_postgres "select 1 from pg_roles where rolname = 'dashboard'")" = "1" ] ||
  as_postgres "create role dashboard login superuser password 'dashboard'" >&2
[ "$(as_postgres "select 1 from pg_database where datname = 'dashboard_test'")" = "1" ] ||
  as_postgres "create database dashboard_test owner dashboard" >&2
echo "PostgreSQL $version on port $port" >&2
echo "postgres://dashboard:dashboard@127.0.0.1:$port/dashboard_test"
