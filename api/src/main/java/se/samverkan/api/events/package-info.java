/**
 * Events without loss: the outbox written in the transaction of each change, the dispatcher that delivers them in
 * order to this instance's subscribers (woken across instances by PostgreSQL NOTIFY), and the public change feed.
 */
@NullMarked
package se.samverkan.api.events;

import org.jspecify.annotations.NullMarked;
