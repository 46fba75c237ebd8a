#!/usr/bin/env bash
# The Action's audit step (action.yml): syncs the catalogue of originals, audits the partner list into the report
# folder, appends the Markdown report to the job summary, and gives the exit code as the step's output `exit-code`.
# It always succeeds itself: the reports and the state are saved first, then verdict.sh fails the job or not.
#
#   SYNDICATION_PARTNERS  the partner list      SYNDICATION_FORMATS  report formats (markdown is always added)
#   SYNDICATION_OUTPUT_DIR  the report folder   SYNDICATION_ARGS  more audit options, as shell words
#   SYNDICATION_SYNC  true: 'originals sync' first (its exit 2, the licensor's site down, does not stop the audit)
set -uo pipefail

partners="${SYNDICATION_PARTNERS:?the partners input names the partner list}"
output_dir="${SYNDICATION_OUTPUT_DIR:-reports}"
formats="${SYNDICATION_FORMATS:-html,junit,markdown,json}"
case ",$formats," in *,markdown,*) ;; *) formats="$formats,markdown" ;; esac
# The options as the workflow wrote them, split as a shell splits words (the workflow's author wrote them).
eval "extra=(${SYNDICATION_ARGS:-})"
summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
output="${GITHUB_OUTPUT:-/dev/null}"

if [ "${SYNDICATION_SYNC:-true}" = "true" ]; then
    syndication originals sync "$partners"
    sync=$?
    if [ "$sync" -ne 0 ] && [ "$sync" -ne 2 ]; then
        echo "::error title=Catalogue not synced::syndication originals sync exited $sync"
        echo "exit-code=$sync" >> "$output"
        echo "The catalogue of originals could not be synced (exit code $sync); the audit did not run." >> "$summary"
        exit 0
    fi
fi

syndication audit "$partners" --format "$formats" --output-dir "$output_dir" "${extra[@]}"
code=$?
echo "exit-code=$code" >> "$output"
echo "reports=$output_dir" >> "$output"
if [ -f "$output_dir/report.md" ]; then
    cat "$output_dir/report.md" >> "$summary"
else
    echo "The audit wrote no report (exit code $code)." >> "$summary"
fi
exit 0
