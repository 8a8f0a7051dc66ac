// The real clock, captured when the bundle or worker loads — before any scenario skews Date.now —
// so a skew can always be undone.
export const realNow: () => number = Date.now.bind(Date);
