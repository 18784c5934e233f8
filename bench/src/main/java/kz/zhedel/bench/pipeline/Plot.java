package kz.zhedel.bench.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Latency against rate, as a PNG a person can look at (log scale: the knee is what matters). */
final class Plot {

    private Plot() {
    }

    static void write(List<Step> steps, Path png) throws IOException {
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(series("intake → page p50", steps, s -> s.toPage().p50()));
        lines.addSeries(series("intake → page p99", steps, s -> s.toPage().p99()));
        lines.addSeries(series("intake answer p50", steps, s -> s.answer().p50()));
        lines.addSeries(series("intake answer p99", steps, s -> s.answer().p99()));
        JFreeChart chart = ChartFactory.createXYLineChart("zhedel pipeline: latency against offered rate",
                "reports per second (offered)", "milliseconds (log)", lines, PlotOrientation.VERTICAL, true, false,
                false);
        LogarithmicAxis log = new LogarithmicAxis("milliseconds (log)");
        log.setAllowNegativesFlag(false);
        log.setStrictValuesFlag(false);
        chart.getXYPlot().setRangeAxis(log);
        chart.getXYPlot().setBackgroundPaint(java.awt.Color.WHITE);
        chart.getXYPlot().setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        chart.getXYPlot().setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer lineAndShapes =
                new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, true);
        chart.getXYPlot().setRenderer(lineAndShapes);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 520);
    }

    private static XYSeries series(String name, List<Step> steps, java.util.function.ToDoubleFunction<Step> value) {
        XYSeries series = new XYSeries(name);
        for (Step step : steps) {
            double v = value.applyAsDouble(step);
            if (!Double.isNaN(v)) {
                series.add(step.rate(), Math.max(v, 0.1));
            }
        }
        return series;
    }
}
