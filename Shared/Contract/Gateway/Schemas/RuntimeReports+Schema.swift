extension HealthReport: SchemaDescribing {
    public static var schemaName: String { "Health" }

    public static var schema: JSONValue {
        Schema.object(
            ["status": Schema.string, "service": Schema.string, "version": Schema.string], required: ["status"])
    }

    public static var example: HealthReport { HealthReport(service: "loyalty", version: "1.0.0") }
}

extension ReadyReport: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "status": Schema.oneOf(["ready", "degraded"]),
                "service": Schema.string,
                "version": Schema.string,
                "services": .object([
                    "type": .string("object"), "additionalProperties": ServiceReadiness.reference,
                ]),
            ], required: ["status"])
    }

    public static var referencedTypes: [any SchemaDescribing.Type] { [ServiceReadiness.self] }

    public static var example: ReadyReport {
        ReadyReport(status: "ready", service: "gateway", version: "1.0.0", services: ["loyalty": .example])
    }
}

extension ServiceReadiness: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "status": Schema.oneOf([
                    "ready", "starting", "not ready", "unreachable", "unconfigured", "crashLooping",
                ]),
                "version": Schema.string,
                "url": Schema.string,
                "restarts": Schema.integer,
                "lastExit": Schema.string,
            ], required: ["status"])
    }

    public static var example: ServiceReadiness {
        ServiceReadiness(
            status: "ready", version: "1.0.0", url: "http://127.0.0.1:8081", restarts: 1,
            lastExit: "was killed by SIGKILL")
    }
}

extension ServiceStatus: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "service": Schema.string, "version": Schema.string, "database": Schema.string,
                "databaseReads": Schema.integer, "databaseWrites": Schema.integer, "outboxPending": Schema.integer,
                "residentBytes": Schema.integer,
            ], required: ["service", "version"])
    }

    public static var example: ServiceStatus {
        ServiceStatus(
            service: "loyalty", version: "1.0.0", database: "/var/lib/zaplecze/loyalty.sqlite", databaseReads: 1200,
            databaseWrites: 85, outboxPending: 0, residentBytes: 24_117_248)
    }
}
