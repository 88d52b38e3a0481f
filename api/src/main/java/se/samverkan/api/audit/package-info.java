/**
 * The audit trail: who wrote what, when, with the hash of every row before and after. PostgreSQL triggers write the
 * entries in the transaction of the change; this package tells them who and which mutation, and reads the trail.
 */
@NullMarked
package se.samverkan.api.audit;

import org.jspecify.annotations.NullMarked;
