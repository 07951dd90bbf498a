package org.zoomcompliance.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.time.YearMonth;
import java.util.HexFormat;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.config.HomeFolder;

/** Registers a small real workbook in the {@code report} table, as the report job does, for console tests. */
final class TestWorkbooks {

    /** A registered workbook: its row id, file, content and SHA-256. */
    record Registered(long id, Path file, byte[] content, String sha256) {
    }

    private TestWorkbooks() {
    }

    static Registered register(JdbcTemplate jdbc, HomeFolder home, YearMonth month, int version) throws IOException {
        Path folder = Files.createDirectories(home.reports().resolve(month.toString()));
        Path file = folder.resolve("zoom-compliance-" + month + (version > 1 ? "-v" + version : "") + ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Summary").createRow(0).createCell(0).setCellValue("Report of " + month);
            workbook.write(out);
        }
        byte[] content = Files.readAllBytes(file);
        String sha256 = sha256(content);
        Long id = jdbc.queryForObject("insert into report (month, version, path, sha256, size_bytes) values (?, ?, ?, ?, ?)"
                + " returning id", Long.class, Date.valueOf(month.atDay(1)), version, file.toString(), sha256, (long) content.length);
        return new Registered(id, file, content, sha256);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
