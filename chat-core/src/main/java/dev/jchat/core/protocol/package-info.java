/**
 * Internal: the protocol as values, between a {@link dev.jchat.core.port.FrameCodec} and the core. A
 * codec of your own uses them; they may change with the protocol.
 */
package dev.jchat.core.protocol;
