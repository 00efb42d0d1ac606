// Matches a method and a path (relative to the app prefix) to a route. A path some route has
// but not with this method answers with the methods it does have (405); a path no route has, none.
// Paths are compared segment by segment (a `{name}` segment takes any non-empty segment), in
// route order: the first route whose path and method match wins. Every API request is matched,
// so nothing here runs a regular expression or builds more than the params it answers.
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

interface CompiledRoute<R> {
  route: R;
  /** Each segment: the literal text, or undefined for a parameter. */
  literals: Array<string | undefined>;
  /** The parameter names, by segment index. */
  names: Array<string | undefined>;
}

const NONE = { none: true } as const;

function decodeParam(name: string, value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    throw errors.illegalArgument(`${name} is not a valid URL segment`);
  }
}

export function createRouter<R extends RouteShape>(routes: R[]) {
  // Routes grouped by their number of segments, keeping route order within a group.
  const bySegmentCount = new Map<number, Array<CompiledRoute<R>>>();
  for (const route of routes) {
    const segments = route.path.split('/');
    const literals = segments.map((segment) => (/^\{[^}]+\}$/.test(segment) ? undefined : segment));
    const names = segments.map((segment) => /^\{([^}]+)\}$/.exec(segment)?.[1]);
    let group = bySegmentCount.get(segments.length);
    if (!group) bySegmentCount.set(segments.length, (group = []));
    group.push({ route, literals, names });
  }

  function matches(entry: CompiledRoute<R>, segments: string[]): boolean {
    for (let i = 0; i < segments.length; i++) {
      const literal = entry.literals[i];
      if (literal === undefined ? segments[i] === '' : segments[i] !== literal) return false;
    }
    return true;
  }

  return {
    match(method: string, path: string): MatchResult<R> {
      const segments = path.split('/');
      const group = bySegmentCount.get(segments.length);
      if (!group) return NONE;
      let allowed: string[] | undefined;
      for (const entry of group) {
        if (!matches(entry, segments)) continue;
        if (entry.route.method !== method) {
          (allowed ??= []).push(entry.route.method);
          continue;
        }
        const params: Record<string, string> = {};
        for (let i = 0; i < segments.length; i++) {
          const name = entry.names[i];
          if (name !== undefined) params[name] = decodeParam(name, segments[i]!);
        }
        return { found: { route: entry.route, params } };
      }
      return allowed ? { allowed } : NONE;
    },
  };
}
