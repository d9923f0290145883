package lifake

import (
	"fmt"
	"net/http"
)

// LinkedIn's error bodies, as documented or seen from the real API. Tests
// may pass them to FailNext.
const (
	BodyEmptyToken     = `{"message":"Empty oauth2_access_token","serviceErrorCode":401,"status":401}`
	BodyInvalidToken   = `{"message":"Invalid access token","serviceErrorCode":65600,"code":"INVALID_ACCESS_TOKEN","status":401}`
	BodyRevokedToken   = `{"message":"The token used in the request has been revoked by the user","serviceErrorCode":65601,"code":"REVOKED_ACCESS_TOKEN","status":401}`
	BodyExpiredToken   = `{"message":"The token used in the request has expired","serviceErrorCode":65602,"code":"EXPIRED_ACCESS_TOKEN","status":401}`
	BodyAccessDenied   = `{"message":"Not enough permissions to access: partnerApiPostsExternal.CREATE.20261001","serviceErrorCode":100,"code":"ACCESS_DENIED","status":403}`
	BodyRateLimited    = `{"message":"Resource level throttle APPLICATION DAY limit for calls to this resource is reached.","status":429}`
	BodyVersionMissing = `{"message":"A version must be present. Please specify a version by adding the LinkedIn-Version header.","code":"VERSION_MISSING","status":400}`
	BodyServerError    = `{"message":"Internal Server Error","status":500}`
	BodyUnavailable    = `{"message":"Service Unavailable","status":503}`
)

// BodyDuplicate is the 422 answer to a post whose commentary repeats an
// earlier post's; urn names the earlier post.
func BodyDuplicate(urn string) string {
	return fmt.Sprintf(`{"errorDetailType":"com.linkedin.common.error.BadRequest",`+
		`"message":"com.linkedin.content.common.exception.BadRequestResponseException: Content is a duplicate of %s",`+
		`"errorDetails":{"inputErrors":[{"description":"Duplicate post is detected","input":{},"code":"DUPLICATE_POST"}]},"status":422}`, urn)
}

// BodyInvalid is a 422 answer naming the field that failed validation.
func BodyInvalid(field, description string) string {
	return fmt.Sprintf(`{"errorDetailType":"com.linkedin.common.error.BadRequest","message":%q,`+
		`"errorDetails":{"inputErrors":[{"description":%q,"input":{"inputPath":{"fieldPath":%q}},"code":"INVALID_VALUE"}]},"status":422}`,
		"/"+field+" :: "+description, description, field)
}

// bodyNonexistentVersion is the 426 answer to a retired or unknown version.
func bodyNonexistentVersion(v string) string {
	return fmt.Sprintf(`{"status":426,"code":"NONEXISTENT_VERSION","message":"Requested version %s01 is not active"}`, v)
}

// bodyStatus is the plain {"message","status"} body LinkedIn uses for
// routing and parsing errors.
func bodyStatus(status int, message string) string {
	return fmt.Sprintf(`{"message":%q,"status":%d}`, message, status)
}

// reply writes a JSON answer.
func reply(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	fmt.Fprint(w, body)
}
