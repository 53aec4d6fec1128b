package io.leadscore.application.port.in;

import io.leadscore.application.port.out.Scope;

/** Who is calling: the workspace and scope of a valid API key. */
public record Caller(String workspace, Scope scope, String keyId) {}
