/**
 * Predicates shared by fit rules ({@code when}, on a contact) and engagement rules and topics
 * ({@code where}, on an event), and the values they test. May use the JDK and RE2/J only.
 */
package io.leadscore.domain.model.condition;
