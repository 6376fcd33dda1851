#!/usr/bin/env bash
# synth-digits: the main job. Synthesised connected digits -> MFCC/fbank -> monophone and triphone GMM-HMMs
# (alignments) -> a 10-member DNN ensemble -> teacher cache -> distilled students (T = 1, 2, 5, 10) and the
# small-data experiment -> frame accuracy and WER on dev/test -> exp/report/report.html, RESULTS.md/.json.
#
# Usage: recipes/synth-digits/run.sh [--stage=N] [--stop-stage=N] [--work=DIR] [--config=NAME]
#          [--name=value ...]
#   --stage/--stop-stage  run only stages N..M (1 corpus, 2 features, 3 lang, 4 mono, 5 tri1, 6 alignments,
#                         7 frame stores, 8 ensemble, 9 teacher cache, 10 distillation, 11 small data,
#                         12 compression, 13 evaluation, 14 report)
#   --work=DIR            where everything is written (default: recipes/synth-digits/work)
#   --config=NAME         read conf/NAME.conf after conf/run.conf (its settings override the defaults); work
#                         directory work-NAME, results RESULTS-NAME.md/.json
#   --name=value          overrides a setting of conf/run.conf (e.g. --members=4 --dnn-iters=2)
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
  log "stage 1: corpus ($num_train/$num_dev/$num_test utterances)"
  $A prepare-synth-digits --out corpus --num-train="$num_train" --num-dev="$num_dev" --num-test="$num_test" \
    --num-threads="$num_threads" > log/corpus.log 2>&1
  done_stage 1 corpus
fi

stage_features 2

if run_stage 3; then
  log "stage 3: lang dir and digit-string grammar (1-7 digits)"
  $A make-lang corpus/local/lexicon.txt '<UNK>' data/lang > log/lang.log 2>&1
  echo "zero oh one two three four five six seven eight nine" > data/digits.txt
  $A make-grammar --min-words=1 --max-words=7 data/lang/words.txt data/digits.txt data/lang/G.fst >> log/lang.log 2>&1
  done_stage 3 lang
fi

stage_mono 4
stage_tri 5
stage_align 6
dnn_stages "synth-digits results"   # 7 frame stores ... 14 report (recipes/common/stages.sh)
