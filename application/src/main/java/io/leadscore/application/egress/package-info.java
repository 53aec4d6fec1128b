/**
 * The egress policy: the one rule every outbound call of the product obeys (webhook deliveries
 * today, vendor API calls with the vendor modules). It refuses URLs whose scheme is not http or
 * https, hosts written in ambiguous numeric forms, and addresses that reach the server's own
 * network (loopback, private, link-local, unique-local, carrier-grade NAT, multicast, broadcast,
 * unspecified and reserved ranges, also when embedded in IPv6), unless the operator allows a range
 * ({@code egress.allow}, docs/operations.md "Egress"). Callers check a URL when it is configured
 * and every address when they connect, because a name can resolve differently later. Pure Java:
 * uses only the JDK and the domain.
 */
package io.leadscore.application.egress;
