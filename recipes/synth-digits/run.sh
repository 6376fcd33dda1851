#!/usr/bin/env bash
# synth-digits: corpus -> MFCC/fbank -> mono -> tri1 -> DNN ensemble -> teacher cache -> distilled students,
# decoded and scored on test. Stages are skipped when their .done marker exists; rerun after an interruption.
# Usage: recipes/synth-digits/run.sh [--stage=N] [--stop-stage=N] [--name=value ...]   (names: conf/run.conf)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
A="$root/bin/asr-distill"
stage=1
stop_stage=99
work="$here/work"
. "$here/conf/run.conf"
for arg in "$@"; do
  case "$arg" in
    --*=*) name=${arg%%=*}; name=${name#--}; name=${name//-/_}; declare "$name=${arg#*=}" ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done
mkdir -p "$work/log"
cd "$work"
log() { echo "$(date '+%F %T') $*" | tee -a log/run.log; }
run_stage() { # n name: true if the stage should run now
  [ "$1" -ge "$stage" ] && [ "$1" -le "$stop_stage" ] && [ ! -f "log/stage$1.done" ]
}
done_stage() { touch "log/stage$1.done"; log "stage $1 ($2) done"; }

if run_stage 1 corpus; then
  log "stage 1: corpus"
  $A prepare-synth-digits --out corpus --num-train="$num_train" --num-dev="$num_dev" --num-test="$num_test" \
    --num-threads="$num_threads" > log/corpus.log 2>&1
  done_stage 1 corpus
fi

if run_stage 2 features; then
  log "stage 2: MFCC (GMM) and 40-bin fbank (DNN) features, per-speaker CMVN stats"
  for s in train dev test; do
    for kind in mfcc fbank; do
      d=data-$kind/$s; mkdir -p "$d" feats
      cp corpus/$s/{wav.scp,text,utt2spk,spk2utt} "$d/"
      opts=""; [ $kind = fbank ] && opts="--num-mel-bins=40"
      $A compute-$kind-feats $opts --num-threads="$num_threads" scp:$d/wav.scp \
        ark,scp:$PWD/feats/${kind}_$s.ark,$PWD/$d/feats.scp > log/feats_${kind}_$s.log 2>&1
      $A compute-cmvn-stats --spk2utt=ark:$d/spk2utt scp:$d/feats.scp \
        ark,scp:$PWD/feats/cmvn_${kind}_$s.ark,$PWD/$d/cmvn.scp >> log/feats_${kind}_$s.log 2>&1
    done
  done
  done_stage 2 features
fi

if run_stage 3 lang; then
  log "stage 3: lang dir and digit-string grammar"
  $A make-lang corpus/local/lexicon.txt '<UNK>' data/lang > log/lang.log 2>&1
  echo "zero oh one two three four five six seven eight nine" > data/digits.txt
  $A make-grammar --min-words=1 --max-words=7 data/lang/words.txt data/digits.txt data/lang/G.fst >> log/lang.log 2>&1
  done_stage 3 lang
fi

feats_gmm() { # set
  echo "ark,s,cs:$A apply-cmvn --utt2spk=ark:data-mfcc/$1/utt2spk scp:data-mfcc/$1/cmvn.scp scp:data-mfcc/$1/feats.scp ark:- | $A add-deltas ark:- ark:- |"
}
feats_dnn() { # set
  echo "ark,s,cs:$A apply-cmvn --utt2spk=ark:data-fbank/$1/utt2spk scp:data-fbank/$1/cmvn.scp scp:data-fbank/$1/feats.scp ark:- |"
}
score() { # name hyp-text set
  local r
  r=$($A compute-wer --text --mode=present ark:data-mfcc/$3/text ark:$2 2>/dev/null | grep WER)
  echo "$1 $3 $r" | tee -a results.txt
}

if run_stage 4 mono; then
  log "stage 4: monophone GMM"
  $A train-mono --num-threads="$num_threads" --tot-gauss="$mono_gauss" data-mfcc/train data/lang exp/mono > log/mono.log 2>&1
  done_stage 4 mono
fi

if run_stage 5 tri1; then
  log "stage 5: triphone GMM, graph, GMM decoding"
  $A train-tri --num-threads="$num_threads" "$tri_leaves" "$tri_gauss" data-mfcc/train data/lang exp/mono exp/tri1 \
    > log/tri1.log 2>&1
  $A make-graph data/lang exp/tri1 exp/tri1/graph > log/graph.log 2>&1
  for m in mono tri1; do
    [ -d exp/$m/graph ] || $A make-graph data/lang exp/$m exp/$m/graph >> log/graph.log 2>&1
    $A gmm-decode-faster --num-threads="$num_threads" --beam=13 --acoustic-scale="$acwt" exp/$m/final.mdl \
      exp/$m/graph/HCLG.fst "$(feats_gmm test)" ark,t:exp/$m/test.words.int > log/decode_$m.log 2>&1
    awk 'NR==FNR{w[$2]=$1;next}{printf "%s",$1; for(i=2;i<=NF;i++) printf " %s", w[$i]; printf "\n"}' \
      exp/$m/graph/words.txt exp/$m/test.words.int > exp/$m/test.txt
    score $m exp/$m/test.txt test
  done
  done_stage 5 tri1
fi

if run_stage 6 stores; then
  log "stage 6: test alignments and frame stores"
  awk 'NR==FNR{id[$1]=$2;next}{printf "%s",$1; for(i=2;i<=NF;i++) printf " %s", id[$i]; printf "\n"}' \
    data/lang/words.txt data-mfcc/test/text > exp/test.text.int
  $A compile-train-graphs --self-loop-scale=0.1 --read-disambig-syms=data/lang/phones/disambig.int exp/tri1/tree \
    exp/tri1/final.mdl data/lang/L.fst ark:exp/test.text.int ark:exp/test.graphs > log/stores.log 2>&1
  $A gmm-align-compiled --beam=10 --retry-beam=40 --acoustic-scale=0.1 exp/tri1/final.mdl ark:exp/test.graphs \
    "$(feats_gmm test)" "ark:| gzip -c > exp/test.ali.gz" >> log/stores.log 2>&1
  $A make-frame-store --utt2spk=ark:data-fbank/train/utt2spk exp/tri1/final.mdl "$(feats_dnn train)" \
    "ark:gunzip -c exp/tri1/ali.1.gz |" exp/train.fst >> log/stores.log 2>&1
  $A make-frame-store --utt2spk=ark:data-fbank/test/utt2spk exp/tri1/final.mdl "$(feats_dnn test)" \
    "ark:gunzip -c exp/test.ali.gz |" exp/test.fst >> log/stores.log 2>&1
  done_stage 6 stores
fi

if run_stage 7 ensemble; then
  log "stage 7: DNN ensemble of $members (member 1 = the baseline)"
  $A train-ensemble --members="$members" --max-iters="$dnn_iters" --preset="$preset" --seed=101 \
    --trans-model=exp/tri1/final.mdl exp/train.fst exp/ensemble > log/ensemble.log 2>&1
  done_stage 7 ensemble
fi

members_csv() { seq 1 "$members" | sed "s|^|exp/ensemble/member-|" | paste -sd, -; }

if run_stage 8 cache; then
  log "stage 8: teacher cache"
  $A make-teacher-cache exp/train.fst exp/teacher.cache $(members_csv | tr , ' ') > log/cache.log 2>&1
  grep bytes_per_frame log/cache.log | tee -a results.txt
  done_stage 8 cache
fi

if run_stage 9 distill; then
  log "stage 9: distilled students at T = $temperatures"
  for T in $temperatures; do
    $A distill --temperature="$T" --hard-weight="$hard_weight" --max-iters="$dnn_iters" --preset="$preset" --seed=201 \
      --trans-model=exp/tri1/final.mdl exp/train.fst exp/teacher.cache exp/distill-T$T > log/distill-T$T.log 2>&1
  done
  done_stage 9 distill
fi

if run_stage 10 evaluate; then
  log "stage 10: frame accuracy and WER on test"
  systems="baseline=exp/ensemble/member-1 ensemble=$(members_csv)"
  for T in $temperatures; do systems="$systems distilled-T$T=exp/distill-T$T"; done
  for sys in $systems; do
    name=${sys%%=*}; dirs=${sys#*=}
    $A nnet-frame-accuracy exp/test.fst $(echo "$dirs" | tr , ' ') 2>/dev/null | tail -1 | sed "s|^|$name |" \
      | tee -a results.txt
    $A decode --num-threads="$num_threads" --acoustic-scale="$acwt" exp/tri1/graph "$dirs" data-fbank/test \
      exp/decode-$name > log/decode-$name.log 2>&1
    score "$name" exp/decode-$name/text test
  done
  done_stage 10 evaluate
fi
log "finished; results in $work/results.txt"
