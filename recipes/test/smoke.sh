#!/usr/bin/env bash
# Tiny end-to-end runs of the recipes through every stage (run by .ci/run after the unit tests):
#  1. synth-digits on 40 training utterances, 2 ensemble members, 1 epoch;
#  2. kaldi-import on a Kaldi experiment laid out as Kaldi writes one (data/{train,dev,test}, exp/tri1 with
#     final.mdl, tree, ali.*.gz split in two jobs, exp/tri1/graph), made from run 1's corpus and GMM;
#  3. librispeech on a LibriSpeech-layout corpus (FLAC, <spk>/<chapter>/*.trans.txt, upper-case words) with an
#     openslr-style lexicon and gzipped ARPA LM, made from run 1's corpus.
# Each run must finish every stage and report a WER; nothing is downloaded.
# Usage: recipes/test/smoke.sh [work-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
A="$root/bin/asr-distill"
w=${1:-$(mktemp -d)}
mkdir -p "$w"
tiny=(--members=2 --dnn-iters=1 --temperatures=2 --small-fraction=0.25 --small-iters=2)
t0=$(date +%s)

echo "== synth-digits (tiny) in $w/digits"
"$root/recipes/synth-digits/run.sh" --work="$w/digits" --num-train=40 --num-dev=8 --num-test=12 --mono-gauss=100 \
  --tri-leaves=50 --tri-gauss=200 "${tiny[@]}"
grep -q "^ensemble test %WER" "$w/digits/results.txt"
test -s "$w/digits/exp/report/report.html"

echo "== kaldi-import (tiny Kaldi layout) in $w/kaldi-import"
k="$w/kaldi-layout"
rm -rf "$k"; mkdir -p "$k/data" "$k/exp/tri1/graph"
for s in train dev test; do
  mkdir -p "$k/data/$s"
  cp "$w/digits/corpus/$s"/{wav.scp,text,utt2spk,spk2utt} "$k/data/$s/"
done
cp "$w/digits/exp/tri1"/{final.mdl,tree} "$k/exp/tri1/"
cp "$w/digits/exp/tri1/graph"/{HCLG.fst,words.txt} "$k/exp/tri1/graph/"
# two alignment jobs, as steps/align_si.sh --nj 2 would leave them
"$A" copy-int-vector "ark:gunzip -c $w/digits/exp/tri1/ali.1.gz |" ark,t:- 2>/dev/null > "$k/ali.txt"
n=$(wc -l < "$k/ali.txt")
head -n $((n / 2)) "$k/ali.txt" | "$A" copy-int-vector ark,t:- "ark:| gzip -c > $k/exp/tri1/ali.1.gz" 2>/dev/null
tail -n +$((n / 2 + 1)) "$k/ali.txt" | "$A" copy-int-vector ark,t:- "ark:| gzip -c > $k/exp/tri1/ali.2.gz" 2>/dev/null
mkdir -p "$k/exp/tri1_ali_test"
cp "$w/digits/exp/test.ali.gz" "$k/exp/tri1_ali_test/ali.1.gz"
"$root/recipes/kaldi-import/run.sh" --work="$w/kaldi-import" --kaldi-data="$k/data" --kaldi-exp="$k/exp/tri1" \
  --kaldi-test-ali="$k/exp/tri1_ali_test" "${tiny[@]}"
grep -q "^ensemble test %WER" "$w/kaldi-import/results.txt"
grep -q "^ensemble test .*frame_accuracy" "$w/kaldi-import/results.txt"

echo "== librispeech (tiny LibriSpeech layout) in $w/librispeech"
l="$w/ls-layout"
rm -rf "$l"; mkdir -p "$l/LibriSpeech" "$l/lm"
for pair in train:train-clean-100 dev:dev-clean test:test-clean; do
  s=${pair%%:*}; part=${pair#*:}
  # speaker-chapter ids: voice-perturbation speakers become <n>-<100+n>; utterances <spk>-<chapter>-<nnnn>
  awk '{print $2}' "$w/digits/corpus/$s/utt2spk" | sort -u | awk -v o=$((${#s} * 1000)) '{print $1, o + NR}' \
    > "$l/spk.map"
  while read -r utt path; do
    spk=$(awk -v u="$utt" '$1 == u {print $2}' "$w/digits/corpus/$s/utt2spk")
    id=$(awk -v s="$spk" '$1 == s {print $2}' "$l/spk.map")
    dir="$l/LibriSpeech/$part/$id/$((id + 100))"
    mkdir -p "$dir"
    n=$(ls "$dir" | grep -c flac || true)
    new=$(printf "%s-%s-%04d" "$id" $((id + 100)) "$n")
    sox "$path" "$dir/$new.flac"
    words=$(awk -v u="$utt" '$1 == u {$1 = ""; print toupper(substr($0, 2))}' "$w/digits/corpus/$s/text")
    echo "$new $words" >> "$dir/$id-$((id + 100)).trans.txt"
  done < "$w/digits/corpus/$s/wav.scp"
done
awk '{w = toupper($1); $1 = ""; print w "\t" substr($0, 2)}' "$w/digits/corpus/local/lexicon.txt" \
  > "$l/lm/librispeech-lexicon.txt"
cut -d' ' -f2- "$w/digits/corpus/train/text" | tr a-z A-Z > "$l/lm/text"
"$A" make-lm --order=3 "$l/lm/text" - 2>/dev/null | gzip -c > "$l/lm/3-gram.pruned.1e-7.arpa.gz"
"$root/recipes/librispeech/run.sh" --work="$w/librispeech" --corpus-root="$l" --lm-dir="$l/lm" --mono-gauss=100 \
  --tri-leaves=50 --tri-gauss=200 "${tiny[@]}"
grep -q "^ensemble test %WER" "$w/librispeech/results.txt"
echo "recipe smoke tests passed in $(( $(date +%s) - t0 )) s (work: $w)"
