/**
 * Scoring machinery shared by use cases and job handlers: compiled live models (cached per
 * immutable version), turning histories into materialised score rows with tier-change
 * notifications, and the streaming re-score. Uses only the domain and {@code port.out}.
 */
package io.leadscore.application.scoring;
