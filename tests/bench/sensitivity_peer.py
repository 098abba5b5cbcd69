"""The peer of fairtender's first-place odds: the same sampling, written as an analyst
would with vectorised numpy. Reads the bids' normalised scores (bids x leaves) and each
leaf's group; draws the 8 group weights from a Dirichlet around 1/8 each (the same
concentration, 100 (k - 1) - 1) and the two leaves of a group from a Dirichlet around 1/2,
moves each judgement value a step up or down with probability 0.1 each, and counts first
places. Prints the seconds the sampling took (not Python's start-up or the file read),
then the index of the bid that came first most often and its share of the samples.

    python3 sensitivity_peer.py INPUT.json SAMPLES
"""
import json
import sys
import time

import numpy as np

data = json.load(open(sys.argv[1]))
samples = int(sys.argv[2])
scores = np.array(data["scores"])  # bids x leaves
leaf_group = np.array(data["leaf_group"])
groups = data["groups"]
step = data["step"]
bids, leaves = scores.shape
up = np.minimum(step, 1 - scores)
down = np.minimum(step, scores)
rng = np.random.default_rng(1)
wins = np.zeros(bids, dtype=np.int64)

start = time.perf_counter()
chunk = 20000
done = 0
while done < samples:
    n = min(chunk, samples - done)
    top = rng.dirichlet(np.full(groups, (100 * (groups - 1) - 1) / groups), size=n)  # n x 8
    inner = rng.dirichlet(np.full(2, (100 * (2 - 1) - 1) / 2), size=(n, groups))  # n x 8 x 2
    weights = (top[:, :, None] * inner).reshape(n, leaves) * 100  # n x leaves
    u = rng.random((n, bids, leaves))
    moved = scores[None, :, :] + np.where(u < 0.1, up[None], 0) - np.where((u >= 0.1) & (u < 0.2), down[None], 0)
    totals = np.einsum("nbl,nl->nb", moved, weights)
    wins += np.bincount(totals.argmax(axis=1), minlength=bids)
    done += n
elapsed = time.perf_counter() - start
leader = int(wins.argmax())
print("%.6f %d %.6f" % (elapsed, leader, wins[leader] / samples))
