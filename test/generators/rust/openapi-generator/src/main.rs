// openapi-generator's Rust client (reqwest) running the scenario every generated client runs
// against the sandbox (the same steps as test/generators/typescript/scenario.ts), then every
// operation it can reach from here. serde decodes strictly: a required field missing, a wrong
// type, a value outside an enum or a malformed UUID fails the call, so each answer decoded is one
// more check of the description against what the sandbox answers.
use std::fmt::Debug;
use std::process::exit;

use easemob::apis::{self, configuration::Configuration, Error};
use easemob::models::{self, token_request, password_grant_request, inherit_grant_request, IssuedToken, TokenGrant};

fn check(condition: bool, what: &str) {
    if !condition {
        eprintln!("scenario failed: {what}");
        exit(1);
    }
}

/// The answer of a call that must succeed, or the failure with the body the service sent.
fn must<T, E: Debug>(step: &str, result: Result<T, Error<E>>) -> T {
    match result {
        Ok(value) => value,
        Err(Error::ResponseError(answer)) => {
            eprintln!("scenario failed: {step}: {} {}", answer.status, answer.content);
            exit(1);
        }
        Err(error) => {
            eprintln!("scenario failed: {step}: {error} ({error:?})");
            exit(1);
        }
    }
}

/// An error answer: its status and its body, which the client must have decoded as ErrorBody.
/// openapi-generator's Rust error enums are untagged with one variant per documented status, all
/// holding ErrorBody, so serde takes the first variant for every status: the status is read from
/// the answer, and the variant only tells ErrorBody (any StatusNNN or DefaultResponse) from a body
/// that did not decode (UnknownValue).
fn refused<T: Debug, E: Debug + serde::Serialize>(step: &str, result: Result<T, Error<E>>) -> (u16, models::ErrorBody) {
    match result {
        Err(Error::ResponseError(answer)) => {
            let entity = answer.entity.unwrap_or_else(|| {
                eprintln!("scenario failed: {step}: no body decoded from {}", answer.content);
                exit(1);
            });
            check(!format!("{entity:?}").starts_with("UnknownValue"), &format!("{step}: the error body decodes as ErrorBody, got {entity:?}"));
            let body: models::ErrorBody = serde_json::from_value(serde_json::to_value(&entity).unwrap()).unwrap();
            (answer.status.as_u16(), body)
        }
        other => {
            eprintln!("scenario failed: {step}: expected an error answer, got {other:?}");
            exit(1);
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let env = |name: &str| std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set"));
    let prefix = env("SCENARIO_PREFIX");
    let mut config = Configuration::new();
    config.base_path = env("EASEMOB_BASE_URL");

    // TokenGrant and IssuedToken are oneOfs: untagged enums, one variant per branch. serde tries
    // the answer's branches in order, so the app token must not decode as a user token's.
    let credentials = models::TokenRequest::new(token_request::GrantType::ClientCredentials, env("EASEMOB_CLIENT_ID"), env("EASEMOB_CLIENT_SECRET"));
    let issued = must("getToken", apis::token_api::get_token(&config, TokenGrant::TokenRequest(Box::new(credentials))).await);
    let IssuedToken::TokenResponse(app_token) = issued else {
        eprintln!("scenario failed: the app token decoded as {issued:?}");
        exit(1);
    };
    check(!app_token.access_token.is_empty() && app_token.expires_in > 0, "an access token");
    config.bearer_access_token = Some(app_token.access_token.clone());

    let names: Vec<String> = (1..=3).map(|n| format!("{prefix}_user{n}")).collect();
    for name in &names {
        let body = models::CreateUsersRequest::UserRegistration(Box::new(models::UserRegistration::new(name.clone(), "secret-123".into())));
        let created = must("createUsers", apis::users_api::create_users(&config, body).await);
        check(created.entities[0].username == *name, &format!("registered {name}"));
    }
    let read = must("getUser", apis::users_api::get_user(&config, &names[0].to_uppercase()).await);
    check(read.entities[0].username == names[0], "read back in other letter case");

    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let page = must("listUsers", apis::users_api::list_users(&config, Some(2), cursor.as_deref()).await);
        seen.extend(page.entities.into_iter().map(|user| user.username));
        pages += 1;
        check(pages <= 50, "the cursor ends");
        match page.cursor {
            Some(next) if !next.is_empty() => cursor = Some(next),
            _ => break,
        }
    }
    for name in &names {
        check(seen.contains(name), &format!("listed {name} across {pages} pages"));
    }
    check(pages >= 2, "more than one page followed");

    let (status, body) = refused("getUser (missing)", apis::users_api::get_user(&config, &format!("{prefix}_nobody")).await);
    check(status == 404 && body.error == "service_resource_not_found" && !body.error_description.is_empty(), &format!("a 404 decoded as ErrorBody, got {status} {body:?}"));

    // A form body: one argument per property UserAttributes lists, sent form-encoded.
    let set = must(
        "setUserAttributes",
        apis::user_attributes_api::set_user_attributes(&config, &names[0], Some("Rust"), None, None, None, Some("1"), None, None, None).await,
    );
    check(set.data.get("nickname").map(String::as_str) == Some("Rust") && set.data.get("gender").map(String::as_str) == Some("1"), "attributes set");

    // Beyond the common scenario: the rest of the operations, each answer decoded by serde.
    let (owner, friend, other) = (&names[0], &names[1], &names[2]);
    let mut calls = 0;
    macro_rules! call {
        ($name:literal, $future:expr) => {{
            calls += 1;
            must($name, $future.await)
        }};
    }
    call!("addContact", apis::contacts_api::add_contact(&config, owner, friend));
    let contacts = call!("listContacts", apis::contacts_api::list_contacts(&config, owner, None));
    check(contacts.data == vec![friend.clone()], "the friend listed");
    call!("setContactRemark", apis::contacts_api::set_contact_remark(&config, owner, friend, models::ContactRemark::new("from Rust".into())));
    let remarked = call!("listContacts (needReturnRemark)", apis::contacts_api::list_contacts(&config, owner, Some(true)));
    let entities = remarked.entities.unwrap_or_default();
    check(entities.len() == 1 && entities[0].username == *friend && entities[0].remark.as_deref() == Some("from Rust"), &format!("the remark listed, got {entities:?}"));
    let page = call!("listContactsPage", apis::contacts_api::list_contacts_page(&config, owner, Some(10), None, None));
    check(page.data.contacts.iter().any(|c| c.username == *friend), "the friend on the contact page");
    let relations = call!("checkContacts", apis::contacts_api::check_contacts(&config, models::RelationCheckRequest::new(owner.clone(), vec![friend.clone(), other.clone()])));
    check(relations.entities.len() == 2, "two relations checked");
    let imported = call!("importContacts", apis::contacts_api::import_contacts(&config, owner, models::ContactImportRequest::new(vec![other.clone()]), None));
    check(imported.data.success == vec![other.clone()], &format!("the contact imported, got {:?}", imported.data));
    call!("removeContact", apis::contacts_api::remove_contact(&config, owner, other));

    call!("addBlocks", apis::blocks_api::add_blocks(&config, owner, models::BlockRequest::new(vec![other.clone()])));
    let blocks = call!("listBlocks", apis::blocks_api::list_blocks(&config, owner, None, None));
    check(blocks.data == vec![other.clone()], "the block listed");
    call!("checkBlocks", apis::blocks_api::check_blocks(&config, models::RelationCheckRequest::new(owner.clone(), vec![other.clone()])));
    call!("removeBlock", apis::blocks_api::remove_block(&config, owner, other));
    call!("removeContact", apis::contacts_api::remove_contact(&config, owner, friend));

    let update = models::UserUpdate { nickname: Some("Rusty".into()), ..Default::default() };
    let updated = call!("updateUser", apis::users_api::update_user(&config, owner, update));
    check(updated.entities[0].nickname.as_deref() == Some("Rusty"), "the nickname updated");
    call!("updatePushNicknames", apis::users_api::update_push_nicknames(&config, vec![models::PushNicknameBatchInner::new(friend.clone(), "Ferris".into())]));
    call!("resetPassword", apis::users_api::reset_password(&config, owner, models::PasswordChange::new("secret-456".into())));

    // User tokens: the other branch of IssuedToken, from the password and inherit grants.
    let login = models::PasswordGrantRequest::new(password_grant_request::GrantType::Password, owner.clone(), "secret-456".into());
    let issued = call!("getToken (password)", apis::token_api::get_token(&config, TokenGrant::PasswordGrantRequest(Box::new(login))));
    let IssuedToken::UserTokenResponse(user_token) = issued else {
        eprintln!("scenario failed: a user token decoded as {issued:?}");
        exit(1);
    };
    check(user_token.user.username == *owner, "the user token names its user");
    let inherit = models::InheritGrantRequest::new(inherit_grant_request::GrantType::Inherit, friend.clone());
    let issued = call!("getToken (inherit)", apis::token_api::get_token(&config, TokenGrant::InheritGrantRequest(Box::new(inherit))));
    check(matches!(&issued, IssuedToken::UserTokenResponse(t) if t.user.username == *friend), "an inherited user token");
    let as_user = Configuration { bearer_access_token: Some(user_token.access_token.clone()), ..config.clone() };
    calls += 1;
    let own = must("getUser (user token)", apis::users_api::get_user(&as_user, owner).await);
    check(own.entities[0].username == *owner, "a user token reads its own user");
    let (status, body) = refused("listUsers (user token)", apis::users_api::list_users(&as_user, None, None).await);
    check(status == 401 && body.error == "unauthorized", &format!("a user token may not list users, got {status} {body:?}"));

    // Maps of enums (`{"<username>": "online"}`): each value decodes into the named enum.
    let online = call!("getStatus", apis::status_and_messages_api::get_status(&config, owner));
    check(online.data.get(owner.as_str()) == Some(&models::OnlineState::Offline), &format!("the user's state keyed by name, got {:?}", online.data));
    let message = call!("getOfflineMessageStatus", apis::status_and_messages_api::get_offline_message_status(&config, owner, "1234567890"));
    check(message.data.get("1234567890").is_some(), &format!("the message's state keyed by id, got {:?}", message.data));
    call!("getUsersStatus", apis::status_and_messages_api::get_users_status(&config, models::UsersStatusRequest::new(vec![owner.clone(), friend.clone()])));
    call!("getOfflineMessageCount", apis::status_and_messages_api::get_offline_message_count(&config, owner));
    call!("listUserDevices", apis::account_state_api::list_user_devices(&config, owner));
    call!("getUserAttributes", apis::user_attributes_api::get_user_attributes(&config, owner));
    call!("getUsersAttributes", apis::user_attributes_api::get_users_attributes(&config, models::UsersAttributesRequest::new(vec![owner.clone()], vec!["nickname".into()])));
    call!("getAttributesCapacity", apis::user_attributes_api::get_attributes_capacity(&config));
    let deleted = call!("deleteUserAttributes", apis::user_attributes_api::delete_user_attributes(&config, owner));
    check(deleted.data, "attributes deleted");

    let mute = models::GlobalMuteRequest { chat: Some(60), ..models::GlobalMuteRequest::new(other.clone()) };
    call!("setGlobalMute", apis::global_mute_api::set_global_mute(&config, mute));
    let muted = call!("getGlobalMute", apis::global_mute_api::get_global_mute(&config, other));
    check(muted.data.chat > 0 && muted.data.chat <= 60, &format!("the mute read back, got {:?}", muted.data));
    let mutes = call!("listGlobalMutes", apis::global_mute_api::list_global_mutes(&config, Some(1), Some(10)));
    check(mutes.data.data.iter().any(|m| m.username == *other), "the mute listed");

    call!("deactivateUser", apis::account_state_api::deactivate_user(&config, other));
    call!("activateUser", apis::account_state_api::activate_user(&config, other));
    call!("disconnectUser", apis::account_state_api::disconnect_user(&config, other));
    call!("deleteUser", apis::users_api::delete_user(&config, other));
    let (status, _) = refused("getUser (deleted)", apis::users_api::get_user(&config, other).await);
    check(status == 404, "the deleted user is gone");

    println!("scenario passed: token, 3 registered, read back, {} listed over {pages} pages, 404 decoded, attributes set, {calls} more calls decoded", seen.len());
}
