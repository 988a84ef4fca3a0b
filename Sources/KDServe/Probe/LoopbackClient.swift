@preconcurrency import Glibc

/// A small blocking HTTP/1.1 client for `127.0.0.1`, for the server's own tests and
/// benchmarks. It sends the request target byte for byte (so `/../` and `%2e%2e` reach the
/// server as an attacker would send them, where a URL library would normalise them), keeps
/// the connection alive between requests, reads `Content-Length` and chunked bodies, and
/// reads an event stream one event at a time. It connects to the loopback address only.
///
/// Blocking: call it from a thread of its own, never from Swift concurrency's shared pool.
public final class LoopbackClient {
    public struct Response: Sendable {
        public var status: Int
        /// Lowercased names.
        public var headers: [String: String]
        public var body: [UInt8]
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    private let socket: Int32
    private var buffer: [UInt8] = []
    /// Event-stream bytes read but not yet returned as an event.
    private var events: [UInt8] = []

    /// Connects to `127.0.0.1:port`; reads wait at most `timeout`.
    public init(port: Int, timeout: Duration = .seconds(5)) throws(Failure) {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var limit = timeval(
            tv_sec: Int(timeout.components.seconds), tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var noDelay: Int32 = 1
        setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let message = String(cString: strerror(errno))
            close(socket)
            throw Failure(description: "connect to 127.0.0.1:\(port): \(message)")
        }
    }

    deinit {
        close(socket)
    }

    /// Sends one request and reads its response.
    public func request(_ target: String, method: String = "GET", headers: [String: String] = [:]) throws(Failure)
        -> Response
    {
        try send(target, method: method, headers: headers)
        let (status, fields) = try readHead()
        let hasBody = method != "HEAD" && status != 204 && status != 304 && !(100..<200).contains(status)
        var body: [UInt8] = []
        if hasBody {
            if fields["transfer-encoding"]?.lowercased().contains("chunked") == true {
                while let chunk = try readChunk() { body += chunk }
            } else if let length = fields["content-length"].flatMap({ Int($0) }) {
                body = try readExactly(length)
            } else {
                while let more = try? receive() { body += more }
            }
        }
        return Response(status: status, headers: fields, body: body)
    }

    // MARK: - Event streams

    /// Sends a GET for an event stream and reads its head; then call `nextEvent()`.
    public func openEventStream(_ target: String) throws(Failure) -> Response {
        try send(target, method: "GET", headers: ["Accept": "text/event-stream"])
        let (status, fields) = try readHead()
        return Response(status: status, headers: fields, body: [])
    }

    /// The next event of the stream (`event:` name, `data:` lines joined); throws at the
    /// timeout or when the stream ends.
    public func nextEvent() throws(Failure) -> (name: String, data: String) {
        var name = "message"
        var data: [String] = []
        while true {
            while let newline = events.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: events[..<newline], as: UTF8.self)
                events.removeSubrange(...newline)
                if line.isEmpty {
                    if !data.isEmpty { return (name, data.joined(separator: "\n")) }
                    name = "message"
                } else if line.hasPrefix("event:") {
                    name = line.dropFirst(6).trimmingPrefix(" ").description
                } else if line.hasPrefix("data:") {
                    data.append(line.dropFirst(5).trimmingPrefix(" ").description)
                }
            }
            guard let chunk = try readChunk() else { throw Failure(description: "the event stream ended") }
            events += chunk
        }
    }

    // MARK: - Wire

    private func send(_ target: String, method: String, headers: [String: String]) throws(Failure) {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        text += "\r\n"
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw Failure(description: "send: \(String(cString: strerror(errno)))") }
            sent += n
        }
    }

    private func readHead() throws(Failure) -> (Int, [String: String]) {
        let head = try readLine(until: [13, 10, 13, 10])
        let lines = String(decoding: head, as: UTF8.self).split(separator: "\r\n")
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/1."),
            let status = statusLine.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else {
            throw Failure(description: "not an HTTP response: \(lines.first ?? "")")
        }
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingPrefix(" ").description
        }
        return (status, fields)
    }

    /// One chunk of a chunked body; nil at the last (empty) chunk.
    private func readChunk() throws(Failure) -> [UInt8]? {
        let sizeLine = String(decoding: try readLine(until: [13, 10]), as: UTF8.self)
        guard let size = Int(sizeLine.prefix { $0 != ";" }, radix: 16) else {
            throw Failure(description: "bad chunk size '\(sizeLine)'")
        }
        if size == 0 {
            _ = try readLine(until: [13, 10])
            return nil
        }
        let chunk = try readExactly(size)
        _ = try readExactly(2)
        return chunk
    }

    /// Bytes up to `terminator` (dropped).
    private func readLine(until terminator: [UInt8]) throws(Failure) -> [UInt8] {
        var searched = 0
        while true {
            if buffer.count >= terminator.count {
                for start in max(0, searched - terminator.count)...(buffer.count - terminator.count)
                where buffer[start..<(start + terminator.count)].elementsEqual(terminator) {
                    let line = Array(buffer[..<start])
                    buffer.removeSubrange(..<(start + terminator.count))
                    return line
                }
                searched = buffer.count
            }
            buffer += try receive()
        }
    }

    private func readExactly(_ count: Int) throws(Failure) -> [UInt8] {
        while buffer.count < count { buffer += try receive() }
        defer { buffer.removeSubrange(..<count) }
        return Array(buffer[..<count])
    }

    private func receive() throws(Failure) -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var n = 0
        repeat {
            n = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        } while n < 0 && errno == EINTR  // a signal to the process, not an answer
        if n > 0 { return Array(chunk[..<n]) }
        if n == 0 { throw Failure(description: "the server closed the connection") }
        let code = errno
        throw Failure(
            description: code == EAGAIN || code == EWOULDBLOCK
                ? "timed out waiting for the server" : "recv: \(String(cString: strerror(code)))")
    }
}
