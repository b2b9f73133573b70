package inquirytest

// WalkGuide is a guide file of a facilitator's own, as small as a valid
// guide can be: one phase with one prompt. Tests add it to a store, over
// SSH and from a folder of guides.
const WalkGuide = `# A guide of our own
id: harbour-walk
title: A walk round the harbour
phases:
  - id: look
    title: Look
    prompts:
      - id: see
        text: What do you see working?
`
