package org.asrdistill.kaldiio.table;

import java.util.Locale;

/**
 * A parsed wspecifier: {@code ark:A}, {@code scp:S}, or {@code ark,scp:A,S} (the order of the names
 * follows the order of the types), with options {@code b} / {@code t} (binary or text, binary by default),
 * {@code f} / {@code nf} (flush after each object) and {@code p} (permissive).
 */
public record Wspecifier(String archive, String script, boolean binary, boolean flush, boolean permissive) {

  public Wspecifier {
    if (archive == null && script == null) {
      throw new IllegalArgumentException("a wspecifier writes an archive, a script, or both");
    }
  }

  public static Wspecifier parse(String spec) {
    int colon = spec.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("not a wspecifier (expected ark:..., scp:... or ark,scp:...): '"
          + spec + "'");
    }
    String[] opts = spec.substring(0, colon).split(",");
    String rest = spec.substring(colon + 1);
    int arkPos = -1;
    int scpPos = -1;
    boolean binary = true;
    boolean flush = false;
    boolean perm = false;
    int order = 0;
    for (String o : opts) {
      switch (o.strip().toLowerCase(Locale.ROOT)) {
        case "ark":
          if (arkPos >= 0) {
            throw new IllegalArgumentException("'ark' given twice in '" + spec + "'");
          }
          arkPos = order++;
          break;
        case "scp":
          if (scpPos >= 0) {
            throw new IllegalArgumentException("'scp' given twice in '" + spec + "'");
          }
          scpPos = order++;
          break;
        case "b":
          binary = true;
          break;
        case "t":
          binary = false;
          break;
        case "f":
          flush = true;
          break;
        case "nf":
          flush = false;
          break;
        case "p":
          perm = true;
          break;
        default:
          throw new IllegalArgumentException("unknown wspecifier option '" + o + "' in '" + spec + "'");
      }
    }
    if (arkPos < 0 && scpPos < 0) {
      throw new IllegalArgumentException("wspecifier must say ark, scp or ark,scp: '" + spec + "'");
    }
    String ark = null;
    String scp = null;
    if (arkPos >= 0 && scpPos >= 0) {
      int comma = rest.indexOf(',');
      if (comma < 0) {
        throw new IllegalArgumentException("ark,scp wspecifier needs two names separated by ',': '" + spec + "'");
      }
      String first = rest.substring(0, comma);
      String second = rest.substring(comma + 1);
      ark = arkPos == 0 ? first : second;
      scp = arkPos == 0 ? second : first;
      if (ark.isBlank() || scp.isBlank()) {
        throw new IllegalArgumentException("empty filename in '" + spec + "'");
      }
    } else if (arkPos >= 0) {
      ark = rest;
    } else {
      scp = rest;
    }
    return new Wspecifier(ark, scp, binary, flush, perm);
  }
}
