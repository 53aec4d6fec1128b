/**
 * The wire formats shared by the API and the CLI: JSON and YAML text into the generic tree the
 * domain's readers validate ({@link io.leadscore.adapter.http.json.DocumentParser}), the {@code
 * DocumentReader} port on it, and the LeadScore's JSON form (scoring-model.md, "Output").
 *
 * <p>May use Jackson, {@code io.leadscore.application} and {@code io.leadscore.domain}.
 */
package io.leadscore.adapter.http.json;
