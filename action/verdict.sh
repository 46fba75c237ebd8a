#!/usr/bin/env bash
# The Action's last step (action.yml): fails the job on a new violation (exit 1) or a broken audit (3 and above, or
# none), not on pages that could not be checked tonight (2) unless SYNDICATION_FAIL_ON_UNCHECKED is true: a partner's
# site down for a night is no licence breach, and a job red for every timeout teaches people to ignore it.
set -u
code="${SYNDICATION_EXIT_CODE:-}"
case "$code" in
    0) echo "Every page is compliant or not applicable, or has no new violation." ;;
    1) echo "::error title=New violation::a partner page has a violation new since the last complete run: see the job summary and the HTML report"; exit 1 ;;
    2)
        echo "::warning title=Pages not checked::some pages could not be checked tonight; they are listed in the reports and checked again next night"
        if [ "${SYNDICATION_FAIL_ON_UNCHECKED:-false}" = "true" ]; then exit 1; fi
        ;;
    *) echo "::error title=Audit failed::the audit did not run to its end (exit code ${code:-none}): see the step's log"; exit 1 ;;
esac
