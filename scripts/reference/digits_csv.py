"""Writes Content/data/digits.csv from scikit-learn's copy of the UCI digits.

scikit-learn's wheel carries the data as sklearn/datasets/data/digits.csv.gz (1,797 rows of
64 pixel counts 0..16 and the label, no header). This script adds a header and writes plain
CSV, so the engine's loader reads it without gzip:

    pip download scikit-learn --no-deps -d /tmp/skl
    unzip -o /tmp/skl/scikit_learn-*.whl 'sklearn/datasets/data/digits.csv.gz' -d /tmp/skl
    python3 scripts/reference/digits_csv.py /tmp/skl/sklearn/datasets/data/digits.csv.gz
"""
import csv
import gzip
import sys

source = sys.argv[1]
target = sys.argv[2] if len(sys.argv) > 2 else "Content/data/digits.csv"
with gzip.open(source, "rt") as f:
    rows = [line.strip().split(",") for line in f if line.strip()]
assert len(rows) == 1797 and all(len(r) == 65 for r in rows), "unexpected digits.csv.gz layout"
with open(target, "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow([f"p{i}" for i in range(64)] + ["label"])
    for r in rows:
        out.writerow([str(int(float(v))) for v in r])
print(f"wrote {target}: {len(rows)} rows")
