package dev.jchat.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.core.chat.ChatSettings.OutboxBounds;
import dev.jchat.core.port.ChatMetrics;
import dev.jchat.core.port.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutboxTest {
  /** Completes each write only when the test says so, like a socket that writes asynchronously. */
  private static final class ManualConnection implements Connection {
    final List<List<String>> writes = new ArrayList<>();
    final List<SendCallback> inFlight = new ArrayList<>();
    boolean completesAtOnce;
    Runnable duringWrite = () -> { };

    @Override
    public void send(List<String> frames, SendCallback done) {
      writes.add(frames);
      duringWrite.run();
      if (completesAtOnce) {
        done.sent();
      } else {
        inFlight.add(done);
      }
    }

    void completeOne() {
      inFlight.remove(0).sent();
    }

    @Override
    public void ping() {
    }

    @Override
    public void close(int code, String reason) {
    }

    @Override
    public void abort() {
    }

    @Override
    public String remoteAddress() {
      return "test";
    }
  }

  private final ManualConnection connection = new ManualConnection();
  private final AtomicInteger overflows = new AtomicInteger();
  private final Outbox outbox = new Outbox(connection, new OutboxBounds(3, 100), new Outbox.Listener() {
    @Override
    public void overflowed() {
      overflows.incrementAndGet();
    }

    @Override
    public void sendFailed(Throwable cause) {
    }
  }, ChatMetrics.NONE);

  @Test
  void frames_queued_during_a_write_go_out_together_in_the_next_write() {
    outbox.offer("a");
    outbox.offer("b");
    outbox.offer("c");
    assertThat(connection.writes).containsExactly(List.of("a"));
    connection.completeOne();
    assertThat(connection.writes).containsExactly(List.of("a"), List.of("b", "c"));
    connection.completeOne();
    assertThat(connection.writes).hasSize(2);
  }

  @Test
  void held_frames_wait_for_the_flush_and_share_one_write() {
    outbox.hold("a", 1);
    outbox.hold("b", 1);
    assertThat(connection.writes).isEmpty();
    outbox.flush();
    assertThat(connection.writes).containsExactly(List.of("a", "b"));
  }

  @Test
  void a_queue_past_its_frame_bound_overflows_once_and_takes_nothing_more() {
    for (int i = 0; i < 4; i++) {
      assertThat(outbox.offer("f" + i)).isTrue(); // one in flight, three queued
    }
    assertThat(outbox.offer("f4")).isFalse();
    assertThat(outbox.offer("f5")).isFalse();
    assertThat(overflows).hasValue(1);
    connection.completeOne();
    assertThat(connection.writes).containsExactly(List.of("f0"));
  }

  @Test
  void a_queue_past_its_size_bound_overflows() {
    outbox.offer("first");
    assertThat(outbox.offer("x".repeat(101))).isFalse();
    assertThat(overflows).hasValue(1);
  }

  @Test
  void the_size_bound_counts_utf8_bytes_not_characters() {
    outbox.offer("first"); // in flight: the bound counts what waits
    assertThat(outbox.offer("é".repeat(50))).as("50 characters, 100 bytes").isTrue();
    assertThat(outbox.offer("é")).as("2 bytes more than the bound").isFalse();
    assertThat(overflows).hasValue(1);
  }

  @Test
  void finish_runs_after_the_queued_frames_are_written() {
    List<String> events = new ArrayList<>();
    outbox.offer("a");
    outbox.offer("b");
    outbox.finish(() -> events.add("closed after " + connection.writes));
    assertThat(outbox.offer("late")).isFalse();
    connection.completeOne();
    assertThat(events).isEmpty();
    connection.completeOne();
    assertThat(events).containsExactly("closed after [[a], [b]]");
  }

  @Test
  void finish_writes_the_held_frames_first() {
    List<String> events = new ArrayList<>();
    outbox.hold("a", 1);
    outbox.finish(() -> events.add("closed after " + connection.writes));
    connection.completeOne();
    assertThat(events).containsExactly("closed after [[a]]");
  }

  @Test
  void writes_that_complete_at_once_do_not_grow_the_stack() {
    int frames = 100_000;
    Outbox queue = new Outbox(connection, new OutboxBounds(frames, Long.MAX_VALUE), null, ChatMetrics.NONE);
    AtomicInteger offered = new AtomicInteger(1);
    connection.completesAtOnce = true;
    connection.duringWrite = () -> { // another frame arrives while each write is under way
      if (offered.getAndIncrement() < frames) {
        queue.offer("frame");
      }
    };
    queue.offer("frame"); // a recursive pump would overflow the stack here
    assertThat(connection.writes).hasSize(frames);
  }
}
