// The contract's types hold customer ids, product ids and order numbers as `Identifier`s, so
// every module that speaks the contract speaks identifiers too.
@_exported import Identifiers
