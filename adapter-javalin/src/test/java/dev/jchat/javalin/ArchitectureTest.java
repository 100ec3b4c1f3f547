package dev.jchat.javalin;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.jchat.conformance.TransportRules;

@AnalyzeClasses(packages = "dev.jchat.javalin", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchTests rules = ArchTests.in(TransportRules.class);
}
