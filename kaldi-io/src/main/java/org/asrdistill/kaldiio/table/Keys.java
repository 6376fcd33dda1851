package org.asrdistill.kaldiio.table;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/** Table keys: validation and the byte-wise ordering Kaldi's sorted tables use ({@code LC_ALL=C}). */
public final class Keys {
  private Keys() {
  }

  /** Compares as unsigned UTF-8 bytes, i.e. as {@code sort} does under {@code LC_ALL=C}. */
  public static final Comparator<String> ORDER = Keys::compare;

  public static int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (x < 0x80 && y < 0x80) {
          return x - y;
        }
        return java.util.Arrays.compareUnsigned(a.substring(i).getBytes(StandardCharsets.UTF_8),
            b.substring(i).getBytes(StandardCharsets.UTF_8));
      }
    }
    return a.length() - b.length();
  }

  /** A key is a non-empty string without whitespace. */
  public static boolean isValid(String key) {
    if (key == null || key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isWhitespace(c) || c == 0) {
        return false;
      }
    }
    return true;
  }

  public static void check(String key) {
    if (!isValid(key)) {
      throw new IllegalArgumentException("table key must be non-empty without whitespace; got: '" + key + "'");
    }
  }
}
