/** The demo year: fictitious meetings, matters, documents and notices loaded after the structure in the dev profile. */
@NullMarked
package se.samverkan.api.demo;

import org.jspecify.annotations.NullMarked;
