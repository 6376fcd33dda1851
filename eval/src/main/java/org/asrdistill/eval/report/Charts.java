package org.asrdistill.eval.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** Line charts rendered headless to inline SVG with JFreeChart and JFreeSVG. */
public final class Charts {
  private Charts() {
  }

  /** A named series of (x, y) points; NaN values are left out. */
  public record Series(String name, double[] x, double[] y) {
    public Series {
      if (x.length != y.length) {
        throw new IllegalArgumentException("x and y must have equal lengths; got: " + x.length + " and " + y.length);
      }
    }
  }

  /**
   * An SVG element ({@code <svg ...>...</svg>}) of a line chart with point markers. {@code id} prefixes the
   * chart's internal definitions so that several charts can be inlined in one HTML page.
   */
  public static String lineChartSvg(String id, String title, String xLabel, String yLabel, List<Series> series,
      int width, int height) {
    System.setProperty("java.awt.headless", "true");
    XYSeriesCollection data = new XYSeriesCollection();
    for (Series s : series) {
      XYSeries xy = new XYSeries(s.name(), true, true);
      for (int i = 0; i < s.x().length; i++) {
        if (!Double.isNaN(s.x()[i]) && !Double.isNaN(s.y()[i])) {
          xy.addOrUpdate(s.x()[i], s.y()[i]);
        }
      }
      data.addSeries(xy);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
        true, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < series.size(); i++) {
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    plot.setRenderer(renderer);
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    g2.setDefsKeyPrefix(id + "-");
    chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
    return g2.getSVGElement(id);
  }
}
