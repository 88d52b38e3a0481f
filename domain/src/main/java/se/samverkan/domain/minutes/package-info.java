/** Minutes (protokoll): who signs them under the rulebook (LSVO-13, PSVO-10) and the hash chain that freezes them (IMP-02). */
@NullMarked
package se.samverkan.domain.minutes;

import org.jspecify.annotations.NullMarked;
