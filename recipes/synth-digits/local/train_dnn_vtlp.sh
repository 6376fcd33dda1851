#!/usr/bin/env bash
# A single DNN (cpu preset, newbob to convergence) trained on the recipe's training data plus two copies of it
# with vocal tract length perturbation (VTLP, Jaitly & Hinton 2013): 40-bin fbank recomputed with
# --vtln-warp=0.9 and 1.1, per-speaker CMN per warp, the same tri1 alignments (warping changes no frame count).
# Then decodes dev and test at the recipe's acoustic scales and prints frame accuracy and WER.
# Usage: recipes/synth-digits/local/train_dnn_vtlp.sh [--work=DIR] [--max-iters=N] [--warps="0.9 1.1"]
# (DIR: the recipe's work directory after stage 7; default recipes/synth-digits/work). Rerunning resumes.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/../.." && pwd)
A="$root/bin/asr-distill"
work="$here/work"; max_iters=20; warps="0.9 1.1"
for arg in "$@"; do
  case "$arg" in
    --work=*) work=${arg#*=} ;;
    --max-iters=*) max_iters=${arg#*=} ;;
    --warps=*) warps=${arg#*=} ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done
cd "$work"
d=data-fbank/train; v=exp/vtlp
mkdir -p $v
[ -f exp/train.fst ] || { echo "run the recipe up to stage 7 first (no $work/exp/train.fst)" >&2; exit 1; }
echo "$(date +%T) VTLP copies of the training features: warps $warps"
cp /dev/null $v/utt2spk.tmp; cp /dev/null $v/ali.tmp
$A copy-int-vector "ark:gunzip -c exp/tri1/ali.1.gz |" ark,t:$v/ali.1.txt 2> /dev/null
feats="$v/w1.0.txt"
[ -f $v/w1.0.txt ] || $A apply-cmvn --utt2spk=ark:$d/utt2spk scp:$d/cmvn.scp scp:$d/feats.scp ark,t:$v/w1.0.txt 2> /dev/null
cat $d/utt2spk > $v/utt2spk.tmp; cat $v/ali.1.txt > $v/ali.tmp
for w in $warps; do
  t=w$w
  if [ ! -f $v/$t.txt ]; then
    $A compute-fbank-feats --num-mel-bins=40 --vtln-warp=$w --num-threads=2 scp:$d/wav.scp \
      ark,scp:$v/raw_$t.ark,$v/raw_$t.scp 2> /dev/null
    $A compute-cmvn-stats --spk2utt=ark:$d/spk2utt scp:$v/raw_$t.scp ark:$v/cmvn_$t.ark 2> /dev/null
    # keys get the prefix "<warp>-" (Kaldi's speed-perturbation convention); speakers stay the same, so that
    # the held-out speakers hold out every copy of their speech
    $A apply-cmvn --utt2spk=ark:$d/utt2spk ark:$v/cmvn_$t.ark scp:$v/raw_$t.scp ark,t:- 2> /dev/null \
      | sed -E "s/^([^ ]+)  \[/$t-\1  [/" > $v/$t.tmp && mv $v/$t.tmp $v/$t.txt
  fi
  feats="$feats $v/$t.txt"
  sed "s/^/$t-/" $d/utt2spk >> $v/utt2spk.tmp
  sed "s/^/$t-/" $v/ali.1.txt >> $v/ali.tmp
done
mv $v/utt2spk.tmp $v/utt2spk; mv $v/ali.tmp $v/ali.txt
[ -f $v/train.fst ] || $A make-frame-store --utt2spk=ark:$v/utt2spk exp/tri1/final.mdl "ark:cat $feats |" \
  ark:$v/ali.txt $v/train.fst 2>&1 | tail -1
echo "$(date +%T) training (resumable)"
$A train-dnn --preset=cpu --max-iters="$max_iters" --seed=1 --trans-model=exp/tri1/final.mdl $v/train.fst exp/dnn-vtlp \
  > $v/train.log 2>&1
grep "accepted\|rejected" $v/train.log
[ -f exp/test.fst ] && $A nnet-frame-accuracy exp/test.fst exp/dnn-vtlp 2> /dev/null | sed 's/^/test /'
for s in dev test; do
  for acwt in 0.0833 0.1 0.125; do
    $A decode --num-threads=2 --acoustic-scale=$acwt exp/tri1/graph exp/dnn-vtlp data-fbank/$s \
      exp/decode-vtlp-$s-$acwt > /dev/null 2>&1
    echo "$s acwt=$acwt $($A compute-wer --text --mode=present ark:data-fbank/$s/text \
      ark:exp/decode-vtlp-$s-$acwt/text 2> /dev/null | grep WER)"
  done
done
