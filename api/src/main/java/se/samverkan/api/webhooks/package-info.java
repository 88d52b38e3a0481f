/**
 * Webhooks for integration clients: registration (with a secret shown once), the fan-out of public outbox events into
 * a delivery log shared by every service instance, and signed delivery over HTTP with retries and backoff.
 */
@NullMarked
package se.samverkan.api.webhooks;

import org.jspecify.annotations.NullMarked;
