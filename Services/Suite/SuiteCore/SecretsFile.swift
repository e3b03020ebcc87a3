#if canImport(Glibc)
    import Glibc
#endif

/// `D/secrets.env`: the keys and secrets generated on the first run, reused on later ones.
///
/// The file holds `KEY=value` lines (blank lines and `#` comments are skipped) and is mode 0600;
/// a file others can read is refused, as ssh refuses a readable private key.
public struct SecretsFile: Sendable {
    /// The file's path.
    public let path: String

    /// The file's name inside the data directory.
    public static let fileName = "secrets.env"

    /// The file inside the given data directory.
    public init(directory: String) {
        self.path = directory.hasSuffix("/") ? directory + Self.fileName : directory + "/" + Self.fileName
    }

    /// The outcome of `resolve`: the values to use and which of them were generated just now.
    public struct Resolution: Equatable, Sendable {
        /// The four values.
        public var secrets: SuiteSecrets
        /// The variables generated (and saved) by this call, in declaration order.
        public var generated: [SecretVariable]
    }

    /// Takes each value from the environment, else from the file, else generates and saves it.
    ///
    /// Values from the environment are never written to the file, so changing the environment
    /// takes effect at once and a secret given from outside does not linger on disk.
    public func resolve(
        environment: [String: String],
        generate: () throws(RandomTokenError) -> String = RandomToken.generate
    ) throws(SecretsFileError) -> Resolution {
        var values: [SecretVariable: String] = [:]
        var stored: [(key: String, value: String)]?
        var generated: [SecretVariable] = []
        for variable in SecretVariable.allCases {
            if let value = environment[variable.rawValue] {
                if let problem = variable.problem(with: value) {
                    throw .invalidVariable(problem)
                }
                values[variable] = value
                continue
            }
            let lines: [(key: String, value: String)]
            if let stored {
                lines = stored
            } else {
                lines = try read()
                stored = lines
            }
            if let value = lines.last(where: { $0.key == variable.rawValue })?.value {
                if let problem = variable.problem(with: value) {
                    throw .invalidFile(path: path, reason: problem)
                }
                values[variable] = value
                continue
            }
            do {
                values[variable] = try generate()
            } catch {
                throw .random(error)
            }
            generated.append(variable)
        }
        if !generated.isEmpty {
            var lines = stored ?? []
            lines += generated.compactMap { variable in values[variable].map { (variable.rawValue, $0) } }
            try write(lines)
        }
        guard let secrets = SuiteSecrets(values: values) else {
            throw .invalidFile(path: path, reason: "a value is missing")
        }
        return Resolution(secrets: secrets, generated: generated)
    }

    /// The file's entries in order; an absent file has none.
    public func read() throws(SecretsFileError) -> [(key: String, value: String)] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return [] }
            throw .io(path: path, operation: "open", errno: errno)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .io(path: path, operation: "fstat", errno: errno)
        }
        guard status.st_mode & 0o077 == 0 else {
            throw .tooOpen(path: path, mode: status.st_mode & 0o777)
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, operation: "read", errno: errno)
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
            guard bytes.count <= 1 << 20 else {
                throw .invalidFile(path: path, reason: "larger than 1 MiB")
            }
        }
        return try parse(String(decoding: bytes, as: UTF8.self))
    }

    /// Parses `KEY=value` lines, reporting the first malformed one by number.
    func parse(_ text: String) throws(SecretsFileError) -> [(key: String, value: String)] {
        var entries: [(key: String, value: String)] = []
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.first == "#" { continue }
            guard let equals = line.firstIndex(of: "="), equals != line.startIndex else {
                throw .invalidFile(path: path, reason: "line \(number + 1) is not KEY=value")
            }
            entries.append((String(line[..<equals]), String(line[line.index(after: equals)...])))
        }
        return entries
    }

    /// Replaces the file atomically with these entries: a new 0600 file, fsync, rename(2).
    public func write(_ entries: [(key: String, value: String)]) throws(SecretsFileError) {
        var text = "# Generated by suite on its first run; keep this file private (mode 0600).\n"
        for entry in entries {
            text += "\(entry.key)=\(entry.value)\n"
        }
        let temporary = path + ".tmp"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .io(path: temporary, operation: "open", errno: errno)
        }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                unlink(temporary)
                throw .io(path: temporary, operation: "write", errno: code)
            }
            written += count
        }
        let synced = fsync(descriptor) == 0
        let code = errno
        close(descriptor)
        guard synced else {
            unlink(temporary)
            throw .io(path: temporary, operation: "fsync", errno: code)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw .io(path: path, operation: "rename", errno: code)
        }
    }
}

/// Why the secrets could not be resolved; the description is the message for stderr.
public enum SecretsFileError: Error, CustomStringConvertible {
    /// A variable in the environment has an unusable value.
    case invalidVariable(String)
    /// The file's content cannot be used.
    case invalidFile(path: String, reason: String)
    /// The file can be read by other users.
    case tooOpen(path: String, mode: mode_t)
    /// A system call on the file failed.
    case io(path: String, operation: String, errno: Int32)
    /// No random value could be generated.
    case random(RandomTokenError)

    public var description: String {
        switch self {
        case .invalidVariable(let problem):
            return problem
        case .invalidFile(let path, let reason):
            return "\(path): \(reason)"
        case .tooOpen(let path, let mode):
            return "\(path) is readable by others (mode \(String(mode, radix: 8))); run: chmod 600 \(path)"
        case .io(let path, let operation, let code):
            return "\(path): \(operation) failed: \(String(cString: strerror(code)))"
        case .random(let error):
            return error.description
        }
    }
}
