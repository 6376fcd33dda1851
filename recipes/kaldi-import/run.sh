#!/usr/bin/env bash
# kaldi-import: DNN ensemble and distillation on top of an existing Kaldi experiment, without redoing the GMM
# stages. Takes the experiment's data dirs (audio), alignments (ali.*.gz), final.mdl, tree and decoding graph
# (HCLG.fst, words.txt); computes 40-bin fbank itself; then ensemble -> teacher cache -> distilled students ->
# WER (and frame accuracy where dev/test alignments are given) -> exp/report/report.html, RESULTS.md/.json.
#
# Usage: recipes/kaldi-import/run.sh --kaldi-data=DIR --kaldi-exp=DIR [--kaldi-graph=DIR] [--stage=N]
#          [--stop-stage=N] [--work=DIR] [--config=NAME] [--name=value ...]
#   stages: 1 import (checks and copies), 2 fbank features, 7 frame stores, 8 ensemble, 9 teacher cache,
#           10 distillation, 11 small data, 12 compression, 13 evaluation, 14 report
#   --work=DIR            where everything is written (default: recipes/kaldi-import/work)
#   --config=NAME         read conf/NAME.conf after conf/run.conf (its settings override the defaults); work
#                         directory work-NAME, results RESULTS-NAME.md/.json
#   --name=value          overrides a setting of conf/run.conf
# A finished stage leaves work/log/stageN.done and is skipped when the recipe is rerun.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
A="$root/bin/asr-distill"
. "$here/conf/run.conf"
. "$root/recipes/common/stages.sh"
recipe_init "$@"
results_dir=$work   # results of an imported experiment are the user's, not the recipe's
gmm_dir=exp/gmm
graph=exp/graph
train_ali="ark:gunzip -c exp/train.ali.gz |"

need() { # file what
  [ -s "$1" ] || { echo "kaldi-import: missing $2: $1" >&2; exit 1; }
}

abs() { (cd "$1" && pwd); }

if run_stage 1; then
  [ -n "$kaldi_data" ] && [ -n "$kaldi_exp" ] || { echo "kaldi-import: --kaldi-data and --kaldi-exp are required" >&2; exit 2; }
  kaldi_data=$(abs "$kaldi_data"); kaldi_exp=$(abs "$kaldi_exp")
  kaldi_graph=$(abs "${kaldi_graph:-$kaldi_exp/graph}")
  log "stage 1: import $kaldi_exp (model, tree, alignments), $kaldi_graph, data dirs of $kaldi_data"
  for f in final.mdl tree; do need "$kaldi_exp/$f" "model file"; done
  for f in HCLG.fst words.txt; do need "$kaldi_graph/$f" "graph file"; done
  ls "$kaldi_exp"/ali.*.gz > /dev/null 2>&1 || { echo "kaldi-import: no ali.*.gz in $kaldi_exp" >&2; exit 1; }
  mkdir -p corpus $gmm_dir $graph
  cp "$kaldi_exp/final.mdl" "$kaldi_exp/tree" $gmm_dir/
  cp "$kaldi_graph/HCLG.fst" "$kaldi_graph/words.txt" $graph/
  # Kaldi's ali.N.gz (N = 1..nj), concatenated in job order
  ls "$kaldi_exp"/ali.*.gz | sort -t. -k2,2n | xargs cat > exp/train.ali.gz
  for pair in "dev:$dev_set:$kaldi_dev_ali" "test:$test_set:$kaldi_test_ali" "train:$train_set:"; do
    IFS=: read -r s name ali <<< "$pair"
    if [ -d "$kaldi_data/$name" ]; then
      for f in wav.scp text utt2spk; do need "$kaldi_data/$name/$f" "data file"; done
      rm -rf corpus/$s && mkdir -p corpus/$s
      cp "$kaldi_data/$name"/{wav.scp,text,utt2spk} corpus/$s/
      [ -f "$kaldi_data/$name/segments" ] && cp "$kaldi_data/$name/segments" corpus/$s/
      $A utt2spk-to-spk2utt corpus/$s/utt2spk > corpus/$s/spk2utt
      if [ -n "$ali" ]; then
        ls "$ali"/ali.*.gz | sort -t. -k2,2n | xargs cat > exp/$s.ali.gz
      fi
    elif [ $s = train ]; then
      echo "kaldi-import: no training data dir $kaldi_data/$name" >&2; exit 1
    fi
  done
  $A validate-data-dir --no-feats corpus/train > log/import.log 2>&1
  done_stage 1 import
fi

if run_stage 2; then
  log "stage 2: 40-bin fbank features, per-speaker CMVN stats"
  for s in train dev test; do
    if [ -d corpus/$s ]; then compute_features fbank $s $fbank_opts; fi
  done
  done_stage 2 features
fi

dnn_stages "kaldi-import results"   # 7 frame stores ... 14 report (recipes/common/stages.sh)
