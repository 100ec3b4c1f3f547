package dev.jchat.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.core.domain.ErrorCode;
import dev.jchat.core.domain.Outcome;
import org.junit.jupiter.api.Test;

class TextRulesTest {
  private final TextRules rules = new TextRules();

  @Test
  void plain_text_html_emoji_tabs_and_new_lines_are_accepted() {
    String text = "hi <b>there</b> 👋\n\tsecond line";
    assertThat(rules.check(text)).isEqualTo(Outcome.ok(text));
  }

  @Test
  void empty_and_white_space_only_text_is_refused() {
    assertThat(refusal("")).isEqualTo(ErrorCode.INVALID_MESSAGE);
    assertThat(refusal(" \n\t ")).isEqualTo(ErrorCode.INVALID_MESSAGE);
  }

  @Test
  void length_counts_code_points_after_stripping() {
    assertThat(refusal("😀".repeat(2000))).isNull();
    assertThat(refusal("  " + "a".repeat(2000) + "  ")).isNull();
    assertThat(refusal("😀".repeat(2001))).isEqualTo(ErrorCode.INVALID_MESSAGE);
  }

  @Test
  void control_characters_are_refused_carriage_return_included() {
    assertThat(refusal("a\rb")).isEqualTo(ErrorCode.INVALID_MESSAGE);
    assertThat(refusal("a\u0000b")).isEqualTo(ErrorCode.INVALID_MESSAGE);
    assertThat(refusal("a\u001fb")).isEqualTo(ErrorCode.INVALID_MESSAGE);
    assertThat(refusal("a\u000bb")).isEqualTo(ErrorCode.INVALID_MESSAGE);
  }

  /** The code the text is refused with, or null when it is accepted. */
  private ErrorCode refusal(String text) {
    return rules.check(text).fold(accepted -> null, rejection -> rejection.code());
  }
}
