/**
 * Public API: what a transport calls, {@link dev.jchat.core.api.Chat} and
 * {@link dev.jchat.core.api.ClientSession}. An application embeds the chat through
 * {@code dev.jchat.embedded.Chat} (module {@code chat-embedded}), which implements this interface.
 */
package dev.jchat.core.api;
