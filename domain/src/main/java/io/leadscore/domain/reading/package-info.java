/**
 * Reading user input from generic trees (maps, lists, strings, numbers, booleans, as parsed from
 * JSON or YAML) into domain values, collecting every problem with its path. JDK and RE2/J only;
 * text parsing happens outside the domain.
 *
 * <p>Entry points: {@link io.leadscore.domain.reading.ModelReader} (scoring models), {@link
 * io.leadscore.domain.reading.EventReader} (events), {@link
 * io.leadscore.domain.reading.ContactReader} (contacts) and {@link
 * io.leadscore.domain.reading.DurationReader} (durations, shared with other modules). Each
 * returns a {@link io.leadscore.domain.reading.Read}: the value, or every {@link
 * io.leadscore.domain.reading.Problem} in document order, printed as {@code path: message}
 * ({@code engagement[2].decay.halfLife: not an ISO-8601 duration}). Readers never throw on any
 * input: wrong types, non-string keys, nulls, huge or non-finite numbers, and nesting beyond 32
 * levels (even cyclic graphs) are all problems.
 */
package io.leadscore.domain.reading;
