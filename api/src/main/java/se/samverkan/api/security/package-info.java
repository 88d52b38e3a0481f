@NullMarked
package se.samverkan.api.security;

import org.jspecify.annotations.NullMarked;
