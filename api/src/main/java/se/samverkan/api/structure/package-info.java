@NullMarked
package se.samverkan.api.structure;

import org.jspecify.annotations.NullMarked;
