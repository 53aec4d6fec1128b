/**
 * Outbound webhook delivery (http-api.md, "Outbound webhooks"): signed JSON POSTs to subscribers
 * with the JDK's HTTP client, backoff with jitter and a circuit breaker per receiver from
 * resilience4j.
 */
package io.leadscore.adapter.http.delivery;
