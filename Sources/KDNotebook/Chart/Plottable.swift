/// A number a chart can plot: the integer types, `Float` and `Double`.
public protocol Plottable {
    var plotValue: Double { get }
}

extension Double: Plottable { public var plotValue: Double { self } }
extension Float: Plottable { public var plotValue: Double { Double(self) } }
extension Int: Plottable { public var plotValue: Double { Double(self) } }
extension Int8: Plottable { public var plotValue: Double { Double(self) } }
extension Int16: Plottable { public var plotValue: Double { Double(self) } }
extension Int32: Plottable { public var plotValue: Double { Double(self) } }
extension Int64: Plottable { public var plotValue: Double { Double(self) } }
extension UInt8: Plottable { public var plotValue: Double { Double(self) } }
extension UInt16: Plottable { public var plotValue: Double { Double(self) } }
extension UInt32: Plottable { public var plotValue: Double { Double(self) } }
extension UInt: Plottable { public var plotValue: Double { Double(self) } }
