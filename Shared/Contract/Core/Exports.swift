// The contract's types hold customer ids, product ids and order numbers as `Identifier`s, so
// every module that speaks the contract speaks identifiers too.
@_exported import Identifiers
// The contract's bodies are encoded and decoded by the suite's JSON coder (`JSONCoding`), so a
// module that speaks the contract can encode and decode it without naming the JSON module.
@_exported import JSON
