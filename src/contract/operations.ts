// The operations of the description, and matching a live request (method and path relative
// to the app base URL) to one of them.
import { pointerToken, type Description, type JsonObject } from './description.ts';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

export interface Operation {
  operationId: string;
  method: string;
  pathTemplate: string;
  operation: JsonObject;
  /** JSON pointer to the operation object in the description. */
  pointer: string;
}

export interface MatchedOperation extends Operation {
  /** Percent-decoded; a value that is not valid percent-encoding is kept as sent. */
  pathParams: Record<string, string>;
}

/** Decodes one path segment; malformed percent-encoding (what negative tests send) stays as it is. */
function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function listOperations(description: Description): Operation[] {
  const operations: Operation[] = [];
  for (const [pathTemplate, pathItem] of Object.entries(description.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      operations.push({
        operationId: String(operation.operationId),
        method: method.toUpperCase(),
        pathTemplate,
        operation,
        pointer: `#/paths/${pointerToken(pathTemplate)}/${method}`,
      });
    }
  }
  return operations;
}

interface CompiledTemplate {
  regex: RegExp;
  names: string[];
  literalSegments: number;
}

function compileTemplate(template: string): CompiledTemplate {
  const names: string[] = [];
  let literalSegments = 0;
  const source = template
    .split('/')
    .map((segment) => {
      const param = /^\{([^}]+)\}$/.exec(segment);
      if (param) {
        names.push(param[1]!);
        return '([^/]+)';
      }
      if (segment) literalSegments++;
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { regex: new RegExp(`^${source}$`), names, literalSegments };
}

export class OperationMatcher {
  readonly #entries: Array<Operation & CompiledTemplate>;

  constructor(description: Description) {
    this.#entries = listOperations(description)
      .map((op) => ({ ...op, ...compileTemplate(op.pathTemplate) }))
      // A template with more literal segments is more specific and is tried first.
      .sort((a, b) => b.literalSegments - a.literalSegments);
  }

  /** `path` is relative to the app base URL, e.g. `/users/jliu`, without a query string. */
  match(method: string, path: string): MatchedOperation | undefined {
    const upper = method.toUpperCase();
    for (const entry of this.#entries) {
      if (entry.method !== upper) continue;
      const found = entry.regex.exec(path);
      if (!found) continue;
      const pathParams: Record<string, string> = {};
      entry.names.forEach((name, i) => (pathParams[name] = decodeSegment(found[i + 1]!)));
      const { regex: _r, names: _n, literalSegments: _l, ...operation } = entry;
      return { ...operation, pathParams };
    }
    return undefined;
  }
}
