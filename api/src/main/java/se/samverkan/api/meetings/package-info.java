/** Meetings: scheduling, cancelling, deadlines. */
@NullMarked
package se.samverkan.api.meetings;

import org.jspecify.annotations.NullMarked;
