package blueskyfake

import (
	"crypto/sha256"
	"encoding/base32"
	"io"
	"net/http"
	"strings"
)

// maxUpload is the largest body uploadBlob takes.
const maxUpload = 50 << 20

// uploadBlob handles com.atproto.repo.uploadBlob: the raw bytes as the
// body. The PDS sniffs the type from the bytes.
func (f *Fake) uploadBlob(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Content-Type") == "" {
		reply(w, http.StatusBadRequest, BodyInvalidRequest("Request encoding (Content-Type) required but not provided"))
		return
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, maxUpload+1))
	switch {
	case err != nil:
		reply(w, http.StatusBadRequest, BodyInvalidRequest("could not read the body"))
		return
	case len(data) > maxUpload:
		reply(w, http.StatusRequestEntityTooLarge, BodyPayloadTooLarge)
		return
	case len(data) == 0:
		reply(w, http.StatusBadRequest, BodyInvalidRequest("Request body is empty"))
		return
	}
	b := &Blob{CID: cid("bafkrei", data), MimeType: http.DetectContentType(data), Data: data}
	f.mu.Lock()
	f.blobs[b.CID] = b
	f.mu.Unlock()
	replyJSON(w, map[string]any{"blob": map[string]any{
		"$type": "blob", "ref": map[string]string{"$link": b.CID}, "mimeType": b.MimeType, "size": len(data)}})
}

// cid returns a content id of the form the PDS uses: a prefix naming the
// codec and hash, then the SHA-256 of data in lower-case base32.
func cid(prefix string, data []byte) string {
	sum := sha256.Sum256(data)
	enc := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(sum[:])
	return prefix + strings.ToLower(enc)
}
