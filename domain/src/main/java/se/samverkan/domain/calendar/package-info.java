/** Swedish working days and the deadlines a rulebook's lead times give (IMP-01). */
@NullMarked
package se.samverkan.domain.calendar;

import org.jspecify.annotations.NullMarked;
