// Package media prepares images for upload: it recognises the format from
// the bytes and removes metadata that could identify a person or a place
// (camera EXIF with GPS, XMP, IPTC, comments, text chunks, thumbnails),
// without re-encoding pixels.
//
// Stripping works on the container, segment by segment, and keeps only
// what a viewer needs to draw the image: JPEG JFIF, ICC profiles and the
// Adobe colour-transform marker; PNG critical chunks and colour, transparency
// and animation chunks; WebP image, alpha, animation and ICC chunks; GIF
// images, graphic controls and NETSCAPE looping. Everything else is dropped,
// including any bytes after the image's end marker.
//
// EXIF orientation: dropping EXIF would lose the camera's rotation, so a
// JPEG whose EXIF says it is rotated or mirrored (orientation 2–8) gets a
// fresh EXIF segment holding that orientation and the resolution tags EXIF
// requires (set to 72 dpi), nothing else.
// Orientation in PNG eXIf or WebP EXIF chunks is dropped with the chunk;
// viewers rarely honour it there. Width and Height are the stored pixel
// dimensions, before any rotation a viewer applies.
package media

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/gif"  // register GIF for image.DecodeConfig
	_ "image/jpeg" // register JPEG for image.DecodeConfig
	_ "image/png"  // register PNG for image.DecodeConfig
	"os"

	_ "golang.org/x/image/webp" // register WebP for image.DecodeConfig
)

// The MIME types Load and Strip recognise.
const (
	JPEG = "image/jpeg"
	PNG  = "image/png"
	GIF  = "image/gif"
	WebP = "image/webp"
)

// ErrUnsupported is returned, wrapped, for data that is not a JPEG, PNG,
// GIF or WebP image.
var ErrUnsupported = errors.New("unsupported image type (want JPEG, PNG, GIF or WebP)")

// errTruncated is returned, wrapped, when the data ends inside a structure.
var errTruncated = errors.New("truncated")

// Image is an image ready to upload: its bytes with all metadata removed.
type Image struct {
	Data   []byte // the image file, metadata removed
	MIME   string // one of JPEG, PNG, GIF, WebP
	Width  int    // stored width in pixels
	Height int    // stored height in pixels
}

// Load reads the image file at path and returns it stripped of metadata,
// as Strip does. Errors name the file.
func Load(path string) (Image, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Image{}, fmt.Errorf("load image: %w", err)
	}
	img, err := Strip(data)
	if err != nil {
		return Image{}, fmt.Errorf("load image %s: %w", path, err)
	}
	return img, nil
}

// Strip detects the type of the image in data from its content, removes
// its metadata as described in the package documentation and reads its
// dimensions. It returns an error wrapping ErrUnsupported for other data,
// and an error for truncated or malformed images. data is not modified.
func Strip(data []byte) (Image, error) {
	mime := detect(data)
	var out []byte
	var err error
	switch mime {
	case JPEG:
		out, err = stripJPEG(data)
	case PNG:
		out, err = stripPNG(data)
	case GIF:
		out, err = stripGIF(data)
	case WebP:
		out, err = stripWebP(data)
	default:
		return Image{}, ErrUnsupported
	}
	if err != nil {
		return Image{}, err
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(out))
	if err != nil {
		return Image{}, fmt.Errorf("read %s header: %w", mime, err)
	}
	if "image/"+format != mime {
		return Image{}, fmt.Errorf("%s decoded as %s", mime, format)
	}
	return Image{Data: out, MIME: mime, Width: cfg.Width, Height: cfg.Height}, nil
}

// detect returns the MIME type of data from its signature, or "".
func detect(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return JPEG
	case bytes.HasPrefix(data, pngSignature):
		return PNG
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return GIF
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return WebP
	}
	return ""
}
