package xfake

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// problem is X API v2's error body.
type problem struct {
	Title  string `json:"title"`
	Detail string `json:"detail"`
	Type   string `json:"type"`
	Status int    `json:"status"`
}

// The problems the fake answers with, as X sends them.
var (
	unauthorized = problem{Title: "Unauthorized", Detail: "Unauthorized", Type: "about:blank", Status: 401}
	duplicate    = problem{
		Title:  "Forbidden",
		Detail: "You are not allowed to create a Tweet with duplicate content.",
		Type:   "about:blank",
		Status: 403,
	}
	tooManyRequests = problem{Title: "Too Many Requests", Detail: "Too Many Requests", Type: "about:blank", Status: 429}
	notFound        = problem{Title: "Not Found Error", Detail: "Not Found", Type: "about:blank", Status: 404}
)

// invalidRequestType is the problem type of a 400 answer.
const invalidRequestType = "https://api.twitter.com/2/problems/invalid-request"

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // X sends &amp; and friends, not \u0026
	enc.Encode(v)
}

func writeProblem(w http.ResponseWriter, status int, p problem) {
	p.Status = status
	writeJSON(w, status, p)
}

// writeInvalid answers 400 the way X reports a bad parameter: a problem
// with an errors[] entry naming the parameter.
func writeInvalid(w http.ResponseWriter, param, message string) {
	writeJSON(w, http.StatusBadRequest, map[string]any{
		"errors": []map[string]any{{
			"parameters": map[string][]string{param: {}},
			"message":    message,
		}},
		"title":  "Invalid Request",
		"detail": "One or more parameters to your request was invalid.",
		"type":   invalidRequestType,
	})
}

// window is one rate limit: limit requests per length, reset at reset.
type window struct {
	limit  int
	length time.Duration
	used   int
	reset  time.Time
}

// take counts one request at now and reports whether it is within the limit.
func (w *window) take(now time.Time) bool {
	if !now.Before(w.reset) {
		w.used, w.reset = 0, now.Add(w.length)
	}
	if w.used >= w.limit {
		return false
	}
	w.used++
	return true
}

func (w *window) setHeaders(h http.Header, prefix string) {
	h.Set(prefix+"-limit", strconv.Itoa(w.limit))
	h.Set(prefix+"-remaining", strconv.Itoa(max(w.limit-w.used, 0)))
	h.Set(prefix+"-reset", strconv.FormatInt(w.reset.Unix(), 10))
}

// limits are the per-user 15-minute limits of each route. Posting and
// users/me follow X's published tables; the media limits are generous
// stand-ins.
var limits = map[string]int{
	"tweets":         100,
	"media":          500,
	"media-status":   1000,
	"media-metadata": 500,
	"users-me":       75,
	"user-tweets":    900,
}

// admit counts the request against its route's 15-minute window (and, for
// posting, the 24-hour user limit), sets the x-rate-limit-* headers, and
// answers 429 when a limit is spent.
func (f *Fake) admit(w http.ResponseWriter, route string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	now := f.now()
	win := f.windows[route]
	if win == nil {
		win = &window{limit: limits[route], length: 15 * time.Minute}
		f.windows[route] = win
	}
	ok := win.take(now)
	win.setHeaders(w.Header(), "x-rate-limit")
	if route == "tweets" && ok {
		ok = f.daily.take(now)
		f.daily.setHeaders(w.Header(), "x-user-limit-24hour")
	}
	if !ok {
		writeProblem(w, http.StatusTooManyRequests, tooManyRequests)
	}
	return ok
}
