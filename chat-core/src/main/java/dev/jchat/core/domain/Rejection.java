package dev.jchat.core.domain;

/** An expected refusal of a request: a code from the closed set and a human-readable reason. */
public record Rejection(ErrorCode code, String message) {
}
