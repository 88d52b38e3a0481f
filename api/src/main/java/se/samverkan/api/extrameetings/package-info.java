/** Extra meetings (extra sammanträden): requests, when one is due, and the event that tells the secretary. */
@NullMarked
package se.samverkan.api.extrameetings;

import org.jspecify.annotations.NullMarked;
