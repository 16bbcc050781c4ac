#!/bin/sh
# Entry point of the CLI image. ECS Exec needs a running container to attach to, so
# `idle [seconds]` keeps one up; anything else is a CLI command.
set -eu
if [ "${1:-}" = "idle" ]; then
    exec sleep "${2:-3600}"
fi
exec dotnet /app/ComplianceReport.Client.dll "$@"
