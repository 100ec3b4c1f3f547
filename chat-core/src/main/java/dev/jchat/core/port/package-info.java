/**
 * Public API: the ports an adapter implements (stores, broadcaster, presence, hashing, tokens,
 * codec, clock) and the transport's {@link dev.jchat.core.port.Connection}. Their Javadoc is the
 * contract; {@code chat-core}'s test jar holds a contract suite for each store port.
 */
package dev.jchat.core.port;
