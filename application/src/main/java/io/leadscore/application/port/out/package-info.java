/**
 * Out-ports: what the use cases need from the world (stores, repositories, notifications,
 * transactions, document parsing), named for what they give. Adapters implement them; every
 * repository method takes the caller's workspace first and never reads or writes outside it. May
 * use only the JDK and {@code io.leadscore.domain}.
 */
package io.leadscore.application.port.out;
