package inquiry

// Theme is a topic that contributions are grouped under in tallies and
// reports. The starting taxonomy comes from the roles community anchors
// play; facilitators and guides can add more.
type Theme struct {
	ID    string `yaml:"id" json:"id"`
	Label string `yaml:"label" json:"label"`
	// Keywords are the stems that suggest this theme when they appear in a
	// contribution's text: "volunteer" matches "volunteering", a keyword of
	// several words matches them in a row, and a stem of four letters or
	// fewer matches only the whole word or its plural (see SuggestThemes).
	Keywords []string `yaml:"keywords,omitempty" json:"keywords,omitempty"`
}

// DefaultThemes is the starting taxonomy, drawn from the breadth of the
// community anchor role. The keywords are the words people in community
// anchors, councils and the NHS use for each theme, with British and
// American spellings where they differ; words that every contribution
// uses ("community", "partnership", "council") are left out on purpose,
// because they would suggest one theme for everything.
var DefaultThemes = []Theme{
	{ID: "community-planning", Label: "Community planning", Keywords: []string{
		"community planning", "community plan", "cpp", "locality plan", "local outcomes",
		"outcomes improvement", "loip", "single outcome", "community action plan",
		"community-led plan", "plans and strategies", "strategic plan", "planning partnership",
	}},
	{ID: "health-social-care", Label: "Health and social care", Keywords: []string{
		"health", "nhs", "gp", "doctor", "nurse", "hospital", "clinic", "patient",
		"primary care", "social care", "care", "carer", "caring", "care home", "wellbeing", "well being",
		"loneliness", "lonely", "isolation", "isolated", "mental", "dementia", "disease",
		"prescrib", "prescription", "pharmac", "physio", "self directed support", "ijb", "hscp", "integration joint",
		"lunch club", "walking group", "befriend", "older people", "elderly", "frail",
	}},
	{ID: "local-democracy", Label: "Local democracy", Keywords: []string{
		"democra", "participatory", "participative", "deliberat", "citizen", "community council",
		"councillor", "councilor", "elected", "election", "vote", "voter", "voting",
		"accountab", "consultation", "consulted", "have a say", "voice", "decision mak",
		"participatory budget", "pb", "devolv", "devolution", "subsidiarity", "local governance",
	}},
	{ID: "empowerment-assets", Label: "Empowerment and asset transfer", Keywords: []string{
		"empower", "asset transfer", "assets", "asset based", "community ownership", "community owned",
		"owned by the community", "land", "land reform", "buyout", "buy out", "right to buy",
		"development trust", "participation request", "common good", "buildings", "premises",
		"property", "properties", "lease", "hall", "community hub", "community control",
	}},
	{ID: "housing", Label: "Housing", Keywords: []string{
		"housing", "house", "home", "homeless", "tenant", "tenanc", "landlord",
		"rent", "rented", "renting", "housing association", "affordable hous", "damp", "overcrowd",
		"evict", "mortgage", "accommodat", "sheltered", "new build",
	}},
	{ID: "welfare-poverty", Label: "Welfare and anti-poverty", Keywords: []string{
		"poverty", "poor", "poorer", "poorest", "welfare", "universal credit", "social security",
		"benefits advice", "welfare rights", "sanction", "income maximis", "income maximiz",
		"money advice", "debt", "food", "food bank", "foodbank", "pantry", "hunger", "hungry",
		"meals", "fuel poverty", "cost of living", "low income", "deprivation", "deprived",
		"credit union", "hardship", "pay it forward", "payitforward", "free school meal",
	}},
	{ID: "inequalities", Label: "Inequalities", Keywords: []string{
		"inequalit", "unequal", "equality", "equalities", "equity", "equitable", "disadvantag",
		"discriminat", "marginalis", "marginaliz", "exclusion", "excluded", "disabilit", "disabled",
		"racis", "ethnic", "gender", "lgbt", "refugee", "asylum", "migrant", "minorit",
		"seldom heard", "hard to reach", "stigma", "fair", "fairer", "fairness", "gap",
	}},
	{ID: "social-enterprise", Label: "Social enterprise", Keywords: []string{
		"social enterpris", "community enterpris", "enterprising", "social econom", "cooperativ",
		"co operativ", "co op", "coop", "social business", "social entrepreneur", "trading",
		"traded", "surplus", "earned income", "income generat", "generate income", "cafe",
		"café", "shop", "retail", "senscot", "mutual", "profit for",
	}},
	{ID: "third-sector", Label: "Third sector", Keywords: []string{
		"third sector", "voluntary", "volunteer", "charit", "ngo", "civil society",
		"community sector", "community group", "not for profit", "non profit", "nonprofit",
		"tsi", "cvs", "grassroots", "faith group", "church", "mosque", "youth club",
	}},
	{ID: "services-procurement", Label: "Public service coordination and procurement", Keywords: []string{
		"procure", "commission", "tender", "contract", "public service", "service design",
		"service delivery", "coproduc", "co produc", "co design", "codesign",
		"coordinat", "co ordinat", "joined up", "join up", "silo", "funding", "fund",
		"funder", "grant", "short term grant", "short term funding", "budget", "christie", "prevention", "preventative", "preventive",
		"outsourc", "best value", "referral", "waiting list", "red tape", "bureaucra",
	}},
	{ID: "local-economy", Label: "Local economic development", Keywords: []string{
		"local economy", "econom", "regenerat", "job", "employ", "unemploy", "work experience",
		"training", "trainee", "skill", "apprentice", "business", "high street", "town centre",
		"town center", "inclusive growth", "community wealth", "wealth building", "local spend",
		"supply chain", "invest", "touris", "wage", "living wage", "market",
	}},
	{ID: "resilience", Label: "Community resilience", Keywords: []string{
		"resilien", "pandemic", "covid", "lockdown", "emergenc", "crisis", "crises", "flood",
		"storm", "mutual aid", "mutual support", "self help", "social capital", "recover",
		"cope", "coping", "capacity building", "community capacity", "preparedness", "shielding",
		"support network", "look out for", "bounce back",
	}},
	{ID: "place-making", Label: "Place-making", Keywords: []string{
		"place making", "placemaking", "place based", "sense of place", "local place plan",
		"spatial", "planning permission", "public space", "park", "playground",
		"play park", "neighbourhood", "neighborhood", "village", "street", "derelict", "vacant",
		"built environment", "rooted in place", "town plan", "charrette", "transport", "bus",
		"path",
	}},
	{ID: "sustainability", Label: "Ecological sustainability and renewables", Keywords: []string{
		"ecolog", "sustainable development", "environment", "renewabl", "climate", "carbon",
		"net zero", "energy", "solar", "wind turbine", "turbine", "hydro", "wind farm", "recycl",
		"re use", "reuse", "repair cafe", "waste", "woodland", "green space", "greenspace",
		"biodiversity", "nature", "allotment", "community garden", "garden", "active travel",
		"cycling", "electric vehicle", "insulat", "retrofit", "emission", "pollut", "tree",
	}},
}
