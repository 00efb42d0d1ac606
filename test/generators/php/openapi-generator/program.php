<?php
// openapi-generator's PHP client (Guzzle 7) running the scenario every generated client runs
// against the sandbox (the same steps as test/generators/typescript/scenario.ts), then every
// other operation but deleteUsers (it deletes the app's oldest users) and disconnectDevice (it
// needs a signed-in device), each answer deserialized into the generated models. The harness
// generates the client into ./client beside this file; Guzzle comes from Debian's packages
// (php-guzzlehttp-guzzle), found on PHP's include path as Composer would have put it in vendor/.
declare(strict_types=1);

require_once 'GuzzleHttp/autoload.php';
spl_autoload_register(function (string $class): void {
    if (str_starts_with($class, 'Easemob\\')) require __DIR__ . '/client/lib/' . str_replace('\\', '/', substr($class, 8)) . '.php';
});

use Easemob\Api;
use Easemob\ApiException;
use Easemob\Configuration;
use Easemob\Model;

function check(bool $condition, string $message): void {
    if (!$condition) {
        fwrite(STDERR, "scenario failed: $message\n");
        exit(1);
    }
}

$calls = 0;
/** One more operation: its answer, or the failure named with the status and the body. */
function call(string $operation, callable $call): mixed {
    global $calls;
    $calls++;
    try {
        return $call();
    } catch (ApiException $error) {
        check(false, "$operation answered {$error->getCode()} {$error->getResponseBody()}");
    }
}

/** The status of a call that must be refused. */
function refused(callable $call): int {
    try {
        $call();
        return 200;
    } catch (ApiException $error) {
        return $error->getCode();
    }
}

$prefix = getenv('SCENARIO_PREFIX') ?: 'gen';
// Booleans in a query as the description writes them (true, false): the generator's default
// sends 1 and 0, which the sandbox answers 400 (needReturnRemark, isSendNotice take true or false).
$config = Configuration::getDefaultConfiguration()
    ->setHost(getenv('EASEMOB_BASE_URL'))
    ->setBooleanFormatForQueryString(Configuration::BOOLEAN_FORMAT_STRING);
$http = new GuzzleHttp\Client();

// TokenGrant, a oneOf of three grants, is one merged class here whose grant_type allows only the
// last branch's value ('inherit'): the client_credentials grant goes as its own branch's model,
// which getToken takes (its parameter has no PHP type). The answer, a oneOf too, is one class
// holding both branches' fields.
$credentials = new Model\TokenRequest(['grant_type' => Model\TokenRequest::GRANT_TYPE_CLIENT_CREDENTIALS, 'client_id' => getenv('EASEMOB_CLIENT_ID'), 'client_secret' => getenv('EASEMOB_CLIENT_SECRET')]);
$issued = (new Api\TokenApi($http, $config))->getToken($credentials);
check($issued->getApplication() !== null && $issued->getAccessToken() !== '', 'an app token answer');
$config->setAccessToken($issued->getAccessToken());

$users = new Api\UsersApi($http, $config);
$names = ["{$prefix}_user1", "{$prefix}_user2", "{$prefix}_user3"];
foreach ($names as $name) {
    $created = $users->createUsers(new Model\UserRegistration(['username' => $name, 'password' => 'secret-123']));
    check($created->getEntities()[0]->getUsername() === $name, "registered $name");
}
check($users->getUser(strtoupper($names[0]))->getEntities()[0]->getUsername() === $names[0], 'read back in other letter case');

$seen = [];
$cursor = null;
$pages = 0;
do {
    $page = $users->listUsers(2, $cursor);
    foreach ($page->getEntities() as $user) $seen[] = $user->getUsername();
    $cursor = $page->getCursor();
    $pages++;
    check($pages <= 50, 'the cursor ends');
} while ($cursor !== null && $cursor !== '');
foreach ($names as $name) check(in_array($name, $seen, true), "listed $name across $pages pages");
check($pages >= 2, 'more than one page followed');

try {
    $users->getUser("{$prefix}_nobody");
    check(false, 'a 404 for a missing user');
} catch (ApiException $error) {
    check($error->getCode() === 404, "404 for a missing user, got {$error->getCode()}");
    $body = $error->getResponseObject();
    check($body instanceof Model\ErrorBody && $body->getError() === 'service_resource_not_found' && $body->getErrorDescription() !== '', 'the 404 decoded as ErrorBody');
}

// Beyond the common scenario. A batch: CreateUsersRequest, a oneOf of one user or a list, is one
// class for one user here; a list of UserRegistration goes as a PHP array.
$batch = call('createUsers (a batch)', fn () => $users->createUsers([new Model\UserRegistration(['username' => "{$prefix}_batch1", 'password' => 'p1']), new Model\UserRegistration(['username' => "{$prefix}_batch2", 'password' => 'p2'])]));
check(array_map(fn ($u) => $u->getUsername(), $batch->getEntities()) === ["{$prefix}_batch1", "{$prefix}_batch2"], 'a batch registered');
[$owner, $friend, $other] = $names;
$contacts = new Api\ContactsApi($http, $config);
$blocks = new Api\BlocksApi($http, $config);
$status = new Api\StatusAndMessagesApi($http, $config);
$attributes = new Api\UserAttributesApi($http, $config);
$mutes = new Api\GlobalMuteApi($http, $config);
$account = new Api\AccountStateApi($http, $config);

call('addContact', fn () => $contacts->addContact($owner, $friend));
check(call('listContacts', fn () => $contacts->listContacts($owner))->getData() === [$friend], 'the friend listed');
call('setContactRemark', fn () => $contacts->setContactRemark($owner, $friend, new Model\ContactRemark(['remark' => 'from PHP'])));
$remarked = call('listContacts (needReturnRemark)', fn () => $contacts->listContacts($owner, true))->getEntities();
check(count($remarked) === 1 && $remarked[0]->getRemark() === 'from PHP', 'the remark listed');
$onPage = array_map(fn ($c) => $c->getUsername(), call('listContactsPage', fn () => $contacts->listContactsPage($owner, 10))->getData()->getContacts());
check(in_array($friend, $onPage, true), 'the friend on the contact page');
check(count(call('checkContacts', fn () => $contacts->checkContacts(new Model\RelationCheckRequest(['username' => $owner, 'check_list' => [$friend, $other]])))->getEntities()) === 2, 'two relations checked');
check(call('importContacts', fn () => $contacts->importContacts($owner, new Model\ContactImportRequest(['usernames' => [$other]])))->getData()->getSuccess() === [$other], 'the contact imported');
call('removeContact', fn () => $contacts->removeContact($owner, $other));

call('addBlocks', fn () => $blocks->addBlocks($owner, new Model\BlockRequest(['usernames' => [$other]])));
check(call('listBlocks', fn () => $blocks->listBlocks($owner))->getData() === [$other], 'the block listed');
call('checkBlocks', fn () => $blocks->checkBlocks(new Model\RelationCheckRequest(['username' => $owner, 'check_list' => [$other]])));
call('removeBlock', fn () => $blocks->removeBlock($owner, $other));
call('removeContact', fn () => $contacts->removeContact($owner, $friend));

check(call('updateUser', fn () => $users->updateUser($owner, new Model\UserUpdate(['nickname' => 'PHP'])))->getEntities()[0]->getNickname() === 'PHP', 'the nickname updated');
call('updatePushNicknames', fn () => $users->updatePushNicknames([new Model\PushNicknameBatchInner(['username' => $friend, 'push_nickname' => 'Elephant'])]));
call('resetPassword', fn () => $users->resetPassword($owner, new Model\PasswordChange(['newpassword' => 'secret-456'])));

// User tokens: the answer's other branch, from the password and the inherit grants.
$login = new Model\PasswordGrantRequest(['grant_type' => Model\PasswordGrantRequest::GRANT_TYPE_PASSWORD, 'username' => $owner, 'password' => 'secret-456']);
$userToken = call('getToken (password)', fn () => (new Api\TokenApi($http, $config))->getToken($login));
check($userToken->getUser()?->getUsername() === $owner, 'the user token names its user');
$inherit = new Model\InheritGrantRequest(['grant_type' => Model\InheritGrantRequest::GRANT_TYPE_INHERIT, 'username' => $friend]);
check(call('getToken (inherit)', fn () => (new Api\TokenApi($http, $config))->getToken($inherit))->getUser()?->getUsername() === $friend, 'an inherited user token');
$asUser = (clone $config)->setAccessToken($userToken->getAccessToken());
check(call('getUser (user token)', fn () => (new Api\UsersApi($http, $asUser))->getUser($owner))->getEntities()[0]->getUsername() === $owner, 'a user token reads its own user');
check(refused(fn () => (new Api\UsersApi($http, $asUser))->listUsers()) === 401, 'a user token may not list users');

// Maps keyed by user name or message id.
check(call('getStatus', fn () => $status->getStatus($owner))->getData()[$owner] === 'offline', "the user's state keyed by name");
check(array_key_exists('1234567890', call('getOfflineMessageStatus', fn () => $status->getOfflineMessageStatus($owner, '1234567890'))->getData()), "the message's state keyed by id");
call('getUsersStatus', fn () => $status->getUsersStatus(new Model\UsersStatusRequest(['usernames' => [$owner, $friend]])));
call('getOfflineMessageCount', fn () => $status->getOfflineMessageCount($owner));
call('listUserDevices', fn () => $account->listUserDevices($owner));

// A form body: one argument per property UserAttributes lists.
check(call('setUserAttributes', fn () => $attributes->setUserAttributes($owner, 'PHP', null, null, null, '1'))->getData()['nickname'] === 'PHP', 'attributes set');
check(call('getUserAttributes', fn () => $attributes->getUserAttributes($owner))->getData()['gender'] === '1', 'attributes read back');
check(array_key_exists($owner, call('getUsersAttributes', fn () => $attributes->getUsersAttributes(new Model\UsersAttributesRequest(['targets' => [$owner], 'properties' => ['nickname']])))->getData()), 'attributes of several users');
call('getAttributesCapacity', fn () => $attributes->getAttributesCapacity());
check(call('deleteUserAttributes', fn () => $attributes->deleteUserAttributes($owner))->getData() === true, 'attributes deleted');

call('setGlobalMute', fn () => $mutes->setGlobalMute(new Model\GlobalMuteRequest(['username' => $other, 'chat' => 60])));
$chat = call('getGlobalMute', fn () => $mutes->getGlobalMute($other))->getData()->getChat();
check($chat > 0 && $chat <= 60, "the mute read back, got $chat");
$muted = array_map(fn ($m) => $m->getUsername(), call('listGlobalMutes', fn () => $mutes->listGlobalMutes(1, 10))->getData()->getData());
check(in_array($other, $muted, true), 'the mute listed');

call('deactivateUser', fn () => $account->deactivateUser($other));
call('activateUser', fn () => $account->activateUser($other));
check(call('disconnectUser', fn () => $account->disconnectUser($other))->getData()->getResult() === true, 'disconnected');
call('deleteUser', fn () => $users->deleteUser($other));
check(refused(fn () => $users->getUser($other)) === 404, 'the deleted user is gone');

printf("scenario passed: token, 3 registered, read back, %d listed over %d pages, 404 decoded, %d more calls decoded\n", count($seen), $pages, $calls);
