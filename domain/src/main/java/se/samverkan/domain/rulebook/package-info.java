/**
 * A body's rulebook (arbetsordning) as data: every rule value RULES.md assigns to a body, each carrying the id of
 * the rule it comes from, so that a refusal can name its clause. The code knows the kinds of rule; the rulebook
 * gives the numbers.
 */
@NullMarked
package se.samverkan.domain.rulebook;

import org.jspecify.annotations.NullMarked;
