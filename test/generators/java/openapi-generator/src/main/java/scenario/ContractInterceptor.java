// Atlassian's swagger-request-validator, the validator Java teams' contract tests are built on
// (its RestAssured, MockMvc and WireMock adapters), holding every exchange of this program against
// the description: each request the generated client builds and each answer the sandbox sends.
// It reads OpenAPI 3.0 only: given the 3.1 bundle it loads it, but its JSON Schema reading
// (draft 4) skips `const`, so a misspelt grant_type passes. It gets generated/openapi-3.0.json.
package scenario;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request.Method;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.allOf;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.headerContainsSubstring;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.isRequest;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageHasKey;

final class ContractInterceptor implements Interceptor {
  /**
   * The validator as docs/generators.md sets it up. By default it closes every schema that lists
   * `properties` and says nothing of `additionalProperties` (its
   * AdditionalPropertiesInjectionTransformer), and so refuses every answer of this description:
   * they are composed with allOf (an envelope and the operation's own fields) and left open to
   * fields the service adds later. `validation.schema.additionalProperties` at IGNORE turns that
   * off; the request schemas, which the description closes itself, stay closed.
   *
   * And one rule: the validator reads a form body's values as JSON before checking them
   * (HttpParsingUtils.toJsonObject: `1` becomes a number, `true` a boolean, `null` null), so a
   * text field holding digits, such as setUserAttributes' `gender=1`, is refused as "integer,
   * allowed: string". Form values are text on the wire; the rule lets type errors of form bodies
   * go, and nothing else.
   */
  static OpenApiInteractionValidator validator(String specification, String basePath) {
    return OpenApiInteractionValidator.createForSpecificationUrl(specification)
        .withBasePathOverride(basePath)
        .withLevelResolver(LevelResolver.create().withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE).build())
        .withWhitelist(ValidationErrorsWhitelist.create().withRule(
            "form values are text",
            allOf(isRequest(), headerContainsSubstring("Content-Type", "application/x-www-form-urlencoded"), messageHasKey("validation.request.body.schema.type"))))
        .build();
  }

  /** The validator with every default, to show why the setting above is needed. */
  static OpenApiInteractionValidator defaultValidator(String specification, String basePath) {
    return OpenApiInteractionValidator.createForSpecificationUrl(specification).withBasePathOverride(basePath).build();
  }

  final OpenApiInteractionValidator validator;
  final List<String> violations = new ArrayList<>();
  int exchanges = 0;
  SimpleRequest lastRequest;
  SimpleResponse lastResponse;

  ContractInterceptor(OpenApiInteractionValidator validator) {
    this.validator = validator;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(request);
    lastRequest = toValidatorRequest(request);
    lastResponse = toValidatorResponse(response);
    ValidationReport report = validator.validate(lastRequest, lastResponse);
    exchanges++;
    if (report.hasErrors()) {
      violations.add(request.method() + " " + request.url().encodedPath() + " → " + response.code() + ": " + SimpleValidationReportFormat.getInstance().apply(report));
    }
    return response;
  }

  private static SimpleRequest toValidatorRequest(Request request) throws IOException {
    SimpleRequest.Builder builder = new SimpleRequest.Builder(Method.valueOf(request.method()), request.url().encodedPath());
    for (String name : request.url().queryParameterNames()) builder.withQueryParam(name, request.url().queryParameterValues(name));
    for (String name : request.headers().names()) builder.withHeader(name, request.headers(name));
    if (request.body() != null) {
      Buffer body = new Buffer();
      request.body().writeTo(body);
      if (request.body().contentType() != null) builder.withContentType(request.body().contentType().toString());
      builder.withBody(body.readUtf8());
    }
    return builder.build();
  }

  private static SimpleResponse toValidatorResponse(Response response) throws IOException {
    SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.code());
    for (String name : response.headers().names()) builder.withHeader(name, response.headers(name));
    // A copy: the generated client reads the body itself afterwards.
    String body = response.peekBody(Long.MAX_VALUE).string();
    if (!body.isEmpty()) builder.withBody(body);
    return builder.build();
  }
}
