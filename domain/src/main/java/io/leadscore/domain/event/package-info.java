/** What a contact did: events, in the engine's order {@code (occurredAt, eventKey)}. JDK only. */
package io.leadscore.domain.event;
