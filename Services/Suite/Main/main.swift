import FoundationEssentials
import Glibc
import SuiteCore

// Usage: suite [--port P] [--host H] [--data-dir D]; see LauncherOptions.usage.
exit(
    SuiteLauncher.main(
        arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
