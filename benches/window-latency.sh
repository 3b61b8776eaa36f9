#!/usr/bin/env bash
# Key-to-preview latency of the real window on a software renderer: Xvfb
# and Mesa's llvmpipe, as on office virtual machines without a GPU driver.
#
#   benches/window-latency.sh [BINARY] [KEYSTROKES]
#
# Starts the editor on the sample under Xvfb with the hidden
# --latency-probe, types into the masthead's name field (the title is on
# page 1), and for each keystroke takes the time from just before xdotool
# sends it to the moment the window reports the new page on screen (the
# probe prints Unix nanoseconds; see src/ui/probes.rs). Prints every figure,
# then the median and the 90th percentile. Needs xvfb, xdotool and Mesa
# (libgl1-mesa-dri). The goal is a median under 60 ms. JIANBAO_BENCH_FILE
# names another draft to type into (a long issue, say) instead of the
# sample.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-target/release/jianbao}
count=${2:-30}
display=:${JIANBAO_BENCH_DISPLAY:-77}

work=$(mktemp -d)
cleanup() {
  kill "${app:-}" "${xvfb:-}" 2>/dev/null || true
  [ -n "${JIANBAO_BENCH_KEEP:-}" ] && cp -r "$work" "$JIANBAO_BENCH_KEEP"
  rm -rf "$work"
}
trap cleanup EXIT

Xvfb "$display" -screen 0 ${JIANBAO_BENCH_SCREEN:-1440x900}x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$display
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

cp "${JIANBAO_BENCH_FILE:-assets/samples/capital-civilization-briefing-2021-no11.ron}" "$work/sample.ron"
LIBGL_ALWAYS_SOFTWARE=1 HOME="$work" "$binary" --lang zh --latency-probe "$work/sample.ron" \
  >"$work/probe.log" 2>"$work/stderr.log" &
app=$!

window=$(xdotool search --sync --onlyvisible --pid "$app" | head -n1)
# The first pages, then a quiet moment.
for _ in $(seq 100); do grep -q '^shown' "$work/probe.log" && break; sleep 0.1; done
sleep 1
xdotool windowfocus --sync "$window"

# The masthead form is open with the draft; its first field is the name.
# Click into it: the form column starts right of the outline.
eval "$(xdotool getwindowgeometry --shell "$window")"
field_x=${JIANBAO_BENCH_FIELD_X:-560}
field_y=${JIANBAO_BENCH_FIELD_Y:-66}
xdotool mousemove --window "$window" "$field_x" "$field_y" click 1
sleep 0.5
xdotool key --window "$window" End
sleep 0.5

figures=()
for i in $(seq "$count"); do
  before=$(grep -c '^shown' "$work/probe.log" || true)
  # Alternate a character and its deletion so the name stays one line.
  if (( i % 2 )); then key=a; else key=BackSpace; fi
  sent=$(date +%s%N)
  xdotool key --window "$window" "$key"
  echo "sent $sent" >>"$work/sent.log"
  shown=""
  for _ in $(seq 200); do
    if (( $(grep -c '^shown' "$work/probe.log" || true) > before )); then
      shown=$(grep '^shown' "$work/probe.log" | tail -n1 | cut -d' ' -f3)
      break
    fi
    sleep 0.005
  done
  if [ -z "$shown" ]; then
    echo "keystroke $i: no new page within 1 s" >&2
    continue
  fi
  figures+=($(( (shown - sent) / 1000000 )))
  sleep 0.3
done

printf '%s\n' "${figures[@]}" | sort -n >"$work/sorted"
n=$(wc -l <"$work/sorted")
[ "$n" -gt 0 ] || { echo "no measurement"; cat "$work/stderr.log"; exit 1; }
median=$(sed -n "$(( (n + 1) / 2 ))p" "$work/sorted")
p90=$(sed -n "$(( (n * 9 + 9) / 10 ))p" "$work/sorted")
echo "key to preview on screen (ms), $n keystrokes: ${figures[*]}"
echo "median ${median} ms, 90th percentile ${p90} ms"
