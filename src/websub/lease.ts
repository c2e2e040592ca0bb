/** @module How long a WebSub subscription is asked for, and the longest a hub's grant is taken at its word. */

/** The lease asked for; hubs may grant less. Ten days needs a renewal about every nine. */
export const LEASE_SECONDS = 10 * 24 * 60 * 60;
/** Longest lease taken at its word; a larger one is stored as this. */
export const MAX_LEASE_SECONDS = 365 * 24 * 60 * 60;
