/** Committees' inboxes: what the bodies distribute to them (LSVO-14, PSVO-11), PARTY data under row-level security. */
@NullMarked
package se.samverkan.api.inbox;

import org.jspecify.annotations.NullMarked;
