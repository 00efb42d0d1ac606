// Written by `npm run build` (scripts/generate-runtime-tables.ts) from generated/openapi.json. Do not edit.
/** What the service accepts in a request: field rules and per-request maxima. */
export const REQUEST_LIMITS = {
  "username": {
    "pattern": "^(?:[a-zA-Z0-9_-]|\\.[a-zA-Z0-9_-]|\\.\\.[a-zA-Z0-9_.-])[a-zA-Z0-9_.-]*$",
    "minLength": 1,
    "maxBytes": 64
  },
  "password": {
    "minLength": 1,
    "maxLength": 64
  },
  "nickname": {
    "maxLength": 100
  },
  "usersPerRequest": 60,
  "blocksPerRequest": 50,
  "usersPerPage": 100,
  "statusNamesPerRequest": 100,
  "pushNicknamesPerRequest": 50
};
