/// Assembles the three files of a `CExport`.
struct CSourceWriter {
    let model: QuantizedModel
    let name: String
    var arrays: [CArray] = []
    var snippets: Set<String> = ["copy"]
    var constants: [String] = []
    var calls: [String] = []

    init(model: QuantizedModel, name: String) {
        self.model = model
        self.name = name
    }

    var macro: String { name.uppercased() }

    mutating func export() -> CExport {
        let plan = MemoryPlan(model)
        func at(_ buffer: Int) -> String { "kd_arena + \(plan.buffers[buffer].offset)" }
        calls.append("kd_copy(input, \(at(0)), \(macro)_INPUT_SIZE);")
        for (index, operation) in model.operations.enumerated() {
            let (x, y) = (at(index), at(index + 1))
            let p = "l\(index)"
            switch operation {
            case .fullyConnected(let op):
                arrays.append(CArray("\(p)_weights", int8: op.weights))
                arrays.append(CArray("\(p)_bias", int32: op.bias))
                let requantizer = addRequantization(
                    op.requantization, prefix: p, perChannel: false, rescaling: model.runtime.rescaling(for: operation))
                snippets.insert("fullyConnected")
                calls.append(
                    "kd_fully_connected(\(x), \(y), \(p)_weights, \(p)_bias, \(op.inputCount), \(op.outputCount), \(op.input.zeroPoint), &\(p)_requant, \(requantizer));"
                )
            case .conv2D(let op):
                arrays.append(CArray("\(p)_weights", int8: op.weights))
                arrays.append(CArray("\(p)_bias", int32: op.bias))
                let requantizer = addRequantization(
                    op.requantization, prefix: p, perChannel: true, rescaling: model.runtime.rescaling(for: operation))
                addWindow(op.geometry, prefix: p)
                snippets.insert("conv2D")
                calls.append(
                    "kd_conv2d(\(x), \(y), \(p)_weights, \(p)_bias, &\(p)_window, \(op.input.zeroPoint), &\(p)_requant, \(requantizer));"
                )
            case .maxPool2D(let op):
                addWindow(op.geometry, prefix: p)
                snippets.insert("maxPool2D")
                calls.append("kd_max_pool2d(\(x), \(y), &\(p)_window);")
            case .reshape(let op):
                calls.append("kd_copy(\(x), \(y), \(op.outputShape.reduce(1, *)));")
            case .softmax(let op):
                switch model.runtime.softmax {
                case .lookupTable:
                    arrays.append(CArray("\(p)_table", float: op.table))
                    snippets.insert("softmaxTable")
                    calls.append("kd_softmax_table(\(x), \(y), \(op.depth), \(p)_table);")
                case .fixedPoint:
                    snippets.insert("softmaxFixed")
                    calls.append(
                        "kd_softmax_fixed(\(x), \(y), \(op.depth), \(op.inputMultiplier), \(op.inputLeftShift), \(op.diffMin));"
                    )
                }
            }
        }
        calls.append("kd_copy(\(at(model.operations.count)), output, \(macro)_OUTPUT_SIZE);")
        return CExport(
            name: name, header: header(plan), weightsHeader: weightsHeader(), source: source(plan), arrays: arrays,
            plan: plan)
    }

    private mutating func addRequantization(
        _ r: Requantization, prefix p: String, perChannel: Bool, rescaling: Int8Runtime.Rescaling
    ) -> String {
        var pointers = ["0", "0", "0", "0"]
        switch rescaling {
        case .doubleRounding, .ruy:
            arrays.append(CArray("\(p)_multiplier", int32: r.multipliers))
            arrays.append(CArray("\(p)_shift", int32: r.shifts.map { Int32($0) }))
            pointers[0] = "\(p)_multiplier"
            pointers[1] = "\(p)_shift"
        case .float32:
            arrays.append(CArray("\(p)_scale", float: r.floatScales))
            pointers[2] = "\(p)_scale"
        case .double:
            arrays.append(CArray("\(p)_scale", double: r.doubleScales))
            pointers[3] = "\(p)_scale"
        }
        let fields =
            pointers + [
                "\(perChannel ? 1 : 0)", "\(r.outputZeroPoint)", "\(r.range.lowerBound)", "\(r.range.upperBound)",
            ]
        constants.append("static const kd_requant \(p)_requant = {\(fields.joined(separator: ", "))};")
        let requantizer = CKernels.requantizer(rescaling)
        snippets.insert(requantizer.snippet)
        return requantizer.function
    }

    private mutating func addWindow(_ g: WindowGeometry, prefix p: String) {
        let fields = [
            g.inputHeight, g.inputWidth, g.channels, g.windowHeight, g.windowWidth, g.strideHeight, g.strideWidth,
            g.padTop, g.padLeft, g.outputHeight, g.outputWidth, g.outputChannels,
        ]
        constants.append("static const kd_window \(p)_window = {\(fields.map(String.init).joined(separator: ", "))};")
    }

    private func header(_ plan: MemoryPlan) -> String {
        let m = macro
        return """
            /* \(name).h: int8 inference of a model quantized by KDEngine (TensorFlow Lite's int8 scheme).
               Arithmetic: \(model.runtime.rawValue) (see \(name).c). Generated; do not edit. */
            #ifndef \(m)_H
            #define \(m)_H

            #include <stdint.h>

            #ifdef __cplusplus
            extern "C" {
            #endif

            #define \(m)_INPUT_SIZE \(model.inputCount)
            #define \(m)_OUTPUT_SIZE \(model.outputCount)
            /* Bytes of RAM for activations (TFLite Micro's greedy plan, 16-byte buffers). */
            #define \(m)_ARENA_SIZE \(plan.arenaBytes)

            /* Input: q = clamp(round(x / \(m)_INPUT_SCALE) + \(m)_INPUT_ZERO_POINT, -128, 127).
               Output: x = \(m)_OUTPUT_SCALE * (q - \(m)_OUTPUT_ZERO_POINT). */
            #define \(m)_INPUT_SCALE \(CLiteral.float(model.input.scale))
            #define \(m)_INPUT_ZERO_POINT (\(model.input.zeroPoint))
            #define \(m)_OUTPUT_SCALE \(CLiteral.float(model.output.scale))
            #define \(m)_OUTPUT_ZERO_POINT (\(model.output.zeroPoint))

            /* Runs the model on one sample of \(m)_INPUT_SIZE int8 values (shape \(shapeText(model.inputShape)), row-major)
               and writes \(m)_OUTPUT_SIZE int8 values. Not reentrant: one static arena. */
            void \(name)_predict(const int8_t *input, int8_t *output);

            #ifdef __cplusplus
            }
            #endif

            #endif

            """
    }

    private func weightsHeader() -> String {
        let guardName = "\(macro)_WEIGHTS_H"
        var text = """
            /* \(name)_weights.h: the constants of \(name).c, \(arrays.reduce(0) { $0 + $1.byteCount }) bytes in \(arrays.count) arrays.
               Generated; include from \(name).c only. */
            #ifndef \(guardName)
            #define \(guardName)

            #include <stdint.h>

            #ifndef KD_ALIGN16
            #if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
            #define KD_ALIGN16 _Alignas(16)
            #elif defined(__GNUC__) || defined(__clang__)
            #define KD_ALIGN16 __attribute__((aligned(16)))
            #else
            #define KD_ALIGN16
            #endif
            #endif


            """
        for array in arrays { text += array.declaration + "\n" }
        return text + "#endif\n"
    }

    private func source(_ plan: MemoryPlan) -> String {
        var text = """
            /* \(name).c: int8 inference, generated by KDEngine. C99, no malloc, no libm.
               Arithmetic: \(model.runtime.rawValue); the same int8 outputs as KDEngine's QuantizedModel.predict.
               Operators: \(model.operations.map(\.kind).joined(separator: ", ")). */
            #include <stdint.h>

            #include "\(name).h"
            #include "\(name)_weights.h"


            """
        for snippet in CKernels.closure(of: snippets) { text += snippet.text + "\n" }
        text += "static KD_ALIGN16 int8_t kd_arena[\(macro)_ARENA_SIZE];\n\n"
        text += constants.joined(separator: "\n") + (constants.isEmpty ? "" : "\n\n")
        text += "void \(name)_predict(const int8_t *input, int8_t *output) {\n"
        text += calls.map { "    " + $0 }.joined(separator: "\n")
        return text + "\n}\n"
    }
}
