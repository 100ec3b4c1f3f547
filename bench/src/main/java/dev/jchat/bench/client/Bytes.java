package dev.jchat.bench.client;

import java.nio.charset.StandardCharsets;

/** Byte scanning for received frames: the generator reads only the few fields it needs, without parsing JSON. */
final class Bytes {
  private Bytes() {
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  static int indexOf(byte[] bytes, int from, int end, byte[] wanted) {
    byte first = wanted[0];
    int last = end - wanted.length;
    outer:
    for (int i = from; i <= last; i++) {
      if (bytes[i] != first) {
        continue;
      }
      for (int j = 1; j < wanted.length; j++) {
        if (bytes[i + j] != wanted[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static int lastIndexOf(byte[] bytes, int from, int end, byte[] wanted) {
    outer:
    for (int i = end - wanted.length; i >= from; i--) {
      for (int j = 0; j < wanted.length; j++) {
        if (bytes[i + j] != wanted[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static boolean startsWith(byte[] bytes, int at, int end, byte[] wanted) {
    if (end - at < wanted.length) {
      return false;
    }
    for (int j = 0; j < wanted.length; j++) {
      if (bytes[at + j] != wanted[j]) {
        return false;
      }
    }
    return true;
  }

  /** The unsigned decimal number starting at {@code at}, or -1 when there is no digit there. */
  static long number(byte[] bytes, int at, int end) {
    long value = 0;
    int i = at;
    while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
      value = value * 10 + (bytes[i] - '0');
      i++;
    }
    return i == at ? -1 : value;
  }

  /** The number that follows {@code key} (e.g. {@code "id":}) at its first occurrence, or -1. */
  static long numberAfter(byte[] bytes, int from, int end, byte[] key) {
    int at = indexOf(bytes, from, end, key);
    return at < 0 ? -1 : number(bytes, at + key.length, end);
  }

  static int count(byte[] bytes, int from, int end, byte[] wanted) {
    int found = 0;
    for (int at = indexOf(bytes, from, end, wanted); at >= 0; at = indexOf(bytes, at + wanted.length, end, wanted)) {
      found++;
    }
    return found;
  }
}
