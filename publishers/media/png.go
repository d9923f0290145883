package media

import (
	"encoding/binary"
	"fmt"
)

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// pngRenderChunks are the ancillary PNG chunks that affect how the image is
// drawn: colour, transparency, physical size and animation (APNG). Every
// other ancillary chunk, tEXt, zTXt, iTXt, eXIf and tIME among them, is
// dropped. Critical chunks are always kept.
var pngRenderChunks = map[string]bool{
	"tRNS": true, "cHRM": true, "gAMA": true, "iCCP": true, "sBIT": true,
	"sRGB": true, "cICP": true, "mDCV": true, "cLLI": true, "mDCv": true,
	"cLLi": true, "bKGD": true, "hIST": true, "pHYs": true, "sPLT": true,
	"acTL": true, "fcTL": true, "fdAT": true,
}

// stripPNG copies the critical and rendering chunks of a PNG, unchanged
// with their CRCs, up to and including IEND.
func stripPNG(data []byte) ([]byte, error) {
	out := make([]byte, 0, len(data))
	out = append(out, pngSignature...)
	for i := len(pngSignature); ; {
		if i+8 > len(data) {
			return nil, fmt.Errorf("png: chunk at offset %d: %w", i, errTruncated)
		}
		size := uint64(binary.BigEndian.Uint32(data[i:]))
		kind := string(data[i+4 : i+8])
		if uint64(i)+12+size > uint64(len(data)) {
			return nil, fmt.Errorf("png: %q chunk at offset %d: %w", kind, i, errTruncated)
		}
		end := i + 12 + int(size)
		if isCritical(kind) || pngRenderChunks[kind] {
			out = append(out, data[i:end]...)
		}
		if kind == "IEND" {
			return out, nil
		}
		i = end
	}
}

// isCritical reports whether a chunk type is critical: its first letter is
// upper case.
func isCritical(kind string) bool {
	return 'A' <= kind[0] && kind[0] <= 'Z'
}
