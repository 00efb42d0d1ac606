// The baseline of `npm run bench:sandbox`: a bare node:http server answering every request with
// one constant user JSON (about the size of the sandbox's GET /users/{username} answer). It does
// nothing a server could do less of, so the sandbox's figure over it is its own cost.
//
// With --batched it writes its answers as the sandbox does, together after each turn
// (src/sandbox/http/answer-batch.ts): the sandbox against that one is its own work alone, with
// no gain from how answers are written.
//
//   node bench/bare-server.ts [--batched]   (prints "listening <port>")
import { createServer, type ServerResponse } from 'node:http';
import { endInBatch } from '../src/sandbox/http/answer-batch.ts';

const body = JSON.stringify({
  action: 'get',
  application: '8be024f0-7da0-11e4-a0d3-a77d2d9f5ba9',
  params: {},
  path: '/users',
  uri: 'http://127.0.0.1:4000/easemob-demo/chatdemoui/users/jliu',
  entities: [{ uuid: '628a88ba-dfce-11ea-8d3e-2b1b4e5c3b0a', type: 'user', created: 1597392393000, modified: 1597392393000, username: 'jliu', activated: true }],
  timestamp: 1597392393000,
  duration: 0,
  organization: 'easemob-demo',
  applicationName: 'chatdemoui',
});
const headers = { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(body) };
const answer = process.argv.includes('--batched') ? (res: ServerResponse) => endInBatch(res.writeHead(200, headers), body) : (res: ServerResponse) => res.writeHead(200, headers).end(body);

const server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
  req.resume();
  req.on('end', () => answer(res));
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
