#!/usr/bin/env bash
# synth-sentences: a small LVCSR task. Synthesised sentences (fortunes text, CMUdict words) -> MFCC/fbank ->
# monophone and triphone GMM-HMMs with a trigram LM -> a 10-member DNN ensemble -> teacher cache -> distilled
# students and the small-data experiment -> frame accuracy and WER on dev/test -> exp/report/report.html,
# RESULTS.md/.json.
#
# Usage: recipes/synth-sentences/run.sh [--stage=N] [--stop-stage=N] [--work=DIR] [--config=NAME]
#          [--name=value ...]
#   --stage/--stop-stage  run only stages N..M (1 corpus, 2 features, 3 lang + LM, 4 mono, 5 tri1,
#                         6 alignments, 7 frame stores, 8 ensemble, 9 teacher cache, 10 distillation,
#                         11 small data, 12 compression, 13 evaluation, 14 report)
#   --work=DIR            where everything is written (default: recipes/synth-sentences/work)
#   --config=NAME         read conf/NAME.conf after conf/run.conf (its settings override the defaults); work
#                         directory work-NAME, results RESULTS-NAME.md/.json
#   --name=value          overrides a setting of conf/run.conf (e.g. --train-hours=1 --members=4)
# A finished stage leaves work/log/stageN.done and is skipped when the recipe is rerun; an interrupted stage
# resumes (finished ensemble members and epochs are kept). Logs: work/log/; summary lines: work/results.txt.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
A="$root/bin/asr-distill"
. "$here/conf/run.conf"
. "$root/recipes/common/stages.sh"
recipe_init "$@"
gmm_dir=exp/tri1
graph=exp/tri1/graph
train_ali="ark:gunzip -c exp/tri1/ali.1.gz |"

if run_stage 1; then
  log "stage 1: corpus (${train_hours} h of training speech or $num_train utterances; $num_dev/$num_test dev/test)"
  $A prepare-synth-sentences --out corpus --train-hours="$train_hours" --num-train="$num_train" \
    --num-dev="$num_dev" --num-test="$num_test" --num-threads="$num_threads" > log/corpus.log 2>&1
  done_stage 1 corpus
fi

stage_features 2

if run_stage 3; then
  log "stage 3: lang dir and a $lm_order-gram LM of the training transcripts"
  $A make-lang corpus/local/lexicon.txt '<UNK>' data/lang > log/lang.log 2>&1
  mkdir -p data/local
  $A make-lm --order="$lm_order" --vocab=data/lang/words.txt corpus/local/lm_train_text.txt data/local/lm.arpa \
    >> log/lang.log 2>&1
  $A arpa2fst --read-symbol-table=data/lang/words.txt data/local/lm.arpa data/lang/G.fst >> log/lang.log 2>&1
  done_stage 3 lang
fi

stage_mono 4
stage_tri 5
stage_align 6
dnn_stages "synth-sentences results"   # 7 frame stores ... 14 report (recipes/common/stages.sh)
