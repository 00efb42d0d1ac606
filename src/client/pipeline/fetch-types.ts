/** What every layer of the client's fetch pipeline takes and gives: one Request in, one Response out. */
export type FetchLike = (request: Request) => Promise<Response>;

/** The platform fetch's shape (the one a caller may inject); its init carries the attempt's signal. */
export type BaseFetch = (input: Request, init?: RequestInit) => Promise<Response>;
