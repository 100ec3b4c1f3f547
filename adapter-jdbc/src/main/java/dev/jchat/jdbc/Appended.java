package dev.jchat.jdbc;

import dev.jchat.core.domain.Message;

/** What an append stored, or the earlier message it repeated ({@code firstTime == false}). */
record Appended(Message message, boolean firstTime) {
}
