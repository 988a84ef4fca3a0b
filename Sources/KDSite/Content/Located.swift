/// A value read from a content file together with where it was written, so a later check
/// (an unknown slug in `map.requires`, a duplicate quiz id) can point at it.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: FileLocation

    public init(_ value: Value, at location: FileLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
