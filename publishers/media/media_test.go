package media

import (
	"bytes"
	"errors"
	"image"
	"image/gif"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/image/webp"
)

func concat(parts ...[]byte) []byte {
	return bytes.Join(parts, nil)
}

// mustStrip strips in and checks the result against the expected bytes,
// type and size, and that no marker survived.
func mustStrip(t *testing.T, in, want []byte, mime string, w, h int) Image {
	t.Helper()
	img, err := Strip(in)
	if err != nil {
		t.Fatalf("Strip: %v", err)
	}
	assertClean(t, img.Data)
	if !bytes.Equal(img.Data, want) {
		t.Errorf("Strip output differs from the expected %d bytes (got %d)", len(want), len(img.Data))
	}
	if img.MIME != mime || img.Width != w || img.Height != h {
		t.Errorf("got %s %d×%d, want %s %d×%d", img.MIME, img.Width, img.Height, mime, w, h)
	}
	return img
}

// mustDecode decodes a whole image, pixels included.
func mustDecode(t *testing.T, data []byte) image.Image {
	t.Helper()
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	return img
}

func TestStripJPEG(t *testing.T) {
	clean := mustJPEG(t, 64, 48, 90)
	soi, body := clean[:2], clean[2:len(clean)-2]
	eoi := []byte{0xFF, markerEOI}
	jfifThumb := jpegSegment(markerAPP0, "JFIF\x00\x01\x02\x00\x00\x01\x00\x01\x04\x01THUMBMARKER!")
	jfif := jpegSegment(markerAPP0, "JFIF\x00\x01\x02\x00\x00\x01\x00\x01\x00\x00")
	icc := jpegSegment(markerAPP2, iccPayload)
	adobe := jpegSegment(markerAPPE, "Adobe\x00\x64\x00\x00\x00\x00\x01")
	metadata := concat(
		jpegSegment(markerAPP0, "JFXX\x00\x10THUMBMARKER"),
		jpegSegment(markerAPP1, xmpPayload),
		jpegSegment(markerAPP2, "MPF\x00MM\x00*MPFMARKER"),
		jpegSegment(0xED, iptcPayload),
		jpegSegment(markerAPPF, "APPMARKER"),
		jpegSegment(markerCOM, "COMMENTMARKER"),
	)
	rotated, _ := appendOrientation(nil, 6)
	tests := []struct {
		name    string
		in      []byte
		want    []byte
		orients int
	}{
		{"plain", clean, clean, 0},
		{"trailing bytes", concat(clean, []byte("TRAILERMARKER")), clean, 0},
		{"upright EXIF with GPS", concat(soi, jpegSegment(markerAPP1, exifWithGPS(1)), body, eoi), clean, 0},
		{"rotated EXIF keeps orientation",
			concat(soi, jfifThumb, jpegSegment(markerAPP1, exifWithGPS(6)), body, eoi),
			concat(soi, jfif, rotated, body, eoi), 6},
		{"all metadata", concat(soi, jfifThumb, metadata, icc, adobe, body, eoi), concat(soi, jfif, icc, adobe, body, eoi), 0},
		{"comment after the scan", concat(soi, body, jpegSegment(markerCOM, "COMMENTMARKER"), eoi), clean, 0},
		{"fill bytes before markers", concat(soi, []byte{0xFF, 0xFF}, jfif, body, []byte{0xFF}, eoi), concat(soi, jfif, body, eoi), 0},
	}
	want := mustDecode(t, clean)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := mustStrip(t, tt.in, tt.want, JPEG, 64, 48)
			if got := mustDecode(t, img.Data); !reflect.DeepEqual(got, want) {
				t.Error("pixels changed")
			}
			if got := orientationOf(img.Data); got != tt.orients {
				t.Errorf("orientation %d, want %d", got, tt.orients)
			}
		})
	}
}

// orientationOf returns the orientation in the first APP1 segment of a
// stripped JPEG, or 0.
func orientationOf(data []byte) int {
	i := bytes.Index(data, []byte{0xFF, markerAPP1})
	if i < 0 {
		return 0
	}
	n := int(data[i+2])<<8 | int(data[i+3])
	return exifOrientation(data[i+4 : i+2+n])
}

func TestEntropyEnd(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"\x12\x34\xFF\xD9", 2},
		{"\x12\xFF\x00\x34\xFF\xD0\x56\xFF\xD7\xFF\xC4", 9},
		{"\x12\xFF\xFF\xD9", 1},
	}
	for _, tt := range tests {
		if got, err := entropyEnd([]byte(tt.in), 0); err != nil || got != tt.want {
			t.Errorf("entropyEnd(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
	if _, err := entropyEnd([]byte("\x12\xFF\x00\x34"), 0); !errors.Is(err, errTruncated) {
		t.Errorf("scan without a marker: %v, want truncated", err)
	}
}

func TestStripPNG(t *testing.T) {
	clean := mustPNG(t, 40, 30)
	const ihdrEnd = 8 + 12 + 13
	head, rest := clean[:ihdrEnd], clean[ihdrEnd:]
	phys := pngChunk("pHYs", "\x00\x00\x0b\x13\x00\x00\x0b\x13\x01")
	metadata := concat(
		pngChunk("tEXt", "Comment\x00TEXTMARKER"),
		pngChunk("zTXt", "ZTXTMARKER\x00\x00\x78\x9c\x03\x00\x00\x00\x00\x01"),
		pngChunk("iTXt", "ITXTMARKER\x00\x00\x00en\x00\x00text"),
		pngChunk("eXIf", strings.TrimPrefix(exifWithGPS(6), exifPrefix)),
		pngChunk("tIME", "\x07\xea\x0b\x19\x0a\x00\x00"),
		pngChunk("prVt", "PRIVATEMARKER"),
	)
	tests := []struct {
		name string
		in   []byte
		want []byte
	}{
		{"plain", clean, clean},
		{"metadata chunks", concat(head, metadata, phys, rest), concat(head, phys, rest)},
		{"trailing bytes", concat(clean, []byte("TRAILERMARKER")), clean},
	}
	want := mustDecode(t, clean)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := mustStrip(t, tt.in, tt.want, PNG, 40, 30)
			if !reflect.DeepEqual(mustDecode(t, img.Data), want) {
				t.Error("pixels changed")
			}
			if bytes.Contains(img.Data, []byte("tIME")) {
				t.Error("tIME chunk kept")
			}
		})
	}
}

func TestStripGIF(t *testing.T) {
	clean := mustGIF(t, 20, 10)
	head := gifHeaderLen + colorTableLen(clean[10])
	metadata := concat(
		[]byte("\x21\xFE\x0dCOMMENTMARKER\x00"),
		[]byte("\x21\xFF\x0bXMP DataXMP\x09XMPMARKER\x00"),
		[]byte("\x21\xFF\x0bANIMEXTS1.0\x03\x01\x00\x00\x00"),
	)
	tests := []struct {
		name string
		in   []byte
	}{
		{"plain", clean},
		{"metadata extensions", concat(clean[:head], metadata, clean[head:])},
		{"trailing bytes", concat(clean, []byte("TRAILERMARKER"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := mustStrip(t, tt.in, clean, GIF, 20, 10)
			anim, err := gif.DecodeAll(bytes.NewReader(img.Data))
			if err != nil {
				t.Fatal(err)
			}
			if len(anim.Image) != 2 || anim.LoopCount != 0 {
				t.Errorf("got %d frames, loop count %d; want 2 frames looping forever", len(anim.Image), anim.LoopCount)
			}
		})
	}
}

func TestStripWebP(t *testing.T) {
	bits := riffChunk("VP8L", vp8l(3, 2))
	icc := riffChunk("ICCP", []byte("fake-profile"))
	exif := riffChunk("EXIF", []byte(strings.TrimPrefix(exifWithGPS(6), exifPrefix)))
	xmp := riffChunk("XMP ", []byte(xmpPayload))
	private := riffChunk("priv", []byte("PRIVATEMARKER"))
	const flagICC = 0x20
	tests := []struct {
		name string
		in   []byte
		want []byte
	}{
		{"simple", webpFile(bits), webpFile(bits)},
		{"extended with metadata",
			webpFile(vp8x(flagICC|vp8xEXIF|vp8xXMP, 3, 2), icc, bits, exif, xmp, private),
			webpFile(vp8x(flagICC, 3, 2), icc, bits)},
		{"trailing bytes", concat(webpFile(bits), []byte("TRAILERMARKER")), webpFile(bits)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := mustStrip(t, tt.in, tt.want, WebP, 3, 2)
			if _, err := webp.Decode(bytes.NewReader(img.Data)); err != nil {
				t.Errorf("decode: %v", err)
			}
		})
	}
}

func TestStripRejects(t *testing.T) {
	tests := []struct {
		name        string
		in          []byte
		unsupported bool
	}{
		{"empty", nil, true},
		{"text", []byte("hello, world"), true},
		{"bmp", []byte("BM\x3a\x00\x00\x00\x00\x00\x00\x00\x36\x00"), true},
		{"tiff", []byte("II*\x00\x08\x00\x00\x00"), true},
		{"riff but not webp", []byte("RIFF\x04\x00\x00\x00WAVE"), true},
		{"jpeg soi only", []byte{0xFF, 0xD8, 0xFF}, false},
		{"jpeg without frame", []byte{0xFF, 0xD8, 0xFF, 0xD9}, false},
		{"jpeg short segment length", []byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x01, 0xFF, 0xD9}, false},
		{"jpeg garbage between segments", []byte{0xFF, 0xD8, 0xFF, 0xFE, 0x00, 0x02, 0x42, 0xFF, 0xD9}, false},
		{"jpeg nested soi", []byte{0xFF, 0xD8, 0xFF, 0xD8, 0xFF, 0xD9}, false},
		{"png without IHDR", concat(pngSignature, pngChunk("IEND", "")), false},
		{"png huge chunk", concat(pngSignature, []byte("\xff\xff\xff\xffIHDR")), false},
		{"gif unknown block", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00\x99"), false},
		{"gif without image", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00\x3b"), false},
		{"webp tiny riff size", []byte("RIFF\x02\x00\x00\x00WEBPVP8L"), false},
		{"webp odd chunk without padding", webpFile([]byte("VP8L\x01\x00\x00\x00\x2f")), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Strip(tt.in)
			if err == nil {
				t.Fatal("Strip succeeded")
			}
			if errors.Is(err, ErrUnsupported) != tt.unsupported {
				t.Errorf("error %q: unsupported = %v, want %v", err, !tt.unsupported, tt.unsupported)
			}
		})
	}
}

// testImages returns one small valid image per format.
func testImages(t testing.TB) map[string][]byte {
	return map[string][]byte{
		JPEG: mustJPEG(t, 16, 8, 75),
		PNG:  mustPNG(t, 16, 8),
		GIF:  mustGIF(t, 16, 8),
		WebP: webpFile(vp8x(vp8xEXIF, 16, 8), riffChunk("VP8L", vp8l(16, 8)), riffChunk("EXIF", []byte("II*\x00"))),
	}
}

func TestStripTruncated(t *testing.T) {
	for mime, data := range testImages(t) {
		clean, err := Strip(data)
		if err != nil {
			t.Fatalf("%s: %v", mime, err)
		}
		for n := range len(clean.Data) {
			if _, err := Strip(clean.Data[:n]); err == nil {
				t.Errorf("%s cut to %d of %d bytes: no error", mime, n, len(clean.Data))
			}
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	photo := filepath.Join(dir, "photo.jpg")
	notes := filepath.Join(dir, "notes.jpg")
	if err := os.WriteFile(photo, concat(mustJPEG(t, 8, 8, 80), []byte("TRAILERMARKER")), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(notes, []byte("not an image"), 0o600); err != nil {
		t.Fatal(err)
	}

	img, err := Load(photo)
	if err != nil || img.MIME != JPEG || img.Width != 8 {
		t.Fatalf("Load(photo) = %s %d, %v", img.MIME, img.Width, err)
	}
	assertClean(t, img.Data)

	_, err = Load(notes)
	if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), notes) {
		t.Errorf("Load(notes) error %q should name the file and wrap ErrUnsupported", err)
	}
	_, err = Load(filepath.Join(dir, "missing.png"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load(missing) error %q, want not-exist", err)
	}
}

func FuzzStrip(f *testing.F) {
	for _, data := range testImages(f) {
		f.Add(data)
	}
	f.Add(concat([]byte{0xFF, 0xD8}, jpegSegment(markerAPP1, exifWithGPS(8)), mustJPEG(f, 8, 8, 50)[2:]))
	f.Fuzz(func(t *testing.T, data []byte) {
		img, err := Strip(data)
		if err != nil {
			return
		}
		again, err := Strip(img.Data)
		if err != nil {
			t.Fatalf("stripped output does not strip again: %v", err)
		}
		if !bytes.Equal(again.Data, img.Data) {
			t.Fatal("Strip is not idempotent")
		}
	})
}

func BenchmarkStripJPEG(b *testing.B) {
	data := concat([]byte{0xFF, 0xD8}, jpegSegment(markerAPP1, exifWithGPS(6)), mustJPEG(b, 1600, 1200, 95)[2:])
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Strip(data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(data))/1e6, "MB/file")
}
