package dev.jchat.redis;

/**
 * The names of every key and channel, under the deployment's prefix. Pub/Sub channels belong to no
 * database, so the prefix is what keeps two chats on one Redis apart.
 */
final class Keys {
  private final String prefix;

  Keys(String prefix) {
    this.prefix = prefix;
  }

  /** The Pub/Sub channel of a room. */
  String channel(String room) {
    return prefix + "room:" + room;
  }

  /** The room of a channel that {@link #channel} named. */
  String roomOf(String channel) {
    return channel.substring(prefix.length() + "room:".length());
  }

  /** The live instances, by the time of their last beat. */
  String instances() {
    return prefix + "instances";
  }

  /** The presence entries of an instance's connections. */
  String connections(String instance) {
    return prefix + "instance:" + instance + ":connections";
  }

  /** The places an instance holds, per key. */
  String holdings(String instance) {
    return prefix + "instance:" + instance + ":holdings";
  }

  /** A room's connection count per user id. */
  String online(String room) {
    return prefix + "presence:" + room + ":connections";
  }

  /** A room's online user names by id. */
  String names(String room) {
    return prefix + "presence:" + room + ":names";
  }

  /** One of the shared limits' keys. */
  String limit(String key) {
    return prefix + "limit:" + key;
  }
}
