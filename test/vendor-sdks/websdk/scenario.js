// Runs in the page, after the vendor's web SDK (easemob-websdk 4.21.1, Easemob-chat.js, which
// defines `websdk`): a logged-in user's calls to the user system, made through the SDK's public
// API as a web app makes them. What the SDK sends and how it reads the answers is its own code.
// `appServer(step)` is the test's app server (app token, control API), for what no browser does:
// adding contacts, blocking, signing the user in on a phone. Each check resolves to
// `ok <name>` or `FAIL <name>: <why>`.
/* global websdk, appServer */
window.runScenario = async ({ apiUrl, appKey, prefix }) => {
  const lines = [];
  const check = async (name, body) => {
    try {
      await body();
      lines.push(`ok ${name}`);
    } catch (error) {
      lines.push(`FAIL ${name}: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
    }
  };
  const expectEqual = (actual, expected, what) => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`${what}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  };
  const me = `${prefix}a`;
  const friend = `${prefix}b`;
  const other = `${prefix}c`;
  // No IM socket here (this is the REST API's sandbox): login gets its token over REST, then
  // the socket fails. isHttpDNS false: the SDK takes these URLs instead of asking the vendor's DNS.
  const conn = new websdk.connection({ appKey, isHttpDNS: false, url: `${apiUrl.replace(/^http/, 'ws')}/ws`, apiUrl, delivery: false });

  await check('registerUser: open registration, three users', async () => {
    for (const username of [me, friend, other]) {
      const answer = await conn.registerUser({ username, password: `pw-${username}`, nickname: '' });
      expectEqual(answer.entities[0].username, username, 'registered');
    }
  });
  await check('open with a wrong password: the REST error reaches the app', async () => {
    const refused = await conn.open({ user: me, pwd: 'wrong' }).then(() => undefined, (error) => error);
    if (refused?.message !== 'invalid password' || refused.data?.extraInfo?.httpCode !== 400) throw new Error(`login answered ${JSON.stringify(refused)}`);
  });
  await check('open (password login): the token comes over REST; only the IM socket fails', async () => {
    const outcome = await conn.open({ user: me, pwd: `pw-${me}` }).then(() => 'connected', (error) => error);
    if (!conn.context.accessToken) throw new Error(`no token after login: ${JSON.stringify(outcome)}`);
  });

  await appServer({ contacts: [[me, friend], [me, other]], block: [me, other], device: [me, 'android_9'] });

  await check('getContacts: GET /users/{me}/contacts/users', async () => {
    expectEqual((await conn.getContacts()).data.sort(), [friend, other].sort(), 'contacts');
  });
  await check('setContactRemark, then getAllContacts (needReturnRemark): remarks from entities', async () => {
    await conn.setContactRemark({ userId: friend, remark: '蜜蜂 bee' });
    const all = (await conn.getAllContacts()).data.sort((x, y) => x.userId.localeCompare(y.userId));
    expectEqual(all, [{ userId: friend, remark: '蜜蜂 bee' }, { userId: other, remark: null }], 'contacts with remarks');
  });
  await check('getContactsWithCursor: an empty first cursor, then the cursor it got, to the end', async () => {
    const first = await conn.getContactsWithCursor({ pageSize: 1 });
    if (first.data.contacts.length !== 1 || !first.data.cursor) throw new Error(`first page ${JSON.stringify(first.data)}`);
    const second = await conn.getContactsWithCursor({ pageSize: 1, cursor: first.data.cursor });
    expectEqual(second.data.contacts.length, 1, 'second page size');
    expectEqual(second.data.cursor, '', 'cursor after the last page');
    expectEqual([first.data.contacts[0].userId, second.data.contacts[0].userId].sort(), [friend, other].sort(), 'contacts over two pages');
  });
  await check('getBlocklist: GET /users/{me}/blocks/users', async () => {
    expectEqual((await conn.getBlocklist()).data, [other], 'block list');
  });
  await check('deleteContact: DELETE /users/{me}/contacts/users/{name}', async () => {
    await conn.deleteContact(other);
    expectEqual((await conn.getContacts()).data, [friend], 'contacts after delete');
  });
  await check('updateOwnUserInfo (a form body), both forms, then fetchUserInfoById', async () => {
    const set = await conn.updateOwnUserInfo({ nickname: '阿', avatarurl: 'https://example.com/a.png', ext: '{"level":3}' });
    expectEqual(set.data, { nickname: '阿', avatarurl: 'https://example.com/a.png', ext: '{"level":3}' }, 'attributes set');
    // The (key, value) form sends the value as it is, not form-encoded: a value with `&` or `=`
    // would be cut by any form parser, the service's included (docs/vendor-sdks.md).
    await conn.updateOwnUserInfo('sign', 'hello 你好');
    const read = await conn.fetchUserInfoById([me, friend]);
    expectEqual(read.data[me], { avatarurl: 'https://example.com/a.png', ext: '{"level":3}', nickname: '阿', sign: 'hello 你好' }, 'attributes read');
    expectEqual((await conn.fetchUserInfoById(me, 'nickname')).data, { [me]: { nickname: '阿' } }, 'one attribute');
  });
  await check('updateCurrentUserNick: PUT /users/{me}', async () => {
    expectEqual((await conn.updateCurrentUserNick('Ann')).entities[0].nickname, 'Ann', 'nickname');
  });
  await check('uploadPushToken: PUT /users/{me} with the device binding; the entity shows it', async () => {
    const answer = await conn.uploadPushToken({ deviceId: 'web-device-1', deviceToken: 'token-abc', notifierName: '104410638' });
    expectEqual([answer.data.notifier_name, answer.data.device_token, answer.data.nickname], ['104410638', 'token-abc', 'Ann'], 'entity');
  });
  await check('getSelfIdsOnOtherPlatform: GET /users/{me}/resources', async () => {
    expectEqual((await conn.getSelfIdsOnOtherPlatform()).data, [`${me}/android_9`], 'other devices');
  });
  return lines;
};
