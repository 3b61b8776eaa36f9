#!/usr/bin/env bash
# Chinese input, end to end, by hand: a headless X server, fcitx5 with
# pinyin (default settings: each input context keeps its own state), and
# the editor on a draft of the sample. Pinyin is switched on once, in 标题;
# "nihao" + space is typed there, then 导语 and 正文 are clicked in turn and
# "nihao" + space typed again without switching anything; the draft is
# saved with Ctrl+S. It passes when the saved draft holds 你好 three times:
# each field kept the input method's state.
#
#   tests/ime/fcitx5_pinyin.sh [path/to/jianbao]   (default target/release/jianbao)
#
# Needs: xvfb xdotool dbus-x11 fcitx5 fcitx5-chinese-addons imagemagick
# (for the screenshots it leaves in the work folder it prints).
# Not run in CI: it drives real input devices through timing-dependent
# X11 round trips.
set -euo pipefail

bin=$(realpath "${1:-target/release/jianbao}")
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
export HOME="$work/home"
mkdir -p "$HOME/.config/fcitx5"
cat > "$HOME/.config/fcitx5/profile" <<'PROFILE'
[Groups/0]
Name=Default
Default Layout=us
DefaultIM=pinyin

[Groups/0/Items/0]
Name=keyboard-us
Layout=

[Groups/0/Items/1]
Name=pinyin
Layout=

[GroupOrder]
0=Default
PROFILE

display=:77
Xvfb "$display" -screen 0 1440x900x24 >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$display
eval "$(dbus-launch --sh-syntax)"
cleanup() {
    kill "${app:-}" "$xvfb" "$DBUS_SESSION_BUS_PID" 2>/dev/null || true
    pkill -f "fcitx5 -d" 2>/dev/null || true
}
trap cleanup EXIT
sleep 1
fcitx5 -d --disable=wayland >/dev/null 2>&1
sleep 3

draft="$work/第11期.ron"
"$bin" --lang zh import "$here/tests/data/capital-civilization-briefing-2021-no11.txt" -o "$draft" >/dev/null
XMODIFIERS=@im=fcitx "$bin" --lang zh "$draft" >"$work/editor.log" 2>&1 &
app=$!
sleep 5
window=$(xdotool search --class jianbao | head -1)
xdotool windowfocus --sync "$window"

# The window's layout at 1440×900: the first article in the outline, its
# empty 标题, the end of its 导语, the middle of its 正文.
xdotool mousemove 77 162 click 1
sleep 1
xdotool mousemove 820 113 click 1
sleep 1
xdotool key ctrl+space
sleep 1
xdotool type --delay 120 nihao
sleep 1
import -window root "$work/preedit-title.png"
xdotool key space
sleep 1
xdotool mousemove 820 147 click 1
sleep 1
xdotool type --delay 120 nihao
sleep 1
import -window root "$work/preedit-lead.png"
xdotool key space
sleep 1
xdotool mousemove 560 311 click 1
sleep 1
xdotool type --delay 120 nihao
sleep 1
import -window root "$work/preedit-body.png"
xdotool key space
sleep 1
xdotool key ctrl+s
sleep 2

count=$(grep -o '你好' "$draft" | wc -l)
echo "work folder: $work"
echo "你好 in the saved draft: $count (want 3: 标题, 导语 and 正文)"
test "$count" -eq 3
