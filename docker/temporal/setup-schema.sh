#!/bin/sh
# Creates Temporal's two databases on Duban's PostgreSQL and brings their schemas
# to the version the server image expects. Safe to re-run (create tolerates existing).
set -eu
SQL="temporal-sql-tool --plugin postgres12 --ep ${POSTGRES_SEEDS} -u ${POSTGRES_USER} -p ${DB_PORT}"
SCHEMA=/etc/temporal/schema/postgresql/v12
for db in temporal temporal_visibility; do
  dir=$([ "$db" = temporal ] && echo temporal || echo visibility)
  $SQL --db "$db" create || true
  $SQL --db "$db" setup-schema -v 0.0 || true
  $SQL --db "$db" update-schema -d "$SCHEMA/$dir/versioned"
done
echo "Temporal schemas are up to date"
