@NullMarked
package se.samverkan.api.config;

import org.jspecify.annotations.NullMarked;
