// What the vendor's SDKs send that the description does not document, each found by the checking
// proxy (run.ts) and each written down with why the description stays as it is. Anything else an
// SDK sends that breaks the description fails the run: a new SDK version's new request shows.
export interface KnownDifference {
  /** The SDK case, as run.ts names it (its first word). */
  sdk: 'Java' | 'Web';
  /** Matches the proxy's line: `METHOD path: violation`. */
  exchange: RegExp;
  why: string;
}

export const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    sdk: 'Java',
    exchange: /^GET \/[^/]+\/[^/]+\/users\/[^/]+\/disconnect\/[^/]+: .* 405 /,
    why: "user().forceLogoutOneDevice of the 1.x SDK (ForceLogoutUser.byUsernameAndResource) sends GET; the vendor's page (account_offline_device_single.md) and the 2.0 SDK send DELETE, which the description documents; the sandbox answers GET 405 (docs/vendor-sdks.md)",
  },
  {
    sdk: 'Web',
    exchange: /^GET \/ws: /,
    why: 'the IM socket the SDK opens at login: not the REST API (the sandbox has none, docs/sandbox.md)',
  },
  {
    sdk: 'Web',
    exchange: /^(PUT \/[^/]+\/[^/]+\/users\/[^/]+\/contacts\/users\/[^/]+|GET \/[^/]+\/[^/]+\/users\/[^/]+\/contacts): /,
    why: "setContactRemark and getContactsWithCursor send /users/… where the vendor's pages (user_friend_remark_set.md, user_friend_list_paged.md) write /user/…, as the Java SDK 2.0 does too; the sandbox answers both spellings (src/sandbox/routes-today.ts), the description documents the pages' one",
  },
  {
    sdk: 'Web',
    exchange: /^DELETE \/[^/]+\/[^/]+\/users\/[^/]+\/contacts\/users\/[^/]+: removeContact 0 at request:\?resource: /,
    why: "deleteContact (and setContactRemark) add the device's resource (?resource=<clientResource>), which no vendor page documents for the REST API; the sandbox ignores it, as the description leaves it out",
  },
];
