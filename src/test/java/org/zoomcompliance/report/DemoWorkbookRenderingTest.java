package org.zoomcompliance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.zoomcompliance.cli.ExitCodes;
import org.zoomcompliance.cli.ZoomComplianceCommand;
import org.zoomcompliance.generate.ExportGenerator;
import org.zoomcompliance.support.TestClocks;
import org.zoomcompliance.support.TestHomes;
import picocli.CommandLine;

/**
 * The demo's workbook as the DPO sees it printed: converted to PDF by LibreOffice (headless), its Summary page
 * rasterised (poppler's {@code pdftoppm}) and its words measured ({@code pdftotext -bbox}). Skipped, saying so,
 * only when LibreOffice or poppler-utils is not installed.
 */
class DemoWorkbookRenderingTest {

    /** A4 landscape in PDF points. */
    private static final double A4_LONG = 841.9;
    private static final double A4_SHORT = 595.3;
    /**
     * The smallest legible print: the median height of a page's words must be at least this many points. A word's
     * box (ascent to descent) is about 1.15 times the font size, so 8 points is text printed at 7 points, the
     * smallest size commonly set for footnotes: 11-point cells printed above 64 % of their size.
     */
    private static final double LEGIBLE_WORD_HEIGHT = 8.0;
    private static final int RESOLUTION_DPI = 72;
    /** Pixels of a series' colour the chart must leave: a bar or a line segment of a few millimetres is hundreds. */
    private static final int MIN_INK_PIXELS = 150;
    /** Pixels a lone point of the trend leaves (its marker, and the legend's sample): far fewer than a line. */
    private static final int MIN_MARKER_PIXELS = 20;
    /**
     * Pixels a line between two adjacent months adds at least to the lone marker's: a second marker is about 20,
     * the 2.25-point stroke a twelfth of the chart long about 75 more (measured: 55 alone, 149 with the line).
     */
    private static final int LINE_SEGMENT_PIXELS = 60;

    private static final Pattern PAGE = Pattern.compile("<page width=\"([\\d.]+)\" height=\"([\\d.]+)\">(.*?)</page>",
            Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile(
            "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>");

    @Test
    void theDemoWorkbookPrintsLegiblyAndItsChartsLeaveInk() throws Exception {
        Optional<Path> soffice = onPath("soffice");
        Optional<Path> pdftoppm = onPath("pdftoppm");
        Optional<Path> pdftotext = onPath("pdftotext");
        Assumptions.assumeTrue(soffice.isPresent() && pdftoppm.isPresent() && pdftotext.isPresent(),
                "DemoWorkbookRenderingTest skipped: no soffice, pdftoppm or pdftotext on the PATH (install them with:"
                        + " apt-get install --no-install-recommends libreoffice-calc poppler-utils)");

        // given the demo's workbook of October 2026
        Path home = TestHomes.newHome();
        StringWriter out = new StringWriter();
        CommandLine demo = ZoomComplianceCommand.commandLine(TestClocks.afterSampleMonth());
        demo.setOut(new PrintWriter(out, true));
        demo.setErr(new PrintWriter(out, true));
        assertThat(demo.execute("--home", home.toString(), "demo")).as(out.toString()).isEqualTo(ExitCodes.OK);
        Path workbook = home.resolve("reports/2026-10/zoom-compliance-2026-10.xlsx");

        // when LibreOffice converts it to PDF, and the Summary page is rasterised
        Path rendering = Files.createDirectories(home.resolve("rendering"));
        run(rendering, soffice.get().toString(), "-env:UserInstallation=" + rendering.resolve("profile").toUri(),
                "--headless", "--norestore", "--convert-to", "pdf", "--outdir", rendering.toString(),
                workbook.toString());
        Path pdf = rendering.resolve("zoom-compliance-2026-10.pdf");
        assertThat(pdf).as("the PDF LibreOffice wrote").isNotEmptyFile();
        run(rendering, pdftoppm.get().toString(), "-f", "1", "-l", "1", "-r", String.valueOf(RESOLUTION_DPI), "-png",
                "-singlefile", pdf.toString(), rendering.resolve("summary").toString());
        run(rendering, pdftotext.get().toString(), "-bbox", pdf.toString(), rendering.resolve("words.html").toString());
        List<Page> pages = pages(Files.readString(rendering.resolve("words.html"), StandardCharsets.UTF_8));

        // then every page is A4 landscape, printed at a legible size, with its header and footer
        assertThat(pages).as("pages of the PDF").hasSizeGreaterThanOrEqualTo(DpoWorkbook.SHEETS.size());
        for (int i = 0; i < pages.size(); i++) {
            Page page = pages.get(i);
            String name = "page " + (i + 1) + " (" + page.footer() + ")";
            assertThat(page.width()).as(name + " width").isCloseTo(A4_LONG, offset(2.0));
            assertThat(page.height()).as(name + " height").isCloseTo(A4_SHORT, offset(2.0));
            assertThat(page.medianWordHeight()).as(name + " median word height (points)")
                    .isGreaterThanOrEqualTo(LEGIBLE_WORD_HEIGHT);
            assertThat(page.text()).as(name).contains("Institut Exemple", "Confidential", "Page " + (i + 1) + " of ");
        }
        List<String> sheetsPrinted = pages.stream().map(Page::footer).distinct().toList();
        assertThat(sheetsPrinted).as("sheets in print order").containsSubsequence(DpoWorkbook.SHEETS);
        assertThat(pages.get(0).text()).contains("Deviations per rule, 2026-10", "Deviations, last 12 months");

        // and on the Summary page the bars leave ink of their colour, right of the tables; the trend leaves the
        // marker of October, the one month the demo evaluated, and no line: the eleven months before it were not
        // evaluated and are a gap, not a line along zero
        BufferedImage summary = ImageIO.read(rendering.resolve("summary.png").toFile());
        int chartsFrom = summary.getWidth() / 2;
        assertThat(pixels(summary, chartsFrom, SummaryCharts.BAR_COLOUR)).as("bar pixels")
                .isGreaterThanOrEqualTo(MIN_INK_PIXELS);
        int loneMarker = pixels(summary, chartsFrom, SummaryCharts.TREND_COLOURS.get(0));
        assertThat(loneMarker).as("trend pixels").isBetween(MIN_MARKER_PIXELS, MIN_INK_PIXELS);

        // when September is ingested and evaluated too (a generated month with its planted deviations) and
        // October's workbook is built again
        Path september = home.resolve("september");
        new ExportGenerator().generate(YearMonth.of(2026, 9), ExportGenerator.MINIMUM_MEETINGS, 3, september);
        Files.delete(september.resolve(ExportGenerator.MANIFEST));
        assertThat(demo.execute("--home", home.toString(), "ingest", september.toString())).as(out.toString())
                .isEqualTo(ExitCodes.OK);
        assertThat(demo.execute("--home", home.toString(), "evaluate", "--month", "2026-09")).as(out.toString())
                .isEqualTo(ExitCodes.OK);
        assertThat(demo.execute("--home", home.toString(), "report", "--month", "2026-10")).as(out.toString())
                .isEqualTo(ExitCodes.OK);
        Path twoMonths = Files.createDirectories(home.resolve("rendering-two-months"));
        run(twoMonths, soffice.get().toString(), "-env:UserInstallation=" + rendering.resolve("profile").toUri(),
                "--headless", "--norestore", "--convert-to", "pdf", "--outdir", twoMonths.toString(),
                workbook.toString());
        run(twoMonths, pdftoppm.get().toString(), "-f", "1", "-l", "1", "-r", String.valueOf(RESOLUTION_DPI), "-png",
                "-singlefile", twoMonths.resolve("zoom-compliance-2026-10.pdf").toString(),
                twoMonths.resolve("summary").toString());

        // then the trend draws a line from September to October: ink well beyond a second marker
        BufferedImage trend = ImageIO.read(twoMonths.resolve("summary.png").toFile());
        assertThat(pixels(trend, chartsFrom, SummaryCharts.TREND_COLOURS.get(0))).as("trend pixels, two months")
                .isGreaterThanOrEqualTo(loneMarker + LINE_SEGMENT_PIXELS);
    }

    /** One page of the PDF: its size in points, its words' heights, its text and the sheet its footer names. */
    private record Page(double width, double height, double[] wordHeights, String text, String footer) {

        double medianWordHeight() {
            double[] sorted = wordHeights.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
        }
    }

    private static List<Page> pages(String bbox) {
        List<Page> pages = new ArrayList<>();
        Matcher page = PAGE.matcher(bbox);
        while (page.find()) {
            double height = Double.parseDouble(page.group(2));
            List<Double> heights = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            StringBuilder footer = new StringBuilder();
            Matcher word = WORD.matcher(page.group(3));
            while (word.find()) {
                double xMin = Double.parseDouble(word.group(1));
                double yMin = Double.parseDouble(word.group(2));
                double yMax = Double.parseDouble(word.group(4));
                String value = word.group(5).replace("&amp;", "&");
                text.append(value).append(' ');
                if (yMin > height - 40 && xMin < 200) {
                    // the footer's left section: the sheet's name
                    footer.append(footer.isEmpty() ? "" : " ").append(value);
                } else if (yMin > 40) {
                    heights.add(yMax - yMin);
                }
            }
            pages.add(new Page(Double.parseDouble(page.group(1)), height,
                    heights.stream().mapToDouble(Double::doubleValue).toArray(), text.toString(), footer.toString()));
        }
        return pages;
    }

    /** Pixels right of {@code fromX} within a small distance of a colour (anti-aliasing shades the edges). */
    private static int pixels(BufferedImage image, int fromX, int colour) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = fromX; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int dr = ((rgb >> 16) & 0xFF) - ((colour >> 16) & 0xFF);
                int dg = ((rgb >> 8) & 0xFF) - ((colour >> 8) & 0xFF);
                int db = (rgb & 0xFF) - (colour & 0xFF);
                if (dr * dr + dg * dg + db * db < 40 * 40) {
                    count++;
                }
            }
        }
        return count;
    }

    private static void run(Path folder, String... command) throws IOException, InterruptedException {
        Path log = folder.resolve("command.log");
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        // A bound so that a hung converter fails the test instead of the build; not an assertion on speed.
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command[0] + " did not finish: " + Files.readString(log));
        }
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + Files.readString(log)).isZero();
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator)).map(folder -> Path.of(folder, program))
                .filter(Files::isExecutable).findFirst();
    }
}
