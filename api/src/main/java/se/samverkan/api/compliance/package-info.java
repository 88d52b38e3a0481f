/** How each body keeps its rulebook, per year: aggregates computed in SQL. */
@NullMarked
package se.samverkan.api.compliance;

import org.jspecify.annotations.NullMarked;
