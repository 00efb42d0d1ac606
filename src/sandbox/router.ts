// Matches a method and a path (relative to the app prefix) to a route. A path some route has
// but not with this method answers with the methods it does have (405); a path no route has, none.
import { errors } from './http/api-error.ts';

export interface RouteShape {
  method: string;
  path: string;
}

export interface RouteMatch<R> {
  route: R;
  params: Record<string, string>;
}

export type MatchResult<R> = { found: RouteMatch<R> } | { allowed: string[] } | { none: true };

export function createRouter<R extends RouteShape>(routes: R[]) {
  const compiled = routes.map((route) => {
    const names: string[] = [];
    const source = route.path
      .split('/')
      .map((segment) => {
        const param = /^\{([^}]+)\}$/.exec(segment);
        if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(param[1]!);
        return '([^/]+)';
      })
      .join('/');
    return { route, regex: new RegExp(`^${source}$`), names };
  });

  return {
    match(method: string, path: string): MatchResult<R> {
      const allowed: string[] = [];
      for (const entry of compiled) {
        const found = entry.regex.exec(path);
        if (!found) continue;
        if (entry.route.method !== method) {
          allowed.push(entry.route.method);
          continue;
        }
        const params: Record<string, string> = {};
        entry.names.forEach((name, i) => {
          try {
            params[name] = decodeURIComponent(found[i + 1]!);
          } catch {
            throw errors.illegalArgument(`${name} is not a valid URL segment`);
          }
        });
        return { found: { route: entry.route, params } };
      }
      return allowed.length > 0 ? { allowed } : { none: true };
    },
  };
}

