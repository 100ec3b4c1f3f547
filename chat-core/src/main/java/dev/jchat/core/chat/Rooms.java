package dev.jchat.core.chat;

import dev.jchat.core.domain.ErrorCode;
import dev.jchat.core.domain.HistoryPage;
import dev.jchat.core.domain.Outcome;
import dev.jchat.core.domain.RoomName;
import dev.jchat.core.domain.RoomSummary;
import dev.jchat.core.port.MessageStore;
import dev.jchat.core.port.Presence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Read side of rooms, shared by the HTTP API and the socket: the room list and history pages. */
public final class Rooms {
  public static final int DEFAULT_PAGE = 50;
  public static final int MAX_PAGE = 100;
  public static final int MAX_RECOVERY = 500;

  private final MessageStore store;
  private final Presence presence;

  public Rooms(MessageStore store, Presence presence) {
    this.store = store;
    this.presence = presence;
  }

  public List<RoomSummary> list() {
    List<RoomSummary> summaries = new ArrayList<>();
    for (Map.Entry<String, Long> room : store.rooms().entrySet()) {
      summaries.add(new RoomSummary(room.getKey(), room.getValue(), presence.online(room.getKey()).size()));
    }
    summaries.sort((a, b) -> a.name().compareTo(b.name()));
    return summaries;
  }

  /** A page of older messages; {@code before} and {@code limit} are null when not given. */
  public Outcome<HistoryPage> page(String room, Long before, Long limit) {
    return RoomName.parse(room).then(name -> {
      if (before != null && before < 1) {
        return Outcome.refused(ErrorCode.INVALID_PAYLOAD, "before must be a positive integer");
      }
      if (limit != null && (limit < 1 || limit > MAX_PAGE)) {
        return Outcome.refused(ErrorCode.INVALID_PAYLOAD, "limit must be from 1 to " + MAX_PAGE);
      }
      return Outcome.ok(store.before(name.value(), before, limit == null ? DEFAULT_PAGE : limit.intValue()));
    });
  }
}
