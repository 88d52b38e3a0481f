/**
 * Decisions by party mandate (LSVO-16, AGR-04): who is entitled, who is present and who has declared, whether a matter
 * is ready for decision under the rulebook's quorum rule for its category (LSVO-17..19), and the outcome per party.
 */
@NullMarked
package se.samverkan.domain.decision;

import org.jspecify.annotations.NullMarked;
