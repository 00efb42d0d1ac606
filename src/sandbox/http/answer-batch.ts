// Answers are written together, once Node has handled every request that its last read of the
// sockets brought, instead of one by one as each is ready: `setImmediate` runs right after that
// poll. On loopback each write wakes the client's event loop, and a client waiting on many
// connections was woken once per answer; those wake-ups cost the sandbox more CPU than its own
// work (wrk, 50 connections: 18,500 GET answers a second written one by one, 33,900 written
// together; a lone request waits only for the rest of its own turn). Netty's
// FlushConsolidationHandler consolidates flushes for the same reason.
import type { ServerResponse } from 'node:http';

let batch: Array<ServerResponse | string> = [];

/** Ends `res` with `text` after this turn's requests have been handled; its head is written already. */
export function endInBatch(res: ServerResponse, text: string): void {
  if (batch.length === 0) setImmediate(writeBatch);
  batch.push(res, text);
}

function writeBatch(): void {
  // Answers queued while these are written go to the next batch.
  const answers = batch;
  batch = [];
  for (let i = 0; i < answers.length; i += 2) {
    const res = answers[i] as ServerResponse;
    try {
      res.end(answers[i + 1] as string);
    } catch (error) {
      // One answer that cannot be written must not hold back the others: its connection goes.
      res.destroy(error as Error);
    }
  }
}
