# syntax=docker/dockerfile:1

# Targets:
#   runtime  (default) the Api, as a non-root user on port 8080, with a health check
#   migrator           an EF Core migration bundle that applies the SQL Server migrations:
#                      docker run --rm IMAGE --connection "Server=...;Database=...;..."
#                      (the PostgreSQL ones with --build-arg MIGRATIONS_CONTEXT=PostgreSqlCustomerDbContext)

# ---- build: restore, then publish the Api ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# The Api is published for the image's platform (TARGETARCH, set by BuildKit; the build
# machine's own architecture under the legacy builder), which makes it ReadyToRun: precompiled, so
# it does not JIT its way to its first answer (see src/Api/Api.csproj).
ARG TARGETARCH
RUN case "${TARGETARCH:-$(dpkg --print-architecture)}" in \
      amd64) echo linux-x64 ;; \
      arm64) echo linux-arm64 ;; \
      *) echo "unsupported TARGETARCH ${TARGETARCH}" >&2; exit 1 ;; \
    esac > /tmp/rid

# Only the files restore reads come first, so the restore layer is reused until a project file
# or a package version changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Domain/Domain.csproj src/Domain/
COPY src/Application/Application.csproj src/Application/
COPY src/Infrastructure/Infrastructure.csproj src/Infrastructure/
COPY src/Api/Api.csproj src/Api/
RUN dotnet restore src/Api/Api.csproj --runtime "$(cat /tmp/rid)"

# .editorconfig too: code style is enforced in the build, as in CI.
COPY .editorconfig ./
COPY src/ src/
RUN dotnet publish src/Api/Api.csproj --configuration Release --no-restore --runtime "$(cat /tmp/rid)" \
      --self-contained false --output /app/publish -p:UseAppHost=false

# ---- bundle: one provider's migrations (SQL Server's by default) as one executable ----
# Only this stage needs the dotnet-ef tool.
FROM build AS bundle
ARG MIGRATIONS_CONTEXT=SqlServerCustomerDbContext
COPY .config/dotnet-tools.json .config/
RUN dotnet tool restore && dotnet ef migrations bundle --project src/Infrastructure --startup-project src/Infrastructure \
      --context "$MIGRATIONS_CONTEXT" --configuration Release --output /app/efbundle --force

# ---- migrator: runs the bundle (it needs the ASP.NET Core runtime, like the Api) ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS migrator
WORKDIR /app
COPY --from=bundle /app/efbundle .
USER $APP_UID
ENTRYPOINT ["./efbundle"]

# ---- runtime: the Api ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# HEALTHCHECK runs a command inside the container, and the aspnet image has no HTTP client (no curl,
# no wget). curl from the distribution's own repository is the usual, well-understood probe; it is
# installed without recommended packages and the package lists are removed to keep the layer small.
RUN apt-get update \
    && apt-get install --yes --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
# The default SQLite database is data/customer-service.db under the content root (/app); the folder
# must be writable by the non-root user. Mount a volume here to keep the data.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
COPY --from=build /app/publish .

# The official images define the non-root user "app" and its id in APP_UID.
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080

# curl --fail exits 22 on an HTTP error; HEALTHCHECK expects 1 for unhealthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl --fail --silent --show-error --output /dev/null http://localhost:8080/health/live || exit 1

ENTRYPOINT ["dotnet", "CustomerService.Api.dll"]
