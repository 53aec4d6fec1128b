/**
 * Leadscore's use cases and ports (hexagonal "application" layer): in-ports in {@code port.in},
 * out-ports in {@code port.out}, their implementations in {@code service}. May use only the JDK and
 * {@code io.leadscore.domain}; the build checks this (ArchitectureTest in bootstrap).
 */
package io.leadscore.application;
