package dev.jchat.core.port;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The instances of deployments that a contract test opened; those that can be closed are, after it. */
final class Instances<T> implements AutoCloseable {
  private final List<T> opened = new ArrayList<>();

  /** {@code count} instances of one deployment. */
  List<T> of(Supplier<T> deployment, int count) {
    List<T> instances = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      T instance = deployment.get();
      opened.add(instance);
      instances.add(instance);
    }
    return instances;
  }

  @Override
  public void close() throws Exception {
    for (T instance : opened) {
      if (instance instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }
}
