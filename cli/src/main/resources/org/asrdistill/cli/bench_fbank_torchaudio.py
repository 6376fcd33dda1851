# Times torchaudio.compliance.kaldi.fbank for bench-fbank: single thread (torch.set_num_threads(1)), float32
# input and output, dither 0, energy_floor 0 (Kaldi's default), snip_edges default (true), NUM_MEL_BINS bins.
# Usage: python3 bench_fbank_torchaudio.py NUM_MEL_BINS WARMUP_PASSES FILE...
# Decoding the WAV files is not timed. After WARMUP_PASSES untimed passes over all files it prints
#   ready frames=F
# then makes one timed pass over all files for every line "pass" read from standard input (bench-fbank
# alternates them with its own passes, so that both sides see the same machine state), printing
#   pass_seconds=S cpu_seconds=C audio_seconds=A frames=F
# (S = wall time of the fbank calls of the pass, C = this thread's CPU time, A = audio duration of the files,
# F = feature frames produced). It stops at end of input or on a line "quit".
import sys
import time
import wave

import numpy as np
import torch
import torchaudio.compliance.kaldi as kaldi


def one_pass(waves, kw):
    frames = 0
    for x, r in waves:
        frames += kaldi.fbank(x, sample_frequency=r, **kw).shape[0]
    return frames


def main():
    bins, warmup, files = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    waves = []
    for f in files:
        with wave.open(f, "rb") as w:
            if w.getsampwidth() != 2 or w.getnchannels() != 1:
                sys.exit("only 16-bit mono WAV is supported here: " + f)
            x = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32)
            waves.append((torch.from_numpy(x).unsqueeze(0), w.getframerate()))
    kw = dict(num_mel_bins=bins, dither=0.0, energy_floor=0.0)
    audio = sum(x.shape[1] / r for x, r in waves)
    frames = 0
    for _ in range(warmup):
        frames = one_pass(waves, kw)
    print("ready frames=%d" % frames, flush=True)
    for line in sys.stdin:
        if line.strip() != "pass":
            break
        c0 = time.thread_time()
        t0 = time.perf_counter()
        frames = one_pass(waves, kw)
        secs = time.perf_counter() - t0
        cpu = time.thread_time() - c0
        print("pass_seconds=%.6f cpu_seconds=%.6f audio_seconds=%.3f frames=%d" % (secs, cpu, audio, frames),
              flush=True)


if __name__ == "__main__":
    main()
