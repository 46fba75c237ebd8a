#!/usr/bin/env bash
# The Action's install step (action.yml): installs the `syndication` dotnet tool and puts it on the job's PATH.
#
#   SYNDICATION_VERSION  a version from the package sources (nuget.org, or SYNDICATION_SOURCE)
#   SYNDICATION_SOURCE   a folder or feed that holds the Syndication package (dotnet tool install --add-source)
#   neither              the package is packed from the Action's own checkout (ACTION_PATH), the exact code of the
#                        ref the workflow names, and installed from that folder
#   SYNDICATION_TOOL_PATH  install there instead of the global tools folder
#   SYNDICATION_NUGET_CONFIG  a nuget.config for the install (e.g. one that clears every other source: offline)
set -euo pipefail

version="${SYNDICATION_VERSION:-}"
source="${SYNDICATION_SOURCE:-}"
tool_path="${SYNDICATION_TOOL_PATH:-}"
action_path="${ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}"

if [ -z "$version" ] && [ -z "$source" ]; then
    source="$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/syndication-feed.XXXXXX")"
    echo "Packing Syndication from $action_path"
    dotnet pack "$action_path/src/Syndication.Cli" --configuration Release --output "$source" --disable-build-servers --nologo
fi

args=(tool install Syndication)
if [ -n "$version" ]; then args+=(--version "$version"); fi
if [ -n "$source" ]; then args+=(--add-source "$source"); fi
if [ -n "${SYNDICATION_NUGET_CONFIG:-}" ]; then args+=(--configfile "$SYNDICATION_NUGET_CONFIG"); fi
if [ -n "$tool_path" ]; then
    args+=(--tool-path "$tool_path")
    bin="$tool_path"
else
    args+=(--global)
    bin="$HOME/.dotnet/tools"
fi

dotnet "${args[@]}"
if [ -n "${GITHUB_PATH:-}" ]; then echo "$bin" >> "$GITHUB_PATH"; fi
"$bin/syndication" --version
