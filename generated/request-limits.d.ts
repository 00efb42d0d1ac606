// Written by `npm run build` (scripts/generate-runtime-tables.ts) from generated/openapi.json. Do not edit.
/** What the service accepts in a request: field rules and per-request maxima. */
export declare const REQUEST_LIMITS: {
  readonly "username": {
    readonly "pattern": "^(?:[a-zA-Z0-9_-]|\\.[a-zA-Z0-9_-]|\\.\\.[a-zA-Z0-9_.-])[a-zA-Z0-9_.-]*$";
    readonly "minLength": 1;
    readonly "maxBytes": 64;
  };
  readonly "password": {
    readonly "minLength": 1;
    readonly "maxLength": 64;
  };
  readonly "nickname": {
    readonly "maxLength": 100;
  };
  readonly "usersPerRequest": 60;
  readonly "blocksPerRequest": 50;
  readonly "usersPerPage": 100;
  readonly "statusNamesPerRequest": 100;
  readonly "pushNicknamesPerRequest": 50;
};
