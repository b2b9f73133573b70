package inquiry

// BuiltinSource returns the YAML file a built-in guide is read from, with
// its comments, so that a facilitator can start their own guide from it.
func BuiltinSource(id string) ([]byte, bool) {
	if _, ok := BuiltinGuide(id); !ok {
		return nil, false
	}
	data, err := builtinFiles.ReadFile("guides/" + id + ".yaml")
	return data, err == nil
}
