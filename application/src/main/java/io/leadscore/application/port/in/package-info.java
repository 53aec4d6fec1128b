/**
 * In-ports: one {@code <Verb><Noun>UseCase} interface per use case, its {@code …Command} or {@code
 * …Query} input, its result records, and the failures it reports (unchecked exceptions named for
 * what happened, which the HTTP adapter maps to statuses). May use only the JDK, the domain and
 * {@code port.out}'s value types.
 */
package io.leadscore.application.port.in;
