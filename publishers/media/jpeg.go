package media

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// JPEG markers that matter to stripping.
const (
	markerSOI  = 0xD8
	markerEOI  = 0xD9
	markerSOS  = 0xDA
	markerAPP0 = 0xE0
	markerAPP1 = 0xE1
	markerAPP2 = 0xE2
	markerAPPE = 0xEE // APP14, Adobe
	markerAPPF = 0xEF
	markerCOM  = 0xFE
)

// stripJPEG copies the segments of a JPEG that describe pixels, dropping
// APPn segments other than JFIF, ICC profiles and Adobe, comments, and
// anything after the end-of-image marker. See the package documentation
// for how EXIF orientation survives.
func stripJPEG(data []byte) ([]byte, error) {
	out := make([]byte, 0, len(data))
	out = append(out, 0xFF, markerSOI)
	oriented := false
	for i := 2; ; {
		marker, start, err := nextMarker(data, i)
		if err != nil {
			return nil, err
		}
		i = start + 2
		switch {
		case marker == markerEOI:
			return append(out, 0xFF, markerEOI), nil
		case isStandalone(marker):
			out = append(out, 0xFF, marker)
			continue
		case marker == 0x00 || marker == markerSOI:
			return nil, fmt.Errorf("jpeg: unexpected marker %#x at offset %d", marker, start)
		}
		if i+2 > len(data) {
			return nil, fmt.Errorf("jpeg: segment at offset %d: %w", start, errTruncated)
		}
		end := i + int(binary.BigEndian.Uint16(data[i:]))
		if end < i+2 || end > len(data) {
			return nil, fmt.Errorf("jpeg: segment at offset %d: %w", start, errTruncated)
		}
		payload := data[i+2 : end]
		if marker == markerAPP1 && !oriented {
			out, oriented = appendOrientation(out, exifOrientation(payload))
		}
		out = appendSegment(out, marker, payload)
		i = end
		if marker == markerSOS {
			scanEnd, err := entropyEnd(data, i)
			if err != nil {
				return nil, err
			}
			out = append(out, data[i:scanEnd]...)
			i = scanEnd
		}
	}
}

// nextMarker expects a marker at data[i], skipping 0xFF fill bytes, and
// returns it with the offset of its last 0xFF byte.
func nextMarker(data []byte, i int) (marker byte, start int, err error) {
	if i >= len(data) {
		return 0, 0, fmt.Errorf("jpeg: no end-of-image marker: %w", errTruncated)
	}
	if data[i] != 0xFF {
		return 0, 0, fmt.Errorf("jpeg: expected a marker at offset %d", i)
	}
	for i+1 < len(data) && data[i+1] == 0xFF {
		i++
	}
	if i+1 >= len(data) {
		return 0, 0, fmt.Errorf("jpeg: marker at offset %d: %w", i, errTruncated)
	}
	return data[i+1], i, nil
}

// isStandalone reports whether marker has no length field: restart markers
// and TEM.
func isStandalone(marker byte) bool {
	return marker == 0x01 || 0xD0 <= marker && marker <= 0xD7
}

// entropyEnd returns the offset of the first marker after the entropy-coded
// data starting at i, skipping stuffed 0xFF00 bytes and restart markers.
func entropyEnd(data []byte, i int) (int, error) {
	for {
		j := bytes.IndexByte(data[i:], 0xFF)
		if j < 0 || i+j+1 >= len(data) {
			return 0, fmt.Errorf("jpeg: scan data: %w", errTruncated)
		}
		i += j
		next := data[i+1]
		if next != 0x00 && !(0xD0 <= next && next <= 0xD7) {
			return i, nil
		}
		i += 2
	}
}

// appendSegment appends the segment with the given marker and payload to
// out if it carries no metadata, or its cleaned form, or nothing.
func appendSegment(out []byte, marker byte, payload []byte) []byte {
	switch {
	case marker == markerAPP0:
		return appendJFIF(out, payload)
	case marker == markerAPP2 && bytes.HasPrefix(payload, []byte("ICC_PROFILE\x00")),
		marker == markerAPPE && bytes.HasPrefix(payload, []byte("Adobe")):
		return appendRawSegment(out, marker, payload)
	case markerAPP0 <= marker && marker <= markerAPPF, marker == markerCOM:
		return out
	}
	return appendRawSegment(out, marker, payload)
}

// appendRawSegment appends a marker segment with payload unchanged.
func appendRawSegment(out []byte, marker byte, payload []byte) []byte {
	out = append(out, 0xFF, marker)
	out = binary.BigEndian.AppendUint16(out, uint16(len(payload)+2))
	return append(out, payload...)
}

// jfifHeaderLen is the length of a JFIF APP0 payload without thumbnail:
// identifier, version, density units and densities, thumbnail size.
const jfifHeaderLen = 14

// appendJFIF keeps a JFIF APP0 segment without its thumbnail, which may
// show the uncropped picture. Other APP0 segments (JFXX thumbnails) go.
func appendJFIF(out []byte, payload []byte) []byte {
	if len(payload) < jfifHeaderLen || !bytes.HasPrefix(payload, []byte("JFIF\x00")) {
		return out
	}
	header := append([]byte(nil), payload[:jfifHeaderLen]...)
	header[12], header[13] = 0, 0 // no thumbnail
	return appendRawSegment(out, markerAPP0, header)
}
