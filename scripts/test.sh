#!/usr/bin/env bash
# Runs every test of the solution. Installs the external tools the integration tests need
# (moto_server, Debian's awscli/boto3/openpyxl, LibreOffice and poppler for the PDF test) when they are missing, saying so, then prints
# the totals as one plain line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

need_apt=()
[ -x /usr/bin/aws ] || need_apt+=(awscli)
/usr/bin/python3 -c 'import boto3' 2>/dev/null || need_apt+=(python3-boto3)
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null || need_apt+=(python3-openpyxl)
/usr/bin/python3 -c 'import yaml' 2>/dev/null || need_apt+=(python3-yaml)
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing Debian packages the tests need: ${need_apt[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq >/dev/null && $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null \
    || { echo "Could not install ${need_apt[*]} with apt-get"; exit 1; }
fi
if ! command -v moto_server >/dev/null 2>&1; then
  echo "Installing moto_server (pip install \"moto[server]\")"
  pip install -q "moto[server]" || { echo "Could not install moto[server] with pip"; exit 1; }
fi

results=$(mktemp -d)
log="$results/dotnet-test.log"
# A test that hangs is stopped after 10 minutes and named (the blame collector prints it), so a
# hang fails the run in minutes instead of holding CI until its own limit.
dotnet test ComplianceReport.sln --nologo --blame-hang-timeout 10m --blame-hang-dump-type none "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one line per test assembly:
#   Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, Duration: 3 s - X.dll (net10.0)
totals=$(grep -E '^\s*(Passed|Failed)!\s+-\s+Failed:' "$log" | sed -E 's/.*Failed:\s*([0-9]+), Passed:\s*([0-9]+), Skipped:\s*([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped\n", p, f, s}')
assemblies=$(grep -cE '^\s*(Passed|Failed)!\s+-\s+Failed:' "$log")
rm -rf "$results"
echo "$totals"
if [ "$status" -ne 0 ]; then
  echo "dotnet test exited with $status"
  exit "$status"
fi
if [ "$assemblies" -eq 0 ]; then
  echo "No test assembly reported results"
  exit 1
fi
