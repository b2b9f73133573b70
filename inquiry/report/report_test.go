package report

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/inquiry/inquirytest"
	"github.com/anchorage/anchorage/inquiry/inquirytest/golden"
)

// render writes the fixture's report for an audience.
func render(t *testing.T, anonymous bool, audience Audience) string {
	t.Helper()
	l := fixture(t, anonymous)
	var b bytes.Buffer
	if err := Write(&b, l.WS, l.Events, Options{Audience: audience}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestReportMatchesGoldenFiles(t *testing.T) {
	cases := []struct {
		name      string
		anonymous bool
		audience  Audience
	}{
		{"kilbrannan.facilitators.html", false, Facilitators},
		{"kilbrannan.participants.html", false, Participants},
		{"kilbrannan.anonymous.participants.html", true, Participants},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := render(t, tc.anonymous, tc.audience)
			golden.Check(t, filepath.Join("testdata", tc.name+".golden"), []byte(got))
		})
	}
}

func TestReportFetchesNothing(t *testing.T) {
	page := render(t, false, Facilitators)
	// No script, no external reference of any kind: the page is whole.
	for _, pattern := range []string{`(?i)<script`, `(?i)<link`, `(?i)<img`, `(?i)<iframe`, `(?i)\bsrc=`, `(?i)\bhref=`, `(?i)url\(`, `(?i)@import`, `(?i)https?:`} {
		if loc := regexp.MustCompile(pattern).FindStringIndex(page); loc != nil {
			t.Errorf("the report contains %s: %q", pattern, page[max(loc[0]-40, 0):min(loc[1]+40, len(page))])
		}
	}
	if !strings.Contains(page, "&lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt;") {
		t.Error("a participant's <script> is not shown escaped, as the words they typed")
	}
	if !strings.Contains(page, "Jo &lt;b&gt;") {
		t.Error("a name with markup in it is not shown escaped")
	}
}

func TestReportQuotesOnlyWhatStands(t *testing.T) {
	for _, audience := range []Audience{Facilitators, Participants} {
		page := render(t, false, audience)
		for _, gone := range []string{"ERASED WORDS", "Sam Erased", "LEAVER&#39;S WORDS", "LEAVER'S WORDS", "Named officer is useless",
			"HIDDEN REFRAME", "LEAVER&#39;S REFRAME", "ERASED REFRAME", "Gàidhlig"} {
			if strings.Contains(page, gone) {
				t.Errorf("%s: the report shows %q, which was erased, withdrawn or hidden", audience, gone)
			}
		}
		for _, stands := range []string{"Procurement rules shut out small local groups.", "— Morag", "Multi-year funding"} {
			if !strings.Contains(page, stands) {
				t.Errorf("%s: the report does not quote %q", audience, stands)
			}
		}
	}
}

func TestReportForParticipantsLeavesOutWhatOnlyFacilitatorsSee(t *testing.T) {
	facilitators := render(t, false, Facilitators)
	participants := render(t, false, Participants)
	for _, only := range []string{`data-section="facilitators"`, "names an officer", "Facilitation record", "Furthest prompt", "SHA256:q8Vn0jH4"} {
		if !strings.Contains(facilitators, only) {
			t.Errorf("the facilitators' version lacks %q", only)
		}
		if strings.Contains(participants, only) {
			t.Errorf("the participants' version shows %q", only)
		}
	}
}

func TestAnonymousReportForParticipantsNamesNobody(t *testing.T) {
	page := render(t, true, Participants)
	for _, name := range []string{"Morag", "Sìne", "Callum", "Alan R.", "Màiri", "Kirsty", "Table 3", "Jo &lt;b&gt;", "Pat"} {
		if strings.Contains(page, name) {
			t.Errorf("an anonymous workshop's report for participants names %q", name)
		}
	}
	if !strings.Contains(page, "Procurement rules shut out small local groups.") {
		t.Error("the anonymous report lost the words themselves")
	}
	// Facilitators still see who said what.
	if !strings.Contains(render(t, true, Facilitators), "— Morag") {
		t.Error("the facilitators' version of an anonymous workshop has no names")
	}
}

func TestReportQuotesReframesUnderTheirBarrierAndNeverAsBarriers(t *testing.T) {
	page := render(t, false, Participants)
	words := page[strings.Index(page, `<section id="words"`):]
	quote := quoteOf(t, words, "Procurement rules shut out small local groups.")
	if !strings.Contains(quote, `<li class="reframe">`) || !strings.Contains(quote, "Contracts split into lots small enough") {
		t.Errorf("the reframe is not quoted under the barrier it answers: %q", quote)
	}
	if n := strings.Count(words, "Contracts split into lots small enough"); n != 1 {
		t.Errorf("the reframe is quoted %d times among the words, want once: under its barrier", n)
	}
	// The reframe of the barrier that was hidden is kept, on its own.
	_, stray, ok := strings.Cut(words, "<h3>Reframes of barriers no longer shown</h3>")
	if stray, _, _ = strings.Cut(stray, "<h3>"); !ok || !strings.Contains(stray, "One named contact for the hall") {
		t.Errorf("the reframe of a hidden barrier is not quoted on its own: %q", stray)
	}

	// The charts count barriers; the reframes (themed like the barrier
	// they answer) are counted as reframes, not as barriers or
	// opportunities.
	row := regexp.MustCompile(`(?s)<svg class="chart" data-chart="themes".*?<g class="row" data-theme="services-procurement">(.*?)</g>`).FindStringSubmatch(page)
	if row == nil {
		t.Fatal("the room's chart has no services-procurement row")
	}
	for kind, want := range map[string]string{"opportunity": "1", "barrier": "2"} {
		if !strings.Contains(row[1], `data-kind="`+kind+`" data-count="`+want+`"`) {
			t.Errorf("the services-procurement row's %s bar is not %s: %s", kind, want, row[1])
		}
	}
	if !strings.Contains(page, " and 2 reframes.") {
		t.Error("the summary does not count the 2 reframes that stand as reframes")
	}
}

func TestReportSaysHowManyOthersAgree(t *testing.T) {
	for _, anonymous := range []bool{false, true} {
		page := render(t, anonymous, Participants)
		words := page[strings.Index(page, `<section id="words"`):]
		cases := []struct{ quote, agreed string }{
			// The erased person's agreement went with them.
			{"Procurement rules shut out small local groups.", "agreed by 3 others"},
			// The leaver's too.
			{"Our hall is open six days a week: services could come to people here.", "agreed by 1 other"},
			{"Budgets are set a year at a time.", ""},
		}
		for _, tc := range cases {
			quote, _, _ := strings.Cut(quoteOf(t, words, tc.quote), `<ul class="reframes"`)
			got := regexp.MustCompile(`agreed by [^<]*`).FindString(quote)
			if got != tc.agreed {
				t.Errorf("anonymous %v: %q says %q, want %q", anonymous, tc.quote, got, tc.agreed)
			}
		}
		if !strings.Contains(words, "Contracts split into lots small enough for a community group to bid for.</q>") ||
			!strings.Contains(quoteOf(t, words, "Procurement rules shut out small local groups."), `<span class="meta">agreed by 2 others</span></li>`) {
			t.Errorf("anonymous %v: the reframe does not say that 2 others agree with it", anonymous)
		}
	}
}

// quoteOf is the quote of text in a part of the page, up to the next quote.
func quoteOf(t *testing.T, part, text string) string {
	t.Helper()
	_, quote, ok := strings.Cut(part, "<blockquote>"+text+"</blockquote>")
	if !ok {
		t.Fatalf("%q is not quoted", text)
	}
	quote, _, _ = strings.Cut(quote, `<li class="quote`)
	return quote
}

func TestReportCountsLanguagesOnlyWhenNoGroupIsSmall(t *testing.T) {
	if page := render(t, true, Participants); !strings.Contains(page, "took part: 6 from community anchors and groups") ||
		!strings.Contains(page, ". 12 took part in English and 5 in Cymraeg.") {
		t.Errorf("the report does not count the fixture's languages (the two who left taken out)")
	}
	cases := []struct {
		name      string
		languages []string
		says      string // "" for nothing
	}{
		{"two groups of five", []string{"en", "en", "en", "en", "en", "cy", "cy", "cy", "cy", "cy"}, "5 took part in Cymraeg and 5 in English."},
		{"a group of four", []string{"en", "en", "en", "en", "en", "en", "cy", "cy", "cy", "cy"}, ""},
		{"one in Gàidhlig", []string{"en", "en", "en", "en", "en", "cy", "cy", "cy", "cy", "cy", "gd"}, ""},
		{"one language", []string{"cy", "cy", "cy", "cy", "cy", "cy"}, ""},
		{"not recorded is not counted", []string{"en", "en", "en", "en", "en", "cy", "cy", "cy", "cy", "cy", ""}, "5 took part in Cymraeg and 5 in English."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l := inquirytest.New(t, fixtureStart, inquiry.WorkshopDetails{
				ID: "ws-tongues", Title: "Languages", Code: "tongue-0001", Pacing: inquiry.SelfPaced, Guide: fixtureGuide(),
			})
			for i, language := range tc.languages {
				l.JoinIn(time.Minute, fmt.Sprintf("p%d", i), fmt.Sprintf("Person %d", i), "", language)
			}
			var b bytes.Buffer
			if err := Write(&b, l.WS, l.Events, Options{Audience: Facilitators}); err != nil {
				t.Fatal(err)
			}
			page := b.String()
			switch {
			case tc.says != "" && !strings.Contains(page, tc.says):
				t.Errorf("the report does not say %q", tc.says)
			case tc.says == "" && regexp.MustCompile(`took part in|English|Cymraeg|Gàidhlig`).MatchString(page):
				t.Errorf("the report names a language: %q", regexp.MustCompile(`[^.]*(took part in|English|Cymraeg|Gàidhlig)[^.]*`).FindString(page))
			}
		})
	}
}

func TestReportRanksTiedDotsTogether(t *testing.T) {
	page := render(t, false, Participants)
	rows := regexp.MustCompile(`<tr><td class="num">(\d+)</td><td class="words">([^<]*)</td><td>[^<]*</td><td class="num">(\d+)</td></tr>`).FindAllStringSubmatch(page, -1)
	var got []string
	for _, r := range rows {
		got = append(got, r[1]+":"+r[3])
	}
	if want := "1:4 2:3 2:3 2:3 5:2"; strings.Join(got, " ") != want {
		t.Errorf("ranks:dots %q, want %q", strings.Join(got, " "), want)
	}
}

func TestReportOfAFewPeopleSplitsNobodyBySector(t *testing.T) {
	l := inquirytest.New(t, fixtureStart, inquiry.WorkshopDetails{
		ID: "ws-small", Title: "A small table", Code: "small-0001", Pacing: inquiry.SelfPaced, Guide: fixtureGuide(),
	})
	for i, org := range []string{"Local authority", "Local authority", "Community anchor organisation"} {
		id := fmt.Sprintf("p%d", i)
		l.Join(time.Minute, id, fmt.Sprintf("Person %d", i), org)
		l.Add(2*time.Minute, inquirytest.Contribution{ID: "c" + id, Author: id, Prompt: "design/build-on", Kind: inquiry.Opportunity,
			Text: "Words", Themes: []string{"housing"}})
	}
	var b bytes.Buffer
	if err := Write(&b, l.WS, l.Events, Options{Audience: Participants}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{
		"3 people took part: too few to say from which kinds of organisation without picking someone out (fewer than 5).",
		"Fewer than 5 people spoke: too few to show what each sector said without picking someone out.",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the report does not say %q", want)
		}
	}
	if strings.Contains(page, `data-chart="sector-`) || strings.Contains(page, "Councils") {
		t.Error("the report shows a sector of fewer than 5 people")
	}
}

func TestReportOfAnEmptyWorkshopSaysSo(t *testing.T) {
	l := inquirytest.New(t, fixtureStart, inquiry.WorkshopDetails{
		ID: "ws-empty", Title: "Nobody came", Code: "empty-0001", Pacing: inquiry.SelfPaced, Guide: fixtureGuide(),
	})
	var b bytes.Buffer
	if err := Write(&b, l.WS, l.Events, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Nobody took part.", "They made no contributions.", "No opportunities or barriers were recorded.", "up to and including event 1"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the report of an empty workshop does not say %q", want)
		}
	}
	if err := Write(&b, l.WS, nil, Options{}); err == nil {
		t.Error("a report from a log that does not end at the workshop's head was written")
	}
}
