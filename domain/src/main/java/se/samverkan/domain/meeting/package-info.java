/** Meetings, matters and their state machines; the rules of notice, submission and extra meetings. */
@NullMarked
package se.samverkan.domain.meeting;

import org.jspecify.annotations.NullMarked;
