// Written by `npm run build` (scripts/generate-runtime-tables.ts) from generated/openapi.json. Do not edit.
/** The operationId of every operation, by `METHOD /path` (the path relative to the app base URL). */
export const OPERATION_IDS = {
  "POST /token": "getToken",
  "GET /users": "listUsers",
  "POST /users": "createUsers",
  "DELETE /users": "deleteUsers",
  "GET /users/{username}": "getUser",
  "PUT /users/{username}": "updateUser",
  "DELETE /users/{username}": "deleteUser",
  "PUT /users/{username}/password": "resetPassword",
  "POST /users/{owner_username}/contacts/users/{friend_username}": "addContact",
  "DELETE /users/{owner_username}/contacts/users/{friend_username}": "removeContact",
  "GET /users/{owner_username}/contacts/users": "listContacts",
  "GET /users/{owner_username}/blocks/users": "listBlocks",
  "POST /users/{owner_username}/blocks/users": "addBlocks",
  "DELETE /users/{owner_username}/blocks/users/{blocked_username}": "removeBlock",
  "GET /users/{username}/status": "getStatus",
  "GET /users/{owner_username}/offline_msg_count": "getOfflineMessageCount",
  "GET /users/{username}/offline_msg_status/{msg_id}": "getOfflineMessageStatus",
  "POST /users/{username}/deactivate": "deactivateUser",
  "POST /users/{username}/activate": "activateUser",
  "GET /users/{username}/disconnect": "disconnectUser"
};
