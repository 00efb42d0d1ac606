// The envelope the service wraps successful answers in (docs/sources.md, "Success
// envelope"): action, application, params, path, uri, entities, timestamp, duration,
// organization, applicationName; data, cursor and count where the operation has them.
import type { RequestContext } from '../context.ts';
import type { UserEntity } from '../user-entity.ts';

export interface EnvelopeFields {
  action: string;
  /** The collection path the service resolved, e.g. /users. */
  path?: string;
  /** User entities, or the entries of a list the service returns as entities (contacts with remarks). */
  entities?: UserEntity[] | Array<{ username: string; remark: string | null }>;
  data?: unknown;
  cursor?: string;
  count?: number;
  /** Query parameters to echo, each as an array of strings. */
  echo?: string[];
}

export function duration(ctx: RequestContext): number {
  return Math.max(0, Math.round(performance.now() - ctx.startedAt));
}

/** The request URL as the service echoes it: the app base URL, the path, the echoed query. */
export function requestUri(ctx: RequestContext, echo: string[] = []): string {
  if (echo.length === 0) return `${ctx.baseUrl}${ctx.path}`;
  const query = new URLSearchParams();
  for (const name of echo) for (const value of ctx.query.getAll(name)) query.append(name, value);
  const search = query.toString();
  return `${ctx.baseUrl}${ctx.path}${search ? `?${search}` : ''}`;
}

export function envelope(ctx: RequestContext, fields: EnvelopeFields): Record<string, unknown> {
  const params: Record<string, string[]> = {};
  for (const name of fields.echo ?? []) {
    const values = ctx.query.getAll(name);
    if (values.length > 0) params[name] = values;
  }
  const body: Record<string, unknown> = {
    action: fields.action,
    application: ctx.app.uuid,
    params,
  };
  if (fields.path !== undefined) body.path = fields.path;
  body.uri = requestUri(ctx, fields.echo);
  body.entities = fields.entities ?? [];
  if (fields.data !== undefined) body.data = fields.data;
  body.timestamp = ctx.now;
  body.duration = duration(ctx);
  body.organization = ctx.app.org;
  body.applicationName = ctx.app.name;
  if (fields.cursor !== undefined) body.cursor = fields.cursor;
  if (fields.count !== undefined) body.count = fields.count;
  return body;
}

/**
 * The envelope of an answer whose `entities` are results, not user entities (a contact check,
 * the push nicknames set), without `params`: the vendor's pages of those answers have none, and
 * a generated client that knows only the documented fields (openapi-generator's okhttp-gson)
 * refuses the whole answer for one it does not know.
 */
export function resultEnvelope(ctx: RequestContext, fields: { action: string; path: string }, entities: unknown[]): Record<string, unknown> {
  const { params: _params, ...answer } = envelope(ctx, fields);
  return { ...answer, entities };
}
