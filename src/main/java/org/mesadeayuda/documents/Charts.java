package org.mesadeayuda.documents;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Bar charts for the documents (JFreeChart), as PNG data URIs an HTML template embeds. Colours are the Okabe–Ito
 * palette, told apart by people with the common colour-vision deficiencies; every chart has its figures in a table
 * beside it in the document, and each bar carries its value.
 */
public final class Charts {

  /** Okabe–Ito: blue, orange, bluish green, vermillion, sky blue, reddish purple, yellow. */
  public static final List<Color> PALETTE = List.of(new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
      new Color(0xD55E00), new Color(0x56B4E9), new Color(0xCC79A7), new Color(0xF0E442));
  private static final int SCALE = 2;

  private Charts() {}

  /**
   * Bars per category, one series per entry of {@code series} (series name → category → value), horizontal when
   * the category names are long.
   */
  public static String bars(String valueAxis, Map<String, Map<String, ? extends Number>> series, boolean horizontal,
      int width, int height) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    series.forEach((name, values) -> values.forEach((category, value) -> data.addValue(value, name, category)));
    JFreeChart chart = ChartFactory.createBarChart(null, null, valueAxis, data,
        horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL, series.size() > 1, false, false);
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11 * SCALE);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    if (chart.getLegend() != null) {
      chart.getLegend().setItemFont(font);
      chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(new Color(0xBBBBBB));
    plot.setRangeGridlineStroke(new BasicStroke(SCALE));
    CategoryAxis categories = plot.getDomainAxis();
    categories.setTickLabelFont(font);
    categories.setMaximumCategoryLabelLines(2);
    NumberAxis values = (NumberAxis) plot.getRangeAxis();
    values.setTickLabelFont(font);
    values.setLabelFont(font);
    values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    values.setUpperMargin(0.15);
    BarRenderer bars = (BarRenderer) plot.getRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setItemMargin(0.05);
    bars.setMaximumBarWidth(0.12);
    for (int i = 0; i < series.size(); i++) {
      Paint paint = PALETTE.get(i % PALETTE.size());
      bars.setSeriesPaint(i, paint);
    }
    bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
        java.text.NumberFormat.getNumberInstance(SpanishText.SPANISH)));
    bars.setDefaultItemLabelFont(font);
    bars.setDefaultItemLabelsVisible(true);
    return png(chart, width, height);
  }

  private static String png(JFreeChart chart, int width, int height) {
    BufferedImage image = chart.createBufferedImage(width * SCALE, height * SCALE);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
