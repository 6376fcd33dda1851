#!/usr/bin/python3
"""Golden features from torchaudio.compliance.kaldi for the option grid in grid.txt (see NOTE.md).

Usage: /usr/bin/python3 make_golden.py [--format auto|cm2|fm|dm] [--dtype float64|float32] [--out DIR] [--time]
Writes DIR/<name>.ark.gz: a gzipped Kaldi binary archive, one matrix per corpus utterance (key = file
stem). Log-domain values: for --use-log-fbank=false the log of the linear energies is stored (floored at
FLT_EPSILON), so that all comparisons are on log values. cm2 = Kaldi's two-byte compressed matrix (global
min/range, max quantisation error range/131070), fm/dm = uncompressed float/double matrices; auto (the
default, used for the stored golden files) = cm2 for fbank (range ~40: error <= 3.2e-4) and fm for mfcc
(whose range ~150 would give CM2 errors up to 1.2e-3). torchaudio computes in float64 unless
--dtype float32 (the input samples are int16 either way). With --time, prints only the seconds spent
inside torchaudio's fbank over the corpus for the paper's setting (used by bench-fbank).
"""
import argparse
import glob
import gzip
import math
import os
import struct
import sys
import time
import wave

import numpy as np
import torch
import torchaudio.compliance.kaldi as kaldi

HERE = os.path.dirname(os.path.abspath(__file__))
EPS = float(np.finfo(np.float32).eps)


def read_wav(path):
    with wave.open(path, "rb") as w:
        assert w.getsampwidth() == 2 and w.getnchannels() == 1, path
        rate = w.getframerate()
        data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
    # torchaudio.load would give int16/32768; Kaldi's scale is the int16 value itself
    return torch.from_numpy(data.astype(np.float32)).unsqueeze(0), rate


def parse_flags(flags, tool):
    kw = {"dither": 0.0, "energy_floor": 0.0}  # Kaldi defaults (torchaudio's defaults differ)
    if tool == "mfcc":
        kw["use_energy"] = True
    for f in flags.split():
        k, v = f[2:].split("=", 1)
        k = k.replace("-", "_")
        if v in ("true", "false"):
            kw[k] = v == "true"
        elif k in ("num_mel_bins", "num_ceps"):
            kw[k] = int(v)
        elif k == "window_type":
            kw[k] = v
        else:
            kw[k] = float(v)
    return kw


def grid():
    with open(os.path.join(HERE, "grid.txt")) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                name, tool, flags = line.rstrip("\n").split("\t")
                yield name, tool, flags


def matrix_bytes(m, fmt):
    rows, cols = m.shape
    if fmt == "dm":
        return b"\0BDM " + struct.pack("<bibi", 4, rows, 4, cols) + m.astype("<f8").tobytes()
    if fmt == "fm":
        return b"\0BFM " + struct.pack("<bibi", 4, rows, 4, cols) + m.astype("<f4").tobytes()
    lo = float(m.min()) if m.size else 0.0
    hi = float(m.max()) if m.size else 0.0
    rng = hi - lo if hi > lo else 1.0
    q = np.clip(np.floor((m.astype(np.float64) - lo) / rng * 65535.0 + 0.499), 0, 65535).astype("<u2")
    return b"\0BCM2 " + struct.pack("<ffii", lo, rng, rows, cols) + q.tobytes()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--format", default="auto", choices=["auto", "cm2", "fm", "dm"])
    ap.add_argument("--out", default=os.path.join(HERE, "golden"))
    ap.add_argument("--dtype", default="float64", choices=["float64", "float32"],
                    help="precision torchaudio computes in (float32 has rounding errors up to ~4e-3 on "
                    "log energies of low-energy bins of frames with a large DC offset)")
    ap.add_argument("--time", action="store_true")
    ap.add_argument("--wavs", nargs="*")
    a = ap.parse_args()
    torch.set_num_threads(1)
    paths = a.wavs or sorted(glob.glob(os.path.join(HERE, "corpus", "*.wav")))
    waves = [(os.path.splitext(os.path.basename(p))[0], read_wav(p)) for p in paths]
    if a.time:
        kw = parse_flags("--num-mel-bins=40", "fbank")
        for _, (w, r) in waves[:3]:  # warm-up
            kaldi.fbank(w, sample_frequency=r, **kw)
        t0 = time.perf_counter()
        for _, (w, r) in waves:
            kaldi.fbank(w, sample_frequency=r, **kw)
        secs = time.perf_counter() - t0
        audio = sum(w.shape[1] / r for _, (w, r) in waves)
        print("compute_seconds=%.6f audio_seconds=%.3f" % (secs, audio))
        return
    os.makedirs(a.out, exist_ok=True)
    for name, tool, flags in grid():
        kw = parse_flags(flags, tool)
        log_linear = tool == "fbank" and kw.get("use_log_fbank", True) is False
        out = bytearray()
        for key, (w, r) in waves:
            fn = kaldi.fbank if tool == "fbank" else kaldi.mfcc
            x = w.double() if a.dtype == "float64" else w
            m = fn(x, sample_frequency=r, **kw).numpy().astype(np.float64)
            if m.ndim == 1:  # torchaudio returns an empty 1-d tensor for too-short input
                m = np.zeros((0, 0), dtype=np.float32)
            if log_linear:
                m = np.log(np.maximum(m, EPS))
            fmt = a.format if a.format != "auto" else ("cm2" if tool == "fbank" else "fm")
            out += key.encode() + b" " + matrix_bytes(m, fmt)
        with gzip.GzipFile(os.path.join(a.out, name + ".ark.gz"), "wb", mtime=0) as g:
            g.write(bytes(out))
    print("wrote %d utterances x %d configurations to %s" % (len(waves), sum(1 for _ in grid()), a.out))


if __name__ == "__main__":
    sys.exit(main())
