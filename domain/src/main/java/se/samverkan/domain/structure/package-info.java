/**
 * The structure: counties, parties (the tenants), their committees, the bodies they run together, the seats
 * of those bodies and the people appointed to them, and the collaboration agreements that bind it together.
 */
@NullMarked
package se.samverkan.domain.structure;

import org.jspecify.annotations.NullMarked;
