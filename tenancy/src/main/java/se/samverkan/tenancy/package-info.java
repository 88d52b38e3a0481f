/**
 * Who is calling: a validated token becomes a {@link se.samverkan.tenancy.Principal} with its party (the tenant), its
 * roles and functions, and the seats it holds.
 */
@NullMarked
package se.samverkan.tenancy;

import org.jspecify.annotations.NullMarked;
