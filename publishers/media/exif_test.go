package media

import (
	"strings"
	"testing"
)

func TestExifOrientation(t *testing.T) {
	rotated, _ := appendOrientation(nil, 8)
	bigEndian := string(rotated[4:]) // payload of our own segment
	tests := []struct {
		name    string
		payload string
		want    int
	}{
		{"little-endian with GPS", exifWithGPS(6), 6},
		{"big-endian, as written back", bigEndian, 8},
		{"upright", exifWithGPS(1), 1},
		{"out of range value", exifWithGPS(9), 0},
		{"XMP, not EXIF", xmpPayload, 0},
		{"empty", "", 0},
		{"bad byte order", exifPrefix + "XX\x00\x2a\x00\x00\x00\x08", 0},
		{"bad magic", exifPrefix + "II\x2b\x00\x08\x00\x00\x00", 0},
		{"IFD past the end", exifPrefix + "II\x2a\x00\xff\xff\xff\xff", 0},
		{"entry count past the end", exifPrefix + "II\x2a\x00\x08\x00\x00\x00\x09\x00" + strings.Repeat("\x00", 12), 0},
		{"orientation as LONG", exifPrefix + "II\x2a\x00\x08\x00\x00\x00\x01\x00\x12\x01\x04\x00\x01\x00\x00\x00\x06\x00\x00\x00", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := exifOrientation([]byte(tt.payload)); got != tt.want {
				t.Errorf("exifOrientation = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestAppendOrientation(t *testing.T) {
	for o := range 10 {
		seg, ok := appendOrientation(nil, o)
		if want := o >= 2 && o <= 8; ok != want || (len(seg) > 0) != want {
			t.Errorf("appendOrientation(%d) appended %d bytes, %v", o, len(seg), ok)
		}
	}
}
