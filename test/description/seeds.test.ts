// The vendor's own examples, held against the description: every request the seeds show must
// be one the description accepts, and every answer they show one it documents.
import { describe, expect, it } from 'vitest';
import { deref, loadDescription, SchemaValidators, type JsonObject } from '../../src/contract/description.ts';
import { OperationMatcher } from '../../src/contract/operations.ts';
import { pathAfterApp, readSeed, SEED_2015, SEED_OLD, type SeedCurl } from './seed-documents.ts';

const description = loadDescription();
const validators = new SchemaValidators(description);
const matcher = new OperationMatcher(description);
const seeds = [readSeed(SEED_2015), readSeed(SEED_OLD)];
const curls = seeds.flatMap((s) => s.curls);
const responses = seeds.flatMap((s) => s.responses);

const label = (curl: SeedCurl) => `${curl.seed.slice(0, 3)} #${curl.section} ${curl.method} ${pathAfterApp(curl.url)}`;

function matchCurl(curl: SeedCurl) {
  const matched = matcher.match(curl.method, pathAfterApp(curl.url));
  if (!matched) throw new Error(`no operation for ${label(curl)}`);
  return matched;
}

describe('the seeds', () => {
  it('show the expected number of requests and answers', () => {
    expect(curls).toHaveLength(27);
    expect(responses).toHaveLength(24);
  });

  it('are repaired only where docs/sources.md names a defect', () => {
    const repaired = responses.filter((r) => r.repairs.length).map((r) => `${r.section}: ${r.repairs.join(', ')}`);
    expect(repaired).toEqual([
      'im: removed a stray closing brace',
      'status: removed // comments',
      'offlineMsgStatus: removed // comments',
      'disconnect: removed // comments',
    ]);
  });
});

describe.each(curls.map((c) => [label(c), c] as const))('seed request %s', (_label, curl) => {
  it('matches an operation of the description', () => {
    expect(matchCurl(curl).operationId).toBeTruthy();
  });

  it('uses only declared query parameters, with valid values', () => {
    const op = matchCurl(curl);
    const parameters = ((op.operation.parameters ?? []) as unknown[]).map((p) => deref<JsonObject>(description, p));
    for (const [name, value] of curl.url.searchParams) {
      const declared = parameters.find((p) => p.in === 'query' && p.name === name);
      expect(declared, `query parameter ${name}`).toBeDefined();
      const schema = deref<JsonObject>(description, declared!.schema);
      const typed = schema.type === 'integer' ? Number(value) : value;
      const validate = validators.forSchema(declared!.schema as JsonObject);
      expect(validate(typed), validators.errorsText(validate)).toBe(true);
    }
    for (const p of parameters.filter((p) => p.in === 'path')) {
      const validate = validators.forSchema(p.schema as JsonObject);
      expect(validate(op.pathParams[p.name as string]), `${p.name}: ${validators.errorsText(validate)}`).toBe(true);
    }
  });

  it('sends a body exactly when the operation takes one, and it validates', () => {
    const op = matchCurl(curl);
    const requestBody = op.operation.requestBody as JsonObject | undefined;
    expect(curl.body !== undefined, 'body present').toBe(requestBody !== undefined);
    if (!requestBody) return;
    const media = (requestBody.content as Record<string, JsonObject>)['application/json']!;
    const validate = validators.forSchema(media.schema as JsonObject);
    expect(validate(JSON.parse(curl.body!)), validators.errorsText(validate)).toBe(true);
  });
});

describe.each(responses.map((r) => [`${label(r.request)}`, r] as const))('seed answer to %s', (_label, response) => {
  it("validates against its operation's 200 schema", () => {
    const op = matchCurl(response.request);
    const ok = (op.operation.responses as Record<string, JsonObject>)['200']!;
    const media = (ok.content as Record<string, JsonObject>)['application/json']!;
    const validate = validators.forSchema(media.schema as JsonObject);
    expect(validate(response.json), validators.errorsText(validate)).toBe(true);
  });
});
