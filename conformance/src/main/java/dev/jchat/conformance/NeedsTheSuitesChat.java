package dev.jchat.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test that reaches into the suite's chat (switches its store off, needs other limits): it is
 * skipped, before any server starts, for a transport whose server has a chat of its own (see
 * {@link Transport#servesTheSuitesChat}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NeedsTheSuitesChat.Condition.class)
public @interface NeedsTheSuitesChat {

  /** What the test does with the suite's chat, for the skip message. */
  String value();

  /** Skips a marked test when the enclosing transport serves a chat of its own. */
  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      Optional<NeedsTheSuitesChat> mark = context.getTestMethod().map(m -> m.getAnnotation(NeedsTheSuitesChat.class));
      boolean ownChat = context.getTestInstances().stream()
          .flatMap(instances -> instances.getAllInstances().stream())
          .anyMatch(instance -> instance instanceof Transport transport && !transport.servesTheSuitesChat());
      if (mark.isPresent() && ownChat) {
        return ConditionEvaluationResult.disabled("the server has a chat of its own; this test " + mark.get().value());
      }
      return ConditionEvaluationResult.enabled("the server serves the suite's chat");
    }
  }
}
