package inquiry

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// foldDiff says where two folds differ: the path of the first field,
// element or entry that reflect.DeepEqual would find unequal, and the
// two values there; "" when they are deeply equal. A failing comparison
// of two whole workshops is otherwise a wall of pointers.
func foldDiff(got, want any) string {
	d := differ{seen: map[[2]uintptr]bool{}}
	return d.diff("w", reflect.ValueOf(got), reflect.ValueOf(want))
}

type differ struct{ seen map[[2]uintptr]bool }

func (d differ) diff(path string, a, b reflect.Value) string {
	if a.IsValid() != b.IsValid() {
		return fmt.Sprintf("%s: one is missing", path)
	}
	if !a.IsValid() {
		return ""
	}
	if a.Type() != b.Type() {
		return fmt.Sprintf("%s: types %s and %s", path, a.Type(), b.Type())
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Sprintf("%s: nil on one side only", path)
			}
			return ""
		}
		key := [2]uintptr{a.Pointer(), b.Pointer()}
		if d.seen[key] {
			return ""
		}
		d.seen[key] = true
		return d.diff(path, a.Elem(), b.Elem())
	case reflect.Struct:
		for i := range a.NumField() {
			if s := d.diff(path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i)); s != "" {
				return s
			}
		}
		return ""
	case reflect.Slice, reflect.Array:
		if a.Kind() == reflect.Slice && a.IsNil() != b.IsNil() {
			return fmt.Sprintf("%s: nil %v, other side nil %v (len %d, %d)", path, a.IsNil(), b.IsNil(), a.Len(), b.Len())
		}
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: len %d and %d", path, a.Len(), b.Len())
		}
		for i := range a.Len() {
			if s := d.diff(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i)); s != "" {
				return s
			}
		}
		return ""
	case reflect.Map:
		if a.IsNil() != b.IsNil() {
			return fmt.Sprintf("%s: nil %v, other side nil %v (len %d, %d)", path, a.IsNil(), b.IsNil(), a.Len(), b.Len())
		}
		keys := func(m reflect.Value) []string {
			var out []string
			for _, k := range m.MapKeys() {
				out = append(out, fmt.Sprint(k))
			}
			slices.Sort(out)
			return out
		}
		if ka, kb := keys(a), keys(b); !slices.Equal(ka, kb) {
			return fmt.Sprintf("%s: keys [%s] and [%s]", path, strings.Join(ka, " "), strings.Join(kb, " "))
		}
		for _, k := range a.MapKeys() {
			if s := d.diff(fmt.Sprintf("%s[%v]", path, k), a.MapIndex(k), b.MapIndex(k)); s != "" {
				return s
			}
		}
		return ""
	case reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Sprintf("%s: nil on one side only", path)
			}
			return ""
		}
		return d.diff(path, a.Elem(), b.Elem())
	case reflect.UnsafePointer, reflect.Func, reflect.Chan:
		if a.Pointer() != b.Pointer() {
			return fmt.Sprintf("%s: pointers differ", path)
		}
		return ""
	}
	if fmt.Sprint(a) != fmt.Sprint(b) {
		return fmt.Sprintf("%s: %v and %v", path, a, b)
	}
	return ""
}
