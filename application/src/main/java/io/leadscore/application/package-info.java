/**
 * Leadscore's use cases and ports (hexagonal "application" layer): in-ports in {@code port.in},
 * out-ports in {@code port.out} (the vendor plugin port in {@code port.out.vendor}), their
 * implementations in {@code service}, shared machinery in {@code scoring}, {@code ingest} and
 * {@code job}. May use only the JDK and {@code io.leadscore.domain}; the build checks this
 * (ArchitectureTest in bootstrap).
 */
package io.leadscore.application;
