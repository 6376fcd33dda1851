#!/usr/bin/env bash
# librispeech: the recipe on your copy of LibriSpeech (FLAC read directly). Data dirs from the corpus layout
# (<part>/<speaker>/<chapter>/<speaker>-<chapter>-<n>.flac and .trans.txt; a speaker is <speaker>-<chapter>, as in
# Kaldi), lang dir from librispeech-lexicon.txt, decoding graph from an ARPA LM (openslr.org/11), then the same
# stages as synth-sentences: MFCC/fbank -> mono -> tri1 -> DNN ensemble -> teacher cache -> distilled students ->
# frame accuracy and WER on dev-clean/test-clean -> exp/report/report.html.
#
# Usage: recipes/librispeech/run.sh --corpus-root=DIR --lm-dir=DIR [--stage=N] [--stop-stage=N] [--work=DIR]
#          [--config=NAME] [--name=value ...]
#   stages: 1 data dirs, 2 features, 3 lang + G, 4 mono, 5 tri1, 6 alignments, 7 frame stores, 8 ensemble,
#           9 teacher cache, 10 distillation, 11 small data, 12 compression, 13 evaluation, 14 report
#   --name=value   overrides a setting of conf/run.conf (e.g. --train-part=train-clean-360 --preset=paper)
#   --config=NAME  reads conf/NAME.conf after conf/run.conf; work directory work-NAME, RESULTS-NAME.md/.json
# The paper's network (--preset=paper) is meant for a GPU build (see the README's GPU section); on a CPU the
# default preset is cpu. A finished stage leaves work/log/stageN.done and is skipped when the recipe is rerun.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
A="$root/bin/asr-distill"
. "$here/conf/run.conf"
. "$root/recipes/common/stages.sh"
recipe_init "$@"
results_dir=$work
gmm_dir=exp/tri1
graph=exp/tri1/graph
train_ali="ark:gunzip -c exp/tri1/ali.1.gz |"
if [ "$preset" = auto ]; then
  if command -v nvidia-smi > /dev/null 2>&1 && nvidia-smi -L 2>/dev/null | grep -q GPU; then preset=paper; else preset=cpu; fi
fi

if run_stage 1; then
  [ -n "$corpus_root" ] && [ -n "$lm_dir" ] || { echo "librispeech: --corpus-root and --lm-dir are required" >&2; exit 2; }
  for f in "$lm_dir/librispeech-lexicon.txt" "$lm_dir/$lm_arpa"; do
    [ -s "$f" ] || { echo "librispeech: missing $f" >&2; exit 1; }
  done
  log "stage 1: data dirs of $train_part, $dev_part, $test_part from $corpus_root/LibriSpeech"
  for pair in "train:$train_part" "dev:$dev_part" "test:$test_part"; do
    s=${pair%%:*}; part=${pair#*:}; src="$corpus_root/LibriSpeech/$part"
    [ -d "$src" ] || { echo "librispeech: no $src" >&2; exit 1; }
    d=corpus/$s; rm -rf "$d"; mkdir -p "$d"
    find "$src" -name '*.trans.txt' | LC_ALL=C sort | while read -r trans; do
      dir=$(dirname "$trans")
      while read -r utt words; do
        [ -f "$dir/$utt.flac" ] || { echo "librispeech: $trans names $utt, but $dir/$utt.flac is missing" >&2; exit 1; }
        echo "$utt $dir/$utt.flac" >&3
        echo "$utt $words" >&4
        echo "$utt ${utt%-*}" >&5
      done < "$trans"
    done 3> "$d/wav.scp.tmp" 4> "$d/text.tmp" 5> "$d/utt2spk.tmp"
    for f in wav.scp text utt2spk; do LC_ALL=C sort "$d/$f.tmp" > "$d/$f"; rm "$d/$f.tmp"; done
    $A utt2spk-to-spk2utt "$d/utt2spk" > "$d/spk2utt"
    $A validate-data-dir --no-feats "$d" >> log/data.log 2>&1
    log "  $s: $(wc -l < "$d/utt2spk") utterances, $(wc -l < "$d/spk2utt") speakers"
  done
  done_stage 1 data
fi

stage_features 2

if run_stage 3; then
  log "stage 3: lang dir (librispeech-lexicon.txt) and G from $lm_arpa"
  mkdir -p data/local
  tr '\t' ' ' < "$lm_dir/librispeech-lexicon.txt" > data/local/lexicon.txt
  $A make-lang data/local/lexicon.txt '<UNK>' data/lang > log/lang.log 2>&1
  case "$lm_arpa" in
    *.gz) gunzip -c "$lm_dir/$lm_arpa" > data/local/lm.arpa ;;
    *) cp "$lm_dir/$lm_arpa" data/local/lm.arpa ;;
  esac
  $A arpa2fst --read-symbol-table=data/lang/words.txt data/local/lm.arpa data/lang/G.fst >> log/lang.log 2>&1
  done_stage 3 lang
fi

stage_mono 4
stage_tri 5
stage_align 6
dnn_stages "librispeech results"   # 7 frame stores ... 14 report (recipes/common/stages.sh)
