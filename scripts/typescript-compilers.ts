// The two TypeScript compilers of this repository, each named by its path: both packages ship a
// `tsc` bin, and npm links whichever it links last into node_modules/.bin.
// - TypeScript 7 (`typescript-7`, the native compiler): checks and emits this repository's code
//   (npm run typecheck, the package's dist/), about four times faster than 5.9 here; and checks
//   consumer projects as a fresh project gets them today (`npm install typescript` gives 7).
// - TypeScript 5.9 (`typescript`): the JavaScript API that openapi-typescript and a test build on
//   (TypeScript 7 ships none); and consumer projects still on TypeScript 5, among them those with
//   `moduleResolution: node10` (NestJS's default), which TypeScript 7 no longer has.
import { fileURLToPath } from 'node:url';

export const TSC_7 = fileURLToPath(new URL('../node_modules/typescript-7/bin/tsc', import.meta.url));
export const TSC_5 = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
