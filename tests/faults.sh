# Saving under faults, in the editor (tmux): a file size limit (EFBIG), a
# read-only directory, permission denied, the directory removed, the draft
# replaced or changed by another program, and a full disk (ENOSPC).  Each
# time the error is shown, the text is kept on screen, the draft and its
# backup on disk are byte-identical to before and no temporary file is
# left; once the fault is gone F2 saves, and F6 saves elsewhere.
#
# Permissions do not bite root: as root the editor runs as nobody
# (setpriv).  ENOSPC comes from a small tmpfs mounted in a private mount
# namespace (unshare -m as root, unshare -rm otherwise); the test looks at
# it through /proc/PID/root while the editor runs.  When no mount is
# possible (a container without CAP_SYS_ADMIN and without user
# namespaces), that case says so and the file size limit, which fails the
# same write(2) in the same place, stands in for it.
. "${srcdir:-.}/tests/lib.sh"
. "${srcdir:-.}/tests/term.sh"

D=$KAIJI_TEST_DATA
export LC_ALL=C.UTF-8 LANGUAGE=

no_temp() {	# no_temp DIR NAME: no temporary file of NAME left in DIR
	checks=$((checks + 1))
	left=$(ls -A "$1" | grep -F ".$2." | grep -vF "$2.lock")
	[ -z "$left" ] || fail "temporary files left in $1: $left"
}

same() {	# same FILE COPY DESCRIPTION: byte-identical
	ok "$3" cmp -s "$1" "$2"
}

# As root, run the editor as nobody so that permissions apply.
chmod 755 "$T"
run_as=
owner=$(id -un)
if [ "$(id -u)" = 0 ]; then
	group=$(id -gn nobody 2>/dev/null || echo nogroup)
	run_as="setpriv --reuid=nobody --regid=$group --clear-groups --"
	owner=nobody
fi
mkuser() {	# mkuser DIR: a directory the editor's user owns
	mkdir -p "$1" && chown "$owner" "$1" 2>/dev/null
	chmod 700 "$1"
}
mkuser "$T/home"
export HOME="$T/home" XDG_DATA_HOME="$T/home/data" XDG_STATE_HOME="$T/home/state"

# --- a file size limit: EFBIG, not death by SIGXFSZ ------------------------
mkuser "$T/fs"
cp "$D/complete-2021.yaml" "$T/fs/d.yaml"
cp "$T/fs/d.yaml" "$T/fs.orig"
chown "$owner" "$T/fs/d.yaml"
term_start 160 30 $run_as sh -c 'ulimit -S -f 4 && exec "$0" "$1"' "$KAIJI" "$T/fs/d.yaml"
term_wait "page 1/8"
term_keys g
term_type 2
term_keys Enter Enter
term_type "上限"
term_keys Escape
term_wait "Not saved: $T/fs/d.yaml: File too large. F2: try again, F6: save elsewhere."
term_wait "架空テック株式会社上限"
same "$T/fs/d.yaml" "$T/fs.orig" "EFBIG: the draft is unchanged"
ok "EFBIG: no backup made" test ! -e "$T/fs/d.yaml~"
no_temp "$T/fs" d.yaml
ok "EFBIG: the editor is still running" kill -0 "$(term_pid)"
# the soft limit, by the same user: needs no privilege
ok "raise the limit" $run_as prlimit --pid "$(term_pid)" --fsize=unlimited
term_keys F2
term_wait "Saved $T/fs/d.yaml"
draft_is "$T/fs/d.yaml" 2.1 "架空テック株式会社上限"
same "$T/fs/d.yaml~" "$T/fs.orig" "EFBIG: the backup is the old draft"
term_keys F10
term_exit_is 0 "quit after EFBIG"

# the same limit on 'kaiji set': an error, not SIGXFSZ
cp "$T/fs.orig" "$T/fs/s.yaml"
status 2 "kaiji set under ulimit -f" sh -c 'ulimit -f 4 && exec "$0" set "$1" 2.1 x' "$KAIJI" "$T/fs/s.yaml" 2>"$T/err"
contains "$T/err" "File too large"
same "$T/fs/s.yaml" "$T/fs.orig" "set under ulimit -f: unchanged"
no_temp "$T/fs" s.yaml

# --- a read-only directory, then permission denied ------------------------
mkuser "$T/ro"
cp "$T/fs.orig" "$T/ro/d.yaml"
chown "$owner" "$T/ro/d.yaml"
term_start 160 30 $run_as "$KAIJI" "$T/ro/d.yaml"
term_wait "page 1/8"
term_keys g
term_type 2
term_keys Enter Enter
term_type "一"
term_keys Escape
saved_soon "$T/ro/d.yaml" 2.1 "架空テック株式会社一"
cp "$T/ro/d.yaml" "$T/ro.1"
cp "$T/ro/d.yaml~" "$T/ro.1~"
chmod 555 "$T/ro"
term_keys Enter
term_type "二"
term_keys Escape
term_wait "Not saved: $T/ro/d.yaml: Permission denied"
term_wait "架空テック株式会社一二"
same "$T/ro/d.yaml" "$T/ro.1" "read-only directory: the draft is unchanged"
same "$T/ro/d.yaml~" "$T/ro.1~" "read-only directory: the backup is unchanged"
no_temp "$T/ro" d.yaml
chmod 000 "$T/ro"	# not even searchable
term_keys F2
term_wait "Not saved: $T/ro/d.yaml: Permission denied"
chmod 755 "$T/ro"
same "$T/ro/d.yaml" "$T/ro.1" "permission denied: the draft is unchanged"
same "$T/ro/d.yaml~" "$T/ro.1~" "permission denied: the backup is unchanged"
no_temp "$T/ro" d.yaml
chmod 700 "$T/ro"
term_keys F2	# the fault is gone
term_wait "Saved $T/ro/d.yaml"
draft_is "$T/ro/d.yaml" 2.1 "架空テック株式会社一二"
same "$T/ro/d.yaml~" "$T/ro.1" "after the retry the backup is the last good save"
# then save elsewhere while the directory is read-only
chmod 555 "$T/ro"
term_keys Enter
term_type "三"
term_keys Escape
term_wait "Not saved: $T/ro/d.yaml: Permission denied"
mkuser "$T/else"
term_keys F6
term_wait "Save as (Enter: save, Esc: cancel): $T/ro/d.yaml"
term_keys C-u
term_type "$T/else/copy.yaml"
term_keys Enter
term_wait "Saved $T/else/copy.yaml; editing it from now on."
draft_is "$T/else/copy.yaml" 2.1 "架空テック株式会社一二三"
ok "the copy is 0600" test "$(stat -c %a "$T/else/copy.yaml")" = 600
ok "the copy is locked" test -f "$T/else/copy.yaml.lock"
draft_is "$T/ro/d.yaml" 2.1 "架空テック株式会社一二"
term_keys Enter
term_type "四"
term_keys F10
term_exit_is 0 "quit after saving elsewhere"
draft_is "$T/else/copy.yaml" 2.1 "架空テック株式会社一二三四"
ok "the copy's lock is gone" test ! -e "$T/else/copy.yaml.lock"
chmod 700 "$T/ro"

# --- save elsewhere refuses links and asks before replacing a file --------
cp "$T/fs.orig" "$T/else/e.yaml"
chown "$owner" "$T/else/e.yaml"
echo "not a draft" >"$T/else/exists.txt"
chown "$owner" "$T/else/exists.txt"
ln -s "$T/else/target" "$T/else/link.yaml"
term_start 160 30 $run_as "$KAIJI" "$T/else/e.yaml"
term_wait "page 1/8"
term_keys C-o C-u
term_type "$T/else/link.yaml"
term_keys Enter
term_wait "Not saved: $T/else/link.yaml is a symbolic link"
ok "nothing written through the link" test ! -e "$T/else/target"
term_keys F6 C-u
term_type "$T/else/exists.txt"
term_keys Enter
term_wait "Replace it"
term_wait "Do not save"
term_keys Down Enter	# do not save
term_wait "Not saved. F2: save, F6: save elsewhere."
ok "declined: the file is untouched" test "$(cat "$T/else/exists.txt")" = "not a draft"
term_keys F6 C-u
term_type "$T/else/exists.txt"
term_keys Enter
term_wait "Replace it"
term_keys Enter
term_wait "Saved $T/else/exists.txt; editing it from now on."
draft_is "$T/else/exists.txt" 2.1 "架空テック株式会社"
ok "the replaced file is kept as a backup" test "$(cat "$T/else/exists.txt~")" = "not a draft"
term_keys F10
term_exit_is 0 "quit after replacing"
ok "the first draft's lock was released" test ! -e "$T/else/e.yaml.lock"

# --- the directory removed, then made again ------------------------------
mkuser "$T/gone"
cp "$T/fs.orig" "$T/gone/d.yaml"
chown "$owner" "$T/gone/d.yaml"
term_start 160 30 $run_as "$KAIJI" "$T/gone/d.yaml"
term_wait "page 1/8"
rm -rf "$T/gone"
term_keys g
term_type 2
term_keys Enter Enter
term_type "消失"
term_keys Escape
term_wait "Not saved: $T/gone/d.yaml: No such file or directory"
term_wait "架空テック株式会社消失"
mkuser "$T/gone"
term_keys F2	# the draft is missing now: ask before writing it again
term_wait "Overwrite it with the answers here"
term_keys Enter	# overwrite
term_wait "Saved $T/gone/d.yaml"
draft_is "$T/gone/d.yaml" 2.1 "架空テック株式会社消失"
term_keys F10
term_exit_is 0 "quit after the directory came back"

# --- the draft replaced or changed by another program -------------------
mkuser "$T/rep"
cp "$T/fs.orig" "$T/rep/d.yaml"
chown "$owner" "$T/rep/d.yaml"
term_start 160 30 $run_as "$KAIJI" "$T/rep/d.yaml"
term_wait "page 1/8"
cp "$D/gaps-2021.yaml" "$T/rep/new" && mv "$T/rep/new" "$T/rep/d.yaml"
cp "$T/rep/d.yaml" "$T/rep.other"
term_keys g
term_type 2
term_keys Enter Enter
term_type "置換"
term_keys Escape
term_wait "Not saved: $T/rep/d.yaml was changed or removed by another program. F2: choose what to do."
same "$T/rep/d.yaml" "$T/rep.other" "replaced: the other program's file is kept"
term_keys Enter
term_type "後"
sleep 3		# an idle autosave must not overwrite it either
same "$T/rep/d.yaml" "$T/rep.other" "replaced: autosave does not overwrite it"
term_keys F2
term_wait "Overwrite it with the answers here"
term_keys Down Down Enter	# keep editing
term_wait "Not saved. F2: save, F6: save elsewhere."
same "$T/rep/d.yaml" "$T/rep.other" "replaced: keep editing writes nothing"
term_keys F2
term_wait "Save the answers elsewhere"
term_keys Down Enter
term_wait "Save as (Enter: save, Esc: cancel)"
term_keys C-u
term_type "$T/rep/mine.yaml"
term_keys Enter
term_wait "Saved $T/rep/mine.yaml; editing it from now on."
draft_is "$T/rep/mine.yaml" 2.1 "架空テック株式会社置換後"
same "$T/rep/d.yaml" "$T/rep.other" "replaced: saving elsewhere leaves it"
term_keys Escape	# still editing 2.1: leave it
term_wait "Enter Edit"
# an edit in place (same inode) of the file now being edited
printf '# edited by hand\n' >>"$T/rep/mine.yaml"
term_keys Enter
term_type "!"
term_keys F2
term_wait "Overwrite it with the answers here"
term_keys Enter	# overwrite
term_wait "Saved $T/rep/mine.yaml"
draft_is "$T/rep/mine.yaml" 2.1 "架空テック株式会社置換後!"
lacks "$T/rep/mine.yaml" "edited by hand"
term_keys F10
term_exit_is 0 "quit after a replaced draft"

# a hang-up while the draft is replaced: the answers go to DRAFT.save
mkuser "$T/hup"
cp "$T/fs.orig" "$T/hup/d.yaml"
chown "$owner" "$T/hup/d.yaml"
term_start 160 30 $run_as "$KAIJI" "$T/hup/d.yaml"
term_wait "page 1/8"
cp "$D/gaps-2021.yaml" "$T/hup/new" && mv "$T/hup/new" "$T/hup/d.yaml"
term_keys g
term_type 2
term_keys Enter Enter
term_type "切断"
term_wait "架空テック株式会社切断"
term_hangup
ok "hang-up: the other program's draft is kept" cmp -s "$T/hup/d.yaml" "$D/gaps-2021.yaml"
draft_is "$T/hup/d.yaml.save" 2.1 "架空テック株式会社切断"
ok "hang-up: the .save is 0600" test "$(stat -c %a "$T/hup/d.yaml.save")" = 600

# --- modes whatever the umask, and no symbolic link followed -------------
for mask in 000 077; do
	mkdir "$T/m$mask"
	(
		umask $mask
		cd "$T/m$mask" || exit 1
		"$KAIJI" new d.yaml && "$KAIJI" set d.yaml 2.1 x 2>/dev/null
	)
	ok "umask $mask: the draft is 0600" test "$(stat -c %a "$T/m$mask/d.yaml")" = 600
	ok "umask $mask: the backup is 0600" test "$(stat -c %a "$T/m$mask/d.yaml~")" = 600
	term_start 100 24 sh -c 'umask "$0" && exec "$1" "$2"' $mask "$KAIJI" "$T/m$mask/d.yaml"
	term_wait "page 1/8"
	ok "umask $mask: the lock is 0644, readable to judge it" test "$(stat -c %a "$T/m$mask/d.yaml.lock")" = 644
	term_keys F6 C-u
	term_type "$T/m$mask/copy.yaml"
	term_keys Enter
	term_wait "Saved $T/m$mask/copy.yaml"
	ok "umask $mask: a copy saved elsewhere is 0600" test "$(stat -c %a "$T/m$mask/copy.yaml")" = 600
	ok "umask $mask: its lock is 0644" test "$(stat -c %a "$T/m$mask/copy.yaml.lock")" = 644
	term_keys C-q
	term_exit_is 0 "umask $mask: quit"
done

mkdir "$T/ln"
cp "$T/fs.orig" "$T/ln/real.yaml"
ln -s real.yaml "$T/ln/d.yaml"
status 2 "set refuses a draft that is a symbolic link" "$KAIJI" set "$T/ln/d.yaml" 2.1 x 2>"$T/err"
contains "$T/err" "is a symbolic link; kaiji does not write through symbolic links"
ok "the link's target is unchanged" cmp -s "$T/ln/real.yaml" "$T/fs.orig"
ok "the link is still a link" test -L "$T/ln/d.yaml"
term_start 160 24 "$KAIJI" "$T/ln/d.yaml"
term_wait "Read-only: $T/ln/d.yaml is a symbolic link; kaiji does not write through links (F6: save elsewhere)."
term_keys F2
term_wait "This draft is open read-only."
term_keys F6 C-u
term_type "$T/ln/own.yaml"
term_keys Enter
term_wait "Saved $T/ln/own.yaml; editing it from now on."
term_keys g
term_type 2
term_keys Enter Enter
term_type "実体"
term_keys C-q
term_exit_is 0 "quit after leaving a linked draft"
draft_is "$T/ln/own.yaml" 2.1 "架空テック株式会社実体"
ok "the linked draft's target is unchanged" cmp -s "$T/ln/real.yaml" "$T/fs.orig"
# a backup or lock name that is a link is never followed
cp "$T/fs.orig" "$T/ln/b.yaml"
ln -s "$T/ln/victim" "$T/ln/b.yaml~"
ok "set with a backup name that is a link" "$KAIJI" set "$T/ln/b.yaml" 2.1 y 2>/dev/null
ok "nothing written through the backup link" test ! -e "$T/ln/victim"
ok "the backup is now a regular file" test -f "$T/ln/b.yaml~" -a ! -L "$T/ln/b.yaml~"
ln -s "$T/ln/victim" "$T/ln/b.yaml.lock"
status 2 "set with a lock name that is a link" "$KAIJI" set "$T/ln/b.yaml" 2.1 z 2>"$T/err"
contains "$T/err" "lock file is a symbolic link"
ok "nothing written through the lock link" test ! -e "$T/ln/victim"

# --- a full disk ---------------------------------------------------------
# probe: which way of mounting a private tmpfs works here
mnt=
for way in "unshare -m" "unshare -rm"; do
	mkdir -p "$T/probe"
	if $way sh -c 'mount -t tmpfs -o size=64k tmpfs "$1"' sh "$T/probe" 2>/dev/null; then
		mnt=$way
		break
	fi
done
if [ -n "$mnt" ]; then
	mkdir -p "$T/full"
	chmod 777 "$T/full"
	# 64 KiB: the draft, its temporary copy, and little else
	term_start 160 30 $mnt sh -c 'mount -t tmpfs -o size=64k,mode=0777 tmpfs "$1" &&
		cp "$2" "$1/d.yaml" && chown "$4" "$1/d.yaml" &&
		exec $5 "$3" "$1/d.yaml"' sh "$T/full" "$T/fs.orig" "$KAIJI" "$owner" "$run_as"
	term_wait "page 1/8"
	pid=$(term_pid)
	F=/proc/$pid/root$T/full
	ok "the draft is on the small tmpfs" test -f "$F/d.yaml"
	term_keys g
	term_type 2
	term_keys Enter Enter
	term_type "満杯"
	term_keys Escape
	saved_soon "$F/d.yaml" 2.1 "架空テック株式会社満杯"
	cp "$F/d.yaml" "$T/full.1"
	cp "$F/d.yaml~" "$T/full.1~"
	dd if=/dev/zero of="$F/filler" bs=4096 2>/dev/null
	term_keys Enter
	term_type "です"
	term_keys Escape
	term_wait "Not saved: $T/full/d.yaml: No space left on device. F2: try again, F6: save elsewhere."
	term_wait "架空テック株式会社満杯です"
	same "$F/d.yaml" "$T/full.1" "disk full: the draft is unchanged"
	same "$F/d.yaml~" "$T/full.1~" "disk full: the backup is unchanged"
	no_temp "$F" d.yaml
	rm -f "$F/filler"
	term_keys F2
	term_wait "Saved $T/full/d.yaml"
	draft_is "$F/d.yaml" 2.1 "架空テック株式会社満杯です"
	term_keys F10
	term_exit_is 0 "quit after a full disk"
else
	echo "NOTE: no tmpfs can be mounted here (no CAP_SYS_ADMIN, no user namespaces):"
	echo "      ENOSPC is not produced; the file size limit (EFBIG) above fails the same write."
fi

term_stop
finish
