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

  /** How far past the last row a row range may end (Kaldi's tolerance for segment edge effects). */
  public static final int ROW_TOLERANCE = 2;

  /**
   * Checks the range fits a {@code rows x cols} object and returns end-exclusive bounds. As in Kaldi, a row
   * end up to {@link #ROW_TOLERANCE} past the last row is accepted and clamped; columns must fit exactly,
   * and the result may not be empty.
   */
  public int[] resolve(int rows, int cols) {
    long r1 = rowEnd == ALL ? rows : (long) rowEnd + 1;
    long c1 = colEnd == ALL ? cols : (long) colEnd + 1;
    if (r1 > (long) rows + ROW_TOLERANCE || c1 > cols || rowStart >= Math.min(r1, rows) || colStart >= c1) {
      throw new IllegalArgumentException("range " + this + " is outside a " + rows + " x " + cols + " object");
    }
    return new int[] {rowStart, (int) Math.min(r1, rows), colStart, (int) c1};
  }

  /** True if only rows are selected (the form a vector range must have). */
  public boolean rowsOnly() {
    return colStart == 0 && colEnd == ALL;
  }

  @Override
  public String toString() {
    return "[" + rowStart + ":" + (rowEnd == ALL ? "" : rowEnd) + "," + colStart + ":"
        + (colEnd == ALL ? "" : colEnd) + "]";
  }
}
