# The command line, run as a user would: new, set, get, forms, summary,
# their options, exit statuses and messages (English and Japanese).
. "${srcdir:-.}/tests/lib.sh"

D=$KAIJI_TEST_DATA
export LC_ALL=C.UTF-8 LANGUAGE=

# --help, --version, unknown options and commands
status 0 "--help" "$KAIJI" --help >"$T/out" 2>&1
contains "$T/out" "kaiji summary"
contains "$T/out" "kaiji new"
status 0 "--version" "$KAIJI" --version >"$T/out"
contains "$T/out" "kaiji "
status 2 "unknown option" "$KAIJI" --frobnicate >/dev/null 2>"$T/err"
contains "$T/err" "unknown option '--frobnicate'"
status 2 "unknown command" "$KAIJI" frobnicate x >/dev/null 2>"$T/err"
contains "$T/err" "unknown command 'frobnicate'"
status 2 "summary without drafts" "$KAIJI" summary 2>"$T/err"
contains "$T/err" "Usage: kaiji summary"
status 2 "unknown summary option" "$KAIJI" summary --colour x 2>"$T/err"
contains "$T/err" "unknown option"
status 0 "summary --help" "$KAIJI" summary --help >"$T/out"
contains "$T/out" "Usage: kaiji summary"

# forms
status 0 "forms" "$KAIJI" forms >"$T/out"
contains "$T/out" "asp-saas 2019: ASP・SaaS安全・信頼性に係る情報開示認定制度 (7 pages, 93 items, 133 fields)"
contains "$T/out" "asp-saas 2021: ASP・SaaS安全・信頼性に係る情報開示認定制度 (8 pages, 93 items, 133 fields)"
status 2 "forms in an empty directory" env KAIJI_FORMS_DIR="$T" "$KAIJI" forms 2>"$T/err"
contains "$T/err" "no forms in $T"

# new: 0600, newest edition by default, never overwrites
umask 022
status 0 "new" "$KAIJI" new "$T/a.yaml"
ok "new draft is mode 0600" test "$(stat -c %a "$T/a.yaml")" = 600
contains "$T/a.yaml" 'edition: "2021"'
status 0 "new --edition 2019" "$KAIJI" new --edition 2019 "$T/b.yaml"
contains "$T/b.yaml" 'edition: "2019"'
cp "$T/a.yaml" "$T/a.before"
status 2 "new refuses an existing file" "$KAIJI" new --edition 2019 "$T/a.yaml" 2>"$T/err"
contains "$T/err" "$T/a.yaml: File exists"
ok "existing file untouched" cmp -s "$T/a.yaml" "$T/a.before"
status 2 "new with an unknown edition" "$KAIJI" new --edition 1999 "$T/c.yaml" 2>"$T/err"
contains "$T/err" "unknown form 'asp-saas' edition '1999'"
ok "no file for an unknown edition" test ! -e "$T/c.yaml"
status 2 "new in a missing directory" "$KAIJI" new "$T/no/such/d.yaml" 2>"$T/err"
contains "$T/err" "$T/no/such/d.yaml"

# the newest edition is found even beside a broken file of another form
mkdir "$T/forms"
cp "$KAIJI_FORMS_DIR"/*.yaml "$T/forms/"
cp "$D/../bad/forms/bad-type.yaml" "$T/forms/zzz-1.yaml"
status 0 "new beside a broken form file" env KAIJI_FORMS_DIR="$T/forms" "$KAIJI" new "$T/n.yaml"
contains "$T/n.yaml" 'edition: "2021"'
status 2 "forms lists the broken file" env KAIJI_FORMS_DIR="$T/forms" "$KAIJI" forms >/dev/null 2>"$T/err"
contains "$T/err" "zzz-1.yaml:13:19: unknown field type 'rainbow'"

# run uninstalled from the build tree: the source tree's forms
status 0 "forms found without KAIJI_FORMS_DIR" env -u KAIJI_FORMS_DIR "$KAIJI" forms >"$T/out"
contains "$T/out" "asp-saas 2021"

# set and get
status 0 "set" "$KAIJI" set "$T/a.yaml" 27.1 "そらまめ帳票クラウド"
status 0 "get" "$KAIJI" get "$T/a.yaml" 27.1 >"$T/out"
ok "get prints what set stored" test "$(cat "$T/out")" = "そらまめ帳票クラウド"
ok "set keeps a backup" test -f "$T/a.yaml~"
ok "backup is the previous version" cmp -s "$T/a.yaml~" "$T/a.before"
cp "$T/a.yaml" "$T/a.second"
status 0 "set again" "$KAIJI" set "$T/a.yaml" 27.1 "別の名称"
ok "backup follows the last save" cmp -s "$T/a.yaml~" "$T/a.second"
ok "backup is 0600" test "$(stat -c %a "$T/a.yaml~")" = 600
ok "no temporary files beside the draft" test -z "$(ls -A "$T" | grep '^\.\|tmp')"
status 0 "set by short id" "$KAIJI" set "$T/a.yaml" 5 "帳票のクラウドサービスを提供する。"
status 0 "get by full id" "$KAIJI" get "$T/a.yaml" 5.1 >"$T/out"
contains "$T/out" "帳票のクラウドサービスを提供する。"
printf '一行目\n二行目\n' > "$T/in.txt"
status 0 "set --file" "$KAIJI" set "$T/a.yaml" 30.1 --file "$T/in.txt"
contains "$T/a.yaml" '"30.1": |-'
"$KAIJI" get "$T/a.yaml" 30.1 >"$T/out"
ok "multi-line answer round trip" cmp -s "$T/out" "$T/in.txt"
printf 'なし\n' | "$KAIJI" set "$T/a.yaml" 30.2 -
ok "set from stdin" test "$("$KAIJI" get "$T/a.yaml" 30.2)" = "なし"
status 0 "set '' clears" "$KAIJI" set "$T/a.yaml" 30.2 ""
ok "cleared answer prints nothing" test -z "$("$KAIJI" get "$T/a.yaml" 30.2)"
lacks "$T/a.yaml" '"30.2"'
status 2 "set unknown id" "$KAIJI" set "$T/a.yaml" 94.1 x 2>"$T/err"
contains "$T/err" "no field '94.1' in form asp-saas 2021"
status 2 "get ambiguous id" "$KAIJI" get "$T/a.yaml" 30 2>"$T/err"
contains "$T/err" "no field '30'"
status 2 "set with too few arguments" "$KAIJI" set "$T/a.yaml" 2.1 2>"$T/err"
contains "$T/err" "Usage: kaiji set"
printf 'bad\377\n' > "$T/bad.txt"
cp "$T/a.yaml" "$T/a.before"
status 2 "set invalid UTF-8" "$KAIJI" set "$T/a.yaml" 2.1 --file "$T/bad.txt" 2>"$T/err"
contains "$T/err" "invalid UTF-8"
ok "draft untouched after a refused set" cmp -s "$T/a.yaml" "$T/a.before"

# over the limit: stored whole, a warning, exit 0
long=$(printf 'あ%.0s' $(seq 1 120))
status 0 "set over the limit" "$KAIJI" set "$T/a.yaml" 5.1 "$long" 2>"$T/err"
contains "$T/err" "5.1: 120/100字 (20 over; 全角換算 120); stored anyway"
ok "over-limit answer kept whole" test "$("$KAIJI" get "$T/a.yaml" 5.1)" = "$long"
status 0 "shared limit" "$KAIJI" set "$T/a.yaml" 30.2 "$(printf 'い%.0s' $(seq 1 499))" 2>"$T/err"
contains "$T/err" "item 30 together 505/500字 (5 over; 全角換算 505)"

# load then save without edits is byte-identical
cp "$D/complete-2021.yaml" "$T/c.yaml"
"$KAIJI" set "$T/c.yaml" 2.1 "$("$KAIJI" get "$T/c.yaml" 2.1)"
ok "load/save byte-identical" cmp -s "$T/c.yaml" "$D/complete-2021.yaml"

# summary
status 0 "summary of a complete draft" "$KAIJI" summary "$D/complete-2021.yaml" >"$T/out"
contains "$T/out" "Service: そらまめ帳票クラウド"
contains "$T/out" "Company: 架空テック株式会社"
contains "$T/out" "Answered: 必須 72/72, 必須○ 20/20, 選択 41/41"
contains "$T/out" "Result: complete"
contains "$T/out" "8/8    3/3      4/4      0/0      サービスサポート"
status 0 "summary of the 2019 edition" "$KAIJI" summary "$D/complete-2019.yaml" >"$T/out"
contains "$T/out" "2019 edition (asp-saas, 7 pages)"
contains "$T/out" "7/7    "
status 1 "summary of a draft with gaps" "$KAIJI" summary "$D/gaps-2021.yaml" >"$T/out"
contains "$T/out" "Missing 必須 answers (1):"
contains "$T/out" "2.1    事業者名: 事業者の正式名称(商号)"
contains "$T/out" "Missing 必須○ answers (2):"
contains "$T/out" "92.1   障害・災害発生時の通知: 障害発生時通知の有無"
contains "$T/out" "5.1    主な事業の概要: 101/100字 (1 over; 全角換算 101)"
contains "$T/out" "30.1-30.2 サービスの内容・範囲: 514/500字 (14 over; 全角換算 513)"
contains "$T/out" "29.1   サービスの基本タイプ: not one of the choices"
contains "$T/out" "11.1   資本金: '100,000,00' is not grouped by three digits"
contains "$T/out" "Result: incomplete (6 problems, 3 warnings)"
status 1 "summary of a new draft" "$KAIJI" summary "$T/b.yaml" >"$T/out"
contains "$T/out" "Answered: 必須 0/72, 必須○ 0/20, 選択 0/41"
status 2 "summary with a broken draft" "$KAIJI" summary "$D/complete-2021.yaml" "$D/../bad/drafts/syntax.yaml" >"$T/out" 2>"$T/err"
contains "$T/out" "Result: complete"
contains "$T/err" "bad/drafts/syntax.yaml:6:1: invalid YAML"

status 2 "summary --format yaml with one broken draft" "$KAIJI" summary --format yaml "$D/complete-2021.yaml" "$D/gaps-2021.yaml" "$D/../bad/drafts/dup-id.yaml" >"$T/out" 2>/dev/null
status 2 "summary --format yaml with an error" "$KAIJI" summary --format yaml "$D/../bad/drafts/dup-id.yaml" >"$T/out2" 2>/dev/null
contains "$T/out2" "error:"
contains "$T/out" 'complete: true'
contains "$T/out" 'complete: false'
contains "$T/out" '- id: "30.1"'
contains "$T/out" 'kind: over-limit'
contains "$T/out" 'count: 514'
contains "$T/out" 'limit: 500'
contains "$T/out" '- "30.2"'
contains "$T/out" 'kind: missing-level'
contains "$T/out" 'kind: not-choice'
contains "$T/out" 'mandatory-level:'
if command -v python3 >/dev/null && python3 -c 'import yaml' 2>/dev/null; then
	ok "yaml summary parses" python3 -c '
import sys, yaml
docs = yaml.safe_load(open(sys.argv[1]))
assert len(docs) == 3, docs
assert docs[0]["complete"] is True and docs[1]["complete"] is False
assert docs[1]["answered"]["mandatory"] == {"answered": 71, "total": 72}
kinds = [f["kind"] for f in docs[1]["findings"]]
assert kinds.count("over-limit") == 2 and "error" in docs[2], kinds
' "$T/out"
fi
bad=$(printf 'name\377.yaml')
cp "$D/complete-2021.yaml" "$T/$bad"
status 0 "yaml summary of a file whose name is not UTF-8" timeout 10 "$KAIJI" summary --format yaml "$T/$bad" >"$T/out"
contains "$T/out" 'name<0xFF>.yaml'
status 2 "summary --format unknown" "$KAIJI" summary --format xml "$D/gaps-2021.yaml" 2>"$T/err"
contains "$T/err" "unknown format 'xml'"

# every command of the key table is documented in kaiji(1)
status 0 "kaiji keys" "$KAIJI" keys >"$T/keys"
contains "$T/keys" "page    Enter        edit"
for cmd in $(awk '{ print $3 }' "$T/keys" | sort -u); do
	checks=$((checks + 1))
	grep -qF -- "\\fB$cmd\\fR" "${srcdir:-.}/man/kaiji.1.in" ||
		fail "kaiji(1) does not document the command $cmd"
done

# a draft cut short (at every 97th byte here; test-draft cuts at every
# byte) is refused by every command, naming it and its backup, and stays
# as it is; cut only by its final line break, it is complete
len=$(wc -c <"$D/complete-2021.yaml")
n=0
cut=0
while [ "$cut" -lt "$len" ]; do
	head -c "$cut" "$D/complete-2021.yaml" >"$T/cut.yaml"
	cp "$T/cut.yaml" "$T/cut.before"
	"$KAIJI" summary "$T/cut.yaml" >/dev/null 2>"$T/err"
	rc=$?
	"$KAIJI" set "$T/cut.yaml" 2.1 x 2>>"$T/err"
	rc2=$?
	if [ "$rc" -ne 2 ] || [ "$rc2" -ne 2 ] ||
	    ! grep -q "^kaiji: $T/cut.yaml: .*cut short.*; $T/cut.yaml~, if it exists" "$T/err" ||
	    ! cmp -s "$T/cut.yaml" "$T/cut.before"; then
		fail "cut at $cut of $len: status $rc/$rc2: $(head -1 "$T/err")"
	fi
	n=$((n + 1))
	cut=$((cut + 97))
done
ok "$n drafts cut short refused" test "$n" -gt 100
head -c $((len - 1)) "$D/complete-2021.yaml" >"$T/cut.yaml"
status 0 "a draft without its final line break" "$KAIJI" get "$T/cut.yaml" 2.1 >/dev/null
# older drafts (version 1, no end marker) are read and saved as version 2
cp "$D/v1-2021.yaml" "$T/v1.yaml"
status 0 "a version 1 draft" "$KAIJI" set "$T/v1.yaml" 2.1 "$("$KAIJI" get "$T/v1.yaml" 2.1)"
ok "saved as version 2" cmp -s "$T/v1.yaml" "$D/complete-2021.yaml"

# control characters never reach the terminal raw
cp "$D/complete-2021.yaml" "$T/esc.yaml"
"$KAIJI" set "$T/esc.yaml" 27.1 "$(printf 'evil\033]0;pwned\007name')"
"$KAIJI" summary "$T/esc.yaml" >"$T/out"
contains "$T/out" "Service: evil^[]0;pwned^Gname"
ok "no ESC in the summary" sh -c "! grep -q \"$(printf '\033')\" '$T/out'"

# Japanese messages under a Japanese locale
if [ -f "$KAIJI_BUILD_PO_DIR/ja.gmo" ] || [ -f "$KAIJI_PO_DIR/ja.gmo" ]; then
	gmo="$KAIJI_BUILD_PO_DIR/ja.gmo"
	[ -f "$gmo" ] || gmo="$KAIJI_PO_DIR/ja.gmo"
	mkdir -p "$T/locale/ja/LC_MESSAGES"
	cp "$gmo" "$T/locale/ja/LC_MESSAGES/kaiji.mo"
	if locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'; then
		jp() { env LC_ALL=ja_JP.UTF-8 LANGUAGE=ja KAIJI_LOCALEDIR="$T/locale" "$@"; }
		status 1 "Japanese summary" jp "$KAIJI" summary "$D/gaps-2021.yaml" >"$T/out"
		contains "$T/out" "サービス名称: そらまめ帳票クラウド"
		contains "$T/out" "未記入の必須項目 (1件):"
		contains "$T/out" "結果: 未完了"
		lacks "$T/out" "Missing"
		status 2 "Japanese error" jp "$KAIJI" summary "$D/../bad/drafts/unknown-id.yaml" 2>"$T/err"
		contains "$T/err" "不明な項目ID '99.1'"
		status 0 "Japanese help" jp "$KAIJI" --help >"$T/out"
		contains "$T/out" "使い方"
		# run from the build tree, kaiji finds the build tree's catalogue
		status 0 "Japanese help, uninstalled" env -u LC_ALL \
		    -u LC_MESSAGES -u KAIJI_LOCALEDIR LANGUAGE= \
		    LANG=ja_JP.UTF-8 "$KAIJI" --help >"$T/out"
		contains "$T/out" "使い方"
	else
		echo "SKIP: no ja_JP.UTF-8 locale; Japanese output not checked"
	fi
fi

finish
