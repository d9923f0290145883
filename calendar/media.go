package calendar

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/connections/postgate"
)

// mediaDir resolves image paths against a calendar's folder, refusing any
// that lead outside it.
type mediaDir struct {
	dir   string
	root  string // dir with symlinks resolved; empty until first use
	err   error  // why root could not be resolved
	cache map[string]resolved
}

type resolved struct {
	file string
	err  error
}

func newMediaDir(dir string) *mediaDir {
	if dir == "" {
		dir = "."
	}
	return &mediaDir{dir: dir, cache: make(map[string]resolved)}
}

// resolve returns the real path of the regular file that path names inside
// the folder. Its errors read well after the quoted path.
func (m *mediaDir) resolve(path string) (string, error) {
	if r, ok := m.cache[path]; ok {
		return r.file, r.err
	}
	file, err := m.lookup(path)
	m.cache[path] = resolved{file, err}
	return file, err
}

func (m *mediaDir) lookup(path string) (string, error) {
	// Spreadsheet users on Windows write images\photo.jpg.
	p := filepath.FromSlash(strings.ReplaceAll(path, `\`, "/"))
	if filepath.IsAbs(p) || strings.HasPrefix(p, string(filepath.Separator)) || filepath.VolumeName(p) != "" {
		return "", errors.New("is an absolute path: give the path relative to the calendar's folder")
	}
	p = filepath.Clean(p)
	if !filepath.IsLocal(p) {
		return "", errors.New("points outside the calendar's folder: keep images in that folder or below it")
	}
	root, err := m.rootDir()
	if err != nil {
		return "", err
	}
	file, err := filepath.EvalSymlinks(filepath.Join(root, p))
	if errors.Is(err, fs.ErrNotExist) {
		return "", errors.New("was not found in the calendar's folder")
	}
	if err != nil {
		return "", errors.New("cannot be read")
	}
	if rel, err := filepath.Rel(root, file); err != nil || !filepath.IsLocal(rel) {
		return "", errors.New("is a link to a file outside the calendar's folder: copy the image into the folder")
	}
	info, err := os.Stat(file)
	if err != nil {
		return "", errors.New("cannot be read")
	}
	if !info.Mode().IsRegular() {
		return "", errors.New("is not a file (a folder?)")
	}
	return file, nil
}

func (m *mediaDir) rootDir() (string, error) {
	if m.root == "" && m.err == nil {
		abs, err := filepath.Abs(m.dir)
		if err == nil {
			abs, err = filepath.EvalSymlinks(abs)
		}
		if err != nil {
			m.err = errors.New("cannot be checked: the calendar's folder cannot be read")
		}
		m.root = abs
	}
	return m.root, m.err
}

func (b *builder) images(raw []rawMedia) []postgate.Media {
	var out []postgate.Media
	for _, m := range raw {
		out = append(out, b.image(m))
	}
	return out
}

func (b *builder) image(m rawMedia) postgate.Media {
	md := postgate.Media{
		Path:    strings.TrimSpace(m.path.value),
		Alt:     strings.TrimSpace(m.alt.value),
		Source:  strings.ToLower(strings.TrimSpace(m.source.value)),
		Consent: strings.TrimSpace(m.consent.value),
	}
	if md.Path == "" {
		b.errs.add(m.path.line, m.path.name, "is missing: give the image file, relative to the calendar's folder")
	} else if file, err := b.media.resolve(md.Path); err != nil {
		b.errs.add(m.path.line, m.path.name, "%q %v", clip(md.Path), err)
	} else {
		md.File = file
	}
	switch md.Source {
	case postgate.SourceStock, postgate.SourceOwn:
		if md.Consent != "" {
			b.errs.add(m.consent.line, m.consent.name, "is only for images with source consent")
		}
	case postgate.SourceConsent:
		if md.Consent == "" {
			b.errs.add(m.consent.line, m.consent.name, "is missing: name the written consent (such as a form reference) for this image")
		}
	case "":
		b.errs.add(m.source.line, m.source.name, "is missing: say where the image comes from (stock, own or consent)")
	default:
		b.errs.add(m.source.line, m.source.name, "%q is not a source: use stock, own or consent", clip(md.Source))
	}
	return md
}
