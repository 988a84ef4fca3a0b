#!/usr/bin/env python3
"""Run an int8 .tflite model with the LiteRT interpreter (PyPI: ai-edge-litert).

usage: litert_run.py MODEL.tflite INPUT.bin BATCH OUTPUT.bin [--resolver auto|builtin|reference]
                     [--repeat N] [--latency N]

INPUT.bin holds BATCH samples of int8 values, row-major, in the model's input quantization.
The int8 output tensor is written to OUTPUT.bin, row-major. The batch dimension is resized to
BATCH. Resolvers: `auto` is the interpreter's default (builtin kernels plus the default XNNPACK
delegate), `builtin` the optimized builtin kernels without delegates, `reference` TFLite's
reference kernels. With --repeat N the batch is run N more times and the median seconds per run
is printed as `seconds: S`. With --latency N, the model is then resized to one sample and
invoked N times over the samples in turn; the median seconds per invoke (set_tensor + invoke +
get_tensor, as a caller sees it) is printed as `latency: S`.
"""
import argparse
import statistics
import sys
import time

import numpy as np
from ai_edge_litert.interpreter import Interpreter, OpResolverType

RESOLVERS = {
    "auto": OpResolverType.AUTO,
    "builtin": OpResolverType.BUILTIN_WITHOUT_DEFAULT_DELEGATES,
    "reference": OpResolverType.BUILTIN_REF,
}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("input")
    parser.add_argument("batch", type=int)
    parser.add_argument("output")
    parser.add_argument("--resolver", choices=sorted(RESOLVERS), default="auto")
    parser.add_argument("--repeat", type=int, default=0)
    parser.add_argument("--latency", type=int, default=0)
    args = parser.parse_args()

    interpreter = Interpreter(model_path=args.model, experimental_op_resolver_type=RESOLVERS[args.resolver])
    details = interpreter.get_input_details()[0]
    shape = [args.batch] + list(details["shape"][1:])
    interpreter.resize_tensor_input(details["index"], shape)
    interpreter.allocate_tensors()
    if details["dtype"] != np.int8:
        print(f"error: input type {details['dtype']} is not int8", file=sys.stderr)
        return 1
    data = np.fromfile(args.input, dtype=np.int8)
    if data.size != int(np.prod(shape)):
        print(f"error: {data.size} input values are not {args.batch} samples of shape {shape[1:]}", file=sys.stderr)
        return 1
    interpreter.set_tensor(details["index"], data.reshape(shape))
    interpreter.invoke()
    output = interpreter.get_tensor(interpreter.get_output_details()[0]["index"])
    output.astype(np.int8).tofile(args.output)
    if args.repeat > 0:
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            interpreter.invoke()
            times.append(time.perf_counter() - start)
        print(f"seconds: {statistics.median(times):.9f}")
    if args.latency > 0:
        interpreter.resize_tensor_input(details["index"], [1] + shape[1:])
        interpreter.allocate_tensors()
        output_index = interpreter.get_output_details()[0]["index"]
        samples = data.reshape([args.batch, 1] + shape[1:])
        times = []
        for i in range(args.latency):
            start = time.perf_counter()
            interpreter.set_tensor(details["index"], samples[i % args.batch])
            interpreter.invoke()
            interpreter.get_tensor(output_index)
            times.append(time.perf_counter() - start)
        print(f"latency: {statistics.median(times):.9f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
