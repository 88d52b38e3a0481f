/**
 * The Samverkan domain: the collaboration structure of Swedish municipalities and their region, and the
 * rules its bodies keep, as plain Java records and pure functions. No Spring, no I/O.
 */
@NullMarked
package se.samverkan.domain;

import org.jspecify.annotations.NullMarked;
