package card

import (
	"github.com/anchorage/anchorage/inquiry"
)

// The card's words, written once for every format: sections of steps, each
// step a sentence and perhaps a line to type.

type section struct {
	ID      string
	Heading string
	Steps   []step
}

type step struct {
	// Label leads the step in bold: the kind of computer.
	Label string
	Text  string
	// Type is a line to type or check exactly, or "".
	Type string
	// After follows the line to type.
	After string
}

// computers are the ways in from a computer: the same command everywhere,
// opened from a different place.
func (c Card) computers() section {
	cmd := c.Command()
	return section{ID: "computer", Heading: "Join from a computer", Steps: []step{
		{Label: "Windows", Text: "Open Windows Terminal or PowerShell from the Start menu, type this and press Enter:", Type: cmd,
			After: "If Windows does not know ssh, add OpenSSH Client in Settings › System › Optional features."},
		{Label: "Mac", Text: "Open Terminal (Applications › Utilities › Terminal), type this and press Enter:", Type: cmd},
		{Label: "Linux", Text: "Open a terminal, type this and press Enter:", Type: cmd},
		{Label: "Chromebook", Text: "Turn on Linux once (Settings › About ChromeOS › Developers), open the Terminal app, choose Linux, type this and press Enter:", Type: cmd},
		{Text: "No password or SSH key is needed."},
	}}
}

func (c Card) phone() section {
	return section{ID: "phone", Heading: "Join from a phone or tablet", Steps: []step{
		{Text: "Open an SSH app (such as Termius, or Blink Shell on an iPhone or iPad) and scan the code, or open this address:", Type: c.Address(),
			After: "Or add a host by hand: address " + c.Host + ", port " + c.Port + ", user name " + c.Code + ", no password."},
	}}
}

func (c Card) firstTime() section {
	return section{ID: "fingerprint", Heading: "The first time: check it is the workshop's server", Steps: []step{
		{Text: "ssh says it cannot establish the authenticity of the host, shows the server's key fingerprint, and asks whether to continue connecting. Check the fingerprint is exactly:",
			Type:  c.Fingerprint,
			After: "If it is, type yes and press Enter. If it is not, stop and tell the facilitator: you may not have reached the workshop's server."},
	}}
}

func (c Card) seeing() section {
	return section{ID: "see", Heading: "What you will see", Steps: []step{
		{Text: "A welcome screen says what is recorded and asks for a name (a pseudonym is fine), the kind of organisation you come from if you want to say, and your consent. " +
			"Then the workshop's questions, one at a time: type your answer and press Enter to save it. Ctrl+O shows what you have said, to edit, delete or withdraw it. Ctrl+C leaves."},
	}}
}

// recorded says what is kept and who sees it, as the workshop's settings
// stand when the card is made.
func (c Card) recorded() section {
	var others string
	switch c.Settings.Visibility {
	case inquiry.VisibleOnReveal:
		others = "Other participants see what you save once the facilitator reveals it"
	case inquiry.VisibleNever:
		others = "Other participants do not see what you save"
	default:
		others = "Other participants see what you save as you save it"
	}
	report := "The workshop's report quotes your words with the name you gave."
	switch {
	case c.Settings.Anonymous:
		report = "The report the workshop shares quotes your words without names."
		if c.Settings.Visibility != inquiry.VisibleNever {
			others += ", without your name"
		}
	case c.Settings.Visibility != inquiry.VisibleNever:
		others += ", with the name you gave"
	}
	return section{ID: "recorded", Heading: "What is recorded, and who sees it", Steps: []step{
		{Text: "Everything you save is kept on the facilitator's server, in the workshop's record. The facilitators see it with your name. " +
			others + ". " + report + " You can take back what you said until the workshop closes."},
	}}
}

func (c Card) dropped() section {
	return section{ID: "dropped", Heading: "If the line drops", Steps: []step{
		{Text: "Type the same command again. Everything you saved is kept, and what you were typing is kept as a draft. " +
			"If you joined without an SSH key, the top of your screen shows a resume code (such as K7QM-3XPR): write it down. " +
			"On the welcome screen, press Ctrl+R and type it to carry on where you were."},
	}}
}

// sections are the card's sections in order.
func (c Card) sections() []section {
	return []section{c.computers(), c.phone(), c.firstTime(), c.seeing(), c.recorded(), c.dropped()}
}
