package io.leadscore.application.port.in;

/**
 * Evaluates a draft on the whole stored history beside the live version. Read-only. Memory holds
 * one contact's history and the 20 biggest movers, however many contacts there are.
 *
 * @throws NotFoundException for an unknown model
 * @throws ConflictException when the model has no draft and none is given inline
 * @throws UnreadableDocumentException when an inline draft is not JSON or YAML
 * @throws InvalidInputException when the draft does not validate
 */
public interface SimulateModelUseCase {
  int BIGGEST_MOVERS = 20;

  Simulation simulate(SimulateModelQuery query);
}
