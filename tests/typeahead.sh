#!/bin/sh
# Keys typed before the editor is up (over a slow link, while kaiji asks the
# terminal how it draws ambiguous characters) are not lost.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || exit 77
export LC_ALL=C.UTF-8 LANGUAGE= XDG_DATA_HOME="$T/data" XDG_STATE_HOME="$T/state"

"$KAIJI" new "$T/a.yaml" >/dev/null
status 0 "the editor ends on F10 after keys typed ahead" \
    python3 "$(dirname "$0")/typeahead.py" "$KAIJI" "$T/a.yaml"
checks=$((checks + 1))
got=$("$KAIJI" get "$T/a.yaml" 6.1)
[ "$got" = "代表" ] || fail "6.1 is '$got', expected the keys typed ahead: '代表'"
finish
