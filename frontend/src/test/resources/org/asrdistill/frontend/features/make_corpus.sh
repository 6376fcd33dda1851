#!/usr/bin/env bash
# Synthesises the 50-utterance test corpus used by the torchaudio golden comparison (see NOTE.md).
# Needs espeak-ng and sox (Debian). Output: corpus/uNN.wav, 16 kHz 16-bit mono, ~0.4-1.3 s each,
# speech from varied espeak-ng voices with white noise at varied levels and, for some, a DC offset.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus
words=(zero one two three four five six seven eight nine oh yes no stop go left right up down)
voices=(en+m1 en+m2 en+m3 en+m4 en+m5 en+m7 en+f1 en+f2 en+f3 en+f4 en-us+m3 en-us+f2)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for i in $(seq 0 49); do
  n=$(( 1 + i % 3 ))
  text=""
  for j in $(seq 1 $n); do text+="${words[$(( (i * 7 + j * 5) % ${#words[@]} ))]} "; done
  voice=${voices[$(( i % ${#voices[@]} ))]}
  speed=$(( 150 + (i * 13) % 90 ))
  pitch=$(( 20 + (i * 17) % 60 ))
  espeak-ng -v "$voice" -s "$speed" -p "$pitch" -w "$tmp/s.wav" "$text"
  dur=$(sox "$tmp/s.wav" -n stat 2>&1 | awk '/Length/ {print $3}')
  vol=$(awk -v i="$i" 'BEGIN { printf "%.4f", 0.0005 + (i % 10) * 0.002 }')
  sox -R -n -r 22050 -c 1 "$tmp/n.wav" synth "$dur" whitenoise vol "$vol"
  dc=$(awk -v i="$i" 'BEGIN { printf "%.3f", (i % 4 == 3) ? 0.02 : 0.0 }')
  f=$(printf "corpus/u%02d.wav" "$i")
  sox -R -m "$tmp/s.wav" "$tmp/n.wav" -r 16000 -b 16 -c 1 "$f" silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse dcshift "$dc"
done
ls corpus | wc -l
