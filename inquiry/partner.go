package inquiry

// Partner is the public-service side a contribution concerns.
type Partner struct {
	ID    string `yaml:"id" json:"id"`
	Label string `yaml:"label" json:"label"`
}

// DefaultPartners are the partners a guide offers when it names none of its own.
var DefaultPartners = []Partner{
	{ID: "local-authority", Label: "Local authority"},
	{ID: "nhs", Label: "NHS / health and social care"},
	{ID: "community-planning", Label: "Community planning partnership"},
	{ID: "government", Label: "Government and policymakers"},
	{ID: "third-sector", Label: "Third sector"},
	{ID: "funders", Label: "Funders"},
	{ID: "other", Label: "Other"},
}
