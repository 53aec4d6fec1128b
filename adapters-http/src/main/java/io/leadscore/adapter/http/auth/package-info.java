/**
 * Bearer API keys on every {@code /v1} request (docs/api.md, "Authentication and scopes"): the key
 * is resolved to its workspace and scope through the authenticate use case, and a route's scope is
 * checked before its handler runs. Failed authentications are budgeted per client address ({@link
 * io.leadscore.adapter.http.auth.FailedAuthentications}) so keys and hook secrets cannot be guessed
 * at speed.
 */
package io.leadscore.adapter.http.auth;
