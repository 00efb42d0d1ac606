// Loads the bundled description (generated/openapi.json) and compiles Ajv validators for the
// schemas in it. The bundle is registered whole, so `#/components/...` references resolve.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export type JsonObject = Record<string, unknown>;

export interface Description {
  openapi: string;
  paths: Record<string, Record<string, JsonObject>>;
  components: Record<string, Record<string, JsonObject>>;
  [key: string]: unknown;
}

export const bundlePath = new URL('../../generated/openapi.json', import.meta.url);

export function loadDescription(path: URL | string = bundlePath): Description {
  return JSON.parse(readFileSync(path, 'utf8')) as Description;
}

const DOCUMENT_ID = 'openapi.json';

export class SchemaValidators {
  readonly #ajv: Ajv2020;
  readonly #cache = new Map<string, ValidateFunction>();

  readonly description: Description;

  constructor(description: Description) {
    this.description = description;
    // strictSchema off: the document around the schemas (paths, info, …) is not JSON Schema.
    this.#ajv = new Ajv2020({ allErrors: true, strictSchema: false, validateFormats: true });
    addFormats(this.#ajv);
    this.#ajv.addSchema(description, DOCUMENT_ID);
  }

  /** A validator for the schema at a JSON pointer into the description, e.g. `#/components/schemas/User`. */
  at(pointer: string): ValidateFunction {
    let validate = this.#cache.get(pointer);
    if (!validate) {
      validate = this.#ajv.compile({ $ref: `${DOCUMENT_ID}${pointer}` });
      this.#cache.set(pointer, validate);
    }
    return validate;
  }

  /**
   * A validator for a schema object taken from the description: a `$ref` is followed; an inline
   * schema is compiled as it stands, its own `#/...` references pointed back into the description.
   */
  forSchema(schema: JsonObject): ValidateFunction {
    if (typeof schema.$ref === 'string') return this.at(schema.$ref);
    const source = JSON.stringify(schema).replaceAll('"$ref":"#/', `"$ref":"${DOCUMENT_ID}#/`);
    let validate = this.#cache.get(source);
    if (!validate) {
      validate = this.#ajv.compile(JSON.parse(source) as JsonObject);
      this.#cache.set(source, validate);
    }
    return validate;
  }

  errorsText(validate: ValidateFunction): string {
    return this.#ajv.errorsText(validate.errors, { separator: '; ' });
  }
}

/** Follows one local `$ref` (`#/components/...`) in the description, if the object is one. */
export function deref<T = JsonObject>(description: Description, value: unknown): T {
  const ref = (value as JsonObject | undefined)?.$ref;
  if (typeof ref !== 'string') return value as T;
  let node: unknown = description;
  for (const part of ref.replace(/^#\//, '').split('/')) {
    node = (node as JsonObject)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return deref<T>(description, node);
}

/** JSON pointer escaping of one reference token. */
export function pointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
