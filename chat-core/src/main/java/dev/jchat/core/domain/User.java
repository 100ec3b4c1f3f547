package dev.jchat.core.domain;

/** A registered user as everyone else sees it: the id and the name as registered. */
public record User(long id, String name) {
}
