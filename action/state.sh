#!/usr/bin/env bash
# The Action's memory between nights (action.yml): the history and the catalogue of originals kept on a branch of the
# repository, which no cache eviction removes.
#
#   state.sh restore   puts the branch's files back where the audit reads them (first night: the branch is absent)
#   state.sh save      replaces the branch with one commit holding tonight's files
#
#   STATE_BRANCH  the branch (default syndication-state); STATE_REMOTE  the remote (default origin)
#   STATE_FILES   the files to keep, one per line, relative to the working directory (a missing one is skipped);
#                 default the history and catalogue beside SYNDICATION_PARTNERS
#   STATE_PART_SIZE  the size of a part (split --bytes; default 45M)
#
# Each file is kept gzip-compressed in parts of 45 MB (GitHub refuses files over 100 MB; a history of 100,000 pages is
# about 500 MB). The branch always holds a single commit, pushed with --force: a year of nightly SQLite files would
# otherwise pile up in its history. A branch that exists but cannot be read stops the job: an audit over a fresh
# history would call every old finding new, and its save would overwrite the real one.
set -euo pipefail

branch="${STATE_BRANCH:-syndication-state}"
remote="${STATE_REMOTE:-origin}"
# By default the partner list's history and catalogue, beside it as the audit puts them (PARTNERS.history.db,
# PARTNERS.catalogue.db); a list whose settings name other files needs STATE_FILES.
if [ -z "${STATE_FILES:-}" ] && [ -n "${SYNDICATION_PARTNERS:-}" ]; then
    stem="${SYNDICATION_PARTNERS%.*}"
    STATE_FILES="$stem.history.db"$'\n'"$stem.catalogue.db"
fi
mapfile -t files < <(printf '%s\n' "${STATE_FILES:-}" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d')
if [ "${#files[@]}" -eq 0 ]; then
    echo "state.sh: STATE_FILES names no file (nor SYNDICATION_PARTNERS a list)" >&2
    exit 2
fi

restore() {
    set +e
    git ls-remote --exit-code --heads "$remote" "refs/heads/$branch" >/dev/null
    local found=$?
    set -e
    if [ "$found" -eq 2 ]; then
        echo "No branch $branch on $remote yet: the first night starts a new history."
        return 0
    elif [ "$found" -ne 0 ]; then
        echo "::error title=State not restored::cannot read branch $branch of $remote (git ls-remote exit $found); not auditing over a fresh history" >&2
        exit 1
    fi

    git fetch --quiet --depth 1 "$remote" "refs/heads/$branch"
    local commit
    commit="$(git rev-parse FETCH_HEAD)"
    for file in "${files[@]}"; do
        mapfile -t parts < <(git ls-tree -r --name-only "$commit" \
            | awk -v p="$file.gz." 'substr($0, 1, length(p)) == p && substr($0, length(p) + 1) ~ /^[0-9][0-9][0-9]$/' | sort)
        if [ "${#parts[@]}" -eq 0 ]; then
            echo "  $file: not on $branch"
            continue
        fi

        mkdir -p "$(dirname "$file")"
        for part in "${parts[@]}"; do git cat-file blob "$commit:$part"; done | gunzip > "$file.restoring"
        mv -f "$file.restoring" "$file"
        echo "  $file: restored from $branch ($(wc -c < "$file") bytes)"
    done
}

save() {
    local work index
    work="$(mktemp -d)"
    index="$work/index"
    local kept=0
    for file in "${files[@]}"; do
        # A WAL left beside a database holds committed pages too: the file must be whole before it is kept.
        if [ -s "$file-wal" ]; then
            echo "::error title=State not saved::$file-wal is not empty: is an audit still running?" >&2
            exit 1
        fi

        if [ ! -f "$file" ]; then
            echo "  $file: absent, not kept"
            continue
        fi

        gzip -c "$file" | split --bytes "${STATE_PART_SIZE:-45M}" --numeric-suffixes --suffix-length 3 - "$work/part."
        for part in "$work"/part.*; do
            local blob
            blob="$(git hash-object -w "$part")"
            GIT_INDEX_FILE="$index" git update-index --add --cacheinfo "100644,$blob,$file.gz.${part##*.}"
            rm -f "$part"
        done

        kept=$((kept + 1))
        echo "  $file: kept ($(wc -c < "$file") bytes)"
    done

    if [ "$kept" -eq 0 ]; then
        echo "No state to keep: $branch left as it was."
        return 0
    fi

    local tree commit
    tree="$(GIT_INDEX_FILE="$index" git write-tree)"
    commit="$(GIT_AUTHOR_NAME="${GIT_AUTHOR_NAME:-github-actions[bot]}" GIT_AUTHOR_EMAIL="${GIT_AUTHOR_EMAIL:-41898282+github-actions[bot]@users.noreply.github.com}" \
        GIT_COMMITTER_NAME="${GIT_COMMITTER_NAME:-github-actions[bot]}" GIT_COMMITTER_EMAIL="${GIT_COMMITTER_EMAIL:-41898282+github-actions[bot]@users.noreply.github.com}" \
        git commit-tree "$tree" -m "Syndication state after run ${GITHUB_RUN_ID:-local} ($(date -u +%Y-%m-%dT%H:%MZ))")"
    git push --quiet --force "$remote" "$commit:refs/heads/$branch"
    rm -rf "$work"
    echo "Saved $kept file(s) to $branch ($commit)."
}

case "${1:-}" in
    restore) restore ;;
    save) save ;;
    *) echo "usage: state.sh restore|save" >&2; exit 2 ;;
esac
