package dev.jchat.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.jchat.core.local.SystemClock;

/** The core depends on the JDK alone, its layers point inwards, and it reads time through its clock. */
@AnalyzeClasses(packages = "dev.jchat.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreDependencyTest {

  @ArchTest
  static final ArchRule the_core_uses_only_the_jdk_and_itself = classes()
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.jchat.core..");

  @ArchTest
  static final ArchRule domain_and_ports_know_nothing_of_the_services = noClasses()
      .that().resideInAnyPackage("dev.jchat.core.domain..", "dev.jchat.core.port..", "dev.jchat.core.protocol..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.jchat.core.chat..", "dev.jchat.core.account..",
          "dev.jchat.core.local..");

  @ArchTest
  static final ArchRule the_core_reads_time_only_through_the_clock_port = noClasses()
      .that().doNotBelongToAnyOf(SystemClock.class)
      .should().callMethod(System.class, "nanoTime")
      .orShould().callMethod(System.class, "currentTimeMillis")
      .orShould().callMethod(java.time.Instant.class, "now")
      .because("time-dependent rules must be testable on a fake clock");
}
