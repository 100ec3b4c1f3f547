package dev.jchat.core.domain;

/** The size of a text frame as it goes over the wire: UTF-8 bytes, counted without encoding. */
public final class FrameSize {
  private FrameSize() {
  }

  public static int utf8Bytes(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3; // a surrogate pair: 4 bytes
    }
    return bytes;
  }
}
