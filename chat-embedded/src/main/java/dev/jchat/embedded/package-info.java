/**
 * One entry point to embed the chat in a JVM application: {@link dev.jchat.embedded.Chat}, built with
 * {@code Chat.builder().tokenSecret(secret).build()}. This package is public API; see the class for
 * what else a user of it may rely on.
 */
package dev.jchat.embedded;
