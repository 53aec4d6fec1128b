/**
 * One running node: the Guice injector made once ({@link io.leadscore.bootstrap.node.Node}), its
 * lifecycle (migrate, workers, API server; graceful stop), the background workers, and the demo
 * data. Used by the command line; uses {@code bootstrap.module} and {@code bootstrap.config}.
 */
package io.leadscore.bootstrap.node;
