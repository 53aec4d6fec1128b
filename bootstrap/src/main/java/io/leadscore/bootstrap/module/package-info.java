/**
 * Guice modules, one per adapter or feature (style.md, "Wiring"): {@code @Provides} methods that
 * call constructors and do no I/O. The only place that knows every module.
 */
package io.leadscore.bootstrap.module;
