package dev.agentanalytics.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * The report as one self-contained HTML file: the page, its style and its script inlined from the resources under
 * {@code report/}, and the rows as gzip-compressed JSON in base64, which the browser inflates itself. Nothing is
 * loaded from anywhere when the file is opened.
 */
final class ReportPage {
    private ReportPage() {}

    static void write(ReportData data, Path file) throws IOException {
        String page = resource("report.html")
                .replace("/*STYLE*/", resource("report.css"))
                .replace("/*DATA*/", compressed(data))
                .replace("/*SCRIPT*/", resource("report.js"));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, page, StandardCharsets.UTF_8);
    }

    private static String compressed(ReportData data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 1 << 16)) {
            new ObjectMapper().writeValue(gzip, data);
        }
        return Base64.getMimeEncoder(120, new byte[] {'\n'}).encodeToString(bytes.toByteArray());
    }

    private static String resource(String name) {
        try (InputStream in = ReportPage.class.getResourceAsStream("/report/" + name)) {
            if (in == null) throw new IllegalStateException("Missing resource report/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
