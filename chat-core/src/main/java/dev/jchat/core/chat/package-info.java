/**
 * The chat's rules. Public API: {@link dev.jchat.core.chat.ChatService} and its builder,
 * {@link dev.jchat.core.chat.ChatSettings}, and {@link dev.jchat.core.chat.Rooms} (the read side the
 * HTTP API serves). Everything else here is internal and may change in any release.
 */
package dev.jchat.core.chat;
