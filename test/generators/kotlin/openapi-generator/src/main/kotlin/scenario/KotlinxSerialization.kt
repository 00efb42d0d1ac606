// The same sandbox through the client generated with serializationLibrary=kotlinx_serialization
// (com.example.easemob.kotlinx): its oneOfs are sealed interfaces of value classes, and its
// generated Json needs one setting before a team can use it (docs/generators.md).
@file:OptIn(kotlinx.serialization.ExperimentalSerializationApi::class)

package scenario

import com.example.easemob.kotlinx.apis.StatusAndMessagesApi
import com.example.easemob.kotlinx.apis.TokenApi
import com.example.easemob.kotlinx.apis.UsersApi
import com.example.easemob.kotlinx.auth.HttpBearerAuth
import com.example.easemob.kotlinx.infrastructure.ApiClient
import com.example.easemob.kotlinx.infrastructure.Serializer
import com.example.easemob.kotlinx.models.CreateUsersRequest
import com.example.easemob.kotlinx.models.ErrorBody
import com.example.easemob.kotlinx.models.IssuedToken
import com.example.easemob.kotlinx.models.PasswordGrantRequest
import com.example.easemob.kotlinx.models.TokenGrant
import com.example.easemob.kotlinx.models.TokenRequest
import com.example.easemob.kotlinx.models.UserRegistration
import com.example.easemob.kotlinx.models.UsersStatusRequest
import kotlinx.serialization.json.Json
import okhttp3.MediaType.Companion.toMediaType
import retrofit2.converter.kotlinx.serialization.asConverterFactory
import retrofit2.converter.scalars.ScalarsConverterFactory

/**
 * The generated Json encodes every property left at its default (encodeDefaults), nulls
 * included: a registration without a nickname goes out as `"nickname":null`, a token request
 * without a ttl as `"ttl":null`. The description allows neither (a nickname, when sent, is a
 * string), and the sandbox refuses a null nickname (400). The program checks that the generated
 * Json still does this, then sends with explicitNulls off, as a team does once at start-up.
 */
fun kotlinxSerialization(baseUrl: String, clientId: String, clientSecret: String, prefix: String): String {
    val asGenerated = Serializer.kotlinxSerializationJson.encodeToString(UserRegistration.serializer(), UserRegistration("someone", "secret"))
    check(asGenerated.contains("\"nickname\":null"), "the generated Json sends a nickname left out as null, got $asGenerated")
    val json = Json(Serializer.kotlinxSerializationJson) { explicitNulls = false }
    fun client(token: String? = null): ApiClient {
        val client = ApiClient(baseUrl, converterFactories = listOf(ScalarsConverterFactory.create(), json.asConverterFactory("application/json".toMediaType())))
        if (token != null) client.addAuthorization("appToken", HttpBearerAuth("bearer", token))
        return client
    }

    val grant = TokenGrant.TokenRequestValue(TokenRequest(TokenRequest.GrantType.client_credentials, clientId, clientSecret))
    val answer = call("getToken (kotlinx)", client().createService(TokenApi::class.java).getToken(grant))
    check(answer is IssuedToken.TokenResponseValue, "an app token answer, got $answer")
    val api = client((answer as IssuedToken.TokenResponseValue).value.accessToken)
    val users = api.createService(UsersApi::class.java)

    val names = listOf("${prefix}_kx1", "${prefix}_kx2", "${prefix}_kx3")
    val one = call("createUsers (kotlinx)", users.createUsers(CreateUsersRequest.UserRegistrationValue(UserRegistration(names[0], "secret-123"))))
    check(one.entities.map { it.username } == names.take(1), "registered ${names[0]} without a nickname, got ${one.entities}")
    val batch = call("createUsers (kotlinx batch)", users.createUsers(CreateUsersRequest.ListUserRegistrationValue(names.drop(1).map { UserRegistration(it, "secret-123", "昵称") })))
    check(batch.entities.map { it.nickname } == listOf("昵称", "昵称"), "a batch with nicknames, got ${batch.entities}")
    check(call("getUser (kotlinx)", users.getUser(names[0].uppercase())).entities[0].username == names[0], "read back")

    val login = TokenGrant.PasswordGrantRequestValue(PasswordGrantRequest(PasswordGrantRequest.GrantType.password, names[1], "secret-123"))
    val userToken = call("getToken (kotlinx, password)", client().createService(TokenApi::class.java).getToken(login))
    check(userToken is IssuedToken.UserTokenResponseValue && userToken.value.user.username == names[1], "a user token naming its user, got $userToken")

    // The typed getUsersStatus, which the gson client's check refuses, reads the answer here.
    val states = call("getUsersStatus (kotlinx)", api.createService(StatusAndMessagesApi::class.java).getUsersStatus(UsersStatusRequest(names.take(2)))).`data`
    check(states == names.take(2).map { mapOf(it to "offline") }, "one state per name, got $states")

    val missing = users.getUser("${prefix}_nobody").execute()
    val error = json.decodeFromString(ErrorBody.serializer(), missing.errorBody()!!.string())
    check(missing.code() == 404 && error.error == "service_resource_not_found", "a 404 decoded as ErrorBody, got ${missing.code()} $error")
    return "kotlinx_serialization: token, 1 registered without a nickname and a batch of 2, read back, a user token, getUsersStatus typed, 404 decoded"
}
