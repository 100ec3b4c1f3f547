package dev.jchat.bench.client;

/**
 * The steps of one run. Messages name their step in their text; events that carry no step (errors,
 * closes) count for the step that is current when they arrive.
 */
public final class Measurements {
  public static final int MAX_STEPS = 100;

  private final StepStats[] steps = new StepStats[MAX_STEPS];
  private volatile int current;

  public Measurements() {
    for (int i = 0; i < MAX_STEPS; i++) {
      steps[i] = new StepStats();
    }
  }

  public StepStats step(int index) {
    return steps[index];
  }

  /** Makes {@code index} the current step and answers its stats. */
  public StepStats begin(int index) {
    current = index;
    return steps[index];
  }

  public int currentIndex() {
    return current;
  }

  StepStats current() {
    return steps[current];
  }

  /** The step a received text names, or null for a text the generator did not write. */
  StepStats forStep(long index) {
    return index >= 0 && index < MAX_STEPS ? steps[(int) index] : null;
  }
}
