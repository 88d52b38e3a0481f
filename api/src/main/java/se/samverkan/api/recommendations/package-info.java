/** Recommendations to the parties' committees and their answers: PARTY data under row-level security. */
@NullMarked
package se.samverkan.api.recommendations;

import org.jspecify.annotations.NullMarked;
