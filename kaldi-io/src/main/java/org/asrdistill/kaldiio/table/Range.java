package org.asrdistill.kaldiio.table;

/**
 * A row range and optional column range from an scp entry, {@code [r0:r1]} or {@code [r0:r1,c0:c1]},
 * inclusive as Kaldi writes them; an empty side ({@code [:,0:12]}) means everything.
 */
public record Range(int rowStart, int rowEnd, int colStart, int colEnd) {
  /** Marks "to the end" for an end index. */
  public static final int ALL = -1;

  public Range {
    if (rowStart < 0 || colStart < 0) {
      throw new IllegalArgumentException("range starts must be >= 0; got: " + rowStart + ", " + colStart);
    }
    if (rowEnd != ALL && rowEnd < rowStart) {
      throw new IllegalArgumentException("row range end must be >= start; got: " + rowStart + ":" + rowEnd);
    }
    if (colEnd != ALL && colEnd < colStart) {
      throw new IllegalArgumentException("column range end must be >= start; got: " + colStart + ":" + colEnd);
    }
  }

  /** Parses the text between the brackets, e.g. {@code 0:9} or {@code 0:9,3:5} or {@code :,0:12}. */
  public static Range parse(String inner) {
    String[] parts = inner.split(",", -1);
    if (parts.length > 2) {
      throw new IllegalArgumentException("bad range '[" + inner + "]': at most one comma");
    }
    int[] rows = side(parts[0], inner);
    int[] cols = parts.length == 2 ? side(parts[1], inner) : new int[] {0, ALL};
    return new Range(rows[0], rows[1], cols[0], cols[1]);
  }

  private static int[] side(String s, String whole) {
    s = s.strip();
    if (s.isEmpty() || s.equals(":")) {
      return new int[] {0, ALL};
    }
    int colon = s.indexOf(':');
    try {
      if (colon < 0) {
        int v = Integer.parseInt(s);
        return new int[] {v, v};
      }
      return new int[] {Integer.parseInt(s.substring(0, colon).strip()),
          Integer.parseInt(s.substring(colon + 1).strip())};
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad range '[" + whole + "]': expected integers like [0:9,0:12]");
    }
  }

  /** Checks the range fits a {@code rows x cols} object and returns end-exclusive bounds. */
  public int[] resolve(int rows, int cols) {
    int r1 = rowEnd == ALL ? rows : rowEnd + 1;
    int c1 = colEnd == ALL ? cols : colEnd + 1;
    if (r1 > rows || c1 > cols) {
      throw new IllegalArgumentException("range " + this + " is outside a " + rows + " x " + cols + " object");
    }
    return new int[] {rowStart, r1, colStart, c1};
  }

  @Override
  public String toString() {
    return "[" + rowStart + ":" + (rowEnd == ALL ? "" : rowEnd) + "," + colStart + ":"
        + (colEnd == ALL ? "" : colEnd) + "]";
  }
}
