/**
 * What may reach a log: {@link io.leadscore.application.logging.LogSafe} strips exception messages
 * (which carry bound SQL values, secrets, e-mails) and escapes control characters. Every log call
 * that shows a failure or text from a request goes through it. Pure Java.
 */
package io.leadscore.application.logging;
