using System.IO;
using System.Linq;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace Specialized.Filters.BenchmarkReport;

/// <summary>A bar chart of generated-kernel time relative to OpenCV (one thread), with the 0.5 goal marked.</summary>
public static class Chart
{
    public static void Write(Report report, string path)
    {
        var ratios = report.ChartRatios().ToList();
        var model = new PlotModel
        {
            Title = "Gaussian blur: generated kernel time / OpenCV 4.13 time (one thread; lower is better)",
            TitleFontSize = 14,
            Background = OxyColors.White,
        };
        model.Axes.Add(new CategoryAxis { Position = AxisPosition.Left, ItemsSource = ratios.Select(r => r.Label).ToList(), StartPosition = 1, EndPosition = 0 });
        double largest = ratios.SelectMany(r => new[] { r.FullHd ?? 0, r.Uhd8K ?? 0 }).DefaultIfEmpty(1).Max();
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Minimum = 0, Maximum = System.Math.Max(1.1, largest * 1.05), Title = "time relative to OpenCV", MajorGridlineStyle = LineStyle.Dot });
        var fullHd = new BarSeries { Title = "1920x1080", FillColor = OxyColor.FromRgb(0x2b, 0x6c, 0xb0) };
        var uhd = new BarSeries { Title = "7680x4320", FillColor = OxyColor.FromRgb(0xe0, 0x8a, 0x2c) };
        foreach (var (_, a, b) in ratios)
        {
            fullHd.Items.Add(new BarItem(a ?? 0));
            uhd.Items.Add(new BarItem(b ?? 0));
        }

        model.Series.Add(fullHd);
        if (ratios.Any(r => r.Uhd8K is not null))
        {
            model.Series.Add(uhd);
        }

        model.Annotations.Add(new LineAnnotation { Type = LineAnnotationType.Vertical, X = 0.5, Color = OxyColors.DarkGreen, Text = "goal 0.5", TextOrientation = AnnotationTextOrientation.Horizontal, LineStyle = LineStyle.Dash });
        model.Annotations.Add(new LineAnnotation { Type = LineAnnotationType.Vertical, X = 1.0, Color = OxyColors.Gray, Text = "OpenCV", TextOrientation = AnnotationTextOrientation.Horizontal, LineStyle = LineStyle.Dash });
        model.Legends.Add(new OxyPlot.Legends.Legend { LegendPosition = OxyPlot.Legends.LegendPosition.BottomRight });
        using FileStream file = File.Create(path);
        new OxyPlot.SkiaSharp.PngExporter { Width = 900, Height = 120 + (28 * ratios.Count) }.Export(model, file);
    }
}
