package calendar

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

var (
	topKeys   = []string{"timezone", "posts"}
	mediaKeys = []string{"path", "alt", "source", "consent"}
	postKeys  = slices.Concat(scalarFields, listFields, []string{"media"})
)

// readYAML reads a calendar of the form {timezone?, posts: [...]}.
func readYAML(b *builder, data []byte) {
	root, ok := yamlRoot(b.errs, data)
	if !ok {
		return
	}
	if root.Kind != yaml.MappingNode {
		b.errs.add(root.Line, "", "a YAML calendar starts with posts: (and optionally timezone:), followed by the list of posts")
		return
	}
	var posts *yaml.Node
	eachPair(b.errs, root, "", func(key string, k, v *yaml.Node) {
		switch key {
		case "timezone":
			if f, ok := scalar(b.errs, key, k, v); ok {
				b.setZone(f)
			}
		case "posts":
			posts = v
		default:
			b.errs.add(k.Line, key, "is not a calendar setting (known: timezone, posts)%s", suggest(key, topKeys))
		}
	})
	switch {
	case posts == nil:
		b.errs.add(root.Line, "posts", "is missing: list the posts under posts:")
	case isNull(posts):
	case posts.Kind != yaml.SequenceNode:
		b.errs.add(posts.Line, "posts", "must be a list, each post starting with “- id: …”")
	default:
		b.expect(len(posts.Content))
		var r rawPost
		for _, n := range posts.Content {
			if b.errs.full() {
				return
			}
			if yamlPost(b.errs, n, &r) {
				b.add(&r)
			}
		}
	}
}

// yamlRoot decodes the single document in data and returns its top node.
func yamlRoot(c *collector, data []byte) (root *yaml.Node, ok bool) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	err := decode(dec, &doc)
	if errors.Is(err, io.EOF) {
		c.add(0, "", "has no posts, only comments")
		return nil, false
	}
	if err != nil {
		line, msg := yamlError(err)
		c.add(line, "", "%s", msg)
		return nil, false
	}
	var extra yaml.Node
	if err := decode(dec, &extra); err == nil {
		c.add(extra.Line, "", "a second YAML document starts here (---): keep all posts in one posts: list")
		return nil, false
	} else if !errors.Is(err, io.EOF) {
		line, msg := yamlError(err)
		c.add(line, "", "%s", msg)
		return nil, false
	}
	if alias := findAlias(&doc); alias != nil {
		c.add(alias.Line, "", "aliases (*%s) are not supported: write the value out in full", alias.Value)
		return nil, false
	}
	return doc.Content[0], true
}

// findAlias returns the first alias in the tree, or nil. Aliases are refused
// because a few of them can make a small file expand enormously.
func findAlias(root *yaml.Node) *yaml.Node {
	stack := []*yaml.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Kind == yaml.AliasNode {
			return n
		}
		for i := len(n.Content) - 1; i >= 0; i-- {
			stack = append(stack, n.Content[i])
		}
	}
	return nil
}

// decode guards against a panic in the YAML library on hostile input.
func decode(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the YAML reader failed: %v", r)
		}
	}()
	return dec.Decode(n)
}

var yamlLinePattern = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlHints explain the YAML errors marketing staff meet most.
var yamlHints = map[string]string{
	"mapping values are not allowed in this context":  "a value contains “: ”; put the whole value in quotes",
	"found unexpected end of stream":                  "the file ends inside a quoted value; is a quote not closed?",
	"found a tab character that violates indentation": "indent with spaces, not tabs",
	"found character that cannot start any token":     "a value starts with a character YAML reserves (such as @, ` or a tab); put the value in quotes",
	"did not find expected key":                       "the fields of this block do not line up: give every field of a post the same indentation",
	"did not find expected '-' indicator":             "the lines of this list do not line up: start each post with “- ” and line its fields up under the first",
	"did not find expected ',' or ']'":                "a list in [brackets] is not closed",
	"did not find expected ',' or '}'":                "a set of fields in {braces} is not closed",
	"could not find expected ':'":                     "a line has no “field: value” form; is a quote not closed?",
}

// yamlError turns a YAML syntax error into a line and a message. The YAML
// library reports "did not find expected …" problems at the 0-based line
// where the enclosing block starts; those are moved to that block's 1-based
// line and described as such.
func yamlError(err error) (int, string) {
	msg := err.Error()
	m := yamlLinePattern.FindStringSubmatch(msg)
	if m == nil {
		return 0, "is not valid YAML: " + strings.TrimPrefix(msg, "yaml: ")
	}
	line, _ := strconv.Atoi(m[1])
	problem := m[2]
	text := "is not valid YAML: " + problem
	if strings.HasPrefix(problem, "did not find expected") {
		line++
		text = "the block that starts here is not valid YAML: " + problem
	}
	if hint, ok := yamlHints[problem]; ok {
		text += " (" + hint + ")"
	}
	return line, text
}

// yamlPost reads one post's fields into r. Unknown and repeated keys are
// errors.
func yamlPost(c *collector, n *yaml.Node, r *rawPost) bool {
	if n.Kind != yaml.MappingNode {
		c.add(n.Line, "", "each post is a set of fields (- id: …, at: …, platforms: …), not %s", kindName(n))
		return false
	}
	r.reset(n.Line)
	eachPair(c, n, "", func(key string, k, v *yaml.Node) {
		switch kind := fieldKinds[key]; {
		case kind == scalarField:
			if f, ok := scalar(c, key, k, v); ok {
				r.fields[key] = f
			}
		case kind == listField:
			r.lists[key] = list(c, key, k, v)
		case key == "media":
			r.media = yamlMedia(c, k, v)
		default:
			c.add(k.Line, key, "is not a post field%s", suggest(key, postKeys))
		}
	})
	return true
}

// yamlMedia reads a list of images: [{path, alt, source, consent?}].
func yamlMedia(c *collector, k, v *yaml.Node) []rawMedia {
	if isNull(v) {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		c.add(k.Line, "media", "must be a list of images, each starting with “- path: …”")
		return nil
	}
	var out []rawMedia
	for i, item := range v.Content {
		prefix := fmt.Sprintf("media[%d].", i+1)
		if item.Kind != yaml.MappingNode {
			c.add(item.Line, "media", "image %d must be a set of fields (path, alt, source)", i+1)
			continue
		}
		m := rawMedia{
			path:    field{name: prefix + "path", line: item.Line},
			alt:     field{name: prefix + "alt", line: item.Line},
			source:  field{name: prefix + "source", line: item.Line},
			consent: field{name: prefix + "consent", line: item.Line},
		}
		slots := map[string]*field{"path": &m.path, "alt": &m.alt, "source": &m.source, "consent": &m.consent}
		eachPair(c, item, prefix, func(key string, k, v *yaml.Node) {
			slot, ok := slots[key]
			if !ok {
				c.add(k.Line, prefix+key, "is not an image field (known: path, alt, source, consent)%s", suggest(key, mediaKeys))
				return
			}
			if f, ok := scalar(c, prefix+key, k, v); ok {
				*slot = f
			}
		})
		out = append(out, m)
	}
	return out
}

// eachPair calls fn for every key of a mapping, reporting keys that are not
// plain text or that appear twice.
func eachPair(c *collector, n *yaml.Node, prefix string, fn func(key string, k, v *yaml.Node)) {
	seen := make(map[string]bool)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			c.add(k.Line, "", "a field name must be plain text")
			continue
		}
		if k.Value == "<<" {
			c.add(k.Line, prefix+k.Value, "merge keys are not supported: write the fields out")
			continue
		}
		if seen[k.Value] {
			c.add(k.Line, prefix+k.Value, "appears twice: keep one")
			continue
		}
		seen[k.Value] = true
		fn(k.Value, k, v)
	}
}

// scalar reads a single-value field; a null value reads as empty.
func scalar(c *collector, name string, k, v *yaml.Node) (field, bool) {
	if isNull(v) {
		return field{name: name, line: k.Line, set: true}, true
	}
	if v.Kind != yaml.ScalarNode {
		c.add(k.Line, name, "must be a single value, not %s", kindName(v))
		return field{}, false
	}
	return field{name: name, value: v.Value, line: v.Line, set: true}, true
}

// list reads a list of single values; plain text is split at ';' as in CSV.
func list(c *collector, name string, k, v *yaml.Node) []field {
	var out []field
	switch {
	case isNull(v):
	case v.Kind == yaml.ScalarNode:
		out = splitList(name, v.Value, v.Line)
	case v.Kind == yaml.SequenceNode:
		for _, item := range v.Content {
			if item.Kind != yaml.ScalarNode {
				c.add(item.Line, name, "each entry must be a single value, not %s", kindName(item))
				continue
			}
			out = append(out, field{name: name, value: item.Value, line: item.Line, set: true})
		}
	default:
		c.add(k.Line, name, "must be a list, such as [x, facebook]")
	}
	return out
}

// splitList splits a ';'-separated value, dropping empty entries.
func splitList(name, value string, line int) []field {
	var out []field
	for part := range strings.SplitSeq(value, ";") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, field{name: name, value: part, line: line, set: true})
		}
	}
	return out
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a set of fields"
	case yaml.SequenceNode:
		return "a list"
	}
	return "plain text"
}
