/** The cross-county dashboard: every figure aggregated in PostgreSQL, a fixed number of statements per request. */
@NullMarked
package se.samverkan.api.dashboard;

import org.jspecify.annotations.NullMarked;
