package participant

import (
	"slices"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/words"
)

// view is what one participant's screen needs from the log: the
// guide and their own contributions, not the whole room. It trusts the
// events (the store has checked them) and skips what it does not need, so a
// thousand participant sessions do not each hold the workshop.
type view struct {
	head  uint64
	id    string // the workshop's ID
	title string
	code  string
	// guide is the workshop's guide, a new one only when the workshop
	// opens: kept parts of the screen key by it.
	guide  *inquiry.Guide
	themes []inquiry.Theme
	// suggester offers themes from the words typed. It is the workshop's
	// own, shared by every screen (see themeIndex); nil until first needed
	// and after a theme is added.
	suggester *inquiry.ThemeIndex
	// share fetches the workshop's shared index; nil in tests that fold a
	// view on its own.
	share func() *inquiry.ThemeIndex
	open  bool
	// me is the participant's own ID once joined or recognised; language
	// is the one they joined in.
	me       string
	name     string
	language string
	// identity is the keyed hash of this person's key in the workshop, to
	// recognise them coming back; "" without a key.
	identity string
	// mine are the person's contributions in the order added, each the
	// shared fold's own or, until shareMine finds it there (unshared holds
	// their places), one the view made from the log. None is changed in
	// place (see change).
	mine     []*inquiry.Contribution
	unshared []int

	// pacing is who moves the workshop on; current the prompt a
	// facilitator has opened for everyone (and its timebox).
	pacing  inquiry.Pacing
	current inquiry.Pace
	// timebox is the open prompt's clock: running, paused, shortened or
	// ended, as every screen follows it.
	timebox inquiry.Timebox
	// settings and revealed say what this person may see of others.
	settings inquiry.Settings
	revealed map[inquiry.PromptRef]bool
	// vote is the dot vote open now, or the last one, with this person's
	// dots in it.
	vote     *inquiry.Vote
	voteOpen bool
	ballot   map[string]int
	// left is set once this person has withdrawn or been erased.
	left bool
	// news are things that happened to this person's contributions or to
	// the room that the screen should tell them, oldest first.
	news []tui.Notice

	// Standing (see standing.go): aliases are the participants merged
	// into me; refold says a merge made this person someone the view has
	// not folded; removed is the sentence to end on once a facilitator
	// removed them; lobby and waiting say whether newcomers wait to be let
	// in, and whether this person still does.
	aliases        map[string]bool
	refold         bool
	removed        string
	lobby, waiting bool

	// say is the person's language, which news is told in (see words).
	say words.Words
}

func (v *view) apply(events []inquiry.Event) {
	for _, e := range events {
		if e.Seq <= v.head {
			continue
		}
		v.head = e.Seq
		v.fold(e)
	}
}

// fold takes one event into the view.
func (v *view) fold(e inquiry.Event) {
	v.foldStanding(e)
	v.timebox.Follow(e)
	switch e.Type {
	case inquiry.WorkshopOpened:
		d := e.Workshop
		guide := d.Guide
		v.id, v.title, v.code, v.guide, v.open, v.pacing = d.ID, d.Title, d.Code, &guide, true, d.Pacing
		v.themes = append(slices.Clip(inquiry.DefaultThemes), d.Guide.Themes...)
		v.suggester = nil
		v.revealed = map[inquiry.PromptRef]bool{}
	case inquiry.WorkshopClosed:
		v.open, v.voteOpen = false, false
	case inquiry.ParticipantJoined:
		d := e.Participant
		if v.me == "" && v.identity != "" && d.Identity == v.identity {
			v.me = d.ID
		}
		if d.ID == v.me {
			v.name, v.language = d.Name.Text, d.Language
		}
	case inquiry.ContributionAdded:
		d := e.Contribution
		if v.isMe(d.Participant) {
			v.mine = append(v.mine, &inquiry.Contribution{
				ID: d.ID, Participant: v.me, Prompt: d.Prompt, Kind: d.Kind,
				Text: d.Text.Text, Themes: d.Themes, Partner: d.Partner, BuildsOn: d.BuildsOn, Answers: d.Answers,
				Owner: d.Owner.Text, Due: d.Due, AddedAt: e.At, Seq: e.Seq,
			})
			v.unshared = append(v.unshared, len(v.mine)-1)
		}
	case inquiry.ContributionEdited:
		d := e.Contribution
		v.change(d.ID, func(c *inquiry.Contribution) {
			c.Kind, c.Text, c.Themes, c.Partner, c.EditedAt = d.Kind, d.Text.Text, d.Themes, d.Partner, e.At
			c.Owner, c.Due = d.Owner.Text, d.Due
		})
	case inquiry.ContributionDeleted:
		v.change(e.Target, func(c *inquiry.Contribution) { c.Deleted = true })
	case inquiry.ThemesChanged:
		v.change(e.Target, func(c *inquiry.Contribution) { c.Themes, c.ThemesAccepted = e.Curation.Themes, true })
	case inquiry.ThemeAdded:
		v.themes = append(slices.Clip(v.themes), *e.Theme)
		v.suggester = nil
	case inquiry.ContributionHidden:
		if c := v.change(e.Target, func(c *inquiry.Contribution) { c.Hidden, c.HiddenReason = true, e.Curation.Reason }); c != nil {
			v.news = append(v.news, tui.Notice{Text: v.words().Say("news.hidden", "text", tui.Snippet(c.Text, 30), "reason", e.Curation.Reason), Bad: true})
		}
	case inquiry.ContributionUnhidden:
		if c := v.change(e.Target, func(c *inquiry.Contribution) { c.Hidden, c.HiddenReason = false, "" }); c != nil {
			v.news = append(v.news, tui.Notice{Text: v.words().Say("news.shown", "text", tui.Snippet(c.Text, 30))})
		}
	case inquiry.PromptOpened:
		v.current = *e.Pace
	case inquiry.TimeboxChanged:
		v.current.EndsAt = e.Pace.EndsAt
		if e.Pace.EndsAt.IsZero() {
			v.current.EndsAt = e.At
		}
	case inquiry.SettingsChanged:
		v.settings = *e.Settings
	case inquiry.PromptRevealed:
		v.revealed[inquiry.PromptRef(e.Target)] = true
	case inquiry.VoteOpened:
		vote := *e.Vote
		v.vote, v.voteOpen, v.ballot = &vote, true, nil
		v.news = append(v.news, tui.Notice{Text: v.words().Count("news.vote_opened_keys", vote.Dots, "title", vote.Title)})
	case inquiry.VoteCast:
		if b := e.Ballot; v.isMe(b.Participant) && v.vote != nil && b.Vote == v.vote.ID {
			v.ballot = b.Dots
		}
	case inquiry.VoteClosed:
		if v.vote != nil && e.Target == v.vote.ID {
			v.voteOpen = false
			v.news = append(v.news, tui.Notice{Text: v.words().Say("news.vote_closed_keys")})
		}
	case inquiry.ParticipantWithdrawn, inquiry.ParticipantErased:
		if e.Target == v.me {
			v.left = true
			for i := range v.mine {
				v.changeAt(i, func(c *inquiry.Contribution) { c.Withdrawn, c.Text, c.Owner = true, "", "" })
			}
		}
	}
}

// takeNews returns what the screen should tell the person, and forgets it.
func (v *view) takeNews() []tui.Notice {
	news := v.news
	v.news = nil
	return news
}

// reachable reports whether the person may write at a prompt now: any
// prompt when self-paced; in a facilitator-led workshop, only prompts up to
// the one the facilitator has opened.
func (v *view) reachable(phase, prompt int) bool {
	if v.pacing != inquiry.FacilitatorPaced {
		return true
	}
	if v.current.Prompt == "" {
		return false
	}
	p, q, ok := v.guide.Locate(v.current.Prompt)
	return ok && (phase < p || phase == p && prompt <= q)
}

// contribution returns one of the person's contributions, or nil. It is
// not to be changed in place (see change).
func (v *view) contribution(id string) *inquiry.Contribution {
	if i := v.mineIndex(id); i >= 0 {
		return v.mine[i]
	}
	return nil
}

func (v *view) mineIndex(id string) int {
	return slices.IndexFunc(v.mine, func(c *inquiry.Contribution) bool { return c.ID == id })
}

// change replaces one of the person's contributions with a changed copy,
// and returns it (nil if it is not theirs). The view may hold the shared
// fold's own contributions, which nobody changes in place.
func (v *view) change(id string, f func(c *inquiry.Contribution)) *inquiry.Contribution {
	i := v.mineIndex(id)
	if i < 0 {
		return nil
	}
	return v.changeAt(i, f)
}

func (v *view) changeAt(i int, f func(c *inquiry.Contribution)) *inquiry.Contribution {
	changed := *v.mine[i]
	f(&changed)
	v.mine[i] = &changed
	v.unshared = append(v.unshared, i)
	return &changed
}

// shareMine swaps the contributions the view made itself for the shared
// fold's, where the two agree on everything the screen follows: a person
// with many contributions then holds no second copy of each. The fold is
// at least as far on as the view, so a later change the view has yet to
// fold keeps the view's own.
func (v *view) shareMine(w *inquiry.Workshop) {
	for _, i := range v.unshared {
		own := v.mine[i]
		if shared, ok := w.Contribution(own.ID); ok && sameOnScreen(shared, own) {
			v.mine[i] = shared
		}
	}
	v.unshared = v.unshared[:0]
}

// sameOnScreen reports whether two versions of a person's contribution
// agree on what the view follows of it (fold above): not its author's ID
// (the view says "me" of aliases), who scribed it, highlights, merges or
// an erasure, which the view folds as a withdrawal.
func sameOnScreen(a, b *inquiry.Contribution) bool {
	return a.ID == b.ID && a.Prompt == b.Prompt && a.Kind == b.Kind && a.Text == b.Text &&
		slices.Equal(a.Themes, b.Themes) && a.ThemesAccepted == b.ThemesAccepted && a.Partner == b.Partner &&
		a.BuildsOn == b.BuildsOn && a.Answers == b.Answers && a.Owner == b.Owner && a.Due == b.Due &&
		a.AddedAt.Equal(b.AddedAt) && a.EditedAt.Equal(b.EditedAt) && a.Seq == b.Seq &&
		a.Deleted == b.Deleted && a.Withdrawn == b.Withdrawn && a.Hidden == b.Hidden && a.HiddenReason == b.HiddenReason
}

// live returns the participant's contributions that are not deleted or
// withdrawn (hidden ones included: they are still theirs), for one prompt
// or (with ref "") for all, in the order they were added.
func (v *view) live(ref inquiry.PromptRef) []*inquiry.Contribution {
	var out []*inquiry.Contribution
	for _, c := range v.mine {
		if !c.Deleted && !c.Withdrawn && (ref == "" || c.Prompt == ref) {
			out = append(out, c)
		}
	}
	return out
}

// themeIndex is the index that suggests themes: the workshop's shared one,
// fetched once (an index costs about 50 KiB: one per session would add up
// in a big room), or one of the view's own when there is nothing to share.
func (v *view) themeIndex() *inquiry.ThemeIndex {
	if v.suggester == nil && v.share != nil {
		v.suggester = v.share()
	}
	if v.suggester == nil {
		v.suggester = inquiry.NewThemeIndex(v.themes)
	}
	return v.suggester
}
