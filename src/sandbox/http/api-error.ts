// An error answer: status, the service's error code and text (docs/sources.md, "Errors", and the
// examples in openapi/components/examples/), and the Java exception class the service names.
// Nothing a client sent as a secret ever goes into one.

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly exception: string | undefined;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, description: string, exception?: string, headers: Record<string, string> = {}) {
    super(description);
    this.status = status;
    this.code = code;
    this.exception = exception;
    this.headers = headers;
  }
}

const ILLEGAL_ARGUMENT = 'java.lang.IllegalArgumentException';
const UNAUTHORIZED = 'org.apache.shiro.authz.UnauthorizedException';

/** Usernames from requests are echoed in some texts; keep them short, and never walk a structure
 * (a deep one would recurse: issue 10). */
function shown(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value !== null && typeof value === 'object') text = Array.isArray(value) ? 'an array' : 'an object';
  else text = String(value);
  return text.length > 80 ? `${text.slice(0, 80)}...` : text;
}

export const errors = {
  illegalArgument: (description: string) => new ApiError(400, 'illegal_argument', description, ILLEGAL_ARGUMENT),
  usernameMissing: () => errors.illegalArgument('Entity user requires a property named username'),
  usernameNotLegal: (username: unknown) => errors.illegalArgument(`username [${shown(username)}] is not legal`),
  usernameTooLong: () => errors.illegalArgument('USERNAME_TOO_LONG'),
  passwordMissing: () => errors.illegalArgument('password or pin must provided'),
  passwordTooLong: () => errors.illegalArgument('PASSWORD_TOO_LONG'),
  newPasswordMissing: () => errors.illegalArgument('newpassword is required'),
  nicknameTooLong: () => errors.illegalArgument('NICKNAME_TOO_LONG'),
  jsonParse: (description = 'Unexpected character: the request body is not valid JSON') =>
    new ApiError(400, 'json_parse', description, 'org.codehaus.jackson.JsonParseException'),
  invalidGrant: () => new ApiError(400, 'invalid_grant', 'invalid username or password'),
  invalidPassword: () => new ApiError(400, 'invalid_grant', 'invalid password'),
  userNotFound: () => new ApiError(404, 'invalid_grant', 'user not found'),
  userNotActivated: () => new ApiError(400, 'invalid_grant', 'user not activated'),
  organizationApplicationNotFound: (org: string, app: string, uriPath: string) =>
    new ApiError(
      400,
      'organization_application_not_found',
      `Could not find application for ${shown(org)}/${shown(app)} from URI: ${shown(uriPath)}`,
      'org.apache.usergrid.rest.exceptions.OrganizationApplicationNotFoundException',
    ),
  duplicateUsername: (appUuid: string, username: string) =>
    new ApiError(
      400,
      'duplicate_unique_property_exists',
      `Application ${appUuid} Entity user requires that property named username be unique, value of ${shown(username)} exists`,
      'org.apache.usergrid.persistence.exceptions.DuplicateUniquePropertyExistsException',
    ),
  missingToken: (permission: string) =>
    new ApiError(401, 'unauthorized', `Subject does not have permission [${permission}]`, UNAUTHORIZED),
  registrationNotOpen: () => new ApiError(401, 'unauthorized', 'registration is not open, please contact the app admin', UNAUTHORIZED),
  corruptToken: () => new ApiError(401, 'auth_bad_access_token', 'Unable to authenticate due to corrupt access token'),
  unknownToken: () => new ApiError(401, 'auth_bad_access_token', 'Unable to authenticate'),
  expiredToken: () => new ApiError(401, 'expired_token', 'Unable to authenticate due to expired access token'),
  notFound: () =>
    new ApiError(404, 'service_resource_not_found', 'Service resource not found', 'org.apache.usergrid.services.exceptions.ServiceResourceNotFoundException'),
  noSuchApi: () => new ApiError(404, 'web_application', 'javax.ws.rs.WebApplicationException: no such API', 'javax.ws.rs.WebApplicationException'),
  methodNotSupported: (allowed: string[]) =>
    new ApiError(
      405,
      'unsupported_service_operation',
      'Service operation not supported',
      'org.apache.usergrid.services.exceptions.UnsupportedServiceOperationException',
      { allow: allowed.join(', ') },
    ),
  bodyTooLarge: (limit: number) =>
    new ApiError(413, 'request_entity_too_large', `Request body exceeds the maximum size of ${limit} bytes`, undefined, { connection: 'close' }),
  contactLimitReached: () => new ApiError(403, 'exceed_limit', "Inviter's contact max count."),
  globalMuteOff: () => new ApiError(403, 'forbidden_op', 'user_mute is not used for this app'),
  muteUserNotFound: () => new ApiError(400, 'required_property_not_found', 'Entity user requires a property named username'),
  attributesTooLarge: (limit: number) =>
    new ApiError(403, 'FORBIDDEN', `size of metadata for this single user exceeds the user defined limit, ${limit}Bytes`),
  forbiddenServiceOperation: () => new ApiError(403, 'forbidden_service_operation', 'Service operation not allowed'),
  rateLimited: (status: number, retryAfterSeconds: number) =>
    new ApiError(status, 'reach_limit', 'This request has reached api limit', undefined, { 'retry-after': String(retryAfterSeconds) }),
};
