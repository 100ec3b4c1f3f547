package dev.jchat.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core depends on the JDK alone, and its layers point inwards. */
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
}
