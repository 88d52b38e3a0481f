@NullMarked
package se.samverkan.api.db;

import org.jspecify.annotations.NullMarked;
