package dev.jchat.conformance;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Supplies the {@link Transport} that encloses a nested conformance test class. */
final class TransportResolver implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Transport.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRequiredTestInstances().getAllInstances().stream()
        .filter(Transport.class::isInstance)
        .findFirst()
        .orElseThrow(() -> new ParameterResolutionException(
            "declare conformance classes as @Nested classes of a test class that implements Transport"));
  }
}
