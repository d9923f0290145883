package media

import (
	"encoding/binary"
	"fmt"
)

// webpKeepChunks are the WebP chunks that make up the picture: bitstreams,
// the extended header, alpha, animation and the ICC profile. EXIF, "XMP "
// and unknown chunks are dropped.
var webpKeepChunks = map[string]bool{
	"VP8 ": true, "VP8L": true, "VP8X": true, "ALPH": true,
	"ANIM": true, "ANMF": true, "ICCP": true,
}

// VP8X flag bits announcing metadata chunks.
const (
	vp8xEXIF = 0x08
	vp8xXMP  = 0x04
)

// stripWebP copies the picture chunks of a WebP file, clears the EXIF and
// XMP flags of its VP8X header and rewrites the RIFF size to match.
func stripWebP(data []byte) ([]byte, error) {
	riffEnd := 8 + uint64(binary.LittleEndian.Uint32(data[4:]))
	if riffEnd < 12 {
		return nil, fmt.Errorf("webp: RIFF size %d too small", riffEnd-8)
	}
	if riffEnd > uint64(len(data)) {
		return nil, fmt.Errorf("webp: RIFF size %d: %w", riffEnd-8, errTruncated)
	}
	data = data[:riffEnd]
	out := make([]byte, 0, len(data))
	out = append(out, data[:12]...)
	for i := 12; i < len(data); {
		if i+8 > len(data) {
			return nil, fmt.Errorf("webp: chunk at offset %d: %w", i, errTruncated)
		}
		kind := string(data[i : i+4])
		size := uint64(binary.LittleEndian.Uint32(data[i+4:]))
		size += size & 1 // chunks are padded to an even length
		if uint64(i)+8+size > uint64(len(data)) {
			return nil, fmt.Errorf("webp: %q chunk at offset %d: %w", kind, i, errTruncated)
		}
		end := i + 8 + int(size)
		if webpKeepChunks[kind] {
			at := len(out)
			out = append(out, data[i:end]...)
			if kind == "VP8X" && size > 0 {
				out[at+8] &^= vp8xEXIF | vp8xXMP
			}
		}
		i = end
	}
	binary.LittleEndian.PutUint32(out[4:], uint32(len(out)-8))
	return out, nil
}
