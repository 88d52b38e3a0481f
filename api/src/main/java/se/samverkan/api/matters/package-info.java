/** Matters, their documents, triage, and the notice that freezes an agenda. */
@NullMarked
package se.samverkan.api.matters;

import org.jspecify.annotations.NullMarked;
