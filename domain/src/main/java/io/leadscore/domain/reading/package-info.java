/**
 * Reading user input from generic trees (maps, lists, strings, numbers, booleans, as parsed from
 * JSON or YAML) into domain values, collecting every problem with its path. JDK and RE2/J only;
 * text parsing happens outside the domain.
 */
package io.leadscore.domain.reading;
