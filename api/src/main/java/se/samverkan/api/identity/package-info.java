/** The caller: the {@code me} query. */
@NullMarked
package se.samverkan.api.identity;

import org.jspecify.annotations.NullMarked;
