package media

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"testing"
)

// Marker strings planted in metadata; none may survive stripping.
var markers = []string{
	"MAKEMARKER", "GPSMARKER", "XMPMARKER", "IPTCMARKER", "COMMENTMARKER",
	"THUMBMARKER", "TEXTMARKER", "ZTXTMARKER", "ITXTMARKER", "PRIVATEMARKER",
	"TRAILERMARKER", "APPMARKER", "MPFMARKER",
}

// assertClean fails the test if any marker string is in data.
func assertClean(t *testing.T, data []byte) {
	t.Helper()
	for _, m := range markers {
		if bytes.Contains(data, []byte(m)) {
			t.Errorf("output still contains %s", m)
		}
	}
}

// noise returns a w×h picture of random colours from a fixed seed.
func noise(w, h int) *image.RGBA {
	rng := rand.New(rand.NewPCG(1, 2))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = byte(rng.IntN(256))
	}
	return img
}

func mustJPEG(t testing.TB, w, h, quality int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, noise(w, h), &jpeg.Options{Quality: quality}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func mustPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, noise(w, h)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func mustGIF(t testing.TB, w, h int) []byte {
	t.Helper()
	pal := color.Palette{color.Black, color.White}
	frame := image.NewPaletted(image.Rect(0, 0, w, h), pal)
	frame.SetColorIndex(1, 1, 1)
	anim := &gif.GIF{Image: []*image.Paletted{frame, frame}, Delay: []int{10, 10}}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, anim); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// jpegSegment returns a JPEG marker segment with the given payload.
func jpegSegment(marker byte, payload string) []byte {
	return appendRawSegment(nil, marker, []byte(payload))
}

// pngChunk returns a PNG chunk with a valid CRC.
func pngChunk(kind, data string) []byte {
	c := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	c = append(c, kind+data...)
	return binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE([]byte(kind+data)))
}

// exifWithGPS returns an EXIF APP1 payload (little-endian TIFF) with an
// orientation, a camera make and a GPS IFD holding a latitude and a
// processing method, the last two carrying marker strings.
func exifWithGPS(orientation uint16) string {
	le := binary.LittleEndian
	entry := func(b []byte, tag, typ uint16, count, value uint32) []byte {
		b = le.AppendUint16(b, tag)
		b = le.AppendUint16(b, typ)
		b = le.AppendUint32(b, count)
		return le.AppendUint32(b, value)
	}
	const (
		camera         = "MAKEMARKER\x00"
		method         = "ASCII\x00\x00\x00GPSMARKER"
		ifd0    uint32 = 8
		makeAt         = ifd0 + 2 + 3*12 + 4 // after IFD0
		gpsAt          = makeAt + uint32(len(camera)) + 1
		latAt          = gpsAt + 2 + 3*12 + 4 // after the GPS IFD
		methdAt        = latAt + 24
	)
	b := []byte("II*\x00")
	b = le.AppendUint32(b, ifd0)
	b = le.AppendUint16(b, 3)
	b = entry(b, 0x0112, 3, 1, uint32(orientation))
	b = entry(b, 0x010F, 2, uint32(len(camera)), makeAt)
	b = entry(b, 0x8825, 4, 1, gpsAt)
	b = le.AppendUint32(b, 0)
	b = append(b, camera+"\x00"...)
	b = le.AppendUint16(b, 3)
	b = entry(b, 0x0001, 2, 2, 'N')
	b = entry(b, 0x0002, 5, 3, latAt)
	b = entry(b, 0x001B, 7, uint32(len(method)), methdAt)
	b = le.AppendUint32(b, 0)
	for _, v := range []uint32{41, 1, 17, 1, 3034, 100} { // 41°17'30.34"
		b = le.AppendUint32(b, v)
	}
	b = append(b, method...)
	return exifPrefix + string(b)
}

// Other metadata payloads, each carrying a marker.
const (
	xmpPayload  = "http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta><dc:creator>XMPMARKER</dc:creator></x:xmpmeta>"
	iptcPayload = "Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x0f\x1c\x02\x50\x00\x0aIPTCMARKER"
	iccPayload  = "ICC_PROFILE\x00\x01\x01fake-profile-bytes"
)

// webpBits writes a VP8L bitstream least significant bit first.
type webpBits struct {
	buf  []byte
	nbit uint
}

func (w *webpBits) put(v uint32, n uint) {
	for range n {
		if w.nbit%8 == 0 {
			w.buf = append(w.buf, 0)
		}
		w.buf[len(w.buf)-1] |= byte(v&1) << (w.nbit % 8)
		v >>= 1
		w.nbit++
	}
}

// vp8l returns a lossless WebP bitstream of a w×h image in one colour:
// no transforms, no colour cache, and five single-symbol prefix codes, so
// pixels take no bits at all.
func vp8l(w, h int) []byte {
	var b webpBits
	b.put(0x2f, 8)
	b.put(uint32(w-1), 14)
	b.put(uint32(h-1), 14)
	b.put(0, 1)                                            // alpha unused
	b.put(0, 3)                                            // version
	b.put(0, 1)                                            // no transform
	b.put(0, 1)                                            // no colour cache
	b.put(0, 1)                                            // no meta prefix codes
	for _, symbol := range []uint32{128, 64, 32, 255, 0} { // green, red, blue, alpha, distance
		b.put(1, 1) // simple code
		b.put(0, 1) // one symbol
		b.put(1, 1) // eight-bit symbol
		b.put(symbol, 8)
	}
	return b.buf
}

// riffChunk returns a WebP chunk, padded to an even length.
func riffChunk(kind string, data []byte) []byte {
	c := append([]byte(kind), binary.LittleEndian.AppendUint32(nil, uint32(len(data)))...)
	c = append(c, data...)
	if len(data)%2 == 1 {
		c = append(c, 0)
	}
	return c
}

// webpFile returns a RIFF WebP file made of chunks.
func webpFile(chunks ...[]byte) []byte {
	body := []byte("WEBP")
	for _, c := range chunks {
		body = append(body, c...)
	}
	f := append([]byte("RIFF"), binary.LittleEndian.AppendUint32(nil, uint32(len(body)))...)
	return append(f, body...)
}

// vp8x returns an extended-format header chunk for a w×h canvas.
func vp8x(flags byte, w, h int) []byte {
	d := []byte{flags, 0, 0, 0}
	d = append(d, byte(w-1), byte((w-1)>>8), byte((w-1)>>16))
	d = append(d, byte(h-1), byte((h-1)>>8), byte((h-1)>>16))
	return riffChunk("VP8X", d)
}
