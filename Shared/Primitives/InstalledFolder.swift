#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a folder of files read at run time is (the admin panel's static files, the PDF fonts):
/// the same search for each, so that a process finds them alike under `swift run`, in tests and
/// in an installed image.
///
/// The candidates, in order: the environment variable, taken as it is (a wrong one is then the
/// caller's error to report, not a silent fallback); `<name>` beside the executable; then
/// `../share/zaplecze/<name>` beside it (an installed copy, as in the Docker image); then the
/// folder of the source tree the executable was built from. The first that holds `marker` wins.
///
/// ```swift
/// let fonts = InstalledFolder.locate(
///     variable: "ZAPLECZE_FONTS_DIR", environment: environment, name: "fonts",
///     source: InstalledFolder.sourceFolder(of: #filePath, up: 1, then: "Fonts"), marker: "DejaVuSans.ttf")
/// ```
public enum InstalledFolder {
    /// The folder found, or nil when no candidate holds `marker`.
    public static func locate(
        variable: String, environment: [String: String], name: String, source: String?, marker: String
    ) -> String? {
        if let configured = environment[variable], !configured.isEmpty { return configured }
        var candidates: [String] = []
        if let folder = executableFolder() {
            candidates += [folder + "/" + name, folder + "/../share/zaplecze/" + name]
        }
        if let source { candidates.append(source) }
        return candidates.first { isRegularFile($0 + "/" + marker) }
    }

    /// A folder of the source tree relative to a compiled file: `filePath` less its last `up`
    /// components, then `then` (`…/Shared/PDF/PDFFonts.swift`, 1, `Fonts` → `…/Shared/PDF/Fonts`);
    /// nil when the path is too short.
    public static func sourceFolder(of filePath: String, up: Int, then: String) -> String? {
        var parts = filePath.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count > up + 1 else { return nil }
        parts.removeLast(up)
        return parts.joined(separator: "/") + "/" + then
    }

    /// The folder of the running executable (readlink(2) of /proc/self/exe), nil where there is none.
    static func executableFolder() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        let path = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }

    /// Whether `path` names a regular file (stat(2) follows symbolic links).
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
