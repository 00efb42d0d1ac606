// The path and query of a request, as sent. A WHATWG URL parser would remove dot segments, `%2e`
// included (`/users/%2e` becomes `/users/`, `/users/x/..` becomes `/users`), so a request could
// act on a resource other than the one it names (issue 10: `DELETE /users/%2e?limit=1` deleted
// the oldest user). The sandbox takes the path as sent and refuses dot segments instead.
import { errors } from './api-error.ts';

export interface RequestTarget {
  /** Still percent-encoded, without the query. */
  pathname: string;
  query: URLSearchParams;
}

const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

export function parseRequestTarget(url: string | undefined): RequestTarget {
  let target = url ?? '/';
  // Absolute form (`GET http://host/path`), as a proxy would send it: keep the path.
  const absolute = target.startsWith('/') ? null : /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(target);
  if (absolute) target = target.slice(absolute[0].length) || '/';
  const hash = target.indexOf('#');
  if (hash >= 0) target = target.slice(0, hash);
  const mark = target.indexOf('?');
  const pathname = mark >= 0 ? target.slice(0, mark) : target;
  const query = new URLSearchParams(mark >= 0 ? target.slice(mark + 1) : '');
  return { pathname: pathname.startsWith('/') ? pathname : `/${pathname}`, query };
}

/** 400 when any segment is `.` or `..`, written plainly or percent-encoded. */
export function refuseDotSegments(pathname: string): void {
  // Every request passes here; most paths have neither a dot nor a percent sign.
  if (!pathname.includes('.') && !pathname.includes('%')) return;
  for (const segment of pathname.split('/')) {
    if (DOT_SEGMENT.test(segment)) {
      throw errors.illegalArgument('the path has a dot segment ("." or ".."), which names no resource: send the path without it');
    }
  }
}
