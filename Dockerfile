# syntax=docker/dockerfile:1
# The API as a container image: build with the .NET SDK, run on the ASP.NET Core runtime.
#   docker build -t campaign-workflow-api .      (docker compose up builds it too)
# The image listens on 8080 and takes its database from Storage__Provider / Storage__ConnectionString.

# ---- build --------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# NOTE: the designer (a later change) adds a web front end under src/ that is built with npm in this
# stage; install Node.js here then (for example from the node:22 image: COPY --from=node:22 ...), copy
# its package.json and package-lock.json before `npm ci`, and keep this stage's restore/publish order.
WORKDIR /src

# Restore first, from the project files and their lock files only, so the layer is cached until a
# dependency changes. --locked-mode fails when a lock file does not match the projects.
# global.json asks for SDK 10.0.401 or a later feature band; this floating tag is always at least that.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Workflow.Engine/Workflow.Engine.csproj src/Workflow.Engine/packages.lock.json src/Workflow.Engine/
COPY src/Workflow.Storage/Workflow.Storage.csproj src/Workflow.Storage/packages.lock.json src/Workflow.Storage/
COPY src/Workflow.Storage.Sqlite/Workflow.Storage.Sqlite.csproj src/Workflow.Storage.Sqlite/packages.lock.json src/Workflow.Storage.Sqlite/
COPY src/Workflow.Storage.SqlServer/Workflow.Storage.SqlServer.csproj src/Workflow.Storage.SqlServer/packages.lock.json src/Workflow.Storage.SqlServer/
COPY src/Workflow.Storage.PostgreSql/Workflow.Storage.PostgreSql.csproj src/Workflow.Storage.PostgreSql/packages.lock.json src/Workflow.Storage.PostgreSql/
COPY src/Workflow.Api/Workflow.Api.csproj src/Workflow.Api/packages.lock.json src/Workflow.Api/
RUN dotnet restore src/Workflow.Api/Workflow.Api.csproj --locked-mode

COPY src/ src/
COPY workflows/ workflows/
RUN dotnet publish src/Workflow.Api/Workflow.Api.csproj -c Release --no-restore -o /app

# ---- runtime ------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# On the embedded default (no Storage__Provider) the SQLite file goes to /app/App_Data: writable by
# the app user; mount a volume there to keep it (-v campaign-data:/app/App_Data).
RUN mkdir -p /app/App_Data && chown "$APP_UID" /app/App_Data
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
# The non-root user the .NET images provide.
USER $APP_UID
ENTRYPOINT ["dotnet", "Workflow.Api.dll"]
