// `easemob-user-api/contract`: hold live exchanges with any Easemob app (the real service, the
// sandbox, a mock) against the description. Needs `ajv` and `ajv-formats` (optional peer
// dependencies: client users who never import this install neither).
export { createCheckedFetch, ContractViolationError, type CheckedFetch, type CheckedFetchOptions } from './checked-fetch.ts';
export { ContractChecker, formatViolation, type Exchange, type ExchangeResult, type Violation } from './check-exchange.ts';
export { RequestChecker, type OutgoingRequest } from './check-request.ts';
export { Coverage } from './coverage.ts';
export { loadDescription, type Description } from './description.ts';
