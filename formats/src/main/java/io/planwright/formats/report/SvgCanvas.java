package io.planwright.formats.report;

import java.util.Locale;

/** A chart as inline SVG, with its text alternative as the title and the accessible name. */
final class SvgCanvas implements Canvas {

    private final StringBuilder out = new StringBuilder();

    SvgCanvas(int width, int height, String alt) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\" aria-label=\"").append(escape(alt))
                .append("\" font-family=\"Helvetica, Arial, sans-serif\"><title>").append(escape(alt)).append("</title>");
    }

    @Override
    public void rect(double x, double y, double w, double h, String fill, String stroke) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h))
                .append("\" fill=\"").append(fill == null ? "none" : fill).append('"');
        if (stroke != null) {
            out.append(" stroke=\"").append(stroke).append('"');
        }
        out.append("/>");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2)).append("\" y2=\"").append(n(y2))
                .append('"');
        stroke(stroke, width, dashed);
        out.append("/>");
    }

    @Override
    public void polyline(double[] xs, double[] ys, String stroke, double width, boolean dashed) {
        out.append("<polyline fill=\"none\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            out.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        out.append('"');
        stroke(stroke, width, dashed);
        out.append("/>");
    }

    @Override
    public void dot(double x, double y, double r, String fill) {
        out.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"").append(n(r)).append("\" fill=\"").append(fill)
                .append("\"/>");
    }

    @Override
    public void text(double x, double y, String text, double size, String fill, Anchor anchor, boolean bold) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size)).append("\" fill=\"")
                .append(fill).append('"');
        if (anchor != Anchor.START) {
            out.append(" text-anchor=\"").append(anchor == Anchor.MIDDLE ? "middle" : "end").append('"');
        }
        if (bold) {
            out.append(" font-weight=\"bold\"");
        }
        out.append('>').append(escape(text)).append("</text>");
    }

    private void stroke(String stroke, double width, boolean dashed) {
        out.append(" stroke=\"").append(stroke).append("\" stroke-width=\"").append(n(width)).append('"');
        if (dashed) {
            out.append(" stroke-dasharray=\"5 4\"");
        }
    }

    String svg() {
        return out + "</svg>";
    }

    private static String n(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
