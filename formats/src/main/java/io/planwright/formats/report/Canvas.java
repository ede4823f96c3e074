package io.planwright.formats.report;

/**
 * What a chart is drawn on: lines, boxes, dots and words at coordinates in pixels from the top left. One
 * drawing of each chart serves two canvases, SVG for pages ({@link SvgCanvas}) and a PNG image for PDFs and
 * e-mails ({@link ImageCanvas}), so the two cannot drift apart.
 */
interface Canvas {

    enum Anchor { START, MIDDLE, END }

    void rect(double x, double y, double w, double h, String fill, String stroke);

    void line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed);

    void polyline(double[] xs, double[] ys, String stroke, double width, boolean dashed);

    void dot(double x, double y, double r, String fill);

    void text(double x, double y, String text, double size, String fill, Anchor anchor, boolean bold);
}
