package dev.jchat.socketio;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.jchat.conformance.TransportRules;

@AnalyzeClasses(packages = "dev.jchat.socketio", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchTests rules = ArchTests.in(TransportRules.class);
}
