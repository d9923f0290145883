package media

import (
	"bytes"
	"encoding/binary"
)

// EXIF constants used to carry the orientation over.
const (
	exifPrefix         = "Exif\x00\x00"
	tagOrientation     = 0x0112
	typeShort          = 3
	typeRational       = 5
	tiffMagic          = 42
	tiffHeaderLen      = 8
	ifdEntryLen        = 12
	maxOrientation     = 8
	uprightOrientation = 1
)

// exifOrientation returns the Orientation tag (1–8) in IFD0 of an EXIF
// APP1 payload, or 0 when the payload is not EXIF or has no valid tag.
func exifOrientation(payload []byte) int {
	tiff, ok := bytes.CutPrefix(payload, []byte(exifPrefix))
	if !ok || len(tiff) < tiffHeaderLen {
		return 0
	}
	var order binary.ByteOrder
	switch string(tiff[:2]) {
	case "II":
		order = binary.LittleEndian
	case "MM":
		order = binary.BigEndian
	default:
		return 0
	}
	if order.Uint16(tiff[2:]) != tiffMagic {
		return 0
	}
	ifd := uint64(order.Uint32(tiff[4:]))
	if ifd+2 > uint64(len(tiff)) {
		return 0
	}
	entries := tiff[ifd+2:]
	for range order.Uint16(tiff[ifd:]) {
		if len(entries) < ifdEntryLen {
			return 0
		}
		if order.Uint16(entries) == tagOrientation && order.Uint16(entries[2:]) == typeShort {
			o := int(order.Uint16(entries[8:]))
			if o < uprightOrientation || o > maxOrientation {
				return 0
			}
			return o
		}
		entries = entries[ifdEntryLen:]
	}
	return 0
}

// appendOrientation appends an EXIF APP1 segment holding orientation o
// when o says the picture is rotated or mirrored (2–8), and reports whether
// it did. Besides the orientation, IFD0 holds only the tags EXIF requires
// of every JPEG, with neutral values: 72 dpi and centred chroma samples.
func appendOrientation(out []byte, o int) ([]byte, bool) {
	if o <= uprightOrientation || o > maxOrientation {
		return out, false
	}
	const (
		entries = 5
		ifd0    = tiffHeaderLen
		xRes    = ifd0 + 2 + entries*ifdEntryLen + 4 // after IFD0
		yRes    = xRes + 8
	)
	be := binary.BigEndian
	entry := func(p []byte, tag, typ uint16, value uint32) []byte {
		p = be.AppendUint16(p, tag)
		p = be.AppendUint16(p, typ)
		p = be.AppendUint32(p, 1) // one value
		return be.AppendUint32(p, value)
	}
	p := []byte(exifPrefix + "MM")
	p = be.AppendUint16(p, tiffMagic)
	p = be.AppendUint32(p, ifd0)
	p = be.AppendUint16(p, entries) // sorted by tag, as TIFF requires
	p = entry(p, tagOrientation, typeShort, uint32(o)<<16)
	p = entry(p, 0x011A, typeRational, xRes) // XResolution
	p = entry(p, 0x011B, typeRational, yRes) // YResolution
	p = entry(p, 0x0128, typeShort, 2<<16)   // ResolutionUnit: inches
	p = entry(p, 0x0213, typeShort, 1<<16)   // YCbCrPositioning: centred
	p = be.AppendUint32(p, 0)                // no next IFD
	// The two resolution values, 72/1 dots per inch each.
	for range 2 {
		p = be.AppendUint32(p, 72)
		p = be.AppendUint32(p, 1)
	}
	return appendRawSegment(out, markerAPP1, p), true
}
