// Oxide's progenitor running the scenario every generated client runs against the sandbox (the
// same steps as test/generators/typescript/scenario.ts), then a user token and a form body, the
// two places where generated clients have gone wrong before. progenitor generates the client
// inside this crate at compile time, from easemob.json: generated/openapi-3.0.json with its
// `default` answers taken out (test/generators/rust.ts says why). serde decodes every answer:
// a required field missing, a wrong type or a value outside an enum fails the call.
use std::fmt::Debug;
use std::process::exit;

progenitor::generate_api!("easemob.json");

use types::{CreateUsersRequest, IssuedToken, PasswordGrantRequest, PasswordGrantRequestGrantType, TokenGrant, TokenRequest, TokenRequestGrantType, UserAttributes, UserRegistration, UserRegistrationBatch};

fn check(condition: bool, what: &str) {
    if !condition {
        eprintln!("scenario failed: {what}");
        exit(1);
    }
}

/// The answer of a call that must succeed, or the failure with the body the service sent.
fn must<T>(step: &str, result: Result<ResponseValue<T>, Error<types::ErrorBody>>) -> T {
    match result {
        Ok(answer) => answer.into_inner(),
        Err(Error::ErrorResponse(answer)) => {
            eprintln!("scenario failed: {step}: {} {:?}", answer.status(), answer.into_inner());
            exit(1);
        }
        Err(error) => {
            eprintln!("scenario failed: {step}: {error}");
            exit(1);
        }
    }
}

/// A value of one of the generated newtypes, which check the description's pattern and lengths.
fn value<T: std::str::FromStr<Err = E>, E: Debug>(text: &str) -> T {
    text.parse().unwrap_or_else(|error| {
        eprintln!("scenario failed: {text:?} refused by the generated type: {error:?}");
        exit(1);
    })
}

/// A client sending the token on every call: progenitor leaves auth to the reqwest client.
fn with_token(base: &str, token: &str) -> Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(reqwest::header::AUTHORIZATION, format!("Bearer {token}").parse().unwrap());
    Client::new_with_client(base, reqwest::Client::builder().default_headers(headers).build().unwrap())
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let env = |name: &str| std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set"));
    let (base, prefix) = (env("EASEMOB_BASE_URL"), env("SCENARIO_PREFIX"));

    // TokenGrant and IssuedToken are oneOfs: untagged enums, one variant per branch; serde takes
    // the first branch an answer decodes as, so the app token must not pass for a user token.
    let credentials = TokenRequest { grant_type: TokenRequestGrantType::ClientCredentials, client_id: value(&env("EASEMOB_CLIENT_ID")), client_secret: value(&env("EASEMOB_CLIENT_SECRET")), ttl: None };
    let issued = must("getToken", Client::new(&base).get_token(&TokenGrant::TokenRequest(credentials)).await);
    let IssuedToken::TokenResponse(app_token) = issued else {
        eprintln!("scenario failed: the app token decoded as {issued:?}");
        exit(1);
    };
    check(!app_token.access_token.is_empty() && app_token.expires_in > 0, "an access token");
    let client = with_token(&base, &app_token.access_token);

    let names: Vec<String> = (1..=3).map(|n| format!("{prefix}_user{n}")).collect();
    for name in &names[..2] {
        let body = CreateUsersRequest::Variant0(UserRegistration { username: value(name), password: value("secret-123"), nickname: None });
        let created = must("createUsers", client.create_users(&body).await);
        check(created.entities[0].username.as_str() == name, &format!("registered {name}"));
    }
    // The other branch of the body's oneOf: a batch.
    let batch = UserRegistrationBatch(vec![UserRegistration { username: value(&names[2]), password: value("secret-123"), nickname: Some(value("Ferris")) }]);
    let created = must("createUsers (a batch)", client.create_users(&CreateUsersRequest::Variant1(batch)).await);
    check(created.entities.iter().any(|user| user.username.as_str() == names[2]), "registered a batch");

    let read = must("getUser", client.get_user(&value(&names[0].to_uppercase())).await);
    check(read.entities[0].username.as_str() == names[0], "read back in other letter case");

    let mut seen = Vec::new();
    let mut cursor: Option<types::ListUsersCursor> = None;
    let mut pages = 0;
    loop {
        let page = must("listUsers", client.list_users(cursor.as_ref(), std::num::NonZeroU32::new(2)).await);
        seen.extend(page.entities.iter().map(|user| user.username.to_string()));
        pages += 1;
        check(pages <= 50, "the cursor ends");
        match page.cursor {
            Some(next) if !next.is_empty() => cursor = Some(value(&next)),
            _ => break,
        }
    }
    for name in &names {
        check(seen.contains(name), &format!("listed {name} across {pages} pages"));
    }
    check(pages >= 2, "more than one page followed");

    match client.get_user(&value(&format!("{prefix}_nobody"))).await {
        Err(Error::ErrorResponse(answer)) => {
            let status = answer.status().as_u16();
            let body = answer.into_inner();
            check(status == 404 && body.error.as_str() == "service_resource_not_found" && !body.error_description.is_empty(), &format!("a 404 decoded as ErrorBody, got {status} {body:?}"));
        }
        other => check(false, &format!("a 404 for a missing user, got {other:?}")),
    }

    // A user token: the other branch of IssuedToken.
    let login = PasswordGrantRequest { grant_type: PasswordGrantRequestGrantType::Password, username: value(&names[0]), password: value("secret-123"), ttl: None, timestamp: None };
    match must("getToken (password)", Client::new(&base).get_token(&TokenGrant::PasswordGrantRequest(login)).await) {
        IssuedToken::UserTokenResponse(user_token) => check(user_token.user.username.as_str() == names[0], "the user token names its user"),
        other => check(false, &format!("a user token answer, got {other:?}")),
    }

    // A form body (application/x-www-form-urlencoded), serialized by progenitor: the keys the
    // client SDKs read are fields, and a key of the app's own goes in `extra` (additionalProperties).
    let attributes = UserAttributes {
        nickname: Some(value("Rust")),
        gender: Some(value("1")),
        avatarurl: None,
        birth: None,
        ext: None,
        mail: None,
        phone: None,
        sign: None,
        extra: [("level".to_string(), value("3"))].into(),
    };
    let set = must("setUserAttributes", client.set_user_attributes(&value(&names[0]), &attributes).await);
    let read = |key: &str| set.data.get(key).map(|v| v.as_str().to_owned());
    check(read("nickname").as_deref() == Some("Rust") && read("gender").as_deref() == Some("1") && read("level").as_deref() == Some("3"), &format!("attributes set, got {:?}", set.data));

    println!("scenario passed: token, 3 registered (one in a batch), read back, {} listed over {pages} pages, 404 decoded, a user token, a form body with a key of its own", seen.len());
}
