#!/usr/bin/env python3
"""Run an int8 .tflite model with TensorFlow Lite Micro's interpreter (PyPI: tflite-micro).

usage: tflm_run.py MODEL.tflite INPUT.bin BATCH OUTPUT.bin

TFLite Micro does not resize tensors, so the model (batch dimension 1) runs once per sample.
INPUT.bin holds BATCH int8 samples, row-major; the int8 outputs go to OUTPUT.bin, row-major.
"""
import sys

import numpy as np
from tflite_micro.python.tflite_micro import runtime


def main() -> int:
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    model, input_path, batch, output_path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    interpreter = runtime.Interpreter.from_file(model, arena_size=256 * 1024)
    shape = list(interpreter.get_input_details(0)["shape"])
    per_sample = int(np.prod(shape))
    data = np.fromfile(input_path, dtype=np.int8)
    if data.size != batch * per_sample:
        print(f"error: {data.size} input values are not {batch} samples of shape {shape[1:]}", file=sys.stderr)
        return 1
    outputs = []
    for sample in data.reshape(batch, per_sample):
        interpreter.set_input(sample.reshape(shape), 0)
        interpreter.invoke()
        outputs.append(np.array(interpreter.get_output(0), dtype=np.int8).reshape(-1))
    np.concatenate(outputs).astype(np.int8).tofile(output_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
