package com.bounceledger.report;

import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;

/**
 * Charts over cells of the workbook. SXSSF has no chart API of its own, but a streamed sheet keeps its drawing
 * in the underlying XSSF sheet, which can hold charts. The values are also cached in the chart, since the
 * cells they refer to may already be flushed to disk.
 */
final class Charts {

    private Charts() {
    }

    /** Where a chart stands: its top-left and bottom-right cells. */
    record Place(int fromColumn, int fromRow, int toColumn, int toRow) {
    }

    /** The category labels, read from a column of a sheet's rows from {@code firstRow} on. */
    record Categories(String sheet, int column, int firstRow, String[] labels) {
        String range(int valueColumn, String valueSheet) {
            return new CellRangeAddress(firstRow, firstRow + labels.length - 1, valueColumn, valueColumn)
                    .formatAsString(valueSheet, true);
        }
    }

    /** One series: its name and its values, in a column of the same rows as the categories. */
    record Series(String name, String sheet, int column, Number[] values) {
    }

    static void draw(SXSSFSheet sheet, Place place, String title, ChartTypes type, Categories categories,
                     List<Series> series, String valueFormat) {
        sheet.createDrawingPatriarch();
        XSSFDrawing drawing = sheet.getDrawingPatriarch();
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, place.fromColumn(), place.fromRow(),
                place.toColumn(), place.toRow()));
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
        left.setCrosses(AxisCrosses.AUTO_ZERO);
        left.setNumberFormat(valueFormat);
        XDDFCategoryDataSource categoryData = XDDFDataSourcesFactory.fromArray(categories.labels(),
                categories.range(categories.column(), categories.sheet()));
        XDDFChartData data = chart.createData(type, bottom, left);
        if (data instanceof XDDFBarChartData bars) {
            bars.setBarDirection(BarDirection.COL);
            bars.setVaryColors(false);
        }
        for (int i = 0; i < series.size(); i++) {
            Series one = series.get(i);
            XDDFChartData.Series plotted = data.addSeries(categoryData,
                    XDDFDataSourcesFactory.fromArray(one.values(), categories.range(one.column(), one.sheet())));
            plotted.setTitle(one.name(), null);
            colour(plotted, PALETTE[i % PALETTE.length]);
        }
        chart.plot(data);
    }

    /** Excel's first theme colours (blue, orange, grey), so the charts look familiar. */
    private static final byte[][] PALETTE = {
            {(byte) 0x44, (byte) 0x72, (byte) 0xC4}, {(byte) 0xED, (byte) 0x7D, (byte) 0x31},
            {(byte) 0xA5, (byte) 0xA5, (byte) 0xA5}};

    /**
     * Explicit colours: without them LibreOffice draws bars without fill and lines without a stroke, only the
     * markers.
     */
    private static void colour(XDDFChartData.Series series, byte[] rgb) {
        XDDFSolidFillProperties fill = new XDDFSolidFillProperties(XDDFColor.from(rgb));
        XDDFShapeProperties shape = new XDDFShapeProperties();
        if (series instanceof XDDFLineChartData.Series line) {
            XDDFLineProperties stroke = new XDDFLineProperties(fill);
            stroke.setWidth(2.0);
            shape.setLineProperties(stroke);
            line.setSmooth(false);
            line.setMarkerStyle(MarkerStyle.CIRCLE);
        } else {
            shape.setFillProperties(fill);
        }
        series.setShapeProperties(shape);
    }
}
