/**
 * The runnable application: {@link io.leadscore.bootstrap.Main} builds the {@code leadscore}
 * command line. Later issues add Guice wiring ({@code bootstrap.module}) and configuration here.
 * May use every module and library; nothing depends on {@code bootstrap}.
 */
package io.leadscore.bootstrap;
