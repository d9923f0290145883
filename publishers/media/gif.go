package media

import (
	"bytes"
	"fmt"
)

// GIF block introducers and extension labels.
const (
	gifExtension   = 0x21
	gifImage       = 0x2C
	gifTrailer     = 0x3B
	gifComment     = 0xFE
	gifApplication = 0xFF
)

// gifHeaderLen is the length of the signature and logical screen descriptor.
const gifHeaderLen = 13

// stripGIF copies the header, images and extensions of a GIF, dropping
// comment extensions and application extensions other than NETSCAPE2.0
// looping, and anything after the trailer.
func stripGIF(data []byte) ([]byte, error) {
	if len(data) < gifHeaderLen {
		return nil, fmt.Errorf("gif: header: %w", errTruncated)
	}
	i := gifHeaderLen + colorTableLen(data[10])
	if i > len(data) {
		return nil, fmt.Errorf("gif: global colour table: %w", errTruncated)
	}
	out := make([]byte, 0, len(data))
	out = append(out, data[:i]...)
	images := 0
	for {
		if i >= len(data) {
			return nil, fmt.Errorf("gif: no trailer: %w", errTruncated)
		}
		var end int
		var err error
		switch data[i] {
		case gifTrailer:
			if images == 0 {
				return nil, fmt.Errorf("gif: no image")
			}
			return append(out, gifTrailer), nil
		case gifExtension:
			end, err = subBlocksEnd(data, i+2)
			if err == nil && keepGIFExtension(data[i+1:end]) {
				out = append(out, data[i:end]...)
			}
		case gifImage:
			end, err = gifImageEnd(data, i)
			images++
			if err == nil {
				out = append(out, data[i:end]...)
			}
		default:
			return nil, fmt.Errorf("gif: unknown block %#x at offset %d", data[i], i)
		}
		if err != nil {
			return nil, err
		}
		i = end
	}
}

// colorTableLen returns the size of the colour table announced by a
// packed-fields byte of a screen or image descriptor.
func colorTableLen(flags byte) int {
	if flags&0x80 == 0 {
		return 0
	}
	return 3 << (flags&0x07 + 1)
}

// gifImageEnd returns the offset after the image block starting at i:
// descriptor, local colour table, LZW code size and data sub-blocks.
func gifImageEnd(data []byte, i int) (int, error) {
	const descriptorLen = 10
	if i+descriptorLen > len(data) {
		return 0, fmt.Errorf("gif: image descriptor at offset %d: %w", i, errTruncated)
	}
	j := i + descriptorLen + colorTableLen(data[i+9]) + 1 // + LZW minimum code size
	return subBlocksEnd(data, j)
}

// subBlocksEnd returns the offset after the chain of data sub-blocks
// starting at i, which ends with an empty block.
func subBlocksEnd(data []byte, i int) (int, error) {
	for {
		if i >= len(data) {
			return 0, fmt.Errorf("gif: data sub-blocks: %w", errTruncated)
		}
		n := int(data[i])
		i += 1 + n
		if n == 0 {
			return i, nil
		}
	}
}

// keepGIFExtension reports whether an extension, given from its label
// onwards, draws or animates the image rather than describing it.
func keepGIFExtension(ext []byte) bool {
	switch ext[0] {
	case gifComment:
		return false
	case gifApplication:
		return bytes.HasPrefix(ext[1:], []byte("\x0bNETSCAPE2.0"))
	}
	return true
}
