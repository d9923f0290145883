package igfake

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// Error is the Graph API error object, answered as {"error":{…}}.
type Error struct {
	Message     string `json:"message"`
	Type        string `json:"type"`
	Code        int    `json:"code"`
	Subcode     int    `json:"error_subcode,omitempty"`
	IsTransient bool   `json:"is_transient"`
	UserTitle   string `json:"error_user_title,omitempty"`
	UserMsg     string `json:"error_user_msg,omitempty"`
	TraceID     string `json:"fbtrace_id"`
}

// Body returns the error as the JSON body the Graph API sends.
func (e Error) Body() string {
	if e.Type == "" {
		e.Type = "OAuthException"
	}
	if e.TraceID == "" {
		e.TraceID = "AigfakeTrace1"
	}
	b, err := json.Marshal(struct {
		Error Error `json:"error"`
	}{e})
	if err != nil {
		panic(err) // a struct of strings, ints and bools always marshals
	}
	return string(b)
}

// The documented errors the fake answers on its own. Tests may also send
// them, or any other Error, through a Failure.
var (
	// ErrNoToken: a request without an access token.
	ErrNoToken = Error{Code: 2500, Message: "An active access token must be used to query information about the current user."}
	// ErrBadToken: a token that is not the configured one.
	ErrBadToken = Error{Code: 190, Message: "Invalid OAuth access token - Cannot parse access token"}
	// ErrExpiredToken: the token expired (see Server.ExpireToken).
	ErrExpiredToken = Error{Code: 190, Subcode: 463, Message: "Error validating access token: Session has expired."}
	// ErrNoProof: appsecret_proof is required but missing.
	ErrNoProof = Error{Code: 100, Type: "GraphMethodException", Message: "API calls from the server require an appsecret_proof argument"}
	// ErrBadProof: appsecret_proof does not match the token.
	ErrBadProof = Error{Code: 100, Type: "GraphMethodException", Message: "Invalid appsecret_proof provided in the API argument"}
	// ErrNotReady: media_publish on a container that is not FINISHED.
	ErrNotReady = Error{Code: 9007, Subcode: 2207027, Message: "Media ID is not available",
		UserTitle: "Cannot publish", UserMsg: "The media is not ready to be published. Please wait a moment."}
	// ErrQuota: media_publish beyond the publishing limit.
	ErrQuota = Error{Code: 9, Subcode: 2207042, Message: "Application request limit reached",
		UserTitle: "Cannot publish", UserMsg: "You reached maximum number of posts that is allowed to be published by Content Publishing API."}
	// ErrDownload: the image_url could not be fetched or is not a photo.
	ErrDownload = Error{Code: 9004, Subcode: 2207052, Message: "Only photo or video can be accepted as media type.",
		UserTitle: "Media download has failed. The media URI doesn't meet our requirements."}
	// ErrTooLarge: the image is larger than 8 MiB.
	ErrTooLarge = Error{Code: 36000, Subcode: 2207004, Message: "The image size is too large.",
		UserTitle: "Image size too large", UserMsg: "The image is too large to download. It should be less than 8 MiB."}
	// ErrFormat: the image is not a JPEG.
	ErrFormat = Error{Code: 36001, Subcode: 2207005, Message: "The image format is not supported.",
		UserTitle: "Unsupported format", UserMsg: "The image format is not supported. Supported formats: JPEG."}
	// errCarousel: a carousel with fewer than 2 or more than 10 items.
	errCarousel = Error{Code: 100, Subcode: 2207028, Message: "Carousel validation failed",
		UserMsg: "Your post couldn't be shared as a carousel. Carousels need at least 2 photos/videos and no more than 10 photos/videos."}
	// ErrServer: the documented Instagram server error.
	ErrServer = Error{Code: -1, Subcode: 2207001, Message: "Instagram server error. Try again.", IsTransient: true}
	// ErrSpam: the documented spam restriction.
	ErrSpam = Error{Code: 4, Subcode: 2207051, Message: "Application request limit reached",
		UserMsg: "We restrict certain activity to protect our community. Tell us if you think we made a mistake."}
)

// errBuilderGone: media_publish with an unknown or expired creation_id.
func errBuilderGone(id string) Error {
	return Error{Code: 24, Subcode: 2207008,
		Message: fmt.Sprintf("The media builder with creation id = %s does not exist or has been expired.", id)}
}

// errNoObject: a read of an id that does not exist.
func errNoObject(method, id string) Error {
	return Error{Code: 100, Subcode: 33, Type: "GraphMethodException", Message: fmt.Sprintf(
		"Unsupported %s request. Object with ID '%s' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
		method, id)}
}

// errParam: a missing or invalid parameter.
func errParam(msg string) Error {
	return Error{Code: 100, Message: "(#100) " + msg}
}

// errUnknownPath: a path the API does not have.
func errUnknownPath(p string) Error {
	return Error{Code: 2500, Message: "Unknown path components: " + p}
}

// errorForStatus is the Graph error a failure with only a status answers.
func errorForStatus(status int) Error {
	if status >= 500 {
		return Error{Code: 2, Message: "An unexpected error has occurred. Please retry your request later.", IsTransient: true}
	}
	return Error{Code: 1, Message: "An unknown error occurred"}
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	w.WriteHeader(status)
	fmt.Fprint(w, body)
}

func writeError(w http.ResponseWriter, e Error) {
	if e.Code == 190 {
		w.Header().Set("WWW-Authenticate", `OAuth "Facebook Platform" "invalid_token" "`+e.Message+`"`)
	}
	writeJSON(w, http.StatusBadRequest, e.Body())
}
