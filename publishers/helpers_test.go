package publishers_test

import (
	"encoding/json"
	"fmt"
	"strings"
)

func fmtAll(v any) string {
	j, _ := json.Marshal(v)
	return fmt.Sprintf("%v %+v %#v %s %q", v, v, v, v, v) + string(j)
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
