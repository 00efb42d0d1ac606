# openapi-generator's Ruby client (Typhoeus) running the scenario every generated client runs
# against the sandbox (the same steps as test/generators/typescript/scenario.ts), then every other
# operation but delete_users (it deletes the app's oldest users) and disconnect_device (it needs a
# signed-in device), each answer built into the generated models. The harness generates the client
# into ./client beside this file; Typhoeus comes from Debian's packages (ruby-typhoeus), as
# rubygems.org is out of this machine's reach.
$LOAD_PATH.unshift(File.join(__dir__, 'client', 'lib'))
require 'uri'
require 'easemob_client'

def check(condition, message)
  return if condition
  warn "scenario failed: #{message}"
  exit 1
end

$calls = 0
# One more operation: its answer, or the failure named with the status and the body.
def call(operation)
  $calls += 1
  yield
rescue EasemobClient::ApiError => e
  check(false, "#{operation} answered #{e.code} #{e.response_body}")
end

# The status of a call that must be refused.
def refused
  yield
  200
rescue EasemobClient::ApiError => e
  e.code
end

prefix = ENV.fetch('SCENARIO_PREFIX', 'gen')
base = URI(ENV.fetch('EASEMOB_BASE_URL'))
# Configuration takes the scheme, host and base path apart; its defaults are the description's
# first server (production).
config = EasemobClient::Configuration.new
config.scheme = base.scheme
config.host = "#{base.host}:#{base.port}"
config.base_path = base.path
client = EasemobClient::ApiClient.new(config)

# TokenGrant and IssuedToken are oneOfs: modules whose `build` tries each branch. A grant is sent
# as its branch's model. The answer is asked for as the branch the grant gets
# (debug_return_type): IssuedToken.build refuses a branch for any field it does not know, so an
# answer with a field the service adds later builds to nil (docs/generators.md).
credentials = EasemobClient::TokenRequest.new(grant_type: 'client_credentials', client_id: ENV.fetch('EASEMOB_CLIENT_ID'), client_secret: ENV.fetch('EASEMOB_CLIENT_SECRET'))
issued = EasemobClient::TokenApi.new(client).get_token(credentials, debug_return_type: 'TokenResponse')
check(issued.is_a?(EasemobClient::TokenResponse) && !issued.application.nil?, "an app token answer, got #{issued.class}")
config.access_token = issued.access_token

users = EasemobClient::UsersApi.new(client)
names = (1..3).map { |n| "#{prefix}_user#{n}" }
names.each do |name|
  created = users.create_users(EasemobClient::UserRegistration.new(username: name, password: 'secret-123'))
  check(created.entities[0].username == name, "registered #{name}")
end
check(users.get_user(names[0].upcase).entities[0].username == names[0], 'read back in other letter case')

seen = []
cursor = nil
pages = 0
loop do
  page = users.list_users(limit: 2, cursor: cursor)
  seen.concat(page.entities.map(&:username))
  cursor = page.cursor
  pages += 1
  check(pages <= 50, 'the cursor ends')
  break if cursor.nil? || cursor.empty?
end
names.each { |name| check(seen.include?(name), "listed #{name} across #{pages} pages") }
check(pages >= 2, 'more than one page followed')

begin
  users.get_user("#{prefix}_nobody")
  check(false, 'a 404 for a missing user')
rescue EasemobClient::ApiError => e
  check(e.code == 404, "404 for a missing user, got #{e.code}")
  body = EasemobClient::ErrorBody.build_from_hash(JSON.parse(e.response_body, symbolize_names: true))
  check(body.error == 'service_resource_not_found' && !body.error_description.empty?, 'the 404 decoded as ErrorBody')
end

# Beyond the common scenario. A batch: CreateUsersRequest, a oneOf of one user or a list, takes
# an Array of UserRegistration.
batch = call('createUsers (a batch)') { users.create_users([1, 2].map { |n| EasemobClient::UserRegistration.new(username: "#{prefix}_batch#{n}", password: "p#{n}") }) }
check(batch.entities.map(&:username) == ["#{prefix}_batch1", "#{prefix}_batch2"], 'a batch registered')
owner, friend, other = names
contacts = EasemobClient::ContactsApi.new(client)
blocks = EasemobClient::BlocksApi.new(client)
status = EasemobClient::StatusAndMessagesApi.new(client)
attributes = EasemobClient::UserAttributesApi.new(client)
mutes = EasemobClient::GlobalMuteApi.new(client)
account = EasemobClient::AccountStateApi.new(client)

call('addContact') { contacts.add_contact(owner, friend) }
check(call('listContacts') { contacts.list_contacts(owner) }.data == [friend], 'the friend listed')
call('setContactRemark') { contacts.set_contact_remark(owner, friend, EasemobClient::ContactRemark.new(remark: 'from Ruby')) }
remarked = call('listContacts (needReturnRemark)') { contacts.list_contacts(owner, need_return_remark: true) }.entities
check(remarked.length == 1 && remarked[0].remark == 'from Ruby', 'the remark listed')
check(call('listContactsPage') { contacts.list_contacts_page(owner, limit: 10) }.data.contacts.map(&:username).include?(friend), 'the friend on the contact page')
check(call('checkContacts') { contacts.check_contacts(EasemobClient::RelationCheckRequest.new(username: owner, check_list: [friend, other])) }.entities.length == 2, 'two relations checked')
check(call('importContacts') { contacts.import_contacts(owner, EasemobClient::ContactImportRequest.new(usernames: [other])) }.data.success == [other], 'the contact imported')
call('removeContact') { contacts.remove_contact(owner, other) }

call('addBlocks') { blocks.add_blocks(owner, EasemobClient::BlockRequest.new(usernames: [other])) }
check(call('listBlocks') { blocks.list_blocks(owner) }.data == [other], 'the block listed')
call('checkBlocks') { blocks.check_blocks(EasemobClient::RelationCheckRequest.new(username: owner, check_list: [other])) }
call('removeBlock') { blocks.remove_block(owner, other) }
call('removeContact') { contacts.remove_contact(owner, friend) }

check(call('updateUser') { users.update_user(owner, EasemobClient::UserUpdate.new(nickname: 'Ruby')) }.entities[0].nickname == 'Ruby', 'the nickname updated')
call('updatePushNicknames') { users.update_push_nicknames([EasemobClient::PushNicknameBatchInner.new(username: friend, push_nickname: 'Matz')]) }
call('resetPassword') { users.reset_password(owner, EasemobClient::PasswordChange.new(newpassword: 'secret-456')) }

# User tokens: the answer's other branch, from the password and the inherit grants.
tokens = EasemobClient::TokenApi.new(client)
login = call('getToken (password)') { tokens.get_token(EasemobClient::PasswordGrantRequest.new(grant_type: 'password', username: owner, password: 'secret-456'), debug_return_type: 'UserTokenResponse') }
check(login.is_a?(EasemobClient::UserTokenResponse) && login.user.username == owner, "a user token names its user, got #{login.class}")
inherited = call('getToken (inherit)') { tokens.get_token(EasemobClient::InheritGrantRequest.new(grant_type: 'inherit', username: friend), debug_return_type: 'UserTokenResponse') }
check(inherited.is_a?(EasemobClient::UserTokenResponse) && inherited.user.username == friend, 'an inherited user token')
as_user_config = config.dup
as_user_config.access_token = login.access_token
as_user = EasemobClient::UsersApi.new(EasemobClient::ApiClient.new(as_user_config))
check(call('getUser (user token)') { as_user.get_user(owner) }.entities[0].username == owner, 'a user token reads its own user')
check(refused { as_user.list_users } == 401, 'a user token may not list users')

# Maps keyed by user name or message id (String keys).
online = call('getStatus') { status.get_status(owner) }.data
check(online[owner] == 'offline', "the user's state keyed by name, got #{online.inspect}")
check(call('getOfflineMessageStatus') { status.get_offline_message_status(owner, '1234567890') }.data.key?('1234567890'), "the message's state keyed by id")
call('getUsersStatus') { status.get_users_status(EasemobClient::UsersStatusRequest.new(usernames: [owner, friend])) }
call('getOfflineMessageCount') { status.get_offline_message_count(owner) }
call('listUserDevices') { account.list_user_devices(owner) }

# A form body: one option per property UserAttributes lists.
check(call('setUserAttributes') { attributes.set_user_attributes(owner, nickname: 'Ruby', gender: '1') }.data['nickname'] == 'Ruby', 'attributes set')
check(call('getUserAttributes') { attributes.get_user_attributes(owner) }.data['gender'] == '1', 'attributes read back')
check(call('getUsersAttributes') { attributes.get_users_attributes(EasemobClient::UsersAttributesRequest.new(targets: [owner], properties: ['nickname'])) }.data.key?(owner), 'attributes of several users')
call('getAttributesCapacity') { attributes.get_attributes_capacity }
check(call('deleteUserAttributes') { attributes.delete_user_attributes(owner) }.data == true, 'attributes deleted')

call('setGlobalMute') { mutes.set_global_mute(EasemobClient::GlobalMuteRequest.new(username: other, chat: 60)) }
chat = call('getGlobalMute') { mutes.get_global_mute(other) }.data.chat
check(chat.positive? && chat <= 60, "the mute read back, got #{chat}")
check(call('listGlobalMutes') { mutes.list_global_mutes(page_num: 1, page_size: 10) }.data.data.map(&:username).include?(other), 'the mute listed')

call('deactivateUser') { account.deactivate_user(other) }
call('activateUser') { account.activate_user(other) }
check(call('disconnectUser') { account.disconnect_user(other) }.data.result == true, 'disconnected')
call('deleteUser') { users.delete_user(other) }
check(refused { users.get_user(other) } == 404, 'the deleted user is gone')

puts "scenario passed: token, 3 registered, read back, #{seen.length} listed over #{pages} pages, 404 decoded, #{$calls} more calls decoded"
