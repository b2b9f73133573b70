package inquiry

// Theme is a topic that contributions are grouped under in tallies and
// reports. The starting taxonomy comes from the roles community anchors
// play; facilitators and guides can add more.
type Theme struct {
	ID    string `yaml:"id" json:"id"`
	Label string `yaml:"label" json:"label"`
	// Keywords are the stems that suggest this theme when they appear in a
	// contribution's text.
	Keywords []string `yaml:"keywords,omitempty" json:"keywords,omitempty"`
}

// DefaultThemes is the starting taxonomy, drawn from the breadth of the
// community anchor role.
var DefaultThemes = []Theme{
	{ID: "community-planning", Label: "Community planning"},
	{ID: "health-social-care", Label: "Health and social care"},
	{ID: "local-democracy", Label: "Local democracy"},
	{ID: "empowerment-assets", Label: "Empowerment and asset transfer"},
	{ID: "housing", Label: "Housing"},
	{ID: "welfare-poverty", Label: "Welfare and anti-poverty"},
	{ID: "inequalities", Label: "Inequalities"},
	{ID: "social-enterprise", Label: "Social enterprise"},
	{ID: "third-sector", Label: "Third sector"},
	{ID: "services-procurement", Label: "Public service coordination and procurement"},
	{ID: "local-economy", Label: "Local economic development"},
	{ID: "resilience", Label: "Community resilience"},
	{ID: "place-making", Label: "Place-making"},
	{ID: "sustainability", Label: "Ecological sustainability and renewables"},
}
