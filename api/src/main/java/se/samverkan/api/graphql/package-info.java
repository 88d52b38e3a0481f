@NullMarked
package se.samverkan.api.graphql;

import org.jspecify.annotations.NullMarked;
