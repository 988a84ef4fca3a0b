#!/usr/bin/env python3
"""Print TensorFlow Lite Micro's arena allocations for a .tflite model (PyPI: tflite-micro).

usage: tflm_arena.py MODEL.tflite

The report goes to stdout. The "head" line is the memory plan of the activation tensors (GreedyMemoryPlanner); "tail" holds
the interpreter's persistent data (tensor structs, operator data).
"""
import os
import sys

from tflite_micro.python.tflite_micro import runtime


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    interpreter = runtime.Interpreter.from_file(sys.argv[1], arena_size=256 * 1024)
    # TFLite Micro prints the report on stderr; send it to stdout with the rest.
    sys.stdout.flush()
    os.dup2(sys.stdout.fileno(), sys.stderr.fileno())
    interpreter.print_allocations()
    return 0


if __name__ == "__main__":
    sys.exit(main())
