package io.leadscore.application.port.in;

import java.util.List;

/**
 * Configures vendor sources and shows them (http-api.md, "Sources"; {@code POST} and {@code GET
 * /v1/sources}). Secret settings are masked in every answer.
 */
public interface ConfigureSourceUseCase {
  /**
   * Validates and stores a source; its first scheduled sync is due at once for a duration schedule,
   * at the next firing for a cron one.
   *
   * @throws InvalidInputException with every problem and its path ({@code kind} for an unknown
   *     vendor, listing the known kinds; {@code settings.apiKey}; {@code schedule}); nothing is
   *     stored
   */
  ConfiguredSource create(ConfigureSourceCommand command);

  /** The workspace's sources, oldest first. */
  List<SourceView> list(String workspace);

  /**
   * One source of the workspace.
   *
   * @throws NotFoundException when the workspace has no such source
   */
  SourceView get(String workspace, String sourceId);
}
