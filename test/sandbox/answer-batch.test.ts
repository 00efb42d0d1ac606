// Answers written together after each turn (src/sandbox/http/answer-batch.ts): the batch on its
// own, then through a running sandbox, where batched JSON answers and answers written at once
// (static files) share connections.
import type { ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endInBatch } from '../../src/sandbox/http/answer-batch.ts';
import { sendJsonText } from '../../src/sandbox/http/send-json.ts';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { parseResponses, rawExchange } from './support/raw-http.ts';
import { getToken } from './support/sandbox-calls.ts';

/** A response that records what was done to it, in one shared order. */
function recorder(events: string[], name: string, failing = false) {
  return {
    end(text: string) {
      if (failing) throw new Error('cannot write');
      events.push(`${name} end ${text}`);
    },
    destroy(error: Error) {
      events.push(`${name} destroy ${error.message}`);
    },
  } as unknown as ServerResponse;
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('the answer batch', () => {
  it('writes nothing during the turn, then every answer in the order it was queued', async () => {
    const events: string[] = [];
    endInBatch(recorder(events, 'a'), '1');
    endInBatch(recorder(events, 'b'), '2');
    await Promise.resolve();
    expect(events).toEqual([]);
    await nextTurn();
    expect(events).toEqual(['a end 1', 'b end 2']);
  });

  it('is how every JSON answer is written: its head at once, its body with the batch', async () => {
    const events: string[] = [];
    const res = Object.assign(recorder(events, 'json'), {
      writeHead(status: number, headers: string[]) {
        events.push(`json head ${status} ${headers.join(' ')}`);
      },
    }) as unknown as ServerResponse;
    sendJsonText(res, 201, '{"ok":true}');
    expect(events).toEqual(['json head 201 content-type application/json;charset=UTF-8 content-length 11']);
    await nextTurn();
    expect(events.at(-1)).toBe('json end {"ok":true}');
  });

  it('destroys an answer that cannot be written, and still writes the others', async () => {
    const events: string[] = [];
    endInBatch(recorder(events, 'a'), '1');
    endInBatch(recorder(events, 'broken', true), '2');
    endInBatch(recorder(events, 'c'), '3');
    await nextTurn();
    expect(events).toEqual(['a end 1', 'broken destroy cannot write', 'c end 3']);
  });

  it('writes answers queued while a batch is written in a batch of their own', async () => {
    const events: string[] = [];
    const chained = {
      end(text: string) {
        events.push(`a end ${text}`);
        endInBatch(recorder(events, 'late'), '2');
      },
    } as unknown as ServerResponse;
    endInBatch(chained, '1');
    await nextTurn();
    expect(events).toEqual(['a end 1']);
    await nextTurn();
    expect(events).toEqual(['a end 1', 'late end 2']);
  });
});

describe('batched answers in a running sandbox', () => {
  let sandbox: Sandbox;
  let token: string;
  let prefix: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ host: '127.0.0.1', port: 0, rateLimit: 'off' });
    token = await getToken(sandbox.apps[0]!);
    prefix = new URL(sandbox.apps[0]!.baseUrl).pathname;
    const registered = await fetch(`${sandbox.apps[0]!.baseUrl}/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify([{ username: 'batch-a', password: 'pw' }, { username: 'batch-b', password: 'pw' }]),
    });
    expect(registered.status).toBe(200);
  });
  afterAll(() => sandbox.close());

  it('answers pipelined requests in their order, batched JSON and files written at once alike', async () => {
    const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n\r\n`;
    const exchange = await rawExchange(
      sandbox.url,
      [get(`${prefix}/users/batch-a`), get('/openapi.json'), get(`${prefix}/users/nobody`), get(`${prefix}/users/batch-b`)].join(''),
      500,
    );
    expect(exchange.responses.map((r) => r.status)).toEqual([200, 200, 404, 200]);
    expect(exchange.responses[0]!.json.entities[0].username).toBe('batch-a');
    expect(exchange.responses[1]!.json.openapi).toMatch(/^3\.1\./);
    expect(exchange.responses[2]!.json.error).toBe('service_resource_not_found');
    expect(exchange.responses[3]!.json.entities[0].username).toBe('batch-b');
    expect(exchange.leftover).toBe('');
  });

  it('answers requests that arrive together on many connections, each with its own user', async () => {
    const { port } = new URL(sandbox.url);
    const names = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 'batch-a' : 'batch-b'));
    const sockets = names.map(() => connect(Number(port), '127.0.0.1'));
    await Promise.all(sockets.map((socket) => new Promise((resolve) => socket.once('connect', resolve))));
    const answers = sockets.map(
      (socket) =>
        new Promise<Buffer>((resolve) => {
          const chunks: Buffer[] = [];
          socket.on('data', (chunk: Buffer) => {
            chunks.push(chunk);
            const bytes = Buffer.concat(chunks);
            if (parseResponses(bytes).responses.length === 1) resolve(bytes);
          });
        }),
    );
    // Every request written before any answer can come back: the sandbox reads them in few turns.
    sockets.forEach((socket, i) => socket.write(`GET ${prefix}/users/${names[i]} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n\r\n`));
    const responses = (await Promise.all(answers)).map((bytes) => parseResponses(bytes).responses[0]!);
    for (const socket of sockets) socket.destroy();
    expect(responses.map((r) => r.status)).toEqual(names.map(() => 200));
    expect(responses.map((r) => r.json.entities[0].username)).toEqual(names);
  });
});
