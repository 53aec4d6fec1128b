/**
 * The HTTP API (http-api.md): Javalin 7 routes under {@code /v1}, one {@code …Endpoints} class per
 * resource, each handler parsing the request, calling one use case and rendering the answer; RFC
 * 9457 problem details for every failure; health, readiness, metrics and the OpenAPI document.
 *
 * <p>May use {@code io.leadscore.application.port.in} (and the out-port value types those carry),
 * {@code io.leadscore.domain}, Javalin, Jackson and the Prometheus client. No business logic lives
 * here.
 */
package io.leadscore.adapter.http.api;
