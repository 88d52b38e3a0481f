/**
 * National-scale synthetic data (issue 7): every county of Sweden with its municipalities and region, the bodies they
 * run together (råd, grupper) with rulebooks (arbetsordningar), seats and appointments, and ten years of meetings
 * (sammanträden), matters (ärenden), decisions (beslut), recommendations (rekommendationer), minutes (protokoll) and
 * inbox items (inkommande) — generated deterministically from a seed, for benchmarks at the size the service must
 * handle (DESIGN.md §8). Runs in the {@code national} profile as the last start-up import; see the README, section
 * "National-scale data".
 *
 * <p>Blekinge and Norrbotten stay as the structure files describe them; the other 19 counties are generated with
 * their real county numbers and names. Municipality and person names are synthetic.
 */
@NullMarked
package se.samverkan.api.national;

import org.jspecify.annotations.NullMarked;
