package inquiry

// OrganisationTypes are the choices a participant is offered on the join
// screen for the kind of organisation they come from. Saying is optional;
// the labels are short so they fit one line of a narrow terminal and stay
// within MaxNameRunes.
var OrganisationTypes = []string{
	"Community anchor organisation",
	"Community group or volunteer",
	"Third sector organisation",
	"Local authority",
	"NHS / health and social care",
	"Community planning partnership",
	"Government or policy",
	"Funder",
	"Other",
}
