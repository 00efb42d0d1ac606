// Written by `npm run build` (scripts/generate-runtime-tables.ts) from generated/openapi.json. Do not edit.
/** The operationId of every operation, by `METHOD /path` (the path relative to the app base URL). */
export declare const OPERATION_IDS: {
  readonly "POST /token": "getToken";
  readonly "GET /users": "listUsers";
  readonly "POST /users": "createUsers";
  readonly "DELETE /users": "deleteUsers";
  readonly "GET /users/{username}": "getUser";
  readonly "PUT /users/{username}": "updateUser";
  readonly "DELETE /users/{username}": "deleteUser";
  readonly "PUT /users/{username}/password": "resetPassword";
  readonly "POST /users/{owner_username}/contacts/users/{friend_username}": "addContact";
  readonly "DELETE /users/{owner_username}/contacts/users/{friend_username}": "removeContact";
  readonly "GET /users/{owner_username}/contacts/users": "listContacts";
  readonly "GET /users/{owner_username}/blocks/users": "listBlocks";
  readonly "POST /users/{owner_username}/blocks/users": "addBlocks";
  readonly "DELETE /users/{owner_username}/blocks/users/{blocked_username}": "removeBlock";
  readonly "GET /users/{username}/status": "getStatus";
  readonly "GET /users/{owner_username}/offline_msg_count": "getOfflineMessageCount";
  readonly "GET /users/{username}/offline_msg_status/{msg_id}": "getOfflineMessageStatus";
  readonly "POST /users/{username}/deactivate": "deactivateUser";
  readonly "POST /users/{username}/activate": "activateUser";
  readonly "GET /users/{username}/disconnect": "disconnectUser";
};
