# Locks between editors (tmux): two, then ten editors started at the same
# instant on one draft — exactly one may write, the others only read; the
# lock of an editor killed with SIGKILL is taken over; on a read-only file
# system, and in a directory the user cannot write to, the editor opens
# the draft read-only and says why, and never writes.
. "${srcdir:-.}/tests/lib.sh"
. "${srcdir:-.}/tests/term.sh"

D=$KAIJI_TEST_DATA
export LC_ALL=C.UTF-8 LANGUAGE= XDG_DATA_HOME="$T/data" XDG_STATE_HOME="$T/state"

_shows() {	# _shows SESSION TEXT
	_term_tmux capture-pane -p -t "=$1:" 2>/dev/null | grep -qF -- "$2"
}

# race N: N editors wait for one file, then open d.yaml together.  Sets
# $writer to the session that may write; every other must only read.
race() {
	cp "$D/complete-2021.yaml" "$T/d.yaml"
	rm -f "$T/go"
	k=1
	while [ $k -le "$1" ]; do
		term_start_named "e$k" 80 24 sh -c 'while [ ! -e "$0" ]; do sleep 0.01; done; exec "$1" "$2"' "$T/go" "$KAIJI" "$T/d.yaml"
		k=$((k + 1))
	done
	: >"$T/go"
	writers= readers=0
	k=1
	while [ $k -le "$1" ]; do
		term_use "e$k"
		term_wait "page 1/8"
		if _shows "e$k" "This draft is being edited: held by"; then
			readers=$((readers + 1))
		else
			writers="$writers e$k"
		fi
		k=$((k + 1))
	done
	writer=${writers# }
	ok "$1 editors: exactly one writer (got '$writers')" test "$writer" != "" -a "${writer#* }" = "$writer"
	ok "$1 editors: $(($1 - 1)) readers" test "$readers" = $(($1 - 1))
	ok "$1 editors: the lock names the writer" grep -q " $(term_use "$writer"; term_pid) " "$T/d.yaml.lock"
	# every reader tries to write, and cannot
	k=1
	while [ $k -le "$1" ]; do
		if [ "e$k" != "$writer" ]; then
			term_use "e$k"
			term_keys Enter	# open it read-only
			term_wait "Read-only: held by"
			term_keys g
			term_type 2
			term_keys Enter Enter
			term_type "読者$k"
			term_keys F2
			term_wait "This draft is open read-only."
		fi
		k=$((k + 1))
	done
	term_use "$writer"
	term_keys g
	term_type 2
	term_keys Enter Enter
	term_type "書き手"
	term_keys F2
	term_wait "Saved $T/d.yaml"
	draft_is "$T/d.yaml" 2.1 "架空テック株式会社書き手"
}

# --- two, then ten editors ----------------------------------------------
race 2
k=1
while [ $k -le 2 ]; do
	term_use "e$k"
	term_keys C-q
	term_exit_is 0 "2 editors: e$k quits"
	k=$((k + 1))
done
ok "2 editors: no lock is left" test ! -e "$T/d.yaml.lock"

race 10
# the writer is killed: its lock is stale, and the next editor takes it
term_use "$writer"
wpid=$(term_pid)
kill -KILL "$wpid"
term_wait_exit >/dev/null
ok "the killed writer's lock is still there" grep -q " $wpid " "$T/d.yaml.lock"
term_start_named next 80 24 "$KAIJI" "$T/d.yaml"
term_wait "page 1/8"
ok "the next editor is not asked to read only" sh -c "! tmux -S '$T/tmux.sock' capture-pane -p -t =next: | grep -q 'being edited'"
ok "the lock is the next editor's" grep -q " $(term_pid) " "$T/d.yaml.lock"
# scripting commands that replace the draft refuse it while it is held
"$KAIJI" export "$T/d.yaml" --to csv -o "$T/d.csv"
cp "$T/d.yaml" "$T/d.before"
status 2 "import --force while an editor holds the draft" \
    "$KAIJI" import --force "$T/d.csv" -o "$T/d.yaml" 2>"$T/err"
contains "$T/err" "is being edited"
ok "import --force left the held draft alone" cmp -s "$T/d.yaml" "$T/d.before"
term_keys g
term_type 2
term_keys Enter Enter
term_type "後任"
term_keys F10
term_exit_is 0 "the next editor quits"
draft_is "$T/d.yaml" 2.1 "架空テック株式会社書き手後任"
k=1
while [ $k -le 10 ]; do
	if [ "e$k" != "$writer" ]; then
		term_use "e$k"
		term_keys C-q
		term_exit_is 0 "10 editors: reader e$k quits"
	fi
	k=$((k + 1))
done
draft_is "$T/d.yaml" 2.1 "架空テック株式会社書き手後任"
ok "10 editors: no lock is left" test ! -e "$T/d.yaml.lock"

# --- a read-only file system ------------------------------------------
mkdir "$T/rofs"
cp "$D/complete-2021.yaml" "$T/rofs/d.yaml"
cp "$T/rofs/d.yaml" "$T/rofs.orig"
mnt=
for way in "unshare -m" "unshare -rm"; do
	if $way sh -c 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && ! touch "$1/x"' sh "$T/rofs" 2>/dev/null; then
		mnt=$way
		break
	fi
done
if [ -n "$mnt" ]; then
	term_start 100 24 $mnt sh -c 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$1" "$2"' "$T/rofs" "$KAIJI" "$T/rofs/d.yaml"
	term_wait "Read-only: $T/rofs/d.yaml.lock: Read-only file system"
	term_keys g
	term_type 2
	term_keys Enter
	term_wait "read-only"
	term_keys Enter
	term_wait "This draft is open read-only."
	term_keys F2
	term_wait "This draft is open read-only."
	term_keys F10
	term_exit_is 0 "quit on a read-only file system"
	ok "read-only file system: the draft is unchanged" cmp -s "$T/rofs/d.yaml" "$T/rofs.orig"
	ok "read-only file system: nothing written" test "$(ls -A "$T/rofs")" = d.yaml
else
	echo "NOTE: no read-only mount is possible here; the unwritable directory below stands in"
fi

# --- a directory the user cannot write to ------------------------------
chmod 755 "$T"
mkdir "$T/ro"
cp "$D/complete-2021.yaml" "$T/ro/d.yaml"
cp "$T/ro/d.yaml" "$T/ro.orig"
chmod 755 "$T/ro"
run_as=
if [ "$(id -u)" = 0 ]; then
	run_as="setpriv --reuid=nobody --regid=$(id -gn nobody 2>/dev/null || echo nogroup) --clear-groups --"
else
	chmod 555 "$T/ro"
fi
term_start 100 24 $run_as "$KAIJI" "$T/ro/d.yaml"
term_wait "Read-only: $T/ro/d.yaml.lock: Permission denied"
term_keys g
term_type 2
term_keys Enter Enter
term_wait "This draft is open read-only."
term_keys F10
term_exit_is 0 "quit in an unwritable directory"
chmod 755 "$T/ro"
ok "unwritable directory: the draft is unchanged" cmp -s "$T/ro/d.yaml" "$T/ro.orig"
ok "unwritable directory: nothing written" test "$(ls -A "$T/ro")" = d.yaml

# --- another user's lock in a shared directory --------------------------
# Locks are 0644, so a user can judge another user's lock as their own:
# a stale one is taken over.  One that cannot be read or replaced keeps
# the draft unchanged, and the message names the lock file to remove.
if [ "$(id -u)" = 0 ]; then
	nobody_group=$(id -gn nobody 2>/dev/null || echo nogroup)
	as_nobody="setpriv --reuid=nobody --regid=$nobody_group --clear-groups --"
	other_lock() {	# other_lock DIR MODE: a garbage lock of root's, 2 minutes old
		printf 'not a lock\n' >"$1/d.yaml.lock"
		chmod "$2" "$1/d.yaml.lock"
		touch -d '-2 minutes' "$1/d.yaml.lock"
	}
	for dir in shared sticky; do
		mkdir "$T/$dir"
		cp "$D/complete-2021.yaml" "$T/$dir/d.yaml"
		chown nobody "$T/$dir/d.yaml"
		cp "$T/$dir/d.yaml" "$T/$dir.orig"
	done
	chmod 777 "$T/shared"
	chmod 1777 "$T/sticky"

	other_lock "$T/shared" 644
	status 0 "another user's stale garbage lock is taken over" $as_nobody "$KAIJI" set "$T/shared/d.yaml" 2.1 "Taken over" 2>"$T/err"
	ok "after the takeover the answer is written" sh -c "grep -q 'Taken over' '$T/shared/d.yaml'"
	ok "after the takeover the lock is gone" test ! -e "$T/shared/d.yaml.lock"

	cp "$T/shared.orig" "$T/shared/d.yaml"
	other_lock "$T/shared" 600
	$as_nobody "$KAIJI" set "$T/shared/d.yaml" 2.1 "Not written" 2>"$T/err"
	ok "an unreadable lock of another user refuses the change" test $? -ne 0
	contains "$T/err" "$T/shared/d.yaml.lock"
	contains "$T/err" "remove that file"
	ok "an unreadable lock: the draft is unchanged" cmp -s "$T/shared/d.yaml" "$T/shared.orig"
	ok "an unreadable lock is left alone" test -e "$T/shared/d.yaml.lock"

	other_lock "$T/sticky" 644
	$as_nobody "$KAIJI" set "$T/sticky/d.yaml" 2.1 "Not written" 2>"$T/err"
	ok "a stale lock the sticky directory keeps refuses the change" test $? -ne 0
	contains "$T/err" "$T/sticky/d.yaml.lock: a stale lock of root that this user may not replace"
	ok "sticky directory: the draft is unchanged" cmp -s "$T/sticky/d.yaml" "$T/sticky.orig"
	ok "sticky directory: the lock is left alone" test "$(cat "$T/sticky/d.yaml.lock")" = "not a lock"
	ok "sticky directory: no temporary left" test "$(ls -A "$T/sticky")" = "d.yaml
d.yaml.lock"

	other_lock "$T/shared" 600
	term_start 160 24 $as_nobody "$KAIJI" "$T/shared/d.yaml"
	term_wait "Open it read-only"
	ok "the editor says it cannot judge the lock" _shows main "This draft is being edited: held by root since"
	ok "the editor says which file to remove" _shows main "cannot tell from $T/shared/d.yaml.lock"
	term_keys Escape
	term_keys F10
	term_exit_is 0 "quit the editor beside an unreadable lock"
	ok "the editor beside an unreadable lock: the draft is unchanged" cmp -s "$T/shared/d.yaml" "$T/shared.orig"
else
	echo "NOTE: not root: the locks of another user are not tried"
fi

term_stop
finish
