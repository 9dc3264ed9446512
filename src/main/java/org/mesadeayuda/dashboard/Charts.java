package org.mesadeayuda.dashboard;

import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * The dashboard's charts as inline SVG, drawn on the server: no script, nothing fetched, readable when printed. The
 * colours are the Okabe–Ito palette, told apart by people with any common colour-vision deficiency, and never the
 * only cue: every bar carries its label and number, and every chart has its table beside it.
 */
final class Charts {

  static final String BLUE = "#0072B2";
  static final String YELLOW = "#F0E442";
  static final String VERMILLION = "#D55E00";
  static final String SKY_BLUE = "#56B4E9";
  static final String ORANGE = "#E69F00";
  static final String GREY = "#999999";

  private static final int LABEL_WIDTH = 190;
  private static final int BAR_AREA = 210;
  private static final int ROW = 26;

  private Charts() {}

  /** A bar: its label, value, fill and the list it opens (null: none). */
  record Bar(String label, long value, String colour, String href) {}

  /** A series of the stacked trend chart. */
  record Series(String label, String colour, long[] values) {}

  /** Horizontal bars, one per row, each a link to the list behind it. */
  static String bars(String title, List<Bar> bars) {
    long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
    int height = ROW * Math.max(1, bars.size()) + 8;
    int width = LABEL_WIDTH + BAR_AREA + 60;
    StringBuilder svg = open(title, width, height);
    int y = 4;
    for (Bar bar : bars) {
      int length = bar.value() == 0 ? 0 : (int) Math.max(2, Math.round((double) BAR_AREA * bar.value() / max));
      StringBuilder row = new StringBuilder();
      row.append(text(LABEL_WIDTH - 8, y + 17, "end", bar.label()));
      row.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 3).append("\" width=\"")
          .append(length).append("\" height=\"").append(ROW - 8).append("\" fill=\"").append(bar.colour())
          .append("\" stroke=\"#333\" stroke-width=\"0.5\"/>");
      row.append(text(LABEL_WIDTH + length + 6, y + 17, "start", String.valueOf(bar.value())));
      if (bar.href() != null && bar.value() > 0) {
        svg.append("<a href=\"").append(escape(bar.href())).append("\">").append(row).append("</a>");
      } else {
        svg.append(row);
      }
      y += ROW;
    }
    return svg.append("</svg>").toString();
  }

  /** Vertical stacked bars, one per month, with a legend under them. */
  static String stacked(String title, List<String> months, List<Series> series) {
    int columns = months.size();
    int plotHeight = 160;
    int columnWidth = 44;
    int left = 36;
    int width = left + columns * columnWidth + 10;
    int height = plotHeight + 70;
    long max = 1;
    for (int i = 0; i < columns; i++) {
      long total = 0;
      for (Series s : series) {
        total += s.values()[i];
      }
      max = Math.max(max, total);
    }
    StringBuilder svg = open(title, width, height);
    int top = 10;
    svg.append("<line x1=\"").append(left).append("\" y1=\"").append(top + plotHeight).append("\" x2=\"")
        .append(width - 4).append("\" y2=\"").append(top + plotHeight).append("\" stroke=\"#333\"/>");
    svg.append(text(left - 4, top + 10, "end", String.valueOf(max)));
    svg.append(text(left - 4, top + plotHeight, "end", "0"));
    for (int i = 0; i < columns; i++) {
      int x = left + i * columnWidth + 6;
      double base = top + plotHeight;
      for (Series s : series) {
        double h = (double) plotHeight * s.values()[i] / max;
        if (h > 0) {
          svg.append(String.format(Locale.ROOT,
              "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\" stroke=\"#333\" stroke-width=\"0.5\"/>",
              x, base - h, columnWidth - 12, h, s.colour()));
          base -= h;
        }
      }
      svg.append(text(x + (columnWidth - 12) / 2, top + plotHeight + 16, "middle", months.get(i)));
    }
    int legendX = left;
    for (Series s : series) {
      int y = top + plotHeight + 34;
      svg.append("<rect x=\"").append(legendX).append("\" y=\"").append(y).append("\" width=\"12\" height=\"12\" fill=\"")
          .append(s.colour()).append("\" stroke=\"#333\" stroke-width=\"0.5\"/>");
      svg.append(text(legendX + 16, y + 11, "start", s.label()));
      legendX += 28 + s.label().length() * 7;
    }
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(String title, int width, int height) {
    return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" font-family=\"Helvetica Neue, Arial, sans-serif\" font-size=\"12\"><title>")
        .append(escape(title)).append("</title>");
  }

  private static String text(int x, int y, String anchor, String content) {
    return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" fill=\"#222\">" + escape(content)
        + "</text>";
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
  }
}
