package dev.jchat.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The promises of {@link Broadcaster}. Every implementation extends this class; {@link #newDeployment}
 * gives a fresh deployment whose every {@code get()} is one more instance of the chat (several
 * processes for a broker, one shared object in one JVM). Delivery may be asynchronous: the tests
 * wait for events, and an event that must not come is shown absent by a later one that does.
 */
public abstract class BroadcasterContract {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final Instances<Broadcaster> opened = new Instances<>();

  protected abstract Supplier<Broadcaster> newDeployment();

  @AfterEach
  void closeInstances() throws Exception {
    opened.close();
  }

  /** Events as one listener receives them. */
  private static final class Received implements Broadcaster.RoomListener {
    final BlockingQueue<RoomEvent> events = new LinkedBlockingQueue<>();

    @Override
    public void accept(RoomEvent event) {
      events.add(event);
    }

    RoomEvent next() throws InterruptedException {
      RoomEvent event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(event).as("an event within " + WAIT).isNotNull();
      return event;
    }
  }

  private List<Broadcaster> instances(int count) {
    return opened.of(newDeployment(), count);
  }

  private static RoomEvent event(String room, String frame) {
    return new RoomEvent(room, 0, 0, 0, frame);
  }

  @Test
  void a_subscriber_gets_its_rooms_events_in_the_order_they_were_published() throws Exception {
    Broadcaster broadcaster = instances(1).get(0);
    Received received = new Received();
    broadcaster.subscribe("general", received);
    for (int i = 0; i < 100; i++) {
      broadcaster.publish(event("general", "frame " + i));
    }
    for (int i = 0; i < 100; i++) {
      assertThat(received.next().frame()).isEqualTo("frame " + i);
    }
  }

  @Test
  void an_event_reaches_every_instance_subscribed_to_its_room_the_publisher_included() throws Exception {
    List<Broadcaster> instances = instances(3);
    List<Received> listeners = new ArrayList<>();
    for (Broadcaster instance : instances) {
      Received received = new Received();
      instance.subscribe("general", received);
      listeners.add(received);
    }
    instances.get(1).publish(event("general", "hello"));
    for (Received received : listeners) {
      assertThat(received.next().frame()).isEqualTo("hello");
    }
  }

  @Test
  void an_event_carries_its_frame_message_id_and_excluded_user_unchanged() throws Exception {
    List<Broadcaster> instances = instances(2);
    Received received = new Received();
    instances.get(0).subscribe("general", received);
    String frame = "{\"event\":\"chat:new\",\"data\":{\"text\":\"héllo 👋 \\\"quoted\\\" \\n line\"}}";
    instances.get(1).publish(new RoomEvent("general", 42, 3, 7, frame));
    assertThat(received.next()).isEqualTo(new RoomEvent("general", 42, 3, 7, frame));
  }

  @Test
  void a_subscriber_gets_no_event_of_a_room_it_did_not_subscribe_to() throws Exception {
    List<Broadcaster> instances = instances(2);
    Received received = new Received();
    instances.get(0).subscribe("general", received);
    instances.get(1).publish(event("random", "elsewhere"));
    instances.get(1).publish(event("general", "here"));
    assertThat(received.next().frame()).isEqualTo("here");
    assertThat(received.events).isEmpty();
  }

  @Test
  void a_cancelled_subscription_gets_nothing_more_and_cancelling_twice_is_harmless() throws Exception {
    List<Broadcaster> instances = instances(2);
    Received cancelled = new Received();
    Received witness = new Received();
    Broadcaster.Subscription subscription = instances.get(0).subscribe("general", cancelled);
    instances.get(1).subscribe("general", witness);
    instances.get(1).publish(event("general", "before"));
    assertThat(cancelled.next().frame()).isEqualTo("before");
    assertThat(witness.next().frame()).isEqualTo("before");

    subscription.cancel();
    subscription.cancel();
    instances.get(1).publish(event("general", "after"));
    assertThat(witness.next().frame()).isEqualTo("after");
    instances.get(1).publish(event("general", "later"));
    assertThat(witness.next().frame()).isEqualTo("later");
    assertThat(cancelled.events).isEmpty();
  }

  @Test
  void two_listeners_of_one_instance_each_get_the_event_and_one_cancelling_leaves_the_other() throws Exception {
    Broadcaster broadcaster = instances(1).get(0);
    Received first = new Received();
    Received second = new Received();
    Broadcaster.Subscription firstSubscription = broadcaster.subscribe("general", first);
    broadcaster.subscribe("general", second);
    broadcaster.publish(event("general", "both"));
    assertThat(first.next().frame()).isEqualTo("both");
    assertThat(second.next().frame()).isEqualTo("both");

    firstSubscription.cancel();
    broadcaster.publish(event("general", "second only"));
    assertThat(second.next().frame()).isEqualTo("second only");
    assertThat(first.events).isEmpty();
  }

  @Test
  void publishing_to_a_room_nobody_subscribed_to_is_harmless() throws Exception {
    Broadcaster broadcaster = instances(1).get(0);
    broadcaster.publish(event("empty", "nobody hears this"));
    Received received = new Received();
    broadcaster.subscribe("empty", received);
    broadcaster.publish(event("empty", "heard"));
    assertThat(received.next().frame()).isEqualTo("heard");
  }
}
