#!/usr/bin/env bash
# Upgrades through the migration bundle: builds the SQLite migrations into a bundle (the same kind
# of executable the container image's migrator runs for SQL Server) and runs the upgrade tests with
# it. Each historical database is then made by the bundle, filled with that version's rows,
# upgraded to the last migration by the bundle, and read back through the API by a service that
# does not migrate at start. Needs the solution built in Release and the dotnet-ef tool restored
# (as .ci/run does before it). Exit code: non-zero when the bundle does not build or a test fails.
set -euo pipefail
cd "$(dirname "$0")/../.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet ef migrations bundle --project src/Infrastructure --startup-project src/Infrastructure \
  --configuration Release --no-build --context SqliteCustomerDbContext --output "$work/efbundle" --force

CUSTOMER_SERVICE_SQLITE_MIGRATION_BUNDLE="$work/efbundle" \
  dotnet test tests/Api.IntegrationTests -c Release --no-build \
  --filter "FullyQualifiedName~CustomerService.Api.IntegrationTests.Migrations"
