#!/usr/bin/env bash
# Runs once, when the compose volume is first initialised, after db/eventfold-roles.sql made the services' roles:
# each gets its password from the environment (.env), passed as psql variables so no quoting can break out.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v command="$EVENTFOLD_COMMAND_DB_PASSWORD" -v projection="$EVENTFOLD_PROJECTION_DB_PASSWORD" \
  -v query="$EVENTFOLD_QUERY_DB_PASSWORD" <<'SQL'
alter role eventfold_command password :'command';
alter role eventfold_projection password :'projection';
alter role eventfold_query password :'query';
SQL
