# Crash safety: kaiji set is killed with SIGKILL at random moments while it
# saves a large answer, 200 times, alternating two versions.  After every
# kill the draft is exactly the old or the new version (byte for byte) and
# kaiji reads it, and the backup is one of the two complete versions.
# Temporary files of a killed save are removed by the next save; at the
# end nothing is left but the draft, its backup and the inputs.  Then the
# same with the editor's autosave, killed while it saves.
. "${srcdir:-.}/tests/lib.sh"
S=$(cd "${srcdir:-.}" && pwd)

export LC_ALL=C.UTF-8 LANGUAGE=
ROUNDS=${CRASH_ROUNDS:-200}

cd "$T" || exit 99
# two versions of 30.1 (about 1 MB each, as many lines as the other)
awk 'BEGIN { for (i = 0; i < 3500; i++) printf "%s\n", "あいうえおかきくけこ一二三四五六七八九十ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij" i }' >A
awk 'BEGIN { for (i = 0; i < 3500; i++) printf "%s\n", "さしすせそたちつてと壱弐参四伍六七八九拾abcdefghijklmnopqrstuvwxyzABCDEFGHIJ" i }' >B
"$KAIJI" new d.yaml || exit 99
"$KAIJI" set d.yaml 30.1 --file A 2>/dev/null && cp d.yaml EA || exit 99
"$KAIJI" set d.yaml 30.1 --file B 2>/dev/null && cp d.yaml EB || exit 99
ok "the two versions differ" test "$(cmp EA EB >/dev/null; echo $?)" = 1

# how long one save takes, in milliseconds (at least 5)
start=$(date +%s%N)
for v in A B A B; do "$KAIJI" set d.yaml 30.1 --file $v 2>/dev/null; done
ms=$((($(date +%s%N) - start) / 4000000))
[ "$ms" -ge 5 ] || ms=5
echo "one save takes about $ms ms; $ROUNDS rounds"

# version FILE: which of EA, EB the file is, or "mixed"
version() {
	if cmp -s "$1" EA; then echo A
	elif cmp -s "$1" EB; then echo B
	else echo mixed
	fi
}

cur=B		# d.yaml is EB now
killed=0 torn=0 bad=0 i=0
for delay in $(awk -v n="$ROUNDS" -v ms="$ms" 'BEGIN { srand(); for (i = 0; i < n; i++) printf "%.4f\n", rand() * ms * 1.3 / 1000 }'); do
	i=$((i + 1))
	if [ $cur = A ]; then next=B; else next=A; fi
	"$KAIJI" set d.yaml 30.1 --file $next 2>/dev/null &
	pid=$!
	sleep "$delay"
	kill -KILL $pid 2>/dev/null
	{ wait $pid; } 2>/dev/null
	[ $? = 137 ] && killed=$((killed + 1))
	# a temporary file left: killed in the middle of writing
	ls -A | grep -q '^\.d\.yaml\.[0-9]' && torn=$((torn + 1))
	now=$(version d.yaml)
	bak=$(version d.yaml~)
	if [ "$now" != $cur ] && [ "$now" != $next ]; then
		fail "round $i: the draft is '$now', neither $cur nor $next"
		bad=$((bad + 1))
	fi
	if [ "$bak" = mixed ]; then
		fail "round $i: the backup is neither version"
		bad=$((bad + 1))
	fi
	if ! "$KAIJI" get d.yaml 30.1 >/dev/null 2>&1; then
		fail "round $i: kaiji cannot read the draft"
		bad=$((bad + 1))
	fi
	cur=$now
	[ $bad -lt 5 ] || break
done
checks=$((checks + i * 3))
echo "$i rounds: $killed killed, $torn with a save cut short, $bad bad"
ok "at least 200 rounds" test "$i" -ge "$ROUNDS"
ok "some saves were killed" test "$killed" -gt 0
ok "some saves were cut short in the middle" test "$torn" -gt 0

# the next save removes what killed saves left behind
if [ $cur = A ]; then next=B; else next=A; fi
ok "a save after the crashes" "$KAIJI" set d.yaml 30.1 --file $next 2>/dev/null
ok "it is the new version" test "$(version d.yaml)" = $next
ok "the backup is the one before" test "$(version d.yaml~)" = $cur
left=$(ls -A | grep -v '^\(A\|B\|EA\|EB\|d\.yaml\|d\.yaml~\)$')
ok "nothing else is left: '$left'" test -z "$left"

# --- the editor's autosave, killed while saving -------------------------
if command -v tmux >/dev/null 2>&1; then
	. "$S/tests/term.sh"
	cd "$T" || exit 99
	cp EA e.yaml
	cp EA e.prev
	n=0 mixed=0
	# F2 killed after 0 to 1.3 times a save, then twice the autosave
	# (2 s after the last key) killed around its moment
	for delay in $(awk -v ms="$ms" 'BEGIN { srand(); for (i = 0; i < 10; i++) printf "%.4f\n", rand() * ms * 1.3 / 1000 }') auto auto; do
		n=$((n + 1))
		term_start 80 24 "$KAIJI" e.yaml
		term_wait "page 1/8"
		term_keys g
		term_type 27
		term_keys Enter Enter
		term_type "第${n}版"
		term_wait "第${n}版"
		if [ "$delay" = auto ]; then
			sleep "$(awk -v n=$n 'BEGIN { srand(n); printf "%.3f", 1.95 + rand() * 0.2 }')"
		else
			term_keys F2
			sleep "$delay"
		fi
		kill -KILL "$(term_pid)"
		term_wait_exit >/dev/null
		# the new version: the last one with the typing added to 27.1
		cp e.prev e.new
		"$KAIJI" set e.new 27.1 "$("$KAIJI" get e.prev 27.1)第${n}版" 2>/dev/null
		rm -f e.new~
		if cmp -s e.yaml e.new; then
			cp e.yaml e.prev
		elif ! cmp -s e.yaml e.prev; then
			mixed=$((mixed + 1))
		fi
	done
	checks=$((checks + 1))
	[ $mixed = 0 ] || fail "editor: $mixed of $n drafts were neither the old nor the new version"
	ok "editor: the stale lock is taken over by the next save" "$KAIJI" set e.yaml 2.1 x
	rm -f e.new e.prev
	left=$(ls -A | grep '^\.e\.yaml\.')
	ok "editor: no temporary file is left: '$left'" test -z "$left"
	term_stop
else
	echo "NOTE: tmux is missing: the editor's saves are not killed"
fi

finish
