# The editor in xterm under Xvfb, with East Asian Ambiguous characters
# drawn two columns wide (-cjk_width) and one column wide: see
# tests/xterm.py.  Skipped (77) without python3, xterm or Xvfb.
: "${KAIJI:?run the tests with make check}"
if ! command -v python3 >/dev/null 2>&1; then
	echo "python3 is not installed: skipped"
	exit 77
fi
exec python3 "${srcdir:-.}/tests/xterm.py"
