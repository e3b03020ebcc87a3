// Route declarations name their method (`HTTPMethod`), so a module that declares or reads routes
// speaks HTTP's words too; only those, which do no I/O (the server is in `HTTP`, above the contract).
@_exported import HTTPTypes
// The contract's types hold customer ids, product ids and order numbers as `Identifier`s, so
// every module that speaks the contract speaks identifiers too.
@_exported import Identifiers
// The contract's bodies are encoded and decoded by the suite's JSON coder (`JSONCoding`), so a
// module that speaks the contract can encode and decode it without naming the JSON module.
@_exported import JSON
