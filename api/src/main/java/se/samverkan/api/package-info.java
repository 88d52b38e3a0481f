/** The Spring Boot application: GraphQL, persistence, structure import, security. */
@NullMarked
package se.samverkan.api;

import org.jspecify.annotations.NullMarked;
