// GET /users/{username} (getUser): the entity with the push settings that were set. The entity
// comes as JSON text from a cache that every write to the user drops (storage/user-entity-cache.ts)
// and the envelope is assembled around it (http/entity-envelope.ts): this is the call integration
// tests make most, and the one issue 10's performance goal measures.
import type { Handler } from '../context.ts';
import { findUserEntityJson } from '../find-user.ts';
import { entityEnvelope } from '../http/entity-envelope.ts';

const getUserEnvelope = entityEnvelope('get', '/users');

export const getUser: Handler = (ctx) => ({ json: getUserEnvelope(ctx, findUserEntityJson(ctx, ctx.params.username)) });
