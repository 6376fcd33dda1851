package org.asrdistill.eval.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report as a list of blocks (headings, paragraphs, tables, plots), rendered to Markdown (plots as
 * relative links to {@code plots/NAME.svg}) and to one self-contained HTML page (plots inlined as SVG).
 */
final class ReportDocument {
  private sealed interface Block permits Heading, Paragraph, Table, Plot {
  }

  private record Heading(int level, String text, String anchor) implements Block {
  }

  private record Paragraph(String text) implements Block {
  }

  private record Table(List<String> header, List<List<String>> rows) implements Block {
  }

  private record Plot(String name, String title, String svg) implements Block {
  }

  private final String title;
  private final List<Block> blocks = new ArrayList<>();
  private final Map<String, String> plots = new LinkedHashMap<>();

  ReportDocument(String title) {
    this.title = title;
  }

  void heading(int level, String text, String anchor) {
    blocks.add(new Heading(level, text, anchor));
  }

  void paragraph(String text) {
    blocks.add(new Paragraph(text));
  }

  void table(List<String> header, List<List<String>> rows) {
    blocks.add(new Table(List.copyOf(header), List.copyOf(rows)));
  }

  void plot(String name, String title, String svg) {
    if (!name.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("plot name must match [a-z0-9-]+; got: " + name);
    }
    if (plots.put(name, svg) != null) {
      throw new IllegalArgumentException("duplicate plot name: " + name);
    }
    blocks.add(new Plot(name, title, svg));
  }

  /** Plot name to SVG document text. */
  Map<String, String> plots() {
    Map<String, String> out = new LinkedHashMap<>();
    plots.forEach((k, v) -> out.put(k, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + v + "\n"));
    return out;
  }

  String markdown() {
    StringBuilder sb = new StringBuilder("# ").append(title).append("\n\n");
    for (Block b : blocks) {
      if (b instanceof Heading h) {
        sb.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
      } else if (b instanceof Paragraph p) {
        sb.append(p.text()).append("\n\n");
      } else if (b instanceof Table t) {
        sb.append(mdRow(t.header()));
        sb.append("|").append("---|".repeat(t.header().size())).append('\n');
        for (List<String> r : t.rows()) {
          sb.append(mdRow(r));
        }
        sb.append('\n');
      } else if (b instanceof Plot p) {
        sb.append("![").append(p.title()).append("](plots/").append(p.name()).append(".svg)\n\n");
      }
    }
    return sb.toString();
  }

  private static String mdRow(List<String> cells) {
    StringBuilder sb = new StringBuilder("|");
    for (String c : cells) {
      sb.append(' ').append(c.replace("|", "\\|")).append(" |");
    }
    return sb.append('\n').toString();
  }

  String html() {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(esc(title)).append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;max-width:72em;margin:2em auto;padding:0 1em;color:#222}\n")
        .append("table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #bbb;padding:.3em .6em;")
        .append("text-align:right}th{background:#eee}td:first-child,th:first-child{text-align:left}\n")
        .append("figure{display:inline-block;margin:.5em}figcaption{text-align:center;font-size:.9em}\n")
        .append("</style>\n</head>\n<body>\n<h1>").append(esc(title)).append("</h1>\n");
    for (Block b : blocks) {
      if (b instanceof Heading h) {
        sb.append("<h").append(h.level()).append(" id=\"").append(esc(h.anchor())).append("\">").append(esc(h.text()))
            .append("</h").append(h.level()).append(">\n");
      } else if (b instanceof Paragraph p) {
        sb.append("<p>").append(esc(p.text())).append("</p>\n");
      } else if (b instanceof Table t) {
        sb.append("<table>\n<tr>");
        for (String c : t.header()) {
          sb.append("<th>").append(esc(c)).append("</th>");
        }
        sb.append("</tr>\n");
        for (List<String> r : t.rows()) {
          sb.append("<tr>");
          for (String c : r) {
            sb.append("<td>").append(esc(c)).append("</td>");
          }
          sb.append("</tr>\n");
        }
        sb.append("</table>\n");
      } else if (b instanceof Plot p) {
        sb.append("<figure id=\"plot-").append(p.name()).append("\">\n").append(p.svg()).append("\n<figcaption>")
            .append(esc(p.title())).append("</figcaption>\n</figure>\n");
      }
    }
    return sb.append("</body>\n</html>\n").toString();
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
