package org.asrdistill.kaldiio.table;

import java.util.Locale;

/**
 * A parsed rspecifier: {@code ark:}, {@code scp:} with Kaldi's read options {@code o} (each key read
 * once), {@code s} (keys sorted), {@code cs} (called in sorted order), {@code p} (permissive: skip
 * unreadable entries), their negations {@code no ns ncs np}, and {@code b}, {@code t}, {@code bg}
 * (accepted, no effect). The filename is an rxfilename (file, {@code -}, {@code cmd |}, {@code f:OFFSET}).
 */
public record Rspecifier(Type type, String filename, boolean once, boolean sorted, boolean calledSorted,
    boolean permissive) {

  /** Archive or script file. */
  public enum Type { ARCHIVE, SCRIPT }

  public Rspecifier {
    if (type == null || filename == null) {
      throw new IllegalArgumentException("type and filename are required");
    }
  }

  /** Parses an rspecifier; throws {@link IllegalArgumentException} naming what is wrong. */
  public static Rspecifier parse(String spec) {
    int colon = spec.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("not an rspecifier (expected ark:... or scp:...): '" + spec + "'");
    }
    String[] opts = spec.substring(0, colon).split(",");
    String file = spec.substring(colon + 1);
    Type type = null;
    boolean once = false;
    boolean sorted = false;
    boolean cs = false;
    boolean perm = false;
    for (String o : opts) {
      switch (o.strip().toLowerCase(Locale.ROOT)) {
        case "ark":
          type = checkOne(type, Type.ARCHIVE, spec);
          break;
        case "scp":
          type = checkOne(type, Type.SCRIPT, spec);
          break;
        case "o":
          once = true;
          break;
        case "no":
          once = false;
          break;
        case "s":
          sorted = true;
          break;
        case "ns":
          sorted = false;
          break;
        case "cs":
          cs = true;
          break;
        case "ncs":
          cs = false;
          break;
        case "p":
          perm = true;
          break;
        case "np":
          perm = false;
          break;
        case "b":
        case "t":
        case "bg":
          break;
        default:
          throw new IllegalArgumentException("unknown rspecifier option '" + o + "' in '" + spec + "'");
      }
    }
    if (type == null) {
      throw new IllegalArgumentException("rspecifier must say ark or scp: '" + spec + "'");
    }
    return new Rspecifier(type, file, once, sorted, cs, perm);
  }

  private static Type checkOne(Type prev, Type t, String spec) {
    if (prev != null) {
      throw new IllegalArgumentException("rspecifier names both ark and scp: '" + spec + "'");
    }
    return t;
  }

  /** True if the string looks like an rspecifier rather than a plain filename. */
  public static boolean isRspecifier(String s) {
    try {
      parse(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
