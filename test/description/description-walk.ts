// Walks the bundled description for the media types that carry a schema and examples.
import { deref, type Description, type JsonObject } from '../../src/contract/description.ts';
import { listOperations } from '../../src/contract/operations.ts';

export interface MediaExample {
  /** Where the example is used, for messages: `createUsers 200 CreateUserResponse`. */
  where: string;
  schema: JsonObject;
  value: unknown;
}

export function mediaExamples(description: Description): MediaExample[] {
  const found: MediaExample[] = [];
  const collect = (where: string, content: JsonObject | undefined) => {
    for (const [mediaType, media] of Object.entries(content ?? {}) as Array<[string, JsonObject]>) {
      const schema = media.schema as JsonObject;
      const examples = (media.examples ?? {}) as Record<string, unknown>;
      for (const [name, example] of Object.entries(examples)) {
        found.push({
          where: `${where} ${name}`,
          schema,
          value: deref<JsonObject>(description, example).value,
        });
      }
    }
  };
  for (const op of listOperations(description)) {
    const body = op.operation.requestBody as JsonObject | undefined;
    if (body) collect(`${op.operationId} request`, body.content as JsonObject);
    for (const [status, response] of Object.entries(op.operation.responses as JsonObject)) {
      collect(`${op.operationId} ${status}`, deref<JsonObject>(description, response).content as JsonObject);
    }
  }
  return found;
}
