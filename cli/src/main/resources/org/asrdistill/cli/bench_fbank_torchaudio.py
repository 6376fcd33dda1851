# Times torchaudio.compliance.kaldi.fbank (single thread, float32, dither 0) over WAV files for bench-fbank.
# Usage: python3 bench_fbank_torchaudio.py NUM_MEL_BINS REPEAT FILE...
# Prints: compute_seconds=S audio_seconds=A cpu_seconds=C (A = audio duration x REPEAT; C = this thread's CPU
# time); only the fbank calls are timed.
import sys
import time
import wave

import numpy as np
import torch
import torchaudio.compliance.kaldi as kaldi


def main():
    bins, repeat, files = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    torch.set_num_threads(1)
    waves = []
    for f in files:
        with wave.open(f, "rb") as w:
            if w.getsampwidth() != 2 or w.getnchannels() != 1:
                sys.exit("only 16-bit mono WAV is supported here: " + f)
            x = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32)
            waves.append((torch.from_numpy(x).unsqueeze(0), w.getframerate()))
    kw = dict(num_mel_bins=bins, dither=0.0, energy_floor=0.0)
    for x, r in waves[:5]:
        kaldi.fbank(x, sample_frequency=r, **kw)
    c0 = time.thread_time()
    t0 = time.perf_counter()
    for _ in range(repeat):
        for x, r in waves:
            kaldi.fbank(x, sample_frequency=r, **kw)
    secs = time.perf_counter() - t0
    cpu = time.thread_time() - c0
    audio = repeat * sum(x.shape[1] / r for x, r in waves)
    print("compute_seconds=%.6f audio_seconds=%.3f cpu_seconds=%.6f" % (secs, audio, cpu))


if __name__ == "__main__":
    main()
