/**
 * The offline command line (picocli): {@code leadscore validate FILE} and {@code leadscore score
 * --model FILE --contact FILE --events FILE.jsonl [--as-of T]} (http-api.md, "CLI"), the JSON/YAML
 * text parsing that feeds the domain readers, and the LeadScore's JSON form. The only package that
 * may write to stdout/stderr. Uses the domain, picocli and Jackson.
 */
package io.leadscore.bootstrap.cli;
