# syntax=docker/dockerfile:1
# The API as a container image: build with the .NET SDK, run on the ASP.NET Core runtime.
#   docker build -t campaign-workflow-api .      (docker compose up builds it too)
# The image listens on 8080 and takes its database from Storage__Provider / Storage__ConnectionString.

# ---- build --------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The web app (src/Workflow.Web) is built by the API's build (npm ci + vite build, see
# src/Workflow.Api/Web/WebApp.targets), so this stage needs Node.js (Vite 8: 20.19 or later; Debian
# bookworm's nodejs is 18, too old): node and npm are copied from the official Node.js image.
COPY --from=node:22-bookworm-slim /usr/local/bin/node /usr/local/bin/node
COPY --from=node:22-bookworm-slim /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
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
COPY src/Workflow.Api/Web/WebApp.targets src/Workflow.Api/Web/
RUN dotnet restore src/Workflow.Api/Workflow.Api.csproj --locked-mode
# The web app's packages, cached until its lock file changes (the build's npm ci then finds them current).
COPY src/Workflow.Web/package.json src/Workflow.Web/package-lock.json src/Workflow.Web/
RUN cd src/Workflow.Web && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.install-stamp

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
