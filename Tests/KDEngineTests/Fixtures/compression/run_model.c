/* Runs a model exported by KDEngine's writeC over a file of int8 samples.
   usage: run_model INPUT.bin COUNT OUTPUT.bin
   Build: cc -DKD_HEADER='"NAME.h"' -DKD_MODEL=NAME -DKD_MODEL_UPPER=NAME_IN_CAPITALS run_model.c NAME.c */
#include <stdio.h>
#include <stdlib.h>

#include KD_HEADER

#define KD_CAT2(a, b) a##b
#define KD_CAT(a, b) KD_CAT2(a, b)
#define INPUT_SIZE KD_CAT(KD_MODEL_UPPER, _INPUT_SIZE)
#define OUTPUT_SIZE KD_CAT(KD_MODEL_UPPER, _OUTPUT_SIZE)

int main(int argc, char **argv) {
    static int8_t input[INPUT_SIZE], output[OUTPUT_SIZE];
    FILE *in, *out;
    long count, i;
    if (argc != 4) {
        fprintf(stderr, "usage: %s INPUT.bin COUNT OUTPUT.bin\n", argv[0]);
        return 2;
    }
    count = strtol(argv[2], NULL, 10);
    in = fopen(argv[1], "rb");
    out = fopen(argv[3], "wb");
    if (in == NULL || out == NULL) {
        fprintf(stderr, "cannot open %s or %s\n", argv[1], argv[3]);
        return 1;
    }
    for (i = 0; i < count; ++i) {
        if (fread(input, 1, sizeof input, in) != sizeof input) {
            fprintf(stderr, "%s: sample %ld is short\n", argv[1], i);
            return 1;
        }
        KD_CAT(KD_MODEL, _predict)(input, output);
        if (fwrite(output, 1, sizeof output, out) != sizeof output) return 1;
    }
    fclose(in);
    return fclose(out) == 0 ? 0 : 1;
}
