package x_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/connections/postgate/publishers/x/xfake"
	"github.com/dghubble/oauth1"
)

// The signature example of X's "Creating a signature" page
// (platform-apis.md §1.2).
const (
	docConsumerKey    = "xvz1evFS4wEEPTGEFPHBog"
	docConsumerSecret = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw"
	docToken          = "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb"
	docTokenSecret    = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"
	docNonce          = "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"
	docStatus         = "Hello Ladies + Gentlemen, a signed OAuth request!"
	docSignature      = "hCtSmYh+iHYCEqBWrE7C7hYmtUk="
	docBaseString     = "POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26" +
		"oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26" +
		"oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26" +
		"oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26" +
		"status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521"
)

// TestSignerDocVector signs the documented base string with the HMAC
// signer the client uses.
func TestSignerDocVector(t *testing.T) {
	signer := &oauth1.HMACSigner{ConsumerSecret: docConsumerSecret}
	got, err := signer.Sign(docTokenSecret, docBaseString)
	if err != nil || got != docSignature {
		t.Fatalf("Sign = %q, %v; want %q", got, err, docSignature)
	}
	if enc := oauth1.PercentEncode(docStatus); enc != "Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21" {
		t.Errorf("PercentEncode(status) = %q", enc)
	}
}

type fixedNonce string

func (n fixedNonce) Nonce() string { return string(n) }

// TestClientSignatureVerified sends the documented request, with the
// documented nonce, through the oauth1 client the Publisher uses to a TLS
// server that checks it with the fake's independent verifier: query and
// form parameters are signed, and the https base URL is the one the
// server sees.
func TestClientSignatureVerified(t *testing.T) {
	docCreds := xfake.Credentials{ConsumerKey: docConsumerKey, ConsumerSecret: docConsumerSecret, AccessToken: docToken, AccessTokenSecret: docTokenSecret}
	type seen struct {
		err    error
		status string
	}
	got := make(chan seen, 1)
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, err := docCreds.Verify(r)
		r.ParseForm()
		got <- seen{err, r.PostForm.Get("status")}
	}))
	defer srv.Close()

	config := &oauth1.Config{ConsumerKey: docConsumerKey, ConsumerSecret: docConsumerSecret, Noncer: fixedNonce(docNonce)}
	ctx := context.WithValue(context.Background(), oauth1.HTTPClient, srv.Client())
	client := config.Client(ctx, oauth1.NewToken(docToken, docTokenSecret))
	body := url.Values{"status": {docStatus}}.Encode()
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/1.1/statuses/update.json?include_entities=true", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	s := <-got
	if s.err != nil {
		t.Fatalf("verifier rejected the client's signature: %v", s.err)
	}
	if s.status != docStatus {
		t.Errorf("server read status %q after verifying", s.status)
	}
}
