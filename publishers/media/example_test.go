package media_test

import (
	"bytes"
	"fmt"
	"image"
	"image/png"

	"github.com/connections/postgate/publishers/media"
)

func ExampleStrip() {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 120, 80))); err != nil {
		panic(err)
	}
	img, err := media.Strip(buf.Bytes())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(img.MIME, img.Width, img.Height)

	_, err = media.Strip([]byte("%PDF-1.7"))
	fmt.Println(err)
	// Output:
	// image/png 120 80
	// unsupported image type (want JPEG, PNG, GIF or WebP)
}
