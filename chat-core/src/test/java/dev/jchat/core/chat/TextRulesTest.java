package dev.jchat.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.core.domain.ErrorCode;
import dev.jchat.core.domain.Rejection;
import org.junit.jupiter.api.Test;

class TextRulesTest {
  private final TextRules rules = new TextRules();

  @Test
  void plain_text_html_emoji_tabs_and_new_lines_are_accepted() {
    assertThat(rules.check("hi <b>there</b> 👋\n\tsecond line")).isEmpty();
  }

  @Test
  void empty_and_white_space_only_text_is_refused() {
    assertThat(rules.check("")).map(Rejection::code).contains(ErrorCode.INVALID_MESSAGE);
    assertThat(rules.check(" \n\t ")).map(Rejection::code).contains(ErrorCode.INVALID_MESSAGE);
  }

  @Test
  void length_counts_code_points_after_stripping() {
    assertThat(rules.check("😀".repeat(2000))).isEmpty();
    assertThat(rules.check("  " + "a".repeat(2000) + "  ")).isEmpty();
    assertThat(rules.check("😀".repeat(2001))).map(Rejection::code).contains(ErrorCode.INVALID_MESSAGE);
  }

  @Test
  void control_characters_are_refused_carriage_return_included() {
    assertThat(rules.check("a\rb")).isPresent();
    assertThat(rules.check("a\u0000b")).isPresent();
    assertThat(rules.check("a\u001fb")).isPresent();
    assertThat(rules.check("a\u000bb")).isPresent();
  }
}
