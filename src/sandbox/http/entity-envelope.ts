// The success envelope (envelope.ts) as JSON text around entities that are JSON text already (a
// cached entity, storage/user-entity-cache.ts), for an operation whose envelope has only action,
// path and entities: the same bytes JSON.stringify(envelope(ctx, { action, path, entities }))
// gives (a test holds the two together), without building and serializing the object on every
// request. What only depends on the app is assembled once per app; per request only the URI,
// the timestamp and the duration are filled in.
import type { RequestContext } from '../context.ts';
import type { AppRecord } from '../storage/apps-store.ts';
import { duration } from './envelope.ts';

interface Fragments {
  /** From `{` through `"uri":`. */
  head: string;
  /** From `,"organization"` through `}`. */
  tail: string;
}

/** An envelope writer for one action and path, e.g. ('get', '/users') for getUser. */
export function entityEnvelope(action: string, path: string): (ctx: RequestContext, entitiesJson: string) => string {
  // App records are replaced when an app changes (apps-store.ts), so a changed app is assembled anew.
  const byApp = new WeakMap<AppRecord, Fragments>();

  function fragments(app: AppRecord): Fragments {
    let found = byApp.get(app);
    if (!found) {
      found = {
        head: `{"action":${JSON.stringify(action)},"application":${JSON.stringify(app.uuid)},"params":{},"path":${JSON.stringify(path)},"uri":`,
        tail: `,"organization":${JSON.stringify(app.org)},"applicationName":${JSON.stringify(app.name)}}`,
      };
      byApp.set(app, found);
    }
    return found;
  }

  return (ctx, entitiesJson) => {
    const { head, tail } = fragments(ctx.app);
    // Numbers: JSON.stringify writes a finite number as String() does.
    return `${head}${JSON.stringify(`${ctx.baseUrl}${ctx.path}`)},"entities":[${entitiesJson}],"timestamp":${ctx.now},"duration":${duration(ctx)}${tail}`;
  };
}
