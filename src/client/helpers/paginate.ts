import type { Client, ClientPathsWithMethod, MethodResponse } from 'openapi-fetch';
import type { paths } from '../../../generated/schema.js';
import type { EasemobClient } from '../easemob-client.ts';

type GetPath = ClientPathsWithMethod<Client<paths>, 'get'>;
type QueryOf<P extends GetPath> = paths[P]['get'] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** The GET paths that take a `cursor` query parameter (users, blocks, contacts a page at a time). */
export type CursorPagedPath = { [P in GetPath]: 'cursor' extends keyof QueryOf<P> ? P : never }[GetPath];

export type PageOf<P extends CursorPagedPath> = MethodResponse<Client<paths>, 'get', P>;

export interface PaginateOptions<P extends CursorPagedPath> {
  /** The request's parameters; `query.cursor` is set by the iterator. */
  params?: Omit<paths[P]['get']['parameters'], 'query'> & { query?: Omit<QueryOf<P>, 'cursor'> };
  signal?: AbortSignal | undefined;
}

/**
 * Walks a cursor-paged GET, yielding each page: the service returns `cursor` while more pages
 * remain and drops it on the last one, at the top of the answer or, for contacts a page at a
 * time, in `data`. Pages are fetched one at a time, as the caller consumes.
 */
export async function* paginate<P extends CursorPagedPath>(
  client: EasemobClient,
  path: P,
  options: PaginateOptions<P> = {},
): AsyncGenerator<PageOf<P>, void, undefined> {
  let cursor: string | undefined;
  do {
    const params = { ...options.params, query: { ...options.params?.query, ...(cursor !== undefined && { cursor }) } };
    // The generic path defeats openapi-fetch's overload inference; the public signature above
    // is what keeps callers typed.
    const get = client.GET as (path: string, init: object) => Promise<{ data: PageOf<P> }>;
    const { data } = await get(path, { params, ...(options.signal && { signal: options.signal }) });
    yield data;
    const page = data as { cursor?: unknown; data?: { cursor?: unknown } };
    const next: unknown = page.cursor ?? page.data?.cursor;
    // A cursor that does not move would loop forever.
    if (next !== undefined && next === cursor) throw new Error(`${path}: the service returned the same cursor twice`);
    cursor = typeof next === 'string' && next !== '' ? next : undefined;
  } while (cursor !== undefined);
}
