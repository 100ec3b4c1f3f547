package dev.jchat.conformance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape every transport keeps, checked by each transport's tests ({@code @ArchTest static final
 * ArchTests rules = ArchTests.in(TransportRules.class)} in a class that analyzes its package).
 */
public final class TransportRules {
  private TransportRules() {
  }

  /** A transport talks to the core's interface ({@code Chat}, {@code ClientSession}), never to its services. */
  @ArchTest
  public static final ArchRule a_transport_depends_on_the_core_interface_only = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage("dev.jchat.core.chat..", "dev.jchat.core.account..",
          "dev.jchat.core.local..")
      .because("transports call the core through dev.jchat.core.api, so any core can stand behind them");

  /** JSON is the shared codec's and the HTTP API's business (chat-wire), not a transport's. */
  @ArchTest
  public static final ArchRule a_transport_writes_no_json_itself = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage("com.google.gson..")
      .because("the error bodies and frames come from chat-wire, written once for every transport");
}
