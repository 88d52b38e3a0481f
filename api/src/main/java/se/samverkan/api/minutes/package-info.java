/** Minutes: drafting, signing under the rulebook, freezing and the hash chain. */
@NullMarked
package se.samverkan.api.minutes;

import org.jspecify.annotations.NullMarked;
