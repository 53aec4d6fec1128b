package io.leadscore.application.port.in;

/**
 * Publishes a model's draft as version n+1, or re-publishes an older version (a roll back), and
 * queues the job that re-scores every contact on its full history.
 *
 * @throws NotFoundException for an unknown model or version
 * @throws ConflictException when {@link #publishDraft} finds no draft
 * @throws InvalidInputException when the draft no longer validates (a model-language change)
 */
public interface PublishModelUseCase {
  Publication publishDraft(String workspace, String modelId);

  Publication publishVersion(String workspace, String modelId, int version);
}
