/** The caller's party carried into PostgreSQL, for row-level security. */
@NullMarked
package se.samverkan.api.tenant;

import org.jspecify.annotations.NullMarked;
