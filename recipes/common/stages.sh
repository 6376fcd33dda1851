# Shared stages of the asr-distill recipes (sourced by recipes/*/run.sh; bash, set -euo pipefail).
# A recipe sets A (the asr-distill command), here (its directory) and its configuration, calls recipe_init "$@",
# runs its own corpus/GMM stages, then the shared ones below: frame stores, DNN ensemble, teacher cache,
# distillation, small-data, compression, evaluation (frame accuracy + WER), report.
#
# Inputs the shared stages expect, all relative to the work directory:
#   data-fbank/{train,dev,test}   Kaldi data dirs with 40-bin fbank feats.scp, cmvn.scp (per speaker), text
#   data-fbank/lang/words.txt     and the graph dir $graph (HCLG.fst, words.txt)
#   $gmm_dir/final.mdl, tree      the model whose alignments are the DNN targets
#   $train_ali                    rspecifier of the training alignments (transition ids)
#   exp/{dev,test}.ali.gz         alignments of dev and test (made by the recipe; for frame accuracy)

recipe_init() { # "$@": --stage=N --stop-stage=N --work=DIR --config=NAME --name=value (overrides conf/run.conf)
  stage=1
  stop_stage=99
  work="$here/work"
  recipe_command="${here#$root/}/run.sh${*:+ $*}"
  results_dir="$here"   # a run with the configuration's settings updates the recipe's RESULTS.md/.json
  results_name=RESULTS
  local name arg
  # --config=NAME: conf/NAME.conf overrides conf/run.conf (before any --name=value); its own work directory and
  # RESULTS-NAME.md/.json
  for arg in "$@"; do
    if [[ $arg == --config=* ]]; then
      config=${arg#--config=}
      if [ ! -f "$here/conf/$config.conf" ]; then
        echo "no configuration $here/conf/$config.conf (--config=NAME reads conf/NAME.conf)" >&2; exit 2
      fi
      . "$here/conf/$config.conf"
      work="$here/work-$config"
      results_name="RESULTS-$config"
    fi
  done
  for arg in "$@"; do
    case "$arg" in
      -h|--help) sed -n '2,/^set -euo/p' "$here/run.sh" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
      --config=*) ;;
      --*=*) name=${arg%%=*}; name=${name#--}; name=${name//-/_}
        if ! grep -q "^$name=" "$here/conf/run.conf" && [[ ! $name =~ ^(stage|stop_stage|work)$ ]]; then
          echo "unknown option --${name//_/-} (the names are those of $here/conf/run.conf)" >&2; exit 2
        fi
        declare -g "$name=${arg#*=}"
        [[ $name =~ ^(stage|stop_stage|work|num_threads|ensemble_parallel)$ ]] || results_dir="" ;;
      *) echo "unknown argument: $arg (see --help)" >&2; exit 2 ;;
    esac
  done
  mkdir -p "$work/log" "$work/exp/results"
  work=$(cd "$work" && pwd)
  # the commit recorded in every result (a "+" marks uncommitted changes in the working tree)
  if [ -z "${ASR_DISTILL_COMMIT:-}" ] && git -C "$root" rev-parse HEAD > /dev/null 2>&1; then
    ASR_DISTILL_COMMIT=$(git -C "$root" rev-parse HEAD)$(git -C "$root" diff --quiet HEAD -- . 2>/dev/null || echo +)
    export ASR_DISTILL_COMMIT
  fi
  results_dir=${results_dir:-$work}   # other settings: RESULTS.md/.json stay in the work directory
  cd "$work"
  echo "$(date '+%F %T') $0 $*" >> log/commands.txt
}

log() { echo "$(date '+%F %T') $*" | tee -a log/run.log; }

run_stage() { # n: true if stage n should run now (in range, not done)
  if [ "$1" -ge "$stage" ] && [ "$1" -le "$stop_stage" ] && [ ! -f "log/stage$1.done" ]; then
    stage_t0=$(date +%s)
    return 0
  fi
  return 1
}

done_stage() { # n name: marks stage n complete and records its wall time
  echo $(( $(date +%s) - stage_t0 )) > "log/stage$1.seconds"
  touch "log/stage$1.done"
  log "stage $1 ($2) done in $(cat "log/stage$1.seconds") s"
}

feats_dnn() { # set: per-speaker CMN'd fbank of data-fbank/<set>
  echo "ark,s,cs:$A apply-cmvn --utt2spk=ark:data-fbank/$1/utt2spk scp:data-fbank/$1/cmvn.scp scp:data-fbank/$1/feats.scp ark:- |"
}

compute_features() { # kind set [extra options]: MFCC or fbank of corpus/<set> into data-<kind>/<set> with CMVN stats
  local kind=$1 s=$2; shift 2
  local d=data-$kind/$s
  mkdir -p "$d" feats
  cp corpus/$s/{wav.scp,text,utt2spk,spk2utt} "$d/"
  [ -f corpus/$s/segments ] && cp corpus/$s/segments "$d/"
  $A compute-$kind-feats "$@" --num-threads="$num_threads" scp:$d/wav.scp \
    ark,scp:$PWD/feats/${kind}_$s.ark,$PWD/$d/feats.scp > log/feats_${kind}_$s.log 2>&1
  $A compute-cmvn-stats --spk2utt=ark:$d/spk2utt scp:$d/feats.scp \
    ark,scp:$PWD/feats/cmvn_${kind}_$s.ark,$PWD/$d/cmvn.scp >> log/feats_${kind}_$s.log 2>&1
}

int2words() { # words.txt transcripts.int: integer transcripts to words
  awk 'NR==FNR{w[$2]=$1;next}{printf "%s",$1; for(i=2;i<=NF;i++) printf " %s", w[$i]; printf "\n"}' "$1" "$2"
}

feats_gmm() { # set: CMN'd MFCC + deltas of data-mfcc/<set>
  echo "ark,s,cs:$A apply-cmvn --utt2spk=ark:data-mfcc/$1/utt2spk scp:data-mfcc/$1/cmvn.scp scp:data-mfcc/$1/feats.scp ark:- | $A add-deltas ark:- ark:- |"
}

stage_features() { # n: MFCC (GMM) and 40-bin fbank (DNN) of corpus/{train,dev,test}, per-speaker CMVN stats
  if run_stage "$1"; then
    log "stage $1: MFCC (GMM) and 40-bin fbank (DNN) features, per-speaker CMVN stats"
    local s
    for s in train dev test; do
      compute_features mfcc $s
      compute_features fbank $s --num-mel-bins=40
    done
    done_stage "$1" features
  fi
}

stage_mono() { # n: flat-start monophone GMM-HMM on data-mfcc/train and data/lang
  if run_stage "$1"; then
    log "stage $1: monophone GMM"
    $A train-mono --num-threads="$num_threads" --tot-gauss="$mono_gauss" data-mfcc/train data/lang exp/mono \
      > log/mono.log 2>&1
    done_stage "$1" mono
  fi
}

stage_tri() { # n: triphone GMM-HMM, decoding graphs of mono and tri1, their test WER
  if run_stage "$1"; then
    log "stage $1: triphone GMM ($tri_leaves leaves, $tri_gauss Gaussians), graphs, GMM decoding of test"
    $A train-tri --num-threads="$num_threads" "$tri_leaves" "$tri_gauss" data-mfcc/train data/lang exp/mono \
      exp/tri1 > log/tri1.log 2>&1
    local m r
    for m in mono tri1; do
      $A make-graph data/lang exp/$m exp/$m/graph >> log/graph.log 2>&1
      $A gmm-decode-faster --num-threads="$num_threads" --beam=13 --acoustic-scale="$gmm_acwt" exp/$m/final.mdl \
        exp/$m/graph/HCLG.fst "$(feats_gmm test)" ark,t:exp/$m/test.words.int > log/decode_$m.log 2>&1
      int2words exp/$m/graph/words.txt exp/$m/test.words.int > exp/$m/test.txt
      r=$($A compute-wer --text --mode=present --write-result=exp/results/wer-gmm-$m-test.json --system=gmm-$m \
        --experiment=gmm --dataset=test ark:data-mfcc/test/text ark:exp/$m/test.txt 2>/dev/null | grep WER)
      echo "gmm-$m test $r" | tee -a results.txt
    done
    done_stage "$1" tri1
  fi
}

stage_align() { # n: tri1 alignments of dev and test, the targets of their frame accuracy
  if run_stage "$1"; then
    log "stage $1: tri1 alignments of dev and test"
    local s
    for s in dev test; do
      awk 'NR==FNR{id[$1]=$2;next}{printf "%s",$1; for(i=2;i<=NF;i++) printf " %s", ($i in id) ? id[$i] : id["<UNK>"];
        printf "\n"}' data/lang/words.txt data-mfcc/$s/text > exp/$s.text.int
      $A compile-train-graphs --self-loop-scale=0.1 --read-disambig-syms=data/lang/phones/disambig.int \
        exp/tri1/tree exp/tri1/final.mdl data/lang/L.fst ark:exp/$s.text.int ark:exp/$s.graphs > log/align_$s.log 2>&1
      $A gmm-align-compiled --beam=10 --retry-beam=40 --acoustic-scale=0.1 exp/tri1/final.mdl ark:exp/$s.graphs \
        "$(feats_gmm $s)" "ark:| gzip -c > exp/$s.ali.gz" >> log/align_$s.log 2>&1
    done
    done_stage "$1" alignments
  fi
}

members_csv() { seq 1 "$members" | sed "s|^|exp/ensemble/member-|" | paste -sd, -; }

# Frame stores of train, dev and test: normalised fbank + pdf targets from the alignments.
stage_stores() { # n
  if run_stage "$1"; then
    log "stage $1: frame stores (train, dev, test)"
    $A make-frame-store --utt2spk=ark:data-fbank/train/utt2spk $gmm_dir/final.mdl "$(feats_dnn train)" \
      "$train_ali" exp/train.fst > log/stores.log 2>&1
    for s in dev test; do   # frame accuracy needs alignments of the set
      if [ -f exp/$s.ali.gz ] && [ -d data-fbank/$s ]; then
        $A make-frame-store --utt2spk=ark:data-fbank/$s/utt2spk $gmm_dir/final.mdl "$(feats_dnn $s)" \
          "ark:gunzip -c exp/$s.ali.gz |" exp/$s.fst >> log/stores.log 2>&1
      fi
    done
    done_stage "$1" stores
  fi
}

dnn_size() { # the size options of the DNNs: the preset, or --hidden-layers/--hidden-dim when set
  echo "--preset=$preset${hidden_layers:+ --hidden-layers=$hidden_layers}${hidden_dim:+ --hidden-dim=$hidden_dim}"
}

stage_ensemble() { # n
  if run_stage "$1"; then
    log "stage $1: DNN ensemble of $members ($(dnn_size), $dnn_iters epochs at most; member 1 is the baseline)"
    $A train-ensemble --members="$members" --parallel="$ensemble_parallel" --max-iters="$dnn_iters" $(dnn_size) \
      --seed=101 --trans-model=$gmm_dir/final.mdl exp/train.fst exp/ensemble > log/ensemble.log 2>&1
    done_stage "$1" ensemble
  fi
}

stage_cache() { # n
  if run_stage "$1"; then
    log "stage $1: teacher cache (top-k of the ensemble's geometric mean)"
    $A make-teacher-cache exp/train.fst exp/teacher.cache $(members_csv | tr , ' ') > log/cache.log 2>&1
    grep bytes_per_frame log/cache.log | tee -a results.txt
    done_stage "$1" cache
  fi
}

stage_distill() { # n: one student per temperature, the teacher's size
  if run_stage "$1"; then
    log "stage $1: distilled students at T = $temperatures"
    for T in $temperatures; do
      $A distill --temperature="$T" --hard-weight="$hard_weight" --max-iters="$dnn_iters" $(dnn_size) --seed=201 \
        --trans-model=$gmm_dir/final.mdl exp/train.fst exp/teacher.cache exp/distill-T$T > log/distill-T$T.log 2>&1
    done
    done_stage "$1" distill
  fi
}

# Table 5: a small random part of the training utterances, hard targets (early-stopped) vs soft targets from
# the full-data teacher (no early stopping).
stage_small_data() { # n
  if run_stage "$1"; then
    local n
    n=$(awk -v f="$small_fraction" 'END{n=int(NR*f+0.5); print n<1?1:n}' data-fbank/train/utt2spk)
    log "stage $1: small data ($n utterances, fraction $small_fraction): hard vs soft targets"
    $A subset-data-dir --random="$n" --seed=7 data-fbank/train exp/small-data/train > log/small-data.log 2>&1
    cut -d' ' -f1 exp/small-data/train/utt2spk > exp/small-data/utts
    $A train-dnn --utt-list=exp/small-data/utts --max-iters="$small_iters" $(dnn_size) --seed=301 \
      --trans-model=$gmm_dir/final.mdl exp/train.fst exp/small-hard >> log/small-data.log 2>&1
    $A distill --utt-list=exp/small-data/utts --early-stopping=false --max-iters="$small_iters" \
      --temperature="$small_temperature" --hard-weight="$hard_weight" $(dnn_size) --seed=301 \
      --trans-model=$gmm_dir/final.mdl exp/train.fst exp/teacher.cache exp/small-soft >> log/small-data.log 2>&1
    done_stage "$1" small-data
  fi
}

# Compression: students with fewer parameters (hidden widths in $compress_dims), at the best temperature setting.
stage_compress() { # n
  if run_stage "$1"; then
    log "stage $1: compressed students (hidden dims: ${compress_dims:-none}) at T = $compress_temperature"
    for h in $compress_dims; do
      $A distill --temperature="$compress_temperature" --hard-weight="$hard_weight" --max-iters="$dnn_iters" \
        --preset="$preset" --hidden-dim="$h" --seed=401 --trans-model=$gmm_dir/final.mdl exp/train.fst \
        exp/teacher.cache exp/distill-h$h > log/distill-h$h.log 2>&1
    done
    done_stage "$1" compress
  fi
}

evaluate_system() { # experiment name model-dirs(comma-separated) sets...: frame accuracy and WER, as result records
  local experiment=$1 name=$2 dirs=$3 s; shift 3
  for s in "$@"; do
    [ -d data-fbank/$s ] || continue
    if [ -f exp/$s.fst ]; then
      $A nnet-frame-accuracy --write-result=exp/results/fa-$name-$s.json --system="$name" \
        --experiment="$experiment" --dataset=$s exp/$s.fst $(echo "$dirs" | tr , ' ') 2>>log/evaluate-$name.log \
        | sed "s|^|$name $s |"
    fi
    $A decode --num-threads="$num_threads" --acoustic-scale="$acwt" --write-result=exp/results/dec-$name-$s.json \
      --system="$name" --experiment="$experiment" --dataset=$s $graph "$dirs" data-fbank/$s exp/decode-$name-$s \
      > log/decode-$name-$s.log 2>&1
    local r
    r=$($A compute-wer --text --mode=present --write-result=exp/results/wer-$name-$s.json --system="$name" \
      --experiment="$experiment" --dataset=$s ark:data-fbank/$s/text ark:exp/decode-$name-$s/text 2>/dev/null \
      | grep WER)
    echo "$name $s $r"
  done
}

evaluate_small() { # hard|soft: frame accuracy of a small-data model on its training utterances and on test
  local m=$1
  $A nnet-frame-accuracy --utt-list=exp/small-data/utts --write-result=exp/results/fa-small-$m-train.json \
    --system=small-data-$m --experiment=small-data --dataset=train exp/train.fst exp/small-$m \
    2>>log/evaluate-small-$m.log | sed "s|^|small-data-$m train |"
  if [ -f exp/test.fst ]; then
    $A nnet-frame-accuracy --write-result=exp/results/fa-small-$m-test.json --system=small-data-$m \
      --experiment=small-data --dataset=test exp/test.fst exp/small-$m 2>>log/evaluate-small-$m.log \
      | sed "s|^|small-data-$m test |"
  fi
}

stage_evaluate() { # n: Table 1 systems on dev and test, compressed and small-data systems; $eval_jobs at a time
  if run_stage "$1"; then
    log "stage $1: frame accuracy and WER (dev, test), ${eval_jobs:-2} systems at a time"
    mkdir -p exp/eval
    local jobs=() T h m
    jobs+=("table1 baseline exp/ensemble/member-1 dev test" "table1 ensemble $(members_csv) dev test")
    for T in $temperatures; do jobs+=("table1 distilled-T$T exp/distill-T$T dev test"); done
    for h in $compress_dims; do jobs+=("compression distilled-h$h exp/distill-h$h test"); done
    for m in hard soft; do [ -d exp/small-$m ] && jobs+=("small $m"); done
    local pids=() outs=() k=0 job rc=0
    for job in "${jobs[@]}"; do
      k=$((k + 1))
      outs+=("exp/eval/$k.txt")
      if [[ $job == small\ * ]]; then
        evaluate_small ${job#small } > "exp/eval/$k.txt" &
      else
        evaluate_system $job > "exp/eval/$k.txt" &
      fi
      pids+=($!)
      if [ ${#pids[@]} -ge "${eval_jobs:-2}" ]; then
        wait "${pids[0]}" || rc=1
        pids=("${pids[@]:1}")
      fi
    done
    for pid in "${pids[@]}"; do wait "$pid" || rc=1; done
    cat "${outs[@]}" | tee -a results.txt
    [ $rc -eq 0 ] || { log "stage $1: an evaluation failed (log/evaluate-*.log, log/decode-*.log)"; exit 1; }
    done_stage "$1" evaluate
  fi
}

stage_report() { # n title: exp/report/report.html and the recipe's RESULTS.md / RESULTS.json
  if run_stage "$1"; then
    log "stage $1: report"
    local secs
    secs=$(cat log/stage*.seconds 2>/dev/null | awk '{s+=$1} END{print s+0}')
    $A report --out=exp/report --results-json="$results_dir/$results_name.json" \
      --results-md="$results_dir/$results_name.md" \
      --title="$2" --command="$recipe_command" --wall-seconds="$secs" exp/results > log/report.log 2>&1
    log "report: $work/exp/report/report.html; results: $results_dir/$results_name.md"
    done_stage "$1" report
  fi
}

dnn_stages() { # title: stages 7-14, from the frame stores to the report, then the closing log line
  stage_stores 7
  stage_ensemble 8
  stage_cache 9
  stage_distill 10
  stage_small_data 11
  stage_compress 12
  stage_evaluate 13
  stage_report 14 "$1"
  log "finished; summary lines in $work/results.txt"
}
