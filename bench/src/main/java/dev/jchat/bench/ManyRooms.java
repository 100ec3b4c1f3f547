package dev.jchat.bench;

import dev.jchat.bench.client.BenchClient;
import dev.jchat.bench.client.Measurements;
import dev.jchat.bench.net.Connector;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Many rooms: clients in rooms of ten, at least one sender in every room, the total rate raised step
 * by step like fan-out. Each message reaches the ten members of its room.
 */
final class ManyRooms {
  private ManyRooms() {
  }

  static List<LoadStep> run(Deployment deployment, Connector connector, Options options, Table table, PrintStream log) {
    int clients = options.integer("clients", 5000);
    int roomSize = options.integer("room-size", 10);
    int rooms = clients / roomSize;
    List<Integer> rates = options.integers("rates", "500,1000,2000,4000,6000,8000");
    Duration duration = options.seconds("step-seconds", 10);
    Duration warmup = options.seconds("warmup-seconds", 20);
    String padding = FanOut.padding(options.integer("text-size", 64));
    List<LoadStep> steps = new ArrayList<>();
    Profiling profiling = Profiling.of(options, deployment);
    try (Fleet fleet = new Fleet(deployment, connector, new Measurements(), options)) {
      long connecting = System.nanoTime();
      fleet.add(rooms * roomSize, index -> "room-" + index / roomSize, Duration.ofSeconds(60 + clients / 20));
      log.printf("%s: %d clients in %d rooms after %.1f s%n", deployment.label(), rooms * roomSize, rooms,
          (System.nanoTime() - connecting) / 1e9);
      int step = 0;
      if (!warmup.isZero()) {
        LoadStep.run(deployment, fleet, senders(fleet.clients(), rates.get(0), rooms, roomSize),
            new LoadStep.Plan(step++, rates.get(0), roomSize, warmup, Duration.ofSeconds(3), padding, false, false));
      }
      for (int rate : rates) {
        LoadStep result = LoadStep.run(deployment, fleet, senders(fleet.clients(), rate, rooms, roomSize),
            new LoadStep.Plan(step++, rate, roomSize, duration, Duration.ofSeconds(5), padding, false, true,
                profiling));
        steps.add(result);
        result.addTo(table);
        log.println(FanOut.progress(result));
        if (!result.held()) {
          break;
        }
      }
    }
    table.note(deployment.label() + ": " + rooms + " rooms of " + roomSize + "; highest rate held: "
        + FanOut.highestHeld(steps));
    return steps;
  }

  /** One sender per room, more per room when the rate needs them, so no sender passes its limit. */
  private static List<BenchClient> senders(List<BenchClient> clients, double rate, int rooms, int roomSize) {
    int count = Pacer.sendersFor(rate, rooms, clients.size());
    List<BenchClient> senders = new ArrayList<>();
    for (int j = 0; j < count; j++) {
      senders.add(clients.get((j % rooms) * roomSize + j / rooms));
    }
    return senders;
  }
}
